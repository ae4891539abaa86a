import { throwIfProblems } from '../../core/errors';
import { dynamoDbCall, grantDynamoDbCall } from '../../templates/dynamodb-call';
import { RouteValues } from '../../templates/route-values';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { dynamoDbChecks } from '../../vocabulary/integrations/dynamodb';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** DynamoDB item reads and writes with plain JSON in and out. */
export function bindDynamoDbRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'dynamoDb'>): RestIntegrationBinding {
  const { table, action, options: o } = spec;
  const prop = `${ctx.prop} Integration.dynamoDb`;
  const values = new RouteValues(ctx);
  const { lookup, problems } = dynamoDbChecks(prop, table, action, o);
  const call = dynamoDbCall(prop, table, action, o, values, lookup);
  throwIfProblems(ctx.scope, [...problems, ...values.problems]);

  const role = ctx.serviceRole(table, 'Lets API Gateway read and write items of this table');
  grantDynamoDbCall(role, table, action, o.indexName);
  return restServiceIntegration(ctx, {
    service: 'dynamodb',
    action,
    role,
    headers: call.headers,
    requestTemplate: call.requestTemplate,
    responseTemplate: call.responseTemplate,
    requestParameters: values.requestParameters,
    // The body's attributes become the item: the validator refuses anything but an object.
    requestSchema: call.bodySchema ?? values.requestSchema(),
    timeout: o.timeout,
  });
}
