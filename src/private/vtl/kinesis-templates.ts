import { TemplateValue } from './request-value-vtl';
import { jsonString } from './vtl-text';

/** PutRecord: the data base64-encoded from its UTF-8 bytes, as the Kinesis API expects. */
export function putRecordRequest(streamName: string, data: TemplateValue, partitionKey: TemplateValue): string {
  const encoded = data.expr !== undefined
    ? `"$util.base64Encode(${data.expr})"`
    : JSON.stringify(Buffer.from(JSON.parse(data.json) as string, 'utf8').toString('base64'));
  return `${data.prelude}${partitionKey.prelude}`
    + `{"StreamName":"${streamName}","Data":${encoded},"PartitionKey":${partitionKey.json}}`;
}

/** `{"sequenceNumber": …, "shardId": …}` */
export function putRecordResponse(): string {
  return `{"sequenceNumber":${jsonString('"$!{input.path(\'$.SequenceNumber\')}"')},`
    + `"shardId":${jsonString('"$!{input.path(\'$.ShardId\')}"')}}`;
}
