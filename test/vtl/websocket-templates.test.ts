import { CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { HOSTILE_BODIES, HOSTILE_PARAMS } from './hostile-corpus';
import { attributeNesting, formMessageAttributes, jsonObject, numbersByValue, parseForm, plain, toAttributeValue } from './service-formats';
import { PLAIN_ITEM, SERVICE_RESPONSES, TYPED_ITEM } from './service-responses';
import { webSocketCatalogueStack } from './websocket-catalogue-stack';
import { emittedWebSocketRoutes, responseKeyFor, webSocketContext } from './websocket-emitted-templates';
import { MAX_NESTING } from '../../src/templates/dynamodb-json';
import {
  createCatalogueQueuesAndStream, EmulatedService, Emulators, sendAsApiGateway, startEmulators, takeMessages, xmlAnswerAsJson,
} from '../support/emulators';
import { renderVtl } from '../support/vtl/render';

/**
 * The mapping templates of a WebSocket API, rendered as API Gateway renders them for a
 * WebSocket message (a `$context` with connectionId, routeKey, eventType, messageId …, no
 * path, headers or query strings): every hostile body reaches the service unchanged, the
 * answers come back as plain JSON with errors as `{"message", "status"}`, and the services
 * (emulated in process) accept every request.
 */
const routes = emittedWebSocketRoutes(webSocketCatalogueStack());
/** The catalogue's service routes (its mock routes are tested with the mock integration). */
// Routes with answers of their own are checked on their own.
const serviceRoutes = Object.fromEntries(Object.entries(routes).filter(([key]) => !key.startsWith('mock-') && !key.startsWith('answer')));
const bodies = HOSTILE_BODIES.map(b => [b.name, b.body] as const);
const objectBodies = bodies.filter(([, body]) => jsonObject(body) !== undefined);
const itemBodies = objectBodies.filter(([, body]) => attributeNesting(jsonObject(body)!) <= MAX_NESTING);
const hostile = HOSTILE_PARAMS.map(p => [p.name, p.value] as const);

function render(routeKey: string, body: string, context: Record<string, unknown> = {}): string {
  return renderVtl(routes[routeKey].request!, { body, context: webSocketContext({ routeKey, ...context }) }).output;
}

describe('WebSocket request templates', () => {
  test('every service route has a request template; nothing reads headers, query strings or path parameters', () => {
    expect(Object.keys(serviceRoutes).sort()).toEqual([
      '$connect', '$disconnect', 'acknowledge', 'checkout', 'click', 'clickBatch', 'clickRaw', 'count', 'createItem', 'deleteItem', 'events', 'fulfil',
      'getItem', 'putItem', 'query', 'queryPages', 'readClicks', 'receive', 'send', 'sendFifo', 'updateItem',
    ]);
    for (const route of Object.values(serviceRoutes)) {
      expect(route.request).toBeDefined();
      expect(route.request).not.toMatch(/input\.params/);
    }
  });

  test.each(bodies)('SQS DeleteMessage: the receipt handle is the message\'s receiptHandle byte for byte: %s', (_name, body) => {
    const form = parseForm(render('acknowledge', JSON.stringify({ receiptHandle: body })));
    expect(form.get('ReceiptHandle')).toBe(body);
  });

  test.each(bodies)('SQS: the message is the body byte for byte: %s', (_name, body) => {
    const form = parseForm(render('send', body));
    expect([...form.keys()]).toEqual(['Action', 'MessageBody']);
    expect(form.get('MessageBody')).toBe(body);
  });

  test.each(hostile)('SQS FIFO: group and attributes from the WebSocket context: %s', (_name, value) => {
    const context = { connectionId: value, routeKey: 'sendFifo', eventType: 'MESSAGE', authorizer: { principalId: value } };
    const form = parseForm(render('sendFifo', '{"text":"hi"}', context));
    expect(form.get('MessageGroupId')).toBe(value);
    expect(form.get('MessageDeduplicationId')).toBe(webSocketContext().requestId);
    expect(formMessageAttributes(form)).toEqual({
      ...(value === '' ? {} : { connection: value, user: value }),
      route: 'sendFifo',
      event: 'MESSAGE',
      source: 'ws & chat = $ok #1',
    });
  });

  test.each(bodies)('Kinesis: data is the body\'s UTF-8 bytes, partition key the connection: %s', (_name, body) => {
    const request = JSON.parse(render('click', body));
    expect(Buffer.from(request.Data, 'base64').toString('utf8')).toBe(body);
    expect(request.PartitionKey).toBe(webSocketContext().connectionId);
    expect(JSON.parse(render('clickRaw', body)).PartitionKey).toBe(webSocketContext().requestId);
  });

  test.each(hostile)('the connection table: $connect puts and $disconnect deletes the connection id: %s', (_name, value) => {
    const put = JSON.parse(render('$connect', '', { connectionId: value, eventType: 'CONNECT' }));
    expect(put).toEqual({ TableName: 'Connections827CEF2F', Item: { pk: { S: value } }, ReturnValues: 'ALL_OLD' });
    const deleted = JSON.parse(render('$disconnect', '', { connectionId: value, eventType: 'DISCONNECT' }));
    expect(deleted).toEqual({ TableName: 'Connections827CEF2F', Key: { pk: { S: value } }, ReturnValues: 'ALL_OLD' });
  });

  test.each(itemBodies)('DynamoDB PutItem: the message\'s attributes, typed, keyed from the message: %s', (_name, body) => {
    const message = { ...jsonObject(body), id: 'o\'1"\\é', at: '42' };
    const request = JSON.parse(render('putItem', JSON.stringify(message)));
    const { M: item } = toAttributeValue({ ...message, pk: 'o\'1"\\é' }) as { M: Record<string, unknown> };
    expect(numbersByValue(request)).toEqual(numbersByValue({ TableName: 'Items5C12978B', Item: { ...item, sk: { N: '42' } }, ReturnValues: 'ALL_OLD' }));
  });

  test.each(hostile)('DynamoDB Query: partition and sort-key prefix from the message: %s', (_name, value) => {
    const request = JSON.parse(render('query', JSON.stringify({ customerId: value, month: value })));
    expect(request.ExpressionAttributeValues).toEqual({ ':pk': { S: value }, ':sk0': { S: value } });
    expect(request.IndexName).toBe('byCustomer');
  });

  test.each(bodies)('Step Functions and EventBridge: the body as a JSON document, {} when empty: %s', (_name, body) => {
    expect(JSON.parse(render('fulfil', body)).input).toBe(body === '' ? '{}' : body);
    expect(JSON.parse(render('events', body)).Entries[0]).toMatchObject({ Source: 'chat.messages', DetailType: 'MessageSent', Detail: body === '' ? '{}' : body });
  });
});

describe('WebSocket response templates', () => {
  function respond(routeKey: string, key: string, body: string) {
    const result = renderVtl(routes[routeKey].responses[key], { body, context: webSocketContext({ routeKey }) });
    // A WebSocket message has no status: the templates never try to set one for an error.
    return { output: result.output, statusOverride: result.statusOverride, json: JSON.parse(result.output) };
  }
  const twoWay = Object.keys(serviceRoutes).filter(key => !key.startsWith('$'));

  test('every two-way route answers success, 4XX and 5XX', () => {
    for (const key of twoWay) expect(Object.keys(routes[key].responses).sort()).toEqual(['$default', '/4\\d\\d/', '/5\\d\\d/']);
  });

  test('successes are plain JSON, as on REST', () => {
    expect(respond('getItem', '$default', JSON.stringify({ Item: TYPED_ITEM })).json).toEqual(PLAIN_ITEM);
    expect(respond('query', '$default', JSON.stringify({ Count: 1, Items: [TYPED_ITEM] })).json).toEqual({ items: [PLAIN_ITEM], count: 1 });
    expect(respond('click', '$default', '{"SequenceNumber":"1","ShardId":"shardId-000000000000"}').json).toEqual({ sequenceNumber: '1', shardId: 'shardId-000000000000' });
  });

  test('errors carry their status in the body', () => {
    expect(respond('getItem', '$default', '{}')).toMatchObject({ json: { message: 'not found', status: 404 }, statusOverride: undefined });
    // An item nested deeper than the conversion reads: an error in the message, never part of the item.
    const deep = (levels: number): unknown => (levels === 0 ? { S: 'x' } : { L: [deep(levels - 1)] });
    expect(respond('getItem', '$default', JSON.stringify({ Item: { pk: { S: 'a' }, d: deep(12) } })).json).toEqual({ message: 'internal error', status: 500 });
    const failed = respond('checkout', '$default', '{"status":"FAILED","cause":"table orders"}');
    expect(failed).toMatchObject({ json: { message: 'internal error', status: 500 }, statusOverride: undefined });
    expect(respond('checkout', '$default', '{"status":"TIMED_OUT"}').json).toEqual({ message: 'execution timed out', status: 504 });
    expect(respond('events', '$default', '{"Entries":[{"ErrorCode":"ThrottlingException"}],"FailedEntryCount":1}').json).toEqual({ message: 'too many requests', status: 429 });
    expect(respond('events', '$default', '{"Entries":[{"ErrorCode":"KmsException"}],"FailedEntryCount":1}').json).toEqual({ message: 'internal error', status: 500 });
    expect(respond('events', '$default', '{"Entries":[{"ErrorCode":"MalformedDetail"}],"FailedEntryCount":1}').json).toEqual({ message: 'bad request', status: 400 });
    for (const key of twoWay) {
      expect(respond(key, '/4\\d\\d/', '{"__type":"ValidationException","message":"table orders"}')).toMatchObject({ json: { message: 'bad request', status: 400 }, statusOverride: undefined });
      // Each service's template knows its own codes: a conditional check is DynamoDB's, `Error.Code` SQS's query protocol.
      const service = /:apigateway:[^:]+:([a-z]+):/.exec(routes[key].uri ?? '')?.[1];
      const conditional = respond(key, '/4\\d\\d/', '{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException"}').json;
      expect(conditional).toEqual(service === 'dynamodb' ? { message: 'conditional check failed', status: 409 } : { message: 'bad request', status: 400 });
      const queryProtocol = respond(key, '/4\\d\\d/', '{"Error":{"Code":"AccessDenied"}}').json;
      expect(queryProtocol).toEqual(service === 'sqs' ? { message: 'internal error', status: 500 } : { message: 'bad request', status: 400 });
      expect(respond(key, '/4\\d\\d/', '{"__type":"com.amazon.coral.service#AccessDeniedException"}').json).toEqual({ message: 'internal error', status: 500 });
      expect(respond(key, '/4\\d\\d/', '{"__type":"com.amazon.coral.service#ExpiredTokenException"}').json).toEqual({ message: 'internal error', status: 500 });
      expect(respond(key, '/5\\d\\d/', '{"__type":"InternalFailure"}').json).toEqual({ message: 'service unavailable', status: 502 });
    }
  });

  test.each(SERVICE_RESPONSES.map(r => [r.name, r.body] as const))('every response template renders every service answer: %s', (_name, body) => {
    for (const key of twoWay) {
      for (const [responseKey, template] of Object.entries(routes[key].responses)) {
        expect(() => renderVtl(template, { body, context: webSocketContext() })).not.toThrow(`${key} ${responseKey}`);
      }
    }
  });
});

describe('WebSocket round trips through the emulated services', () => {
  let emulators: Emulators;
  let messages = 0;

  beforeAll(async () => {
    emulators = await startEmulators();
    await createCatalogueQueuesAndStream(emulators);
    await emulators.dynamodb.send(new CreateTableCommand({
      TableName: 'Connections827CEF2F',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    await emulators.dynamodb.send(new CreateTableCommand({
      TableName: 'Items5C12978B',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  });

  afterAll(async () => emulators?.stop());

  /** What API Gateway does for one WebSocket message: render, call the service, render the answer. */
  async function send(routeKey: string, body: string, context: Record<string, unknown> = {}) {
    const route = routes[routeKey];
    const ctx = webSocketContext({ routeKey, requestId: `ws-req-${++messages}`, ...context });
    const rendered = renderVtl(route.request!, { body, context: ctx }).output;
    const uri = /^arn:aws:apigateway:[^:]+:([^:]+):(path|action)\/(.*)$/.exec(route.uri!)!;
    const service = uri[1] as EmulatedService;
    const answer = await sendAsApiGateway(emulators, { service, path: uri[2] === 'path' ? uri[3] : '', headers: route.headers, body: rendered });
    const response = service === 'sqs' ? xmlAnswerAsJson(answer) : answer;
    const template = route.responses[responseKeyFor(response.status)];
    const answered = template === undefined ? undefined : renderVtl(template, { body: response.body, context: ctx }).output;
    return { status: response.status, answer: answered === undefined ? undefined : JSON.parse(answered) };
  }

  const sqsAccepts = (body: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(body);

  test.each(bodies.filter(([, body]) => body !== '' && sqsAccepts(body)))('SQS: the message arrives byte for byte: %s', async (_name, body) => {
    const sent = await send('send', body);
    expect(sent.answer).toEqual({ messageId: expect.any(String) });
    const received = await takeMessages(emulators, 'OrdersA9B65338');
    expect(received.map(m => m.Body)).toEqual([body]);
  });

  test('SQS FIFO: grouped by connection, with the context as attributes', async () => {
    const body = '{"text":"it\'s \\"quoted\\" & é 😀"}';
    await send('sendFifo', body, { connectionId: 'conn-1=', eventType: 'MESSAGE' });
    const received = await takeMessages(emulators, 'OrdersFifo01BA36B6.fifo');
    expect(received).toHaveLength(1);
    const message = received[0];
    expect(message.Body).toBe(body);
    expect(message.Attributes?.MessageGroupId).toBe('conn-1=');
    expect(Object.fromEntries(Object.entries(message.MessageAttributes!).map(([k, v]) => [k, v.StringValue]))).toEqual({
      connection: 'conn-1=', route: 'sendFifo', event: 'MESSAGE', user: 'user-1', source: 'ws & chat = $ok #1',
    });
  });

  test('SQS refuses an empty message: the client gets a 400 in the body', async () => {
    expect((await send('send', '')).answer).toEqual({ message: 'bad request', status: 400 });
  });

  test('Kinesis: every record is the message, partitioned by connection', async () => {
    const sent = bodies.filter(([, b]) => b !== '').map(([, b]) => b);
    for (const body of sent) {
      expect((await send('click', body, { connectionId: 'conn-k' })).answer)
        .toEqual({ sequenceNumber: expect.stringMatching(/^\d+$/), shardId: 'shardId-000000000000' });
    }
    const { ShardIterator } = await emulators.kinesis.send(new GetShardIteratorCommand({
      StreamName: 'Clicks81B5095A', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON',
    }));
    const { Records } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records?.map(r => Buffer.from(r.Data!).toString('utf8'))).toEqual(sent);
    expect(Records?.every(r => r.PartitionKey === 'conn-k')).toBe(true);
  });

  test('the connection table: $connect stores the connection, $disconnect removes it', async () => {
    for (const [, connectionId] of hostile.filter(([, v]) => v !== '')) {
      expect((await send('$connect', '', { connectionId, eventType: 'CONNECT' })).status).toBe(200);
      const get = await emulators.dynamodb.send(new GetItemCommand({ TableName: 'Connections827CEF2F', Key: { pk: { S: connectionId } } }));
      expect(get.Item).toEqual({ pk: { S: connectionId } });
      expect((await send('$disconnect', '', { connectionId, eventType: 'DISCONNECT' })).status).toBe(200);
      const gone = await emulators.dynamodb.send(new GetItemCommand({ TableName: 'Connections827CEF2F', Key: { pk: { S: connectionId } } }));
      expect(gone.Item).toBeUndefined();
    }
  });

  test.each(itemBodies)('DynamoDB: put then get returns the message\'s attributes as plain JSON: %s', async (name, body) => {
    const message = { ...jsonObject(body), id: `ws ${name} 'é'`, at: '7' };
    expect((await send('putItem', JSON.stringify(message))).answer).toEqual({});
    const got = await send('getItem', JSON.stringify({ id: message.id, at: '7' }));
    expect(got.answer).toEqual(plain({ ...message, pk: message.id, sk: 7 }));
  });

  test('DynamoDB: a missing item is {"message":"not found","status":404}', async () => {
    expect((await send('getItem', '{"id":"nobody","at":"1"}')).answer).toEqual({ message: 'not found', status: 404 });
  });
});
