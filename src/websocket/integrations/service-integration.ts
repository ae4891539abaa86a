import { Aws, Stack } from 'aws-cdk-lib';
import { throwIfProblems, Problem } from '../../core/errors';
import { serviceContentHandlingProblems } from '../../templates/content-handling';
import { ServiceCall } from '../../templates/service-call';
import { clientErrorTemplate, serverErrorTemplate } from '../../templates/service-errors';
import { bodyTemplate, errorClassPattern, successTemplate } from '../../templates/service-response';
import { serviceResponseProblems } from '../../vocabulary/integrations/service-response';
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
  throwIfProblems(ctx.scope, [...webSocketResponseProblems(ctx, call), ...serviceContentHandlingProblems(call)]);
  const own = call.errorResponses ?? [];
  const ownStatuses = own.map(e => e.serviceStatus);
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
      // Binary frames reach the template as base64 text (the only conversion a service route takes).
      contentHandlingStrategy: call.contentHandling,
      timeoutInMillis: webSocketIntegrationTimeout(ctx, call.timeout),
    },
    responses: [
      { id: 'IntegrationResponse', key: '$default', template: successTemplate(call) },
      ...own.map(e => ({ id: `ErrorResponse${e.serviceStatus}`, key: `/${e.serviceStatus}/`, template: bodyTemplate(e.body) })),
      { id: 'ClientErrorResponse', key: `/${errorClassPattern(4, ownStatuses, '\\d\\d')}/`, template: clientErrorTemplate(call.service, 'inBody', call.clientNamesTarget) },
      { id: 'ServerErrorResponse', key: `/${errorClassPattern(5, ownStatuses, '\\d\\d')}/`, template: serverErrorTemplate('inBody') },
    ],
    requestSchema: call.requestSchema,
  };
}

/**
 * A WebSocket message has no status and no headers, and a one-way route sends the client
 * nothing: only two-way routes take a body of their own.
 */
function webSocketResponseProblems(ctx: WebSocketRouteContext, call: ServiceCall): Problem[] {
  const problems = serviceResponseProblems(call.prop, call.response, call.errorResponses);
  const refuse = (prop: string, value: unknown, rule: string, fix: string) => problems.push({ code: 'UnsupportedCombination', prop, rule, value, fix });
  const shapes = [
    { at: 'response', answer: call.response },
    ...(call.errorResponses ?? []).map((answer, i) => ({ at: `errorResponses[${i}]`, answer })),
  ];
  for (const { at, answer } of shapes) {
    if (!answer) continue;
    if (!ctx.returnResponse) {
      refuse(`${call.prop} ${at}`, answer, 'only applies to a two-way route (a one-way route sends the client nothing)',
        `set returnResponse: true on ${ctx.prop}, or remove it`);
      continue;
    }
    for (const name of ['statusCode', 'headers'] as const) {
      if (answer[name] !== undefined) {
        refuse(`${call.prop} ${at}.${name}`, answer[name], 'is not available on a WebSocketGateway (a WebSocket message has no status or headers)',
          'remove it; put what the client needs in the body');
      }
    }
  }
  return problems;
}
