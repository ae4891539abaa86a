import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { forwardedPath, privateHttpIntegration } from './private';
import { albOf, albVpc, checkPrivateAlbOptions, missingAlbOption } from '../../shared/private-alb';
import { vpcLinkV2 } from '../../shared/vpc-links';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';

/** An application load balancer's listener through a VPC link v2. */
export function bindPrivateAlbRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'privateAlb'>): RestIntegrationBinding {
  const { listener, options } = spec;
  checkPrivateAlbOptions(ctx, options);
  const vpc = albVpc(ctx, listener, options);
  const { path } = forwardedPath(ctx.route);
  const host = options.host ?? albOf(listener)?.loadBalancerDnsName ?? missingAlbOption(ctx, listener, 'host');
  const uri = `http://${host}${options.port !== undefined ? `:${options.port}` : ''}${path}`;
  const link = vpcLinkV2(ctx.scope, vpc, options.subnets);
  const integration = privateHttpIntegration(ctx, uri, undefined, options);
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
        integrationTarget: listener.listenerArn,
      };
    },
  };
}
