import { Aws, Duration, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { ServiceRole } from '../../shared/service-roles';
import { clientErrorTemplate, serverErrorTemplate } from '../../templates/service-errors';
import { webSocketIntegrationTimeout } from '../integration-timeout';
import {
  DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_SELECTION, WebSocketIntegrationBinding, WebSocketRouteContext,
} from '../websocket-binding';

/** One AWS service API call made by API Gateway for a WebSocket route, with a mapping template. */
export interface WebSocketServiceCall {
  /** API Gateway's name for the service: `sqs`, `kinesis`, `dynamodb`, `states`, `events`. */
  readonly service: string;
  /** An action-style call (`PutRecord`), or … */
  readonly action?: string;
  /** … a path-style call (`{account}/{queueName}`). */
  readonly path?: string;
  readonly role: ServiceRole;
  /** Fixed integration request headers, e.g. `Content-Type`, `X-Amz-Target`. */
  readonly headers: Record<string, string>;
  readonly requestTemplate: string;
  /** Turns the service's 2XX answer into the message a two-way route sends back. */
  readonly responseTemplate: string;
  readonly requestSchema?: apigw.JsonSchema;
  readonly timeout?: Duration;
}

/**
 * A WebSocket route's AWS service integration: the same request template as on REST, chosen
 * by a fixed `$default` template selection (so nothing ever passes through untransformed),
 * the shared role as credentials, and, on two-way routes, the service's answer as a message:
 * 2XX through the route's response template, 4XX and 5XX through the shared error templates
 * with the status in the body (a WebSocket message has no status).
 */
export function webSocketServiceIntegration(ctx: WebSocketRouteContext, call: WebSocketServiceCall): WebSocketIntegrationBinding {
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
      { id: 'ClientErrorResponse', key: '/4\\d\\d/', template: clientErrorTemplate('inBody') },
      { id: 'ServerErrorResponse', key: '/5\\d\\d/', template: serverErrorTemplate('inBody') },
    ],
    requestSchema: call.requestSchema,
  };
}
