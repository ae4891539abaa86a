import { Duration, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_lambda as lambda } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { webSocketLambdaProxy } from '../../websocket/integrations/lambda';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindLambdaHttp, refuseHttpOnlyOptions } from '../../http/integrations/lambda';
import { restIntegrationTimeout } from '../../rest/integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Integration.lambda`. */
export interface LambdaIntegrationOptions {
  /**
   * How long API Gateway waits for the function (50 ms to 29 s; longer only on regional
   * and private REST APIs after a quota increase).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;

  /**
   * The event format the function receives on an HTTP API (1.0 is the REST-style event).
   * REST and WebSocket APIs have one format and refuse this option.
   * @default PayloadFormatVersion.VERSION_2_0
   */
  readonly payloadFormatVersion?: apigwv2.PayloadFormatVersion;
}

/** Lambda proxy: the function gets the request as an event and returns the response. */
export class LambdaTarget implements IntegrationTarget {
  public readonly factory = 'Integration.lambda';

  constructor(private readonly handler: lambda.IFunction, private readonly options: LambdaIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    refuseHttpOnlyOptions(ctx, this.options);
    return webSocketLambdaProxy(ctx, this.handler, this.options);
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    refuseHttpOnlyOptions(ctx, this.options);
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

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    return bindLambdaHttp(ctx, this.handler, this.options);
  }
}
