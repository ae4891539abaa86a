import { Duration, aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { IntegrationTarget } from './integration-target';
import { restIntegrationTimeout } from '../rest/integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';

/** Options for `Integration.lambda`. */
export interface LambdaIntegrationOptions {
  /**
   * How long API Gateway waits for the function (50 ms to 29 s; longer only on regional
   * and private REST APIs after a quota increase).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;
}

/** Lambda proxy: the function gets the request as an event and returns the response. */
export class LambdaTarget implements IntegrationTarget {
  public readonly factory = 'Integration.lambda';

  constructor(private readonly handler: lambda.IFunction, private readonly options: LambdaIntegrationOptions) {}

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    ctx.grantInvoke(this.handler);
    // AwsIntegration rather than LambdaIntegration: the latter adds permissions per method.
    return {
      integration: new apigw.AwsIntegration({
        proxy: true,
        service: 'lambda',
        path: `2015-03-31/functions/${this.handler.functionArn}/invocations`,
        options: { timeout: restIntegrationTimeout(ctx, this.options.timeout) },
      }),
    };
  }
}
