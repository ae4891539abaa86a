import { aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';

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

  /**
   * A KMS key (in the stack's Region) to encrypt the log group the gateway creates with (not
   * allowed with `logGroup`). The gateway adds to the key's policy the statement AWS documents
   * for CloudWatch Logs: `logs.<region>.amazonaws.com` may use the key for log groups of this
   * account and Region. An imported key's policy cannot be changed from here: the gateway warns
   * (`AccessLogKeyPolicyNotUpdated`) with the statement to add yourself.
   * @default - encrypted at rest by CloudWatch Logs with a key it owns
   */
  readonly encryptionKey?: kms.IKey;
}
