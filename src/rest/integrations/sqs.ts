import { RouteValues } from '../../templates/route-values';
import { sqsCall } from '../../templates/sqs-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

const REST_SQS = { attributeExample: 'tenant', groupIdFirst: true };

/** SQS SendMessage: the request becomes a message; the client gets `{"messageId": …}`. */
export function bindSqsRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'sqs'>): RestIntegrationBinding {
  const values = new RouteValues(ctx);
  return restServiceIntegration(ctx, sqsCall(ctx, spec, values, `${ctx.prop} Integration.sqs`, REST_SQS), values.requestParameters);
}
