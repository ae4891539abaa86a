import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { bindPrivateHttp, checkListenerPort } from './private';
import { albVpc, checkPrivateAlbOptions } from '../../shared/private-alb';
import { vpcLinkV2 } from '../../shared/vpc-links';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';

/**
 * An application load balancer's listener on an HTTP API: the integration sends to the
 * listener's ARN through the VPC's shared VPC link v2.
 */
export function bindPrivateAlbHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'privateAlb'>): HttpIntegrationBinding {
  const { listener, options } = spec;
  const factory = 'Integration.privateAlb';
  checkPrivateAlbOptions(ctx, options);
  const vpc = albVpc(ctx, listener, options);
  checkListenerPort(ctx, factory, listener, listener instanceof elbv2.ApplicationListener ? listener.port : undefined, options.port);
  const link = vpcLinkV2(ctx.scope, vpc, options.subnets);
  return bindPrivateHttp(ctx, factory, listener, listener.listenerArn, link, options);
}
