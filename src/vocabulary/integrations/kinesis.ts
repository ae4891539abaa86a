import { ServiceIntegrationOptions } from './service-integration-options';
import { RequestValue } from '../request-value';

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
