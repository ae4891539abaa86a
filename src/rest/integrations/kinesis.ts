import { kinesisCall } from '../../templates/kinesis-call';
import { RouteValues } from '../../templates/route-values';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** Kinesis PutRecord: the client gets `{"sequenceNumber": …, "shardId": …}`. */
export function bindKinesisRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'kinesis'>): RestIntegrationBinding {
  const values = new RouteValues(ctx);
  return restServiceIntegration(ctx, kinesisCall(ctx, spec, values, `${ctx.prop} Integration.kinesis`), values.requestParameters);
}
