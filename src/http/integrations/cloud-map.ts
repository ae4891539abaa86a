import { bindPrivateHttp } from './private';
import { fail } from '../../core/errors';
import { refuseOption, vpcLinkV2 } from '../../shared/vpc-links';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { PrivateIntegrationOptions, UnusedPrivateIntegrationOptions } from '../../vocabulary/integrations/private';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';

/**
 * A Cloud Map service on an HTTP API: API Gateway discovers the service's instances and sends
 * to one of them (on the port it registered) through a VPC link v2 in `vpc`, which a Cloud
 * Map service does not name.
 */
export function bindCloudMapHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'cloudMap'>): HttpIntegrationBinding {
  const { service } = spec;
  // As plain JavaScript may pass them: options of the other private integrations are refused.
  const options: PrivateIntegrationOptions & UnusedPrivateIntegrationOptions = spec.options;
  const factory = 'Integration.cloudMap';
  const instancesSay = 'API Gateway sends to the address and port each instance registered';
  refuseOption(ctx, factory, 'port', options.port, instancesSay);
  refuseOption(ctx, factory, 'host', options.host, instancesSay);
  refuseOption(ctx, factory, 'networkListener', options.networkListener, 'it is for Integration.privateNlb');
  const vpc = options.vpc ?? fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} vpc`,
    rule: "is required: a Cloud Map service does not name its VPC, and the VPC link v2 goes into the VPC of the service's instances",
    value: undefined,
    fix: 'pass the VPC the instances run in as vpc (and subnets to pick the link\'s subnets)',
  });
  return bindPrivateHttp(ctx, factory, service, service.serviceArn, vpcLinkV2(ctx.scope, vpc, options.subnets), options);
}
