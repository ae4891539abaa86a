import { webSocketServiceIntegration } from './service-integration';
import { eventBridgeCall } from '../../templates/event-bridge-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** EventBridge PutEvents from a WebSocket message; errors come back in the body. */
export function webSocketEventBridge(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'eventBridge'>): WebSocketIntegrationBinding {
  const call = eventBridgeCall(ctx, spec, webSocketRouteValues(ctx.route), `${ctx.prop} Integration.eventBridge`, 'inBody');
  return webSocketServiceIntegration(ctx, call);
}
