import {
  getRecordsRequest, getRecordsResponse, getShardIteratorRequest, getShardIteratorResponse, listShardsRequest, listShardsResponse,
  putRecordRequest, putRecordResponse, putRecordsRequest, putRecordsResponse,
} from './kinesis';
import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { PLACES } from './template-places';
import { throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { kinesisProblems } from '../vocabulary/integrations/kinesis';
import { KinesisAction, ShardIteratorType } from '../vocabulary/integrations/kinesis-action';
import { RequestValue } from '../vocabulary/request-value';

type Stream = IntegrationSpecOf<'kinesis'>['stream'];

/** What each Kinesis action needs to be allowed (KMS only for actions that write or read records). */
const PERMISSIONS: Record<KinesisAction, { actions: string[]; kms: string[]; why: string }> = {
  [KinesisAction.PUT_RECORD]: { actions: ['kinesis:PutRecord'], kms: ['kms:GenerateDataKey'], why: 'put records into' },
  [KinesisAction.PUT_RECORDS]: { actions: ['kinesis:PutRecords'], kms: ['kms:GenerateDataKey'], why: 'put records into' },
  [KinesisAction.LIST_SHARDS]: { actions: ['kinesis:ListShards'], kms: [], why: 'list the shards of' },
  [KinesisAction.GET_SHARD_ITERATOR]: { actions: ['kinesis:GetShardIterator'], kms: [], why: 'read' },
  [KinesisAction.GET_RECORDS]: { actions: ['kinesis:GetRecords'], kms: ['kms:Decrypt'], why: 'read records from' },
};

/** The role a Kinesis route's integration assumes: its action on the stream, and the stream's key if it needs it. */
export function kinesisRoleFor(site: ServiceCallSite, stream: Stream, action: KinesisAction) {
  const permissions = PERMISSIONS[action];
  const role = site.serviceRole(stream, `Lets API Gateway ${permissions.why} this stream`);
  role.allow(permissions.actions, stream.streamArn);
  if (stream.encryptionKey && permissions.kms.length > 0) role.allow(permissions.kms, stream.encryptionKey.keyArn);
  return role;
}

/** A Kinesis call: PutRecord (the body, or `data`, becomes a record), PutRecords, ListShards, GetShardIterator or GetRecords. */
export function kinesisCall(site: ServiceCallSite, spec: IntegrationSpecOf<'kinesis'>, values: RouteValues, prop: string): ServiceCall {
  const { stream, options } = spec;
  const action = options.action ?? KinesisAction.PUT_RECORD;
  const problems = kinesisProblems(prop, options);
  const templates = (): { request: string; response: string } => {
    switch (action) {
      case KinesisAction.PUT_RECORD: {
        const data = values.use(options.data ?? RequestValue.body(), `${prop} data`, PLACES.kinesisData);
        const partitionKey = values.use(options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`, PLACES.partitionKey);
        return { request: putRecordRequest(stream.streamName, data, partitionKey), response: putRecordResponse() };
      }
      case KinesisAction.PUT_RECORDS:
        values.readsJsonBody = true;
        return { request: putRecordsRequest(stream.streamName), response: putRecordsResponse() };
      case KinesisAction.LIST_SHARDS:
        return { request: listShardsRequest(stream.streamName), response: listShardsResponse() };
      case KinesisAction.GET_SHARD_ITERATOR: {
        const shardId = values.use(options.shardId ?? RequestValue.queryString('shardId'), `${prop} shardId`, PLACES.shardValue);
        const sequence = options.sequenceNumber ? values.use(options.sequenceNumber, `${prop} sequenceNumber`, PLACES.shardValue) : undefined;
        const type = options.iteratorType ?? ShardIteratorType.TRIM_HORIZON;
        return { request: getShardIteratorRequest(stream.streamName, shardId, type, sequence), response: getShardIteratorResponse() };
      }
      case KinesisAction.GET_RECORDS: {
        const iterator = values.use(options.shardIterator ?? RequestValue.queryString('shardIterator'), `${prop} shardIterator`, PLACES.shardValue);
        return { request: getRecordsRequest(iterator, options.limit ?? 100), response: getRecordsResponse() };
      }
    }
  };
  const { request, response } = templates();
  throwIfProblems(site.scope, [...problems, ...values.problems]);
  return {
    service: 'kinesis',
    action,
    role: kinesisRoleFor(site, stream, action),
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `Kinesis_20131202.${action}` },
    requestTemplate: request,
    responseTemplate: response,
    readOnly: action === KinesisAction.LIST_SHARDS,
    clientNamesTarget: action === KinesisAction.GET_SHARD_ITERATOR || action === KinesisAction.GET_RECORDS,
    prop,
    response: options.response,
    errorResponses: options.errorResponses,
    contentHandling: options.contentHandling,
    requestSchema: values.requestSchema(),
    timeout: options.timeout,
  };
}
