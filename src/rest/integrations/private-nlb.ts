import { Token, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { forwardedPath, privateHttpIntegration } from './private';
import { fail } from '../../core/errors';
import { nlbListenerOnPort } from '../../shared/nlb-listeners';
import { checkMethod, checkPort, restVpcLink } from '../../shared/vpc-links';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';

const FACTORY = 'Integration.privateNlb';

/** A network load balancer through a VPC link (v1), by its DNS name and port. */
export function bindPrivateNlbRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'privateNlb'>): RestIntegrationBinding {
  const { loadBalancer: nlb, options } = spec;
  checkPort(ctx, FACTORY, options.port);
  checkMethod(ctx, FACTORY, options.method);
  if (options.networkListener) {
    fail(ctx.scope, {
      code: 'UnsupportedCombination',
      prop: `${ctx.prop} ${FACTORY} networkListener`,
      rule: 'only applies on an HttpGateway (REST APIs reach the load balancer by its DNS name and port)',
      value: options.networkListener.node.path,
      fix: "remove it and set port to the listener's port",
    });
  }
  const port = options.port ?? 80;
  // REST APIs send to the load balancer's DNS name and port: a port without a listener would answer nothing.
  if (nlb instanceof elbv2.NetworkLoadBalancer && !Token.isUnresolved(port)) nlbListenerOnPort(ctx, FACTORY, nlb, port);
  const { path } = forwardedPath(ctx.route);
  const uri = `http://${nlb.loadBalancerDnsName}:${port}${path}`;
  return { integration: privateHttpIntegration(ctx, uri, restVpcLink(ctx.scope, nlb), options) };
}
