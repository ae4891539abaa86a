import { bindPrivateHttp, checkListenerPort } from './private';
import { fail } from '../../core/errors';
import { listenerPort, nlbListenerOnPort } from '../../shared/nlb-listeners';
import { checkPort, vpcLinkV2 } from '../../shared/vpc-links';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';

const DEFAULT_PORT = 80;

/**
 * A network load balancer on an HTTP API. HTTP APIs send to a listener's ARN, not to a DNS
 * name and port as REST APIs do: the integration uses `networkListener`, else the load balancer's
 * listener on `port`, through the VPC's shared VPC link v2 (not the REST API's v1 link).
 */
export function bindPrivateNlbHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'privateNlb'>): HttpIntegrationBinding {
  const { loadBalancer: nlb, options } = spec;
  const factory = 'Integration.privateNlb';
  checkPort(ctx, factory, options.port);
  const listener = options.networkListener ?? nlbListenerOnPort(ctx, factory, nlb, options.port ?? DEFAULT_PORT, {
    why: ' on an HttpGateway, which sends to a listener',
    alternative: 'pass it as networkListener (e.g. NetworkListener.fromNetworkListenerArn)',
  });
  checkListenerPort(ctx, factory, listener, listenerPort(listener), options.port);
  const vpc = options.vpc ?? nlb.vpc ?? fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} vpc`,
    rule: 'is required on an HttpGateway for a load balancer whose VPC is not known (an imported one): the VPC link v2 goes into it',
    value: nlb.node.path,
    fix: "pass the load balancer's VPC as vpc",
  });
  return bindPrivateHttp(ctx, factory, listener, listener.listenerArn, vpcLinkV2(ctx.scope, vpc, options.subnets), options);
}
