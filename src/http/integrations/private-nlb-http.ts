import { Token, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { bindPrivateHttp, checkListenerPort } from './private-http';
import { PrivateIntegrationOptions } from '../../integrations/private-integration';
import { fail } from '../../private/errors';
import { checkPort, listenerPort, networkListeners, vpcLinkV2 } from '../../private/vpc-links';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';

const DEFAULT_PORT = 80;

/**
 * A network load balancer on an HTTP API. HTTP APIs send to a listener's ARN, not to a DNS
 * name and port as REST APIs do: the integration uses `networkListener`, else the load balancer's
 * listener on `port`, through the VPC's shared VPC link v2 (not the REST API's v1 link).
 */
export function bindPrivateNlbHttp(
  ctx: HttpRouteContext, factory: string, nlb: elbv2.INetworkLoadBalancer, options: PrivateIntegrationOptions,
): HttpIntegrationBinding {
  checkPort(ctx, factory, options.port);
  const listener = options.networkListener ?? listenerOnPort(ctx, factory, nlb, options.port ?? DEFAULT_PORT);
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

/** The load balancer's listener on `port`, among those in its stack (`nlb.addListener`). */
function listenerOnPort(ctx: HttpRouteContext, factory: string, nlb: elbv2.INetworkLoadBalancer, port: number): elbv2.INetworkListener {
  const listeners = networkListeners(nlb);
  const found = listeners.find(listener => listenerPort(listener) === port);
  if (found) return found;
  const ports = listeners.map(listenerPort).filter(p => p !== undefined && !Token.isUnresolved(p));
  return fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} port`,
    rule: `must be the port of a listener of ${nlb.node.path} on an HttpGateway, which sends to a listener (it has ${ports.length > 0 ? `listeners on ${ports.join(', ')}` : 'no listeners this app added'})`,
    value: port,
    fix: "set port to a listener's port, add the listener with nlb.addListener before the route, or pass it as networkListener (e.g. NetworkListener.fromNetworkListenerArn)",
  });
}
