import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { refuseHttpOnlyOptions } from '../../shared/lambda-invocation';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';

/** Lambda proxy: the function gets the request as an event and returns the response. */
export function bindLambdaRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'lambda'>): RestIntegrationBinding {
  const { handler, options } = spec;
  refuseHttpOnlyOptions(ctx, options);
  ctx.grantInvoke(handler);
  // AwsIntegration rather than LambdaIntegration: the latter adds permissions per method.
  return {
    integration: new apigw.AwsIntegration({
      proxy: true,
      service: 'lambda',
      path: `2015-03-31/functions/${handler.functionArn}/invocations`,
      options: { timeout: restIntegrationTimeout(ctx, options.timeout) },
    }),
  };
}
