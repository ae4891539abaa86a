import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { ServiceCall } from '../../templates/service-call';
import { clientErrorTemplate, RESPONSE_STATUSES, serverErrorTemplate } from '../../templates/service-errors';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { responseHeaderParameters } from '../rest-cors';

/**
 * A REST method's AWS service integration: JSON requests only (other content types get 415
 * rather than reaching a template written for JSON), the service's 2XX through the route's
 * response template, 4XX and 5XX through the shared error templates, and CORS headers on
 * every answer when the gateway has CORS (with several origins, set by the templates).
 */
export function restServiceIntegration(
  ctx: RestRouteContext, call: ServiceCall, requestParameters?: Record<string, boolean>,
): RestIntegrationBinding {
  const { responseParameters, declared } = responseHeaderParameters(ctx.cors, ctx.cors.headers);
  const json = (template: string) => ({ 'application/json': template });
  const response = (template: string) => json(ctx.cors.templatePrelude + template);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    headers[`integration.request.header.${name}`] = `'${value}'`;
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
        requestParameters: headers,
        requestTemplates: json(call.requestTemplate),
        timeout: restIntegrationTimeout(ctx, call.timeout),
        integrationResponses: [
          { statusCode: '200', responseTemplates: response(call.responseTemplate), responseParameters },
          { selectionPattern: '4\\d{2}', statusCode: '400', responseTemplates: response(clientErrorTemplate(call.service)), responseParameters },
          { selectionPattern: '5\\d{2}', statusCode: '502', responseTemplates: response(serverErrorTemplate()), responseParameters },
        ],
      },
    }),
    methodResponses: RESPONSE_STATUSES.map(statusCode => ({ statusCode, responseParameters: declared })),
    requestParameters,
    requestSchema: call.requestSchema,
  };
}
