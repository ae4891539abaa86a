import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_PARAMS } from './hostile-corpus';
import { PLAIN_ITEM, TYPED_ITEM } from './service-responses';
import { MAX_NESTING } from '../../src/templates/dynamodb-json';
import { renderVtl } from '../support/vtl/render';
import { VtlResult } from '../support/vtl/vtl-request';

/**
 * Every response template of the catalogue stack, given what the services really answer:
 * clients get plain JSON, and errors get a status and a message that names nothing inside.
 */
const routes = emittedRoutes(catalogueStack());

function respond(routeKey: string, status: '200' | '400' | '502', body: string): VtlResult & { json: unknown } {
  const template = emittedRoute(routes, routeKey).responses[status];
  const result = renderVtl(template, { body, context: { requestId: 'r1' } });
  return { ...result, json: JSON.parse(result.output) };
}

const hostile = HOSTILE_PARAMS.map(p => p.value);

describe('success responses are plain JSON', () => {
  test('SQS: the message id', () => {
    const body = '{"SendMessageResponse":{"ResponseMetadata":{"RequestId":"5e1c"},"SendMessageResult":{"MD5OfMessageAttributes":null,'
      + '"MD5OfMessageBody":"c4ca","MD5OfMessageSystemAttributes":null,"MessageId":"0b1c2d3e-0000-4000-8000-000000000002","SequenceNumber":null}}}';
    for (const route of ['POST /orders', 'POST /orders-fifo']) {
      expect(respond(route, '200', body).json).toEqual({ messageId: '0b1c2d3e-0000-4000-8000-000000000002' });
    }
  });

  test('SQS ReceiveMessage: each message\'s id, receipt handle and body, the body byte for byte', () => {
    const messages = hostile.map((text, i) => ({
      Attributes: null, Body: text, MD5OfBody: 'x', MessageAttributes: null, MessageId: `m-${i}`, ReceiptHandle: `AQEB+/${i}=`,
    }));
    const body = JSON.stringify({ ReceiveMessageResponse: { ReceiveMessageResult: { messages } } });
    expect(respond('GET /orders/next', '200', body).json).toEqual({
      messages: hostile.map((text, i) => ({ messageId: `m-${i}`, receiptHandle: `AQEB+/${i}=`, body: text })),
    });
  });

  test('SQS ReceiveMessage: no message is an empty list, and a lone message object a list of one', () => {
    expect(respond('GET /orders/next', '200', '{"ReceiveMessageResponse":{"ReceiveMessageResult":{"messages":null}}}').json).toEqual({ messages: [] });
    expect(respond('GET /orders/next', '200', '{"ReceiveMessageResponse":{"ReceiveMessageResult":{}}}').json).toEqual({ messages: [] });
    const lone = '{"ReceiveMessageResponse":{"ReceiveMessageResult":{"messages":{"Body":"b","MessageId":"m","ReceiptHandle":"h"}}}}';
    expect(respond('GET /orders/next', '200', lone).json).toEqual({ messages: [{ messageId: 'm', receiptHandle: 'h', body: 'b' }] });
  });

  test('SQS DeleteMessage and PurgeQueue: {}', () => {
    for (const route of ['DELETE /orders/received', 'DELETE /orders/received/{handle}', 'DELETE /orders']) {
      expect(respond(route, '200', '{"DeleteMessageResponse":{"ResponseMetadata":{"RequestId":"r"}}}').json).toEqual({});
    }
  });

  test('Kinesis PutRecords: each record\'s sequence number and shard, or its error code without Kinesis\'s message, in order', () => {
    const body = '{"FailedRecordCount":1,"Records":[{"SequenceNumber":"4959","ShardId":"shardId-000000000000"},'
      + '{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard in stream clicks under account 111111111111."}]}';
    const r = respond('POST /clicks/batch', '200', body);
    expect(r.json).toEqual({
      records: [{ sequenceNumber: '4959', shardId: 'shardId-000000000000' }, { errorCode: 'ProvisionedThroughputExceededException' }],
      failedRecordCount: 1,
    });
    expect(r.output).not.toContain('111111111111');
  });

  test('Kinesis ListShards: each shard and whether it is closed', () => {
    const body = '{"Shards":[{"ShardId":"shardId-000000000000","SequenceNumberRange":{"StartingSequenceNumber":"1","EndingSequenceNumber":"9"}},'
      + '{"ShardId":"shardId-000000000001","SequenceNumberRange":{"StartingSequenceNumber":"10"}}]}';
    expect(respond('GET /clicks/shards', '200', body).json).toEqual({
      shards: [{ shardId: 'shardId-000000000000', closed: true }, { shardId: 'shardId-000000000001', closed: false }],
    });
  });

  test('Kinesis GetShardIterator and GetRecords: a shard or stream the client named that is not there is a 404, not the API\'s fault', () => {
    const missing = '{"__type":"ResourceNotFoundException","message":"Shard shardId-000000000009 in stream clicks under account 111111111111 does not exist"}';
    for (const route of ['GET /clicks/shards/{shard}/iterator', 'GET /clicks/records']) {
      const r = respond(route, '400', missing);
      expect([r.statusOverride, r.json]).toEqual([404, { message: 'not found' }]);
    }
    // Where the library names the stream, a missing one is still the API's misconfiguration.
    const put = respond('POST /clicks', '400', missing);
    expect([put.statusOverride, put.json]).toEqual([500, { message: 'internal error' }]);
  });

  test('Kinesis GetShardIterator: the iterator', () => {
    for (const route of ['GET /clicks/shards/{shard}/iterator', 'GET /clicks/shards/{shard}/after']) {
      expect(respond(route, '200', '{"ShardIterator":"AAAA+/=="}').json).toEqual({ shardIterator: 'AAAA+/==' });
    }
  });

  test('Kinesis GetRecords: each record\'s data as text byte for byte, the next iterator, null at a closed shard\'s end', () => {
    const records = hostile.map((text, i) => ({ Data: Buffer.from(text, 'utf8').toString('base64'), PartitionKey: `k${i}`, SequenceNumber: `${i}` }));
    const r = respond('GET /clicks/records', '200', JSON.stringify({ Records: records, NextShardIterator: 'AAAA+/=', MillisBehindLatest: 7 }));
    expect(r.json).toEqual({
      records: hostile.map((text, i) => ({ data: text, partitionKey: `k${i}`, sequenceNumber: `${i}` })),
      nextShardIterator: 'AAAA+/=',
      millisBehindLatest: 7,
    });
    expect(respond('GET /clicks/records', '200', '{"Records":[],"MillisBehindLatest":0}').json)
      .toEqual({ records: [], nextShardIterator: null, millisBehindLatest: 0 });
  });

  test('Kinesis: sequence number and shard', () => {
    const r = respond('POST /clicks', '200', '{"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","ShardId":"shardId-000000000000"}');
    expect(r.json).toEqual({ sequenceNumber: '49590338271490256608559692538361571095921575989136588898', shardId: 'shardId-000000000000' });
  });

  test('DynamoDB GetItem: the item with every attribute type as ordinary JSON', () => {
    const r = respond('GET /items/{id}/{at}', '200', JSON.stringify({ Item: TYPED_ITEM }));
    expect(r.statusOverride).toBeUndefined();
    expect(r.json).toEqual(PLAIN_ITEM);
  });

  test('DynamoDB GetItem: no item is a 404', () => {
    const r = respond('GET /carts/{id}', '200', '{}');
    expect(r.statusOverride).toBe(404);
    expect(r.json).toEqual({ message: 'not found' });
  });

  test('DynamoDB Put, Update and Delete: the returned attributes, {} when none', () => {
    for (const route of ['PUT /items/{id}/{at}', 'PATCH /items/{id}/{at}', 'DELETE /items/{id}/{at}']) {
      expect(respond(route, '200', JSON.stringify({ Attributes: TYPED_ITEM })).json).toEqual(PLAIN_ITEM);
      expect(respond(route, '200', '{}').json).toEqual({});
    }
  });

  /** API Gateway stops a #foreach after 1,000 iterations (the renderer fails past it): long lists are walked in chunks. */
  test('DynamoDB: more than 1,000 items, list elements, map entries and set members come back whole', () => {
    const count = (n: number) => Array.from({ length: n }, (_, i) => i);
    const plain = { pk: 'a', list: count(2_500).map(i => (i % 2 ? `s${i}` : i)), map: Object.fromEntries(count(1_500).map(i => [`k${i}`, [i]])), tags: count(1_200).map(i => `t${i}`) };
    const typed = {
      pk: { S: 'a' },
      list: { L: plain.list.map(v => (typeof v === 'string' ? { S: v } : { N: String(v) })) },
      map: { M: Object.fromEntries(count(1_500).map(i => [`k${i}`, { L: [{ N: String(i) }] }])) },
      tags: { SS: plain.tags },
    };
    expect(respond('GET /items/{id}/{at}', '200', JSON.stringify({ Item: typed })).json).toEqual(plain);
    const items = count(1_700).map(i => ({ pk: { S: `p${i}` } }));
    const page = respond('GET /customers/{id}/orders', '200', JSON.stringify({ Count: items.length, Items: items }));
    expect(page.json).toEqual({ items: count(1_700).map(i => ({ pk: `p${i}` })), count: 1_700 });
    expect(page.statusOverride).toBeUndefined();
  });

  test('DynamoDB: an item nested deeper than the conversion reads is a 500 with no part of it, never a partial item', () => {
    const deep = (levels: number): unknown => (levels === 0 ? { S: 'leaf' } : { L: [deep(levels - 1)] });
    const item = { pk: { S: 'a' }, deep: deep(MAX_NESTING + 1) };
    for (const [route, body] of [
      ['GET /items/{id}/{at}', { Item: item }], ['PUT /items/{id}/{at}', { Attributes: item }], ['GET /customers/{id}/orders', { Count: 1, Items: [item] }],
    ] as const) {
      const r = respond(route, '200', JSON.stringify(body));
      expect([route, r.statusOverride, r.json]).toEqual([route, 500, { message: 'internal error' }]);
    }
    // At the limit the item comes back whole.
    const atLimit = respond('GET /items/{id}/{at}', '200', JSON.stringify({ Item: { pk: { S: 'a' }, deep: deep(MAX_NESTING) } }));
    expect(atLimit.statusOverride).toBeUndefined();
    expect(JSON.stringify(atLimit.json)).toContain('"leaf"');
  });

  test('DynamoDB Query: items and count', () => {
    const r = respond('GET /customers/{id}/orders', '200', JSON.stringify({ Count: 2, ScannedCount: 2, Items: [TYPED_ITEM, { pk: { S: 'b' } }] }));
    expect(r.json).toEqual({ items: [PLAIN_ITEM, { pk: 'b' }], count: 2 });
    expect(respond('GET /customers/{id}/orders', '200', '{"Count":0,"ScannedCount":0,"Items":[]}').json).toEqual({ items: [], count: 0 });
  });

  test('Step Functions: the execution; sync returns the output, or 500/504 without the cause', () => {
    expect(respond('POST /fulfil', '200', '{"executionArn":"arn:aws:states:eu-west-1:111111111111:execution:F:1","startDate":1.700000000123E9}').json)
      .toEqual({ executionArn: 'arn:aws:states:eu-west-1:111111111111:execution:F:1', startDate: 1700000000.123 });
    const output = JSON.stringify({ total: 5, note: hostile.join('|') });
    expect(respond('POST /checkout', '200', JSON.stringify({ status: 'SUCCEEDED', output })).output).toBe(output);
    const failed = respond('POST /checkout', '200', '{"status":"FAILED","error":"States.TaskFailed","cause":"table orders-prod missing"}');
    expect([failed.statusOverride, failed.json]).toEqual([500, { message: 'internal error' }]);
    const timedOut = respond('POST /checkout', '200', '{"status":"TIMED_OUT"}');
    expect([timedOut.statusOverride, timedOut.json]).toEqual([504, { message: 'execution timed out' }]);
  });

  test('EventBridge: the event id; a rejected entry is an error despite the 200', () => {
    expect(respond('POST /events', '200', '{"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"}],"FailedEntryCount":0}').json)
      .toEqual({ eventId: '11710aed-b79e-4468-a20b-bb3c0c3b4860' });
    const rejected = (code: string) => respond('POST /events', '200', `{"Entries":[{"ErrorCode":"${code}","ErrorMessage":"x"}],"FailedEntryCount":1}`);
    expect([rejected('MalformedDetail').statusOverride, rejected('MalformedDetail').json]).toEqual([400, { message: 'bad request' }]);
    expect(rejected('ThrottlingException').statusOverride).toBe(429);
    expect(rejected('InternalFailure').statusOverride).toBe(502);
  });

  test.each([
    ['KmsException', 500], ['AccessDeniedException', 500], ['NotAuthorizedForSourceException', 500],
    ['NotAuthorizedForDetailTypeException', 500], ['InvalidAccountIdException', 500], ['ResourceNotFoundException', 500],
    ['InvalidArgument', 400], ['MalformedDetail', 400], ['ThrottlingException', 429], ['InternalFailure', 502],
  ])('EventBridge: a rejected entry\'s code %s is %d, without the service\'s message', (code, status) => {
    const r = respond('POST /events', '200', `{"Entries":[{"ErrorCode":"${code}","ErrorMessage":"bus shop in 111111111111"}],"FailedEntryCount":1}`);
    expect(r.statusOverride).toBe(status);
    expect(r.output).not.toMatch(/shop|111111111111/);
  });
});

const SERVICES = ['sqs', 'kinesis', 'dynamodb', 'states', 'events'];
/** A code every service can answer (a JSON `__type`, which SQS reads too). */
const ALL: readonly string[] = SERVICES;

describe('service errors', () => {
  /** The service routes, by the service each calls (from the integration URI). */
  const serviceOf = (uri = '') => /:apigateway:[^:]+:([a-z]+):/.exec(uri)?.[1];
  // Routes with answers of their own are checked below.
  const serviceRoutes = routes.filter(r => r.responses['400'] !== undefined && !r.route.includes('/answers/'));
  /** The routes of `services` (every service route for `ALL`); each service has routes in the catalogue. */
  const routesOf = (services: readonly string[]) => {
    const found = serviceRoutes.filter(r => services === ALL || services.includes(serviceOf(r.uri) ?? ''));
    expect(new Set(found.map(r => serviceOf(r.uri)))).toEqual(new Set(services === ALL ? SERVICES : services));
    return found.map(r => r.route);
  };

  test.each([
    ['DynamoDB validation', ['dynamodb'], '{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Missing the key pk in the item"}', undefined, 'bad request'],
    ['DynamoDB conditional check', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}', 409, 'conditional check failed'],
    ['DynamoDB throughput', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"x"}', 429, 'too many requests'],
    ['DynamoDB throttling', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"x"}', 429, 'too many requests'],
    ['DynamoDB missing table', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}', 500, 'internal error'],
    ['Kinesis validation', ['kinesis'], '{"__type":"ValidationException","message":"1 validation error detected"}', undefined, 'bad request'],
    ['Kinesis throughput', ['kinesis'], '{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard"}', 429, 'too many requests'],
    ['Kinesis KMS', ['kinesis'], '{"__type":"KMSAccessDeniedException","message":"x"}', 500, 'internal error'],
    ['Step Functions limit', ['states'], '{"__type":"ExecutionLimitExceeded","message":"x"}', 429, 'too many requests'],
    ['SQS missing parameter', ['sqs'], '{"Error":{"Code":"MissingParameter","Message":"The request must contain the parameter MessageGroupId.","Type":"Sender"},"RequestId":"r"}', undefined, 'bad request'],
    ['SQS missing queue (wrapped)', ['sqs'], '{"ErrorResponse":{"Error":{"Code":"AWS.SimpleQueueService.NonExistentQueue","Type":"Sender"}}}', 500, 'internal error'],
    ['SQS access denied', ['sqs'], '{"Error":{"Code":"AccessDenied","Message":"Access to the resource https://sqs.eu-west-1.amazonaws.com/111111111111/orders is denied."}}', 500, 'internal error'],
    ['throttling (every service)', ALL, '{"__type":"ThrottlingException","message":"x"}', 429, 'too many requests'],
    ['EventBridge entries over the limit', ['events'], '{"__type":"com.amazonaws.eventbridge#LimitExceededException","message":"x"}', undefined, 'bad request'],
    ['a proxy\'s HTML page', ALL, '<html><body>Bad Request</body></html>', undefined, 'bad request'],
    ['DynamoDB item collection full (not throttling)', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException","message":"x"}', undefined, 'bad request'],
    ['DynamoDB request limit', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded","message":"x"}', 429, 'too many requests'],
    ['SQS throttled', ['sqs'], '{"Error":{"Code":"RequestThrottled","Message":"x"}}', 429, 'too many requests'],
    ['SQS KMS throttled', ['sqs'], '{"Error":{"Code":"KmsThrottled","Message":"x"}}', 429, 'too many requests'],
    ['Kinesis invalid argument', ['kinesis'], '{"__type":"InvalidArgumentException","message":"x"}', undefined, 'bad request'],
    ['Step Functions invalid input', ['states'], '{"__type":"InvalidExecutionInput","message":"x"}', undefined, 'bad request'],
  ])('4XX %s', (_name, services, body, status, message) => {
    for (const route of routesOf(services)) {
      const r = respond(route, '400', body);
      expect([route, r.statusOverride, r.json]).toEqual([route, status, { message }]);
      expect(r.output).not.toMatch(/orders|111111111111|pk/);
    }
  });

  /**
   * Codes that mean the API's own credentials, signature, permissions, KMS key or
   * configuration are wrong (each service's documented errors and the errors common to all
   * AWS services): the client can do nothing about them, so they are the API's 500.
   */
  test.each([
    ['expired token (JSON)', ALL, '{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}'],
    ['expired token (query)', ['sqs'], '{"Error":{"Code":"ExpiredToken","Message":"x"}}'],
    ['unrecognized client', ALL, '{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"x"}'],
    ['invalid signature', ALL, '{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"x"}'],
    ['signature does not match', ['sqs'], '{"Error":{"Code":"SignatureDoesNotMatch","Message":"x"}}'],
    ['incomplete signature', ['sqs'], '{"Error":{"Code":"IncompleteSignature","Message":"x"}}'],
    ['incomplete signature (DynamoDB)', ALL, '{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"x"}'],
    ['missing authentication token', ALL, '{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"x"}'],
    ['invalid client token id', ['sqs'], '{"Error":{"Code":"InvalidClientTokenId","Message":"x"}}'],
    ['request expired (clock skew)', ['sqs'], '{"Error":{"Code":"RequestExpired","Message":"x"}}'],
    ['not authorized', ['sqs'], '{"Error":{"Code":"NotAuthorized","Message":"x"}}'],
    ['opt-in required', ['sqs'], '{"Error":{"Code":"OptInRequired","Message":"x"}}'],
    ['access denied (JSON)', ALL, '{"__type":"com.amazon.coral.service#AccessDeniedException","message":"User: arn:aws:sts::111111111111:assumed-role/x is not authorized"}'],
    ['SQS KMS access denied', ['sqs'], '{"Error":{"Code":"KmsAccessDenied","Message":"x"}}'],
    ['SQS KMS key disabled', ['sqs'], '{"Error":{"Code":"KmsDisabled","Message":"x"}}'],
    ['SQS KMS key not found', ['sqs'], '{"Error":{"Code":"KmsNotFound","Message":"x"}}'],
    ['SQS KMS key state', ['sqs'], '{"Error":{"Code":"KmsInvalidState","Message":"x"}}'],
    ['SQS KMS key usage', ['sqs'], '{"Error":{"Code":"KmsInvalidKeyUsage","Message":"x"}}'],
    ['SQS KMS opt-in', ['sqs'], '{"Error":{"Code":"KmsOptInRequired","Message":"x"}}'],
    ['SQS not over HTTPS and SigV4', ['sqs'], '{"Error":{"Code":"InvalidSecurity","Message":"x"}}'],
    ['SQS queue does not exist (JSON protocol)', ['sqs'], '{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"x"}'],
    ['SQS invalid account id', ['sqs'], '{"Error":{"Code":"InvalidAddress","Message":"x"}}'],
    ['SQS unsupported operation', ['sqs'], '{"Error":{"Code":"AWS.SimpleQueueService.UnsupportedOperation","Message":"x"}}'],
    ['Kinesis KMS disabled', ['kinesis'], '{"__type":"KMSDisabledException","message":"x"}'],
    ['Kinesis KMS not found', ['kinesis'], '{"__type":"KMSNotFoundException","message":"x"}'],
    ['Kinesis KMS state', ['kinesis'], '{"__type":"KMSInvalidStateException","message":"x"}'],
    ['Kinesis KMS opt-in', ['kinesis'], '{"__type":"KMSOptInRequired","message":"x"}'],
    ['Kinesis missing stream', ['kinesis'], '{"__type":"ResourceNotFoundException","message":"Stream clicks under account 111111111111 not found."}'],
    ['Step Functions KMS access denied', ['states'], '{"__type":"KmsAccessDeniedException","message":"x"}'],
    ['Step Functions KMS key state', ['states'], '{"__type":"KmsInvalidStateException","message":"x"}'],
    ['Step Functions invalid ARN', ['states'], '{"__type":"InvalidArn","message":"x"}'],
    ['Step Functions missing machine', ['states'], '{"__type":"StateMachineDoesNotExist","message":"x"}'],
    ['Step Functions machine being deleted', ['states'], '{"__type":"StateMachineDeleting","message":"x"}'],
    ['Step Functions standard machine for sync', ['states'], '{"__type":"StateMachineTypeNotSupported","message":"x"}'],
    ['unknown operation (wrong target header)', ALL, '{"__type":"com.amazon.coral.service#UnknownOperationException"}'],
    ['invalid action (query protocol)', ['sqs'], '{"Error":{"Code":"InvalidAction","Message":"x"}}'],
    ['DynamoDB invalid endpoint', ['dynamodb'], '{"__type":"com.amazonaws.dynamodb.v20120810#InvalidEndpointException","message":"x"}'],
  ])('4XX that is the API\'s own problem is a 500: %s', (_name, services, body) => {
    // Where the client names the shard or iterator, a missing one is the client's (a 404, above).
    const clientNamed = /GET \/clicks\/(shards\/\{shard\}\/|records)/;
    for (const route of routesOf(services).filter(r => !(body.includes('ResourceNotFound') && clientNamed.test(r)))) {
      const r = respond(route, '400', body);
      expect([route, r.statusOverride, r.json]).toEqual([route, 500, { message: 'internal error' }]);
      expect(r.output).not.toMatch(/111111111111|clicks|sts|role/);
    }
  });

  test('5XX is a 502 with no detail', () => {
    for (const route of routesOf(ALL)) {
      expect(respond(route, '502', '{"__type":"InternalServerError","message":"table orders"}').json).toEqual({ message: 'service unavailable' });
    }
  });
});
