import { dynamoDbServiceCall } from '../../templates/dynamodb-call';
import { RouteValues } from '../../templates/route-values';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** DynamoDB item reads and writes with plain JSON in and out. */
export function bindDynamoDbRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'dynamoDb'>): RestIntegrationBinding {
  const values = new RouteValues(ctx);
  const call = dynamoDbServiceCall(ctx, spec, values, `${ctx.prop} Integration.dynamoDb`, { style: 'httpStatus', problems: [], bodySchema: true });
  return restServiceIntegration(ctx, call, values.requestParameters);
}
