import { webSocketServiceIntegration } from './service-integration';
import { Problem } from '../../core/errors';
import { dynamoDbServiceCall } from '../../templates/dynamodb-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { DynamoDbAction } from '../../vocabulary/integrations/dynamodb-action';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { hasMessageBody } from '../websocket-route-key';
import { webSocketRouteValues } from '../websocket-template-values';

/**
 * DynamoDB item reads and writes from a WebSocket message: UPDATE_ITEM needs a message, and
 * errors come back in the body.
 */
export function webSocketDynamoDb(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'dynamoDb'>): WebSocketIntegrationBinding {
  const prop = `${ctx.prop} Integration.dynamoDb`;
  const problems: Problem[] = [];
  if (spec.action === DynamoDbAction.UPDATE_ITEM && !hasMessageBody(ctx.route)) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} action`,
      rule: `UPDATE_ITEM sets the message's attributes, and ${ctx.route.key} has no message`,
      value: spec.action,
      fix: 'use PUT_ITEM to store the key (e.g. the connection id), or move the route to a message route',
    });
  }
  const call = dynamoDbServiceCall(ctx, spec, webSocketRouteValues(ctx.route), prop, {
    style: 'inBody', problems, bodySchema: hasMessageBody(ctx.route),
  });
  return webSocketServiceIntegration(ctx, call);
}
