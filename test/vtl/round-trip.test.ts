import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { catalogueStack } from './catalogue-stack';
import { EmittedRoute, emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_BODIES } from './hostile-corpus';
import { attributeNesting, jsonObject, plain } from './service-formats';
import { MAX_NESTING } from '../../src/templates/dynamodb-json';
import {
  createCatalogueQueuesAndStream, EmulatedService, Emulators, sendAsApiGateway, startEmulators, takeMessages, xmlAnswerAsJson,
} from '../support/emulators';
import { renderVtl } from '../support/vtl/render';
import { VtlRequest } from '../support/vtl/vtl-request';

/**
 * Client → mapping template → service → mapping template → client, with the services
 * emulated in process: the services accept every rendered request, and the data that
 * arrives (and comes back) is what the client sent.
 */
const routes = emittedRoutes(catalogueStack());
let emulators: Emulators;
let requestCount = 0;

beforeAll(async () => {
  emulators = await startEmulators();
  await createCatalogueQueuesAndStream(emulators);
  await emulators.dynamodb.send(new CreateTableCommand({
    TableName: 'Items5C12978B',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' },
      { AttributeName: 'customerId', AttributeType: 'S' }, { AttributeName: 'createdAt', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [{
      IndexName: 'byCustomer',
      KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }],
    BillingMode: 'PAY_PER_REQUEST',
  }));
});

afterAll(async () => emulators?.stop());

/** What API Gateway does for one route: render, call the service, render the answer. */
async function call(routeKey: string, request: Partial<VtlRequest>): Promise<{ status: number; body: string; serviceBody: string }> {
  const route: EmittedRoute = emittedRoute(routes, routeKey);
  const context = { requestId: `req-${++requestCount}`, identity: { sourceIp: '203.0.113.7' } };
  const rendered = renderVtl(route.request!, { body: '', context, ...request }).output;
  const uri = /^arn:aws:apigateway:[^:]+:([^:]+):(path|action)\/(.*)$/.exec(route.uri!)!;
  const service = uri[1] as EmulatedService;
  const answer = await sendAsApiGateway(emulators, { service, path: uri[2] === 'path' ? uri[3] : '', headers: route.headers, body: rendered });
  // The integration asks SQS for JSON (Accept); the emulator only speaks XML.
  const response = service === 'sqs' ? xmlAnswerAsJson(answer) : answer;
  // A success takes the route's one 2XX answer (200 unless the route set its own status).
  const success = Object.keys(route.responses).find(s => s.startsWith('2'))!;
  const status = response.status >= 500 ? '502' : response.status >= 400 ? '400' : success;
  const result = renderVtl(route.responses[status], { body: response.body, context });
  return { status: result.statusOverride ?? Number(status), body: result.output, serviceBody: response.body };
}

/** SQS refuses some characters in messages (control characters other than tab, CR, LF). */
const sqsAccepts = (body: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(body);
const bodies = HOSTILE_BODIES.map(b => [b.name, b.body] as const);

describe('SQS', () => {
  test.each(bodies.filter(([, body]) => body !== '' && sqsAccepts(body)))('the message is the body, byte for byte: %s', async (_name, body) => {
    const sent = await call('POST /orders', { body });
    expect(sent.status).toBe(200);
    const received = await takeMessages(emulators, 'OrdersA9B65338');
    expect(received.map(m => m.Body)).toEqual([body]);
  });

  test('FIFO with attributes from headers, the body and a literal', async () => {
    // Group IDs allow letters, digits and punctuation only (no spaces).
    const body = '{"customerId":"c-1&\'2\'#%+=","total":5}';
    const sent = await call('POST /orders-fifo', { body, header: { 'X-Tenant': 'acme é & co' } });
    expect(sent.status).toBe(200);
    const received = await takeMessages(emulators, 'OrdersFifo01BA36B6.fifo');
    expect(received).toHaveLength(1);
    const message = received[0];
    expect(message.Body).toBe(body);
    expect(message.Attributes?.MessageGroupId).toBe('c-1&\'2\'#%+=');
    expect(Object.fromEntries(Object.entries(message.MessageAttributes!).map(([k, v]) => [k, v.StringValue]))).toEqual({
      tenant: 'acme é & co', source: 'api & web = $ok #1', ip: '203.0.113.7',
    });
  });

  test('values read by a JSON path: a string as its text, an object or array as its JSON text, byte for byte', async () => {
    const cases = [
      ['{"v":{"a":1,"b":"x\\"y","c":[true,null,1.5,1.0]}}', '{"a":1,"b":"x\\"y","c":[true,null,1.5,1.0]}'],
      ['{"v":[ 1 , "two" , { "three" : 3 } ]}', '[1,"two",{"three":3}]'],
      ['{"v":"it\'s \\"q\\" \\\\ é 😀 \\u2028"}', 'it\'s "q" \\ é 😀 \u2028'],
      ['{"v":1e21}', '1.0E21'],
      ['{"v":true}', 'true'],
    ];
    for (const [body, text] of cases) {
      const sent = await call('POST /values/sqs', { body });
      expect(sent.status).toBe(200);
      const received = await takeMessages(emulators, 'OrdersA9B65338');
      expect(received.map(m => [m.Body, m.MessageAttributes?.v?.StringValue])).toEqual([[text, text]]);
    }
  });

  test('FIFO: a number or string is the group; an object, or a number a double cannot hold, is a 400', async () => {
    const sent = await call('POST /values/sqs-fifo', { body: '{"v":42,"k":"dedup-1"}' });
    expect(sent.status).toBe(200);
    const received = await takeMessages(emulators, 'OrdersFifo01BA36B6.fifo');
    expect(received.map(m => m.Attributes?.MessageGroupId)).toEqual(['42']);
    for (const body of ['{"v":{"id":1},"k":"d"}', '{"v":1e-400,"k":"d"}', '{"v":"a\\ud800","k":"d"}', '{"v":null,"k":"d"}']) {
      const refused = await call('POST /values/sqs-fifo', { body });
      expect([body, refused.status, JSON.parse(refused.body)]).toEqual([body, 400, { message: 'bad request' }]);
    }
  });

  test('an empty body is refused by SQS and answered 400 without detail', async () => {
    const sent = await call('POST /orders', { body: '' });
    expect([sent.status, JSON.parse(sent.body)]).toEqual([400, { message: 'bad request' }]);
  });
});

describe('Kinesis', () => {
  test('every record\'s data is the body, byte for byte, and the client gets its sequence number', async () => {
    const sent: string[] = [];
    for (const [, body] of bodies.filter(([, b]) => b !== '')) {
      const result = await call('POST /clicks', { body: JSON.stringify({ userId: 'u1', payload: body }) });
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toEqual({ sequenceNumber: expect.stringMatching(/^\d+$/), shardId: 'shardId-000000000000' });
      sent.push(JSON.stringify({ userId: 'u1', payload: body }));
    }
    const { ShardIterator } = await emulators.kinesis.send(new GetShardIteratorCommand({
      StreamName: 'Clicks81B5095A', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON',
    }));
    const { Records } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records?.map(r => Buffer.from(r.Data!).toString('utf8'))).toEqual(sent);
    expect(Records?.every(r => r.PartitionKey === 'u1')).toBe(true);
  });

  test('data read by a JSON path arrives as its JSON text; refused values are a 400', async () => {
    const { ShardIterator } = await emulators.kinesis.send(new GetShardIteratorCommand({
      StreamName: 'Clicks81B5095A', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST',
    }));
    const sent = ['{"v":{"a":[1,1.0,"x"]},"k":"p-1"}', '{"v":"plain text é","k":42}'];
    for (const body of sent) expect((await call('POST /values/kinesis', { body })).status).toBe(200);
    for (const body of ['{"v":1e400,"k":"p"}', '{"v":"\\udc00","k":"p"}', '{"v":"x","k":[1]}']) {
      expect([body, (await call('POST /values/kinesis', { body })).status]).toEqual([body, 400]);
    }
    const { Records } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records?.map(r => [Buffer.from(r.Data!).toString('utf8'), r.PartitionKey])).toEqual([['{"a":[1,1.0,"x"]}', 'p-1'], ['plain text é', '42']]);
  });

  test('a body without the partition key field is refused by Kinesis: 400', async () => {
    const result = await call('POST /clicks', { body: '{}' });
    expect([result.status, JSON.parse(result.body)]).toEqual([400, { message: 'bad request' }]);
  });
});

describe('DynamoDB', () => {
  const objects = bodies.filter(([, body]) => jsonObject(body) !== undefined);

  const fits = objects.filter(([, body]) => attributeNesting(jsonObject(body)!) <= MAX_NESTING);
  const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { level: levels, inner: [nested(levels - 1)] });

  test('a body nested to the limit round-trips whole', async () => {
    const body = JSON.stringify({ tree: nested(MAX_NESTING / 2) });
    expect(attributeNesting(JSON.parse(body))).toBe(MAX_NESTING);
    const path = { id: 'at-limit', at: '1' };
    expect((await call('PUT /items/{id}/{at}', { body, path })).status).toBe(200);
    expect(JSON.parse((await call('GET /items/{id}/{at}', { path })).body)).toEqual({ ...JSON.parse(body), pk: 'at-limit', sk: 1 });
  });

  test('a body nested deeper than the templates write is refused (400), never truncated', async () => {
    const body = JSON.stringify({ tree: nested(MAX_NESTING / 2 + 1) });
    const put = await call('PUT /items/{id}/{at}', { body, path: { id: 'deep', at: '1' } });
    expect([put.status, JSON.parse(put.body)]).toEqual([400, { message: 'bad request' }]);
    const got = await call('GET /items/{id}/{at}', { path: { id: 'deep', at: '1' } });
    expect(got.status).toBe(404);
  });

  test.each(fits)('PUT then GET returns the body\'s attributes as plain JSON: %s', async (name, body) => {
    const path = { id: `item ${name} 'é'`, at: '7' };
    const put = await call('PUT /items/{id}/{at}', { body, path });
    expect([put.status, put.serviceBody]).toEqual([200, '{}']);
    const got = await call('GET /items/{id}/{at}', { path });
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toEqual(plain({ ...jsonObject(body), pk: path.id, sk: 7 }));
  });

  test('PATCH sets attributes and answers with the whole item; DELETE answers with what it deleted', async () => {
    const path = { id: 'patch-me', at: '1' };
    await call('PUT /items/{id}/{at}', { body: '{"a":1,"keep":"yes"}', path });
    const patched = await call('PATCH /items/{id}/{at}', { body: '{"a":{"nested":[true,null,"x\\"y"]},"status":"paid"}', path });
    expect(JSON.parse(patched.body)).toEqual({ pk: 'patch-me', sk: 1, a: { nested: [true, null, 'x"y'] }, keep: 'yes', status: 'paid' });
    const deleted = await call('DELETE /items/{id}/{at}', { path });
    expect(JSON.parse(deleted.body)).toEqual({ pk: 'patch-me', sk: 1, a: { nested: [true, null, 'x"y'] }, keep: 'yes', status: 'paid' });
    const gone = await call('GET /items/{id}/{at}', { path });
    expect([gone.status, JSON.parse(gone.body)]).toEqual([404, { message: 'not found' }]);
  });

  test('Query: one customer\'s orders of one month, newest first', async () => {
    const customer = 'cust "1" & é';
    for (const [n, createdAt] of [[1, '2026-10-30'], [2, '2026-11-02'], [3, '2026-11-20']] as const) {
      await call('PUT /items/{id}/{at}', { body: JSON.stringify({ customerId: customer, createdAt, total: n * 1.5 }), path: { id: 'order', at: String(n) } });
    }
    await call('PUT /items/{id}/{at}', { body: '{"customerId":"other","createdAt":"2026-11-05"}', path: { id: 'order', at: '4' } });
    const result = await call('GET /customers/{id}/orders', { path: { id: customer }, querystring: { month: '2026-11' } });
    expect(JSON.parse(result.body)).toEqual({
      items: [
        { pk: 'order', sk: 3, customerId: customer, createdAt: '2026-11-20', total: 4.5 },
        { pk: 'order', sk: 2, customerId: customer, createdAt: '2026-11-02', total: 3 },
      ],
      count: 2,
    });
  });

  test.each([
    ['1e-400 (a double would store 0)', '{"a":1e-400}'],
    ['-1e-400', '{"a":[-1e-400]}'],
    ['4.9e-325', '{"a":{"b":4.9e-325}}'],
    ['1e400 (a double would be Infinity)', '{"a":1e400}'],
    ['1e-200 (below DynamoDB\'s range)', '{"a":1e-200}'],
    ['1e200 (above DynamoDB\'s range)', '{"a":1e200}'],
    ['42 significant digits', '{"a":123456789012345678901234567890123456789012}'],
    ['a lone surrogate', '{"a":"x\\ud800"}'],
    ['a lone surrogate in a name', '{"\\ud800":1}'],
  ])('a number or string DynamoDB would not store as sent is a 400, and nothing is stored: %s', async (_name, body) => {
    const path = { id: `refused ${_name}`, at: '1' };
    const put = await call('PUT /items/{id}/{at}', { body, path });
    expect([put.status, JSON.parse(put.body)]).toEqual([400, { message: 'bad request' }]);
    expect((await call('GET /items/{id}/{at}', { path })).status).toBe(404);
  });

  test('zeros however written are stored as 0', async () => {
    const path = { id: 'zeros', at: '1' };
    expect((await call('PUT /items/{id}/{at}', { body: '{"a":0.0,"b":-0.0,"c":0e5,"d":0E-400,"e":[-0]}', path })).status).toBe(200);
    expect(JSON.parse((await call('GET /items/{id}/{at}', { path })).body)).toEqual({ pk: 'zeros', sk: 1, a: 0, b: 0, c: 0, d: 0, e: [0] });
  });

  test('keys read by a JSON path: a number is its text; an object is a 400', async () => {
    await call('PUT /items/{id}/{at}', { body: '{"note":"found"}', path: { id: '42', at: '7' } });
    const found = await call('POST /values/item', { body: '{"v":42,"n":7.0}' });
    expect([found.status, JSON.parse(found.body)]).toEqual([200, { pk: '42', sk: 7, note: 'found' }]);
    const refused = await call('POST /values/item', { body: '{"v":{"id":42},"n":7}' });
    expect([refused.status, JSON.parse(refused.body)]).toEqual([400, { message: 'bad request' }]);
  });

  test('a key DynamoDB cannot take (empty) is a 400 without detail', async () => {
    const result = await call('GET /items/{id}/{at}', { path: { id: '', at: '1' } });
    expect([result.status, JSON.parse(result.body)]).toEqual([400, { message: 'bad request' }]);
  });

  test('a sort key that is not a number is a 400', async () => {
    const result = await call('GET /items/{id}/{at}', { path: { id: 'a', at: 'not-a-number' } });
    expect(result.status).toBe(400);
  });
});

describe('Kinesis PutRecords, ListShards, GetShardIterator and GetRecords', () => {
  test('records put in a batch are read back in order, data as sent, after the first one\'s sequence number', async () => {
    const records = [{ data: 'one', partitionKey: 'p' }, { data: { n: 2, s: 'it\'s "two"' }, partitionKey: 'p' }, { data: 'three é 😀 \\ $x', partitionKey: 'p' }];
    const put = await call('POST /clicks/batch', { body: JSON.stringify({ records }) });
    expect(put.status).toBe(200);
    const sent = JSON.parse(put.body) as { records: { sequenceNumber: string; shardId: string }[]; failedRecordCount: number };
    expect(sent.failedRecordCount).toBe(0);
    expect(sent.records).toHaveLength(3);

    const shards = JSON.parse((await call('GET /clicks/shards', {})).body) as { shards: { shardId: string; closed: boolean }[] };
    expect(shards.shards).toContainEqual({ shardId: sent.records[0].shardId, closed: false });

    const iterator = await call('GET /clicks/shards/{shard}/after', {
      path: { shard: sent.records[0].shardId }, querystring: { after: sent.records[0].sequenceNumber },
    });
    const { shardIterator } = JSON.parse(iterator.body) as { shardIterator: string };
    const read = await call('GET /clicks/records', { querystring: { shardIterator } });
    expect(read.status).toBe(200);
    const page = JSON.parse(read.body) as { records: { data: string; partitionKey: string; sequenceNumber: string }[]; nextShardIterator: string };
    expect(page.records).toEqual([
      { data: JSON.stringify(records[1].data), partitionKey: 'p', sequenceNumber: sent.records[1].sequenceNumber },
      { data: records[2].data, partitionKey: 'p', sequenceNumber: sent.records[2].sequenceNumber },
    ]);
    expect(page.nextShardIterator).toEqual(expect.any(String));
  });

  test('a forged shard iterator and a body without records are refused with 400 and no detail', async () => {
    const forged = await call('GET /clicks/records', { querystring: { shardIterator: 'not-an-iterator' } });
    expect([forged.status, JSON.parse(forged.body)]).toEqual([400, { message: 'bad request' }]);
    const empty = await call('POST /clicks/batch', { body: '{"records":[]}' });
    expect([empty.status, JSON.parse(empty.body)]).toEqual([400, { message: 'bad request' }]);
  });
});

describe('SQS receive, delete and purge', () => {
  const queueName = 'OrdersA9B65338';

  test('a received message comes back whole with its receipt handle; deleting it by that handle empties the queue', async () => {
    const body = 'it\'s "quoted" \\ & = + % # $context.requestId é 中文 😀';
    await call('POST /orders', { body });
    const received = await call('GET /orders/next', {});
    expect(received.status).toBe(200);
    const { messages } = JSON.parse(received.body) as { messages: { messageId: string; receiptHandle: string; body: string }[] };
    expect(messages.map(m => m.body)).toEqual([body]);
    expect(messages[0].receiptHandle).not.toBe('');
    const deleted = await call('DELETE /orders/received', { body: JSON.stringify({ receiptHandle: messages[0].receiptHandle }) });
    expect([deleted.status, JSON.parse(deleted.body)]).toEqual([200, {}]);
    const deletedByPath = await call('DELETE /orders/received/{handle}', { path: { handle: messages[0].receiptHandle } });
    expect(deletedByPath.status).toBe(200);
    expect(await takeMessages(emulators, queueName, 0)).toEqual([]);
  }, 20_000);

  test('a request without a receipt handle is refused by SQS with 400 and no detail', async () => {
    const refused = await call('DELETE /orders/received', { body: '{}' });
    expect([refused.status, JSON.parse(refused.body)]).toEqual([400, { message: 'bad request' }]);
  });

  test('a purge is accepted once a minute; SQS empties the queue within that minute', async () => {
    const drafts = /\/([^/]+)$/.exec(emittedRoute(routes, 'DELETE /orders').uri!)![1];
    await emulators.sqs.send(new CreateQueueCommand({ QueueName: drafts }));
    const purged = await call('DELETE /orders', {});
    expect([purged.status, JSON.parse(purged.body)]).toEqual([200, {}]);
    // SQS refuses a second purge within the minute (403 PurgeQueueInProgress): a plain 400.
    const again = await call('DELETE /orders', {});
    expect([again.status, JSON.parse(again.body)]).toEqual([400, { message: 'bad request' }]);
  });
});

describe("answers of the route's own", () => {
  test("SQS: the client gets SQS's own answer with the route's status, and the message arrives", async () => {
    const sent = await call('POST /answers/orders', { body: '{"id":1}' });
    expect(sent.status).toBe(202);
    expect(sent.body).toBe(sent.serviceBody);
    expect(JSON.parse(sent.body).SendMessageResponse.SendMessageResult.MessageId).toEqual(expect.any(String));
    expect((await takeMessages(emulators, 'OrdersA9B65338')).map(m => m.Body)).toEqual(['{"id":1}']);
  });

  test("DynamoDB: a put answers 204 with no body; a get answers DynamoDB's own item, and 404 without one", async () => {
    const item = '{"name":"it\'s \\"here\\"","n":1.50}';
    const put = await call('PUT /answers/items/{id}/{at}', { body: item, path: { id: 'own', at: '7' } });
    expect([put.status, put.body]).toEqual([204, '']);
    const got = await call('GET /answers/items/{id}/{at}', { path: { id: 'own', at: '7' } });
    expect(got.status).toBe(200);
    expect(got.body).toBe(got.serviceBody);
    expect(JSON.parse(got.body).Item).toEqual({ pk: { S: 'own' }, sk: { N: '7' }, name: { S: 'it\'s "here"' }, n: { N: '1.5' } });
    const missing = await call('GET /answers/items/{id}/{at}', { path: { id: 'none', at: '7' } });
    expect([missing.status, JSON.parse(missing.body)]).toEqual([404, { message: 'not found' }]);
  });
});

describe('conditional writes', () => {
  test('create only: the first put writes the listed attributes, the second is a 409 and changes nothing', async () => {
    const path = { id: 'guarded', at: '1' };
    const first = await call('PUT /guarded/{id}/{at}', { body: '{"name":"first","role":"admin","version":1}', path });
    expect([first.status, JSON.parse(first.body)]).toEqual([200, {}]);
    const second = await call('PUT /guarded/{id}/{at}', { body: '{"name":"second"}', path });
    expect([second.status, JSON.parse(second.body)]).toEqual([409, { message: 'conditional check failed' }]);
    const stored = await call('GET /items/{id}/{at}', { path });
    // `role` and `version` are not in the route's attributes: never written.
    expect(JSON.parse(stored.body)).toEqual({ pk: 'guarded', sk: 1, name: 'first' });
  });

  test('optimistic locking: an update with a stale version is a 409; with the current one it applies', async () => {
    const path = { id: 'locked', at: '2' };
    await call('PUT /items/{id}/{at}', { body: '{"name":"v1","version":1}', path });
    const stale = await call('PATCH /guarded/{id}/{at}', { body: '{"name":"v2","version":2}', path, header: { 'If-Match': '0' } });
    expect([stale.status, JSON.parse(stale.body)]).toEqual([409, { message: 'conditional check failed' }]);
    const current = await call('PATCH /guarded/{id}/{at}', { body: '{"name":"v2","version":2}', path, header: { 'If-Match': '1' } });
    expect([current.status, JSON.parse(current.body)]).toEqual([200, { pk: 'locked', sk: 2, name: 'v2', version: 2 }]);
  });

  test('update only what exists, delete only a match', async () => {
    const missing = await call('POST /guarded/{id}/{at}', { body: '{"name":"x"}', path: { id: 'nobody', at: '3' } });
    expect(missing.status).toBe(409);
    const path = { id: 'owned', at: '4' };
    await call('PUT /items/{id}/{at}', { body: '{"name":"it\'s mine"}', path });
    const wrong = await call('DELETE /guarded/{id}/{at}', { path, querystring: { name: 'theirs' } });
    expect(wrong.status).toBe(409);
    const right = await call('DELETE /guarded/{id}/{at}', { path, querystring: { name: 'it\'s mine' } });
    expect([right.status, JSON.parse(right.body)]).toEqual([200, { pk: 'owned', sk: 4, name: 'it\'s mine' }]);
  });
});

describe('Query pages', () => {
  test('a client follows the cursors and reads every item once, in order', async () => {
    for (let i = 1; i <= 5; i++) {
      await call('PUT /items/{id}/{at}', { body: JSON.stringify({ customerId: 'pager', createdAt: `2025-0${i}`, note: `it's #${i}` }), path: { id: `page-${i}`, at: String(i) } });
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const answer = await call('GET /customers/{id}/pages', { path: { id: 'pager' }, querystring: cursor ? { cursor } : {} });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body);
      pages.push(body.items.map((item: { createdAt: string }) => item.createdAt));
      cursor = body.cursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([['2025-01', '2025-02'], ['2025-03', '2025-04'], ['2025-05']]);
  });

  test('a forged cursor is a 400 without detail', async () => {
    const forged = await call('GET /customers/{id}/pages', { path: { id: 'pager' }, querystring: { cursor: 'bm9wZQ.MQ.eA.eQ' } });
    expect([forged.status, JSON.parse(forged.body)]).toEqual([400, { message: 'bad request' }]);
  });
});

describe('ADD and REMOVE', () => {
  test('a counter counts up from nothing, and a null removes a listed attribute', async () => {
    const path = { id: 'counter', at: '5' };
    await call('PUT /items/{id}/{at}', { body: '{"nickname":"ada","note":"n"}', path });
    const first = await call('PATCH /counters/{id}/{at}', { body: '{"visits":1,"score":0.5}', path });
    expect(JSON.parse(first.body)).toEqual({ pk: 'counter', sk: 5, nickname: 'ada', note: 'n', visits: 1, score: 0.5 });
    const second = await call('PATCH /counters/{id}/{at}', { body: '{"visits":2,"nickname":null,"score":-1}', path });
    expect([second.status, JSON.parse(second.body)]).toEqual([200, { pk: 'counter', sk: 5, note: 'n', visits: 3, score: -0.5 }]);
    const removedOnly = await call('PATCH /counters/{id}/{at}', { body: '{"note":null}', path });
    expect(JSON.parse(removedOnly.body)).toEqual({ pk: 'counter', sk: 5, visits: 3, score: -0.5 });
  });
});
