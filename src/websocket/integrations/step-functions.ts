import { webSocketServiceIntegration } from './service-integration';
import { stepFunctionsCall } from '../../templates/step-functions-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** Step Functions StartExecution or StartSyncExecution from a WebSocket message; errors come back in the body. */
export function webSocketStepFunctions(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'stepFunctions'>): WebSocketIntegrationBinding {
  const call = stepFunctionsCall(ctx, spec, webSocketRouteValues(ctx.route), `${ctx.prop} Integration.stepFunctions`, 'inBody');
  return webSocketServiceIntegration(ctx, call);
}
