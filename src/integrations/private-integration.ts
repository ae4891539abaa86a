import { createHash } from 'crypto';
import {
  Duration, Names, Stack, Token, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { IntegrationTarget } from './integration-target';
import { fail } from '../private/errors';
import { HttpRouteKey } from '../private/route-key';
import { restIntegrationTimeout } from '../rest/integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';

/** Options of the private integrations (`privateNlb`, `privateAlb`, `cloudMap`). */
export interface PrivateIntegrationOptions {
  /**
   * The backend port.
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
   * `privateAlb` with an imported listener: the load balancer's VPC (the VPC link goes there).
   * @default - the VPC of the listener's load balancer
   */
  readonly vpc?: ec2.IVpc;

  /**
   * `privateAlb` with an imported listener: the host name requests are sent with.
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

/** One VPC link (v1) per network load balancer per stack, shared by every route and API. */
export function restVpcLink(scope: RestRouteContext['scope'], nlb: elbv2.INetworkLoadBalancer): apigw.VpcLink {
  const stack = Stack.of(scope);
  const id = `GatehouseVpcLink${Names.nodeUniqueId(nlb.node)}`;
  return (stack.node.tryFindChild(id) as apigw.VpcLink | undefined) ?? new apigw.VpcLink(stack, id, {
    targets: [nlb],
    description: `cdk-gatehouse: API Gateway to ${nlb.node.path}`,
  });
}

/** One VPC link (v2) per VPC and subnet set per stack, shared by every route and API. */
export function vpcLinkV2(scope: RestRouteContext['scope'], vpc: ec2.IVpc, subnets?: ec2.SubnetSelection): apigwv2.VpcLink {
  const stack = Stack.of(scope);
  // The VPC's default selection: private subnets, else isolated ones.
  const selected = vpc.selectSubnets(subnets);
  const subnetSet = selected.subnets.map(subnet => Names.nodeUniqueId(subnet.node)).sort().join(',');
  const id = `GatehouseVpcLinkV2${Names.nodeUniqueId(vpc.node)}${subnets ? hash(subnetSet) : ''}`;
  return (stack.node.tryFindChild(id) as apigwv2.VpcLink | undefined) ?? new apigwv2.VpcLink(stack, id, {
    vpc,
    subnets: { subnets: selected.subnets },
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
}

function checkPort(ctx: { scope: RestRouteContext['scope']; prop: string }, factory: string, port: number | undefined): void {
  if (port !== undefined && !Token.isUnresolved(port) && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} ${factory} port`,
      rule: 'must be a whole number from 1 to 65535',
      value: port,
      fix: 'use the port the backend listens on, e.g. 8080',
    });
  }
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

/** A network load balancer in a VPC, through a VPC link. */
export class PrivateNlbTarget implements IntegrationTarget {
  public readonly factory = 'Integration.privateNlb';

  constructor(public readonly nlb: elbv2.INetworkLoadBalancer, public readonly options: PrivateIntegrationOptions) {}

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    checkPort(ctx, this.factory, this.options.port);
    const { path } = forwardedPath(ctx.route);
    const uri = `http://${this.nlb.loadBalancerDnsName}:${this.options.port ?? 80}${path}`;
    return { integration: privateHttpIntegration(ctx, uri, restVpcLink(ctx.scope, this.nlb), this.options) };
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
    checkPort(ctx, this.factory, this.options.port);
    const vpc = this.vpc(ctx);
    const { path } = forwardedPath(ctx.route);
    const host = this.options.host ?? this.loadBalancer()?.loadBalancerDnsName ?? this.missing(ctx, 'host');
    const uri = `http://${host}${this.options.port !== undefined ? `:${this.options.port}` : ''}${path}`;
    const link = vpcLinkV2(ctx.scope, vpc);
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

  private loadBalancer(): elbv2.IApplicationLoadBalancer | undefined {
    return this.listener instanceof elbv2.ApplicationListener ? this.listener.loadBalancer : undefined;
  }

  private vpc(ctx: RestRouteContext): ec2.IVpc {
    return this.options.vpc ?? this.loadBalancer()?.vpc ?? this.missing(ctx, 'vpc');
  }

  private missing(ctx: RestRouteContext, option: 'vpc' | 'host'): never {
    return fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.privateAlb ${option}`,
      rule: 'is required for a listener whose load balancer is not known (an imported listener)',
      value: this.listener.node.path,
      fix: `pass the load balancer's ${option === 'vpc' ? 'VPC' : 'DNS name'} as ${option}`,
    });
  }
}

/** A Cloud Map service (HTTP APIs only). */
export class CloudMapTarget implements IntegrationTarget {
  public readonly factory = 'Integration.cloudMap';
  public readonly restAlternative = 'REST APIs cannot reach Cloud Map services: use an HttpGateway, or Integration.privateNlb / .privateAlb in front of the service';

  constructor(public readonly service: servicediscovery.IService, public readonly options: PrivateIntegrationOptions) {}
}
