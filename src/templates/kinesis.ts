import { jsonPathValue } from './json-path-value';
import { guardedRequest, REFUSED } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { PLACES } from './template-places';
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

/** The most records one PutRecords takes (Kinesis's limit). */
export const MAX_PUT_RECORDS = 500;

/**
 * PutRecords of the body's `records`: each record's `data` as its text (a string) or JSON
 * text, its `partitionKey` (a string, number or boolean), or, without one, the request id and
 * the record's index. A body whose `records` is not a list of 1 to 500 objects with `data`
 * (not null or empty), or a record whose value is refused, sends no records, which Kinesis
 * refuses (400).
 */
export function putRecordsRequest(streamName: string): string {
  const data = jsonPathValue('$.records[$gi].data', 'gV', PLACES.kinesisData);
  const key = jsonPathValue('$.records[$gi].partitionKey', 'gW', PLACES.partitionKey);
  // A #set to null keeps the old value: each record's values are reset before they are read.
  // A record that is not an object, or has no data (missing, null or empty), refuses the batch.
  const notARecord = '"$!{gX.keySet()}"==""||!$gX.containsKey(\'data\')||"$!{gX.get(\'data\')}"==""';
  const readRecord = `#set($gX="")#set($gX=$gL.get($gi))#if(${notARecord})#set(${REFUSED}=true)#end`
    + `#set($gV="")#set($gW="")${data.prelude}${key.prelude}`
    // Braced: `-` may continue a Velocity identifier.
    + `#if(${key.expr}.isEmpty())#set(${key.expr}="$!{context.requestId}-$gi")#end`
    + `#set($q=$gD.add(${data.expr}))#set($q=$gK.add(${key.expr}))`;
  const notAList = '"$!{gL.isEmpty()}"==""||"$!{gL.keySet()}"!=""||"$!{gL.concat(\'x\')}"!=""';
  const checks = '#set($gL=$input.path(\'$.records\'))#set($gD=[])#set($gK=[])'
    + `#if(${notAList})#set(${REFUSED}=true)#elseif($gL.size()<1||$gL.size()>${MAX_PUT_RECORDS})#set(${REFUSED}=true)`
    + `#{else}#set($gM=$gL.size() - 1)#foreach($gi in [0..$gM])${readRecord}#end#end`;
  const record = `{"Data":"$util.base64Encode($gD.get($gi))","PartitionKey":${jsonString('$gK.get($gi)')}}`;
  const records = `#foreach($gi in [0..$gM])#if($gi>0),#end${record}#end`;
  return guardedRequest(checks, true, `{"StreamName":"${streamName}","Records":[${records}]}`, `{"StreamName":"${streamName}","Records":[]}`);
}

/** Each record's sequence number and shard, or its error code (never Kinesis's message, which names the stream and account). */
export function putRecordsResponse(): string {
  const field = (name: string, member: string) => `"${name}":${jsonString(`"$!{gq.${member}}"`)}`;
  const accepted = `{${field('sequenceNumber', 'SequenceNumber')},${field('shardId', 'ShardId')}}`;
  const failed = `{${field('errorCode', 'ErrorCode')}}#set($gF=$gF+1)`;
  return '#set($gQ=$input.path(\'$.Records\'))#set($gT="")#set($gF=0){"records":['
    + `#foreach($gq in $gQ)\${gT}#if("$!{gq.ErrorCode}"!="")${failed}#{else}${accepted}#{end}#set($gT=",")#end`
    + '],"failedRecordCount":$gF}';
}

/** ListShards of the stream: its first 1,000 shards. */
export function listShardsRequest(streamName: string): string {
  return `{"StreamName":"${streamName}"}`;
}

/** Each shard's id, and whether it is closed (resharded: it ends at a sequence number). */
export function listShardsResponse(): string {
  const shard = `{"shardId":${jsonString('"$!{gq.ShardId}"')},`
    + '"closed":#if("$!{gq.SequenceNumberRange.EndingSequenceNumber}"!="")true#{else}false#{end}}';
  return `#set($gT=""){"shards":[#foreach($gq in $input.path('$.Shards'))\${gT}${shard}#set($gT=",")#end]}`;
}

/** GetShardIterator of one shard. A refused value sends an empty shard id, which Kinesis refuses (400). */
export function getShardIteratorRequest(streamName: string, shardId: TemplateValue, type: string, sequenceNumber?: TemplateValue): string {
  const start = (value?: string) => (value === undefined ? '' : `,"StartingSequenceNumber":${value}`);
  const call = (id: string, sequence?: string) => `{"StreamName":"${streamName}","ShardId":${id},"ShardIteratorType":"${type}"${start(sequence)}}`;
  return guardedRequest(shardId.prelude + (sequenceNumber?.prelude ?? ''), shardId.refuses || !!sequenceNumber?.refuses,
    call(shardId.json, sequenceNumber?.json), call('""', sequenceNumber ? '""' : undefined));
}

/** `{"shardIterator": …}` */
export function getShardIteratorResponse(): string {
  return `{"shardIterator":${jsonString('"$!{input.path(\'$.ShardIterator\')}"')}}`;
}

/** GetRecords at an iterator. A refused value sends an empty iterator, which Kinesis refuses (400). */
export function getRecordsRequest(shardIterator: TemplateValue, limit: number): string {
  const call = (iterator: string) => `{"ShardIterator":${iterator},"Limit":${limit}}`;
  return guardedRequest(shardIterator.prelude, shardIterator.refuses, call(shardIterator.json), call('""'));
}

/** The records with their data as text, the next iterator (null at a closed shard's end) and how far behind the reader is. */
export function getRecordsResponse(): string {
  const record = `{"data":${jsonString('$util.base64Decode("$!{gq.Data}")')},`
    + `"partitionKey":${jsonString('"$!{gq.PartitionKey}"')},"sequenceNumber":${jsonString('"$!{gq.SequenceNumber}"')}}`;
  const next = '#set($gN="$!{input.path(\'$.NextShardIterator\')}")';
  const behind = '#set($gB="$!{input.path(\'$.MillisBehindLatest\')}")';
  return `${next}${behind}#set($gT=""){"records":[#foreach($gq in $input.path('$.Records'))\${gT}${record}#set($gT=",")#end],`
    + `"nextShardIterator":#if($gN.isEmpty())null#{else}${jsonString('$gN')}#{end},`
    + '"millisBehindLatest":#if($gB.matches(\'[0-9]+\'))$gB#{else}null#{end}}';
}
