import { Stack, Token, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fail } from '../core/errors';

/** The port of a listener this app defines; undefined for an imported one. */
export function listenerPort(listener: elbv2.INetworkListener): number | undefined {
  return listener instanceof elbv2.NetworkListener ? (listener.node.defaultChild as elbv2.CfnListener).port : undefined;
}

/**
 * The listeners of a load balancer this app defines: those added with `nlb.addListener` and,
 * when none of them is on the port sought, `new NetworkListener(...)` anywhere in its stack.
 */
function networkListeners(nlb: elbv2.INetworkLoadBalancer, port: number): elbv2.NetworkListener[] {
  const children = nlb.node.children.filter((child): child is elbv2.NetworkListener => child instanceof elbv2.NetworkListener);
  if (children.some(listener => listenerPort(listener) === port)) return children;
  return Stack.of(nlb).node.findAll()
    .filter((c): c is elbv2.NetworkListener => c instanceof elbv2.NetworkListener && c.loadBalancer === nlb);
}

/**
 * The load balancer's listener on `port`, among those this app defines (`nlb.addListener`); a
 * synth error naming the ports it has when there is none (requests to that port would go nowhere).
 * `why` says why the gateway needs the listener, `alternative` another way to give it.
 */
export function nlbListenerOnPort(
  ctx: { readonly scope: Construct; readonly prop: string }, factory: string, nlb: elbv2.INetworkLoadBalancer, port: number,
  options: { readonly why?: string; readonly alternative?: string } = {},
): elbv2.NetworkListener {
  const listeners = networkListeners(nlb, port);
  const found = listeners.find(listener => listenerPort(listener) === port);
  if (found) return found;
  const ports = listeners.map(listenerPort).filter(p => p !== undefined && !Token.isUnresolved(p));
  return fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} port`,
    rule: `must be the port of a listener of ${nlb.node.path}${options.why ?? ''} (it has ${ports.length > 0 ? `listeners on ${ports.join(', ')}` : 'no listeners this app added'})`,
    value: port,
    fix: `set port to a listener's port, ${options.alternative ? '' : 'or '}add the listener with nlb.addListener before the route${options.alternative ? `, or ${options.alternative}` : ''}`,
  });
}
