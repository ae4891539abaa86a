import { Aws, Stack } from 'aws-cdk-lib';
import { refuseHttpOnlyOptions } from '../../shared/lambda-invocation';
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
  const region = Stack.of(ctx.scope).region;
  return {
    integration: {
      integrationType: 'AWS_PROXY',
      integrationMethod: 'POST',
      integrationUri: `arn:${Aws.PARTITION}:apigateway:${region}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`,
      timeoutInMillis: webSocketIntegrationTimeout(ctx, options.timeout),
    },
  };
}
