import { enumOf } from '../../core/shape';

/** The Kinesis Data Streams API call a route makes. */
export enum KinesisAction {
  /** Puts the body (or `data`) as one record: answers `{"sequenceNumber": …, "shardId": …}`. */
  PUT_RECORD = 'PutRecord',
  /**
   * Puts the records of a body `{"records": [{"data": …, "partitionKey": …}]}` (1 to 500;
   * `data` a string as its text, any other JSON as its JSON text; without a `partitionKey`
   * records spread over the shards): answers
   * `{"records": [{"sequenceNumber", "shardId"} or {"errorCode"}], "failedRecordCount": n}`,
   * in the order sent. Kinesis accepts each record or not: retry the failed ones.
   */
  PUT_RECORDS = 'PutRecords',
  /** Lists the stream's shards: answers `{"shards": [{"shardId": …, "closed": false}]}` (up to 1,000). */
  LIST_SHARDS = 'ListShards',
  /** Gets an iterator for reading a shard (`shardId`, from where `iteratorType` says): answers `{"shardIterator": …}`. */
  GET_SHARD_ITERATOR = 'GetShardIterator',
  /**
   * Reads up to `limit` records at a `shardIterator`: answers
   * `{"records": [{"data": …, "partitionKey": …, "sequenceNumber": …}], "nextShardIterator": …, "millisBehindLatest": n}`.
   * `data` is the record's bytes read as UTF-8 text (what PUT_RECORD and PUT_RECORDS write);
   * `nextShardIterator` is null once a closed shard is read to its end.
   */
  GET_RECORDS = 'GetRecords',
}

/** Where a shard iterator starts. */
export enum ShardIteratorType {
  /** At the oldest record the shard still holds. */
  TRIM_HORIZON = 'TRIM_HORIZON',
  /** After the newest record: only records put from now on. */
  LATEST = 'LATEST',
  /** At the record with `sequenceNumber`. */
  AT_SEQUENCE_NUMBER = 'AT_SEQUENCE_NUMBER',
  /** Right after the record with `sequenceNumber`. */
  AFTER_SEQUENCE_NUMBER = 'AFTER_SEQUENCE_NUMBER',
}

// The shapes untyped (JavaScript) callers are checked against.

export const KINESIS_ACTION = enumOf<KinesisAction>('KinesisAction', () => KinesisAction);
export const SHARD_ITERATOR_TYPE = enumOf<ShardIteratorType>('ShardIteratorType', () => ShardIteratorType);
