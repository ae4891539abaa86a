import { webSocketServiceIntegration } from './service-integration';
import { throwIfProblems } from '../../core/errors';
import { dynamoDbCall, grantDynamoDbCall } from '../../templates/dynamodb-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { dynamoDbChecks } from '../../vocabulary/integrations/dynamodb';
import { DynamoDbAction } from '../../vocabulary/integrations/dynamodb-action';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { hasMessageBody } from '../websocket-route-key';
import { webSocketRouteValues } from '../websocket-template-values';

/**
 * DynamoDB from a WebSocket route with the same templates as on REST: typically the
 * connection table (`PUT_ITEM` on `$connect`, `DELETE_ITEM` on `$disconnect`, keyed by
 * `RequestValue.context('connectionId')`), or items read and written from messages.
 * `lookup` is the table's key schema and `optionProblems` the checks of the options that do
 * not depend on the gateway.
 */
export function webSocketDynamoDb(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'dynamoDb'>): WebSocketIntegrationBinding {
  const { table, action, options: o } = spec;
  const prop = `${ctx.prop} Integration.dynamoDb`;
  const { lookup, problems: optionProblems } = dynamoDbChecks(prop, table, action, o);
  const values = webSocketRouteValues(ctx.route);
  const call = dynamoDbCall(prop, table, action, o, values, lookup, 'inBody');
  const problems = [...optionProblems];
  if (action === DynamoDbAction.UPDATE_ITEM && !hasMessageBody(ctx.route)) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} action`,
      rule: `UPDATE_ITEM sets the message's attributes, and ${ctx.route.key} has no message`,
      value: action,
      fix: 'use PUT_ITEM to store the key (e.g. the connection id), or move the route to a message route',
    });
  }
  throwIfProblems(ctx.scope, [...problems, ...values.problems]);

  const role = ctx.serviceRole(table, 'Lets API Gateway read and write items of this table');
  grantDynamoDbCall(role, table, action, o.indexName);
  return webSocketServiceIntegration(ctx, {
    service: 'dynamodb',
    action,
    role,
    headers: call.headers,
    requestTemplate: call.requestTemplate,
    responseTemplate: call.responseTemplate,
    // The message's attributes become the item: API Gateway refuses anything but an object.
    requestSchema: (hasMessageBody(ctx.route) ? call.bodySchema : undefined) ?? values.requestSchema(),
    timeout: o.timeout,
  });
}
