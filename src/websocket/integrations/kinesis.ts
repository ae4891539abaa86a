import { webSocketServiceIntegration } from './service-integration';
import { kinesisCall } from '../../templates/kinesis-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** Kinesis PutRecord from a WebSocket message. */
export function webSocketKinesis(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'kinesis'>): WebSocketIntegrationBinding {
  return webSocketServiceIntegration(ctx, kinesisCall(ctx, spec, webSocketRouteValues(ctx.route), `${ctx.prop} Integration.kinesis`));
}
