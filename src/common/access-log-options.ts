import { aws_logs as logs } from 'aws-cdk-lib';

/** Where and whether a gateway writes its JSON access logs. */
export interface AccessLogOptions {
  /**
   * Write access logs at all.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * An existing log group to write to instead of the one the gateway creates.
   * @default - a log group owned by the gateway
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * Retention of the log group the gateway creates (not allowed with `logGroup`).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;
}
