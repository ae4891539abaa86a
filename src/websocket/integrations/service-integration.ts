import { Aws, Stack } from 'aws-cdk-lib';
import { ServiceCall } from '../../templates/service-call';
import { clientErrorTemplate, serverErrorTemplate } from '../../templates/service-errors';
import { webSocketIntegrationTimeout } from '../integration-timeout';
import {
  DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_SELECTION, WebSocketIntegrationBinding, WebSocketRouteContext,
} from '../websocket-binding';

/**
 * A WebSocket route's AWS service integration: the same request template as on REST, chosen
 * by a fixed `$default` template selection (so nothing ever passes through untransformed),
 * the shared role as credentials, and, on two-way routes, the service's answer as a message:
 * 2XX through the route's response template, 4XX and 5XX through the shared error templates
 * with the status in the body (a WebSocket message has no status).
 */
export function webSocketServiceIntegration(ctx: WebSocketRouteContext, call: ServiceCall): WebSocketIntegrationBinding {
  const requestParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    requestParameters[`integration.request.header.${name}`] = `'${value}'`;
  }
  const region = Stack.of(ctx.scope).region;
  const kind = call.action !== undefined ? `action/${call.action}` : `path/${call.path}`;
  return {
    integration: {
      integrationType: 'AWS',
      integrationMethod: 'POST',
      integrationUri: `arn:${Aws.PARTITION}:apigateway:${region}:${call.service}:${kind}`,
      credentialsArn: call.role.role.roleArn,
      passthroughBehavior: 'NEVER',
      requestParameters,
      templateSelectionExpression: DEFAULT_TEMPLATE_SELECTION,
      requestTemplates: { [DEFAULT_TEMPLATE_KEY]: call.requestTemplate },
      timeoutInMillis: webSocketIntegrationTimeout(ctx, call.timeout),
    },
    responses: [
      { id: 'IntegrationResponse', key: '$default', template: call.responseTemplate },
      { id: 'ClientErrorResponse', key: '/4\\d\\d/', template: clientErrorTemplate(call.service, 'inBody') },
      { id: 'ServerErrorResponse', key: '/5\\d\\d/', template: serverErrorTemplate('inBody') },
    ],
    requestSchema: call.requestSchema,
  };
}
