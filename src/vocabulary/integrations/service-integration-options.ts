import { Duration } from 'aws-cdk-lib';
import { duration, optional } from '../../core/shape';

/** Options every AWS service integration takes. */
export interface ServiceIntegrationOptions {
  /**
   * How long API Gateway waits for the service (50 ms to 29 s).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;
}

// The shapes untyped (JavaScript) callers are checked against.


/** The `timeout` option every integration takes. */
export const TIMEOUT = optional(duration('Duration.seconds(10)'));
