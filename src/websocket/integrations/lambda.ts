import { lambdaInvocationUri, refuseHttpOnlyOptions } from '../../shared/lambda-invocation';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { webSocketIntegrationTimeout } from '../integration-timeout';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';

/**
 * Lambda proxy on a WebSocket route: the function gets the connection and message as an
 * event; on a two-way route its `body` goes back to the client.
 */
export function webSocketLambdaProxy(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'lambda'>): WebSocketIntegrationBinding {
  const { handler, options } = spec;
  refuseHttpOnlyOptions(ctx, options);
  ctx.grantInvoke(handler);
  return {
    integration: {
      integrationType: 'AWS_PROXY',
      integrationMethod: 'POST',
      integrationUri: lambdaInvocationUri(ctx.scope, handler),
      timeoutInMillis: webSocketIntegrationTimeout(ctx, options.timeout),
    },
  };
}
