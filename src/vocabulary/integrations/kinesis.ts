import { optional, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';

/** Options for `Integration.kinesis`. */
export interface KinesisIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * The record's partition key (records with the same key go to the same shard, in order).
   * @default RequestValue.context('requestId') (records spread evenly, no ordering)
   */
  readonly partitionKey?: RequestValue;

  /**
   * The record's data.
   * @default RequestValue.body()
   */
  readonly data?: RequestValue;
}

// The shapes untyped (JavaScript) callers are checked against.

export const KINESIS_INTEGRATION_OPTIONS = struct<KinesisIntegrationOptions>('KinesisIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  partitionKey: optional(REQUEST_VALUE),
  data: optional(REQUEST_VALUE),
}, "{ partitionKey: RequestValue.jsonPath('$.userId') }");
