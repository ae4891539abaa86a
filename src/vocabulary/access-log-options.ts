import { aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { RequestValue, REQUEST_VALUE } from './request-value';
import { bool, map, optional, struct } from '../core/shape';
import { RETENTION_DAYS } from '../core/shapes/aws';
import { KMS_KEY, LOG_GROUP } from '../core/shapes/refs';

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

  /**
   * Fields to log besides the gateway's standard ones, each a context variable:
   * `{ tenant: RequestValue.context('authorizer.tenantId'), wafAction: RequestValue.context('waf.status') }`.
   * Names are 1-64 letters, digits or `_`, and cannot replace a standard field. Mind what the
   * values hold: access logs are kept for the log group's retention.
   * @default - the standard fields only
   */
  readonly additionalFields?: { [field: string]: RequestValue };
}

// The shapes untyped (JavaScript) callers are checked against.

export const ACCESS_LOG_OPTIONS = struct<AccessLogOptions>('AccessLogOptions', {
  enabled: optional(bool()),
  logGroup: optional(LOG_GROUP),
  retention: optional(RETENTION_DAYS),
  encryptionKey: optional(KMS_KEY),
  additionalFields: optional(map(REQUEST_VALUE, "{ tenant: RequestValue.context('authorizer.tenantId') }")),
}, '{ enabled: false } to turn access logs off');
