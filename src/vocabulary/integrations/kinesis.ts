import { Token } from 'aws-cdk-lib';
import { otherActionOptionProblems } from './action-options';
import { KINESIS_ACTION, KinesisAction, SHARD_ITERATOR_TYPE, ShardIteratorType } from './kinesis-action';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { Problem } from '../../core/errors';
import { num, optional, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.kinesis`. */
export interface KinesisIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * The Kinesis call. Each takes its own options: `partitionKey` and `data` are PutRecord's;
   * `shardId`, `iteratorType` and `sequenceNumber` GetShardIterator's; `shardIterator` and
   * `limit` GetRecords'.
   * @default KinesisAction.PUT_RECORD
   */
  readonly action?: KinesisAction;

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

  /**
   * The shard GetShardIterator reads, as ListShards names it (`shardId-000000000000`).
   * @default RequestValue.queryString('shardId')
   */
  readonly shardId?: RequestValue;

  /**
   * Where the shard iterator starts.
   * @default ShardIteratorType.TRIM_HORIZON
   */
  readonly iteratorType?: ShardIteratorType;

  /**
   * The sequence number an iterator of type `AT_SEQUENCE_NUMBER` or `AFTER_SEQUENCE_NUMBER`
   * starts at (required for those, refused for the others).
   * @default - none
   */
  readonly sequenceNumber?: RequestValue;

  /**
   * The shard iterator GetRecords reads at, as GetShardIterator or the previous GetRecords
   * answered it.
   * @default RequestValue.queryString('shardIterator')
   */
  readonly shardIterator?: RequestValue;

  /**
   * How many records one GetRecords returns at most (1 to 1,000: API Gateway runs at most
   * 1,000 iterations of a template's loop).
   * @default 100
   */
  readonly limit?: number;
}

/** Which options each action takes: the others are refused rather than ignored. */
const ACTION_OPTIONS: Record<KinesisAction, readonly (keyof KinesisIntegrationOptions)[]> = {
  [KinesisAction.PUT_RECORD]: ['partitionKey', 'data'],
  [KinesisAction.PUT_RECORDS]: [],
  [KinesisAction.LIST_SHARDS]: [],
  [KinesisAction.GET_SHARD_ITERATOR]: ['shardId', 'iteratorType', 'sequenceNumber'],
  [KinesisAction.GET_RECORDS]: ['shardIterator', 'limit'],
};
const AT_A_RECORD: readonly ShardIteratorType[] = [ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.AFTER_SEQUENCE_NUMBER];

/** What is wrong with the options for their action on any gateway. */
export function kinesisProblems(prop: string, options: KinesisIntegrationOptions): Problem[] {
  const action = options.action ?? KinesisAction.PUT_RECORD;
  const problems = otherActionOptionProblems(prop, options, action, 'KinesisAction', KinesisAction, ACTION_OPTIONS);
  if (action === KinesisAction.GET_SHARD_ITERATOR) {
    const atRecord = AT_A_RECORD.includes(options.iteratorType ?? ShardIteratorType.TRIM_HORIZON);
    if (atRecord && !options.sequenceNumber) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} sequenceNumber`,
        rule: `is required for ShardIteratorType.${options.iteratorType}`,
        value: undefined,
        fix: "set sequenceNumber, e.g. RequestValue.queryString('after')",
      });
    }
    if (!atRecord && options.sequenceNumber) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} sequenceNumber`,
        rule: `only applies to iterators at a record (AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER), not ${options.iteratorType ?? 'TRIM_HORIZON'}`,
        value: options.sequenceNumber,
        fix: 'remove it, or set iteratorType: ShardIteratorType.AFTER_SEQUENCE_NUMBER',
      });
    }
  }
  const limit = options.limit;
  if (limit !== undefined && !Token.isUnresolved(limit) && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} limit`,
      rule: 'must be a whole number from 1 to 1000 (API Gateway loops over at most 1,000 records)',
      value: limit,
      fix: 'use e.g. 100',
    });
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const KINESIS_INTEGRATION_OPTIONS = struct<KinesisIntegrationOptions>('KinesisIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  action: optional(KINESIS_ACTION),
  partitionKey: optional(REQUEST_VALUE),
  data: optional(REQUEST_VALUE),
  shardId: optional(REQUEST_VALUE),
  iteratorType: optional(SHARD_ITERATOR_TYPE),
  sequenceNumber: optional(REQUEST_VALUE),
  shardIterator: optional(REQUEST_VALUE),
  limit: optional(num('100')),
}, "{ partitionKey: RequestValue.jsonPath('$.userId') }");
