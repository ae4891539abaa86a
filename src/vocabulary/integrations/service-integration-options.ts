import { Duration } from 'aws-cdk-lib';

/** Options every AWS service integration takes. */
export interface ServiceIntegrationOptions {
  /**
   * How long API Gateway waits for the service (50 ms to 29 s).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;
}
