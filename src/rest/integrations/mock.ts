import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { verbatimTemplate } from '../../templates/verbatim-template';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { mockProblems } from '../../vocabulary/integrations/mock';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { responseHeaderParameters, withCorsHeaders } from '../rest-cors';

/** A response made by API Gateway without calling a backend (health checks, stubs). */
export function bindMockRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'mock'>): RestIntegrationBinding {
  const { options } = spec;
  throwIfProblems(ctx.scope, mockProblems(ctx.prop, options));
  const { responseParameters, declared } = responseHeaderParameters(ctx.cors, withCorsHeaders(ctx.cors.headers, options.headers));
  const status = String(options.statusCode ?? 200);
  return {
    integration: new apigw.MockIntegration({
      // A JSON request template is what makes MOCK answer with this status code; other
      // content types are refused (415) instead of reaching a mock that cannot parse them.
      passthroughBehavior: apigw.PassthroughBehavior.NEVER,
      requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
      integrationResponses: [{
        statusCode: status,
        // The CORS prelude decides the origin header; the body is quoted so it prints as written.
        responseTemplates: { 'application/json': ctx.cors.templatePrelude + verbatimTemplate(options.body ?? '') },
        responseParameters,
      }],
    }),
    methodResponses: [{ statusCode: status, responseParameters: declared }],
  };
}
