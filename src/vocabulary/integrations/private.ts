import {
  Duration, Token, aws_apigateway as apigw, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindCloudMapHttp } from '../../http/integrations/cloud-map';
import { bindPrivateAlbHttp } from '../../http/integrations/private-alb';
import { bindPrivateNlbHttp } from '../../http/integrations/private-nlb';
import { fail, throwIfProblems } from '../../core/errors';
import { hostProblems } from '../integration-url';
import { nlbListenerOnPort } from '../../shared/nlb-listeners';
import { HttpRouteKey } from '../../core/route-key';
import { checkMethod, checkPort, refuseOption, restVpcLink, vpcLinkV2 } from '../../shared/vpc-links';
import { restIntegrationTimeout } from '../../rest/integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';

/** Options of the private integrations (`privateNlb`, `privateAlb`, `cloudMap`). */
export interface PrivateIntegrationOptions {
  /**
   * The backend port. `privateNlb`: the port of the load balancer's listener requests go
   * through (for a load balancer this app defines, a listener on it, added with
   * `nlb.addListener` or created for it in its stack, must exist before the route).
   * `privateAlb` on an HttpGateway must match the listener's port when set. Not used by
   * `cloudMap` (the service's instances say).
   * @default 80 (the listener's port for `privateAlb`)
   */
  readonly port?: number;

  /**
   * The method used to call the backend.
   * @default - the route's method (`ANY` forwards the client's method)
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 29 s).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;

  /**
   * The VPC the VPC link v2 goes into: needed for `privateAlb` with an imported listener,
   * `privateNlb` on an HttpGateway with an imported load balancer, and `cloudMap` (whose
   * service does not name its VPC).
   * @default - the load balancer's VPC; none for `cloudMap`
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of the VPC link v2 (`privateAlb`; `privateNlb` and `cloudMap` on an
   * HttpGateway). Routes naming the same VPC and subnets share one link.
   * @default - the VPC's private subnets, else its isolated ones
   */
  readonly subnets?: ec2.SubnetSelection;

  /**
   * `privateNlb` on an HttpGateway: the listener requests go through (HTTP APIs send to a
   * listener, not to a DNS name and port). A RestGateway refuses it: set `port` instead.
   * @default - the load balancer's listener on `port`
   */
  readonly networkListener?: elbv2.INetworkListener;

  /**
   * `privateAlb` on a RestGateway with an imported listener: the host name requests are
   * sent with. HTTP APIs send to the listener itself and do not use it.
   * @default - the load balancer's DNS name
   */
  readonly host?: string;
}

/**
 * The backend path for a route: the route's own path, its parameters forwarded
 * (`/inventory/{proxy+}` → `/inventory/{proxy}` with `proxy` mapped from the request).
 */
export function forwardedPath(route: HttpRouteKey): { path: string; requestParameters: Record<string, string> } {
  const requestParameters: Record<string, string> = {};
  const path = route.segments.map(segment => {
    if (segment.kind === 'literal') return segment.text;
    requestParameters[`integration.request.path.${segment.name}`] = `method.request.path.${segment.name}`;
    return `{${segment.name}}`;
  }).join('/');
  return { path: `/${path}`, requestParameters };
}

function privateHttpIntegration(
  ctx: RestRouteContext, uri: string, vpcLink: apigw.IVpcLink | undefined, options: PrivateIntegrationOptions,
): apigw.Integration {
  const { requestParameters } = forwardedPath(ctx.route);
  return new apigw.Integration({
    type: apigw.IntegrationType.HTTP_PROXY,
    integrationHttpMethod: options.method ?? ctx.route.method,
    uri,
    options: {
      // Without a v1 link (the ALB's v2 link is set on the method's L1) the L2 must not check it.
      connectionType: vpcLink ? apigw.ConnectionType.VPC_LINK : undefined,
      vpcLink,
      timeout: restIntegrationTimeout(ctx, options.timeout),
      requestParameters: Object.keys(requestParameters).length > 0 ? requestParameters : undefined,
    },
  });
}

/** A network load balancer in a VPC, through a VPC link (v1 on REST, v2 on HTTP). */
export class PrivateNlbTarget implements IntegrationTarget {
  public readonly factory = 'Integration.privateNlb';

  constructor(public readonly nlb: elbv2.INetworkLoadBalancer, public readonly options: PrivateIntegrationOptions) {}

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    checkPort(ctx, this.factory, this.options.port);
    checkMethod(ctx, this.factory, this.options.method);
    if (this.options.networkListener) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: `${ctx.prop} ${this.factory} networkListener`,
        rule: 'only applies on an HttpGateway (REST APIs reach the load balancer by its DNS name and port)',
        value: this.options.networkListener.node.path,
        fix: "remove it and set port to the listener's port",
      });
    }
    const port = this.options.port ?? 80;
    // REST APIs send to the load balancer's DNS name and port: a port without a listener would answer nothing.
    if (this.nlb instanceof elbv2.NetworkLoadBalancer && !Token.isUnresolved(port)) nlbListenerOnPort(ctx, this.factory, this.nlb, port);
    const { path } = forwardedPath(ctx.route);
    const uri = `http://${this.nlb.loadBalancerDnsName}:${port}${path}`;
    return { integration: privateHttpIntegration(ctx, uri, restVpcLink(ctx.scope, this.nlb), this.options) };
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    return bindPrivateNlbHttp(ctx, this.factory, this.nlb, this.options);
  }
}

/**
 * An application load balancer listener in a VPC, through a VPC link v2 (REST APIs send
 * to the listener named by the integration's target).
 */
export class PrivateAlbTarget implements IntegrationTarget {
  public readonly factory = 'Integration.privateAlb';

  constructor(public readonly listener: elbv2.IApplicationListener, public readonly options: PrivateIntegrationOptions) {}

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    this.checkOptions(ctx);
    const vpc = this.vpc(ctx);
    const { path } = forwardedPath(ctx.route);
    const host = this.options.host ?? this.loadBalancer()?.loadBalancerDnsName ?? this.missing(ctx, 'host');
    const uri = `http://${host}${this.options.port !== undefined ? `:${this.options.port}` : ''}${path}`;
    const link = vpcLinkV2(ctx.scope, vpc, this.options.subnets);
    const integration = privateHttpIntegration(ctx, uri, undefined, this.options);
    return {
      integration,
      // aws-cdk-lib's REST integration knows only VPC link v1; the method's L1 takes the v2 link
      // and the listener it sends to.
      patchMethod: method => {
        const cfn = method.node.defaultChild as apigw.CfnMethod;
        cfn.integration = {
          ...(cfn.integration as apigw.CfnMethod.IntegrationProperty),
          connectionType: 'VPC_LINK',
          connectionId: link.vpcLinkId,
          integrationTarget: this.listener.listenerArn,
        };
      },
    };
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    this.checkOptions(ctx);
    return bindPrivateAlbHttp(ctx, this.factory, this.listener, this.vpc(ctx), this.options);
  }

  private checkOptions(ctx: { readonly scope: RestRouteContext['scope']; readonly prop: string }): void {
    checkPort(ctx, this.factory, this.options.port);
    checkMethod(ctx, this.factory, this.options.method);
    if (this.options.host !== undefined) throwIfProblems(ctx.scope, hostProblems(`${ctx.prop} ${this.factory} host`, this.options.host));
    refuseOption(ctx, this.factory, 'networkListener', this.options.networkListener, 'the listener is the one passed to Integration.privateAlb');
  }

  private loadBalancer(): elbv2.IApplicationLoadBalancer | undefined {
    return this.listener instanceof elbv2.ApplicationListener ? this.listener.loadBalancer : undefined;
  }

  private vpc(ctx: { readonly scope: RestRouteContext['scope']; readonly prop: string }): ec2.IVpc {
    return this.options.vpc ?? this.loadBalancer()?.vpc ?? this.missing(ctx, 'vpc');
  }

  private missing(ctx: { readonly scope: RestRouteContext['scope']; readonly prop: string }, option: 'vpc' | 'host'): never {
    return fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.privateAlb ${option}`,
      rule: 'is required for a listener whose load balancer is not known (an imported listener)',
      value: this.listener.node.path,
      fix: `pass the load balancer's ${option === 'vpc' ? 'VPC' : 'DNS name'} as ${option}`,
    });
  }
}

/** A Cloud Map service through a VPC link v2 (HTTP APIs only). */
export class CloudMapTarget implements IntegrationTarget {
  public readonly factory = 'Integration.cloudMap';
  public readonly restAlternative = 'REST APIs cannot reach Cloud Map services: use an HttpGateway, or Integration.privateNlb / .privateAlb in front of the service';

  constructor(public readonly service: servicediscovery.IService, public readonly options: PrivateIntegrationOptions) {}

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    return bindCloudMapHttp(ctx, this.factory, this.service, this.options);
  }
}
