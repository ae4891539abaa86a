import { guardedRequest } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { jsonString } from './vtl-text';

/**
 * PutRecord: the data base64-encoded from its UTF-8 bytes, as the Kinesis API expects. A
 * refused value sends an empty partition key, which Kinesis refuses (400).
 */
export function putRecordRequest(streamName: string, data: TemplateValue, partitionKey: TemplateValue): string {
  const encoded = data.expr !== undefined
    ? `"$util.base64Encode(${data.expr})"`
    : JSON.stringify(Buffer.from(JSON.parse(data.json) as string, 'utf8').toString('base64'));
  const record = (d: string, key: string) => `{"StreamName":"${streamName}","Data":${d},"PartitionKey":${key}}`;
  return guardedRequest(data.prelude + partitionKey.prelude, data.refuses || partitionKey.refuses,
    record(encoded, partitionKey.json), record('""', '""'));
}

/** `{"sequenceNumber": …, "shardId": …}` */
export function putRecordResponse(): string {
  return `{"sequenceNumber":${jsonString('"$!{input.path(\'$.SequenceNumber\')}"')},`
    + `"shardId":${jsonString('"$!{input.path(\'$.ShardId\')}"')}}`;
}
