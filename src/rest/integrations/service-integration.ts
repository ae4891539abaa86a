import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { ServiceRole } from '../../shared/service-roles';
import { clientErrorTemplate, RESPONSE_STATUSES, serverErrorTemplate } from '../../templates/service-errors';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { responseHeaderParameters } from '../rest-cors';

/** One AWS service API call made by API Gateway with a mapping template. */
export interface RestServiceCall {
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
  /** Turns the service's 2XX answer into the client's response. */
  readonly responseTemplate: string;
  /** Method request parameters the template reads. */
  readonly requestParameters?: Record<string, boolean>;
  readonly requestSchema?: apigw.JsonSchema;
  readonly timeout?: Duration;
}

/**
 * A REST method's AWS service integration: JSON requests only (other content types get 415
 * rather than reaching a template written for JSON), the service's 2XX through the route's
 * response template, 4XX and 5XX through the shared error templates, and CORS headers on
 * every answer when the gateway has CORS (with several origins, set by the templates).
 */
export function restServiceIntegration(ctx: RestRouteContext, call: RestServiceCall): RestIntegrationBinding {
  const { responseParameters, declared } = responseHeaderParameters(ctx.cors, ctx.cors.headers);
  const json = (template: string) => ({ 'application/json': template });
  const response = (template: string) => json(ctx.cors.templatePrelude + template);

  const requestParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    requestParameters[`integration.request.header.${name}`] = `'${value}'`;
  }

  return {
    integration: new apigw.AwsIntegration({
      service: call.service,
      action: call.action,
      path: call.path,
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: call.role.role,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestParameters,
        requestTemplates: json(call.requestTemplate),
        timeout: restIntegrationTimeout(ctx, call.timeout),
        integrationResponses: [
          { statusCode: '200', responseTemplates: response(call.responseTemplate), responseParameters },
          { selectionPattern: '4\\d{2}', statusCode: '400', responseTemplates: response(clientErrorTemplate()), responseParameters },
          { selectionPattern: '5\\d{2}', statusCode: '502', responseTemplates: response(serverErrorTemplate()), responseParameters },
        ],
      },
    }),
    methodResponses: RESPONSE_STATUSES.map(statusCode => ({ statusCode, responseParameters: declared })),
    requestParameters: call.requestParameters,
    requestSchema: call.requestSchema,
  };
}
