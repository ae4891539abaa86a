import { webSocketServiceIntegration } from './service-integration';
import { sqsCall } from '../../templates/sqs-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** SQS SendMessage from a WebSocket message. */
export function webSocketSqs(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'sqs'>): WebSocketIntegrationBinding {
  const call = sqsCall(ctx, spec, webSocketRouteValues(ctx.route), `${ctx.prop} Integration.sqs`, {
    attributeExample: 'connection', groupIdFirst: false,
  });
  return webSocketServiceIntegration(ctx, call);
}
