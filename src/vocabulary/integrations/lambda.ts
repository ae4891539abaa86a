import { Duration, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { TIMEOUT } from './service-integration-options';
import { optional, struct } from '../../core/shape';
import { PAYLOAD_FORMAT_VERSION } from '../../core/shapes/aws';

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

// The shapes untyped (JavaScript) callers are checked against.

export const LAMBDA_INTEGRATION_OPTIONS = struct<LambdaIntegrationOptions>('LambdaIntegrationOptions', {
  timeout: TIMEOUT,
  payloadFormatVersion: optional(PAYLOAD_FORMAT_VERSION),
}, '{ timeout: Duration.seconds(10) }');
