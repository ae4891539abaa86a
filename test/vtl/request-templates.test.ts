import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_BODIES, HOSTILE_PARAMS } from './hostile-corpus';
import { attributeNesting, formMessageAttributes, jsonObject, numbersByValue, parseForm, toAttributeValue } from './service-formats';
import { MAX_BODY_LENGTH } from '../../src/templates/dynamodb';
import { MAX_NESTING } from '../../src/templates/dynamodb-json';
import { renderVtl } from '../support/vtl/render';
import { VtlRequest } from '../support/vtl/vtl-request';

/**
 * Every request template of the catalogue stack, rendered for every hostile request: the
 * result must be exactly what the service API expects, carrying the client's data unchanged.
 */
const routes = emittedRoutes(catalogueStack());
const CONTEXT = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', identity: { sourceIp: '203.0.113.7' }, stage: 'prod' };

function render(routeKey: string, request: Partial<VtlRequest>): string {
  const template = emittedRoute(routes, routeKey).request!;
  return renderVtl(template, { body: '', context: CONTEXT, ...request }).output;
}

const bodies = HOSTILE_BODIES.map(b => [b.name, b.body] as const);
const objectBodies = bodies.filter(([, body]) => jsonObject(body) !== undefined);
/** Bodies DynamoDB templates write whole (the rest are refused, tested below). */
const itemBodies = objectBodies.filter(([, body]) => attributeNesting(jsonObject(body)!) <= MAX_NESTING);
const params = HOSTILE_PARAMS.map(p => [p.name, p.value] as const);

describe('SQS SendMessage', () => {
  test.each(bodies)('the message body is the request body byte for byte: %s', (_name, body) => {
    const form = parseForm(render('POST /orders', { body }));
    expect([...form.keys()]).toEqual(['Action', 'MessageBody']);
    expect(form.get('Action')).toBe('SendMessage');
    expect(form.get('MessageBody')).toBe(body);
  });

  test.each(params)('FIFO: group from the body, request-id deduplication, attributes from a header: %s', (_name, value) => {
    const body = JSON.stringify({ customerId: value, total: 5 });
    const form = parseForm(render('POST /orders-fifo', { body, header: { 'x-tenant': value } }));
    expect(form.get('MessageBody')).toBe(body);
    expect(form.get('MessageGroupId')).toBe(value);
    expect(form.get('MessageDeduplicationId')).toBe(CONTEXT.requestId);
    expect(formMessageAttributes(form)).toEqual({
      ...(value === '' ? {} : { tenant: value }),
      source: 'api & web = $ok #1',
      ip: '203.0.113.7',
    });
  });

  test('a missing header leaves its attribute out and keeps the numbering whole', () => {
    const form = parseForm(render('POST /orders-fifo', { body: '{"customerId":"c1"}', context: { requestId: 'r1' } }));
    expect(formMessageAttributes(form)).toEqual({ source: 'api & web = $ok #1' });
    expect(form.get('MessageAttribute.1.Name')).toBe('source');
  });
});

describe('Kinesis PutRecord', () => {
  test.each(bodies)('data is the base64 of the body\'s UTF-8 bytes, partition key the request id: %s', (_name, body) => {
    const request = JSON.parse(render('POST /clicks-raw', { body })) as Record<string, string>;
    expect(Object.keys(request)).toEqual(['StreamName', 'Data', 'PartitionKey']);
    expect(request.PartitionKey).toBe(CONTEXT.requestId);
    expect(Buffer.from(request.Data, 'base64').toString('utf8')).toBe(body);
    expect(request.Data).toBe(Buffer.from(body, 'utf8').toString('base64'));
  });

  test.each(params)('the partition key is the body\'s userId as a string: %s', (_name, value) => {
    const request = JSON.parse(render('POST /clicks', { body: JSON.stringify({ userId: value }) })) as Record<string, string>;
    expect(request.PartitionKey).toBe(value);
  });
});

describe('Kinesis PutRecords, ListShards, GetShardIterator and GetRecords', () => {
  const decoded = (request: { Records: { Data: string; PartitionKey: string }[] }) =>
    request.Records.map(r => ({ data: Buffer.from(r.Data, 'base64').toString('utf8'), key: r.PartitionKey }));

  test('each record\'s data as its text (a string) or JSON text, its key as text, or the request id and index without one', () => {
    const body = JSON.stringify({
      records: [
        { data: 'it\'s "x" \\ $context.requestId #set é 😀', partitionKey: 'it\'s "k"' },
        { data: { nested: [1, 'two', null], n: 1.5 } },
        { data: 42, partitionKey: 7 },
        { data: false, partitionKey: true },
      ],
    });
    const request = JSON.parse(render('POST /clicks/batch', { body }));
    expect(request.StreamName).toBe('Clicks81B5095A');
    expect(decoded(request)).toEqual([
      { data: 'it\'s "x" \\ $context.requestId #set é 😀', key: 'it\'s "k"' },
      { data: '{"nested":[1,"two",null],"n":1.5}', key: `${CONTEXT.requestId}-1` },
      { data: '42', key: '7' },
      { data: 'false', key: 'true' },
    ]);
  });

  test('500 records are sent in order', () => {
    const records = Array.from({ length: 500 }, (_, i) => ({ data: `r${i}`, partitionKey: `k${i % 7}` }));
    const request = JSON.parse(render('POST /clicks/batch', { body: JSON.stringify({ records }) }));
    expect(decoded(request)).toEqual(records.map(r => ({ data: r.data, key: r.partitionKey })));
  });

  test.each([
    ['no records', '{}'],
    ['an empty list', '{"records":[]}'],
    ['an object', '{"records":{"data":"a"}}'],
    ['a string', '{"records":"[{\\"data\\":\\"a\\"}]"}'],
    ['a number', '{"records":5}'],
    ['501 records', JSON.stringify({ records: Array.from({ length: 501 }, () => ({ data: 'a' })) })],
    ['an object as a partition key', '{"records":[{"data":"a"},{"data":"b","partitionKey":{"k":1}}]}'],
    ['a lone surrogate', '{"records":[{"data":"a\\ud800"}]}'],
    ['a number a double cannot hold', '{"records":[{"data":{"a":1e400}}]}'],
    ['a record that is not an object', '{"records":[{"data":"a"},"abc"]}'],
    ['a null record', '{"records":[{"data":"a"},null]}'],
    ['a record without data', '{"records":[{"data":"a"},{}]}'],
    ['data spelt otherwise', '{"records":[{"Data":"x"}]}'],
    ['null data', '{"records":[{"data":null}]}'],
    ['empty data', '{"records":[{"data":""}]}'],
  ])('%s: no records are sent, which Kinesis refuses', (_name, body) => {
    expect(JSON.parse(render('POST /clicks/batch', { body }))).toEqual({ StreamName: 'Clicks81B5095A', Records: [] });
  });

  test('ListShards of the stream', () => {
    expect(JSON.parse(render('GET /clicks/shards', {}))).toEqual({ StreamName: 'Clicks81B5095A' });
  });

  test.each(params)('GetShardIterator of the shard in the path, from the oldest record or after a sequence number: %s', (_name, value) => {
    expect(JSON.parse(render('GET /clicks/shards/{shard}/iterator', { path: { shard: value } }))).toEqual({
      StreamName: 'Clicks81B5095A', ShardId: value, ShardIteratorType: 'TRIM_HORIZON',
    });
    expect(JSON.parse(render('GET /clicks/shards/{shard}/after', { path: { shard: 'shardId-000000000000' }, querystring: { after: value } }))).toEqual({
      StreamName: 'Clicks81B5095A', ShardId: 'shardId-000000000000', ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: value,
    });
  });

  test.each(params)('GetRecords at the iterator of the query string, with the route\'s limit: %s', (_name, value) => {
    expect(JSON.parse(render('GET /clicks/records', { querystring: { shardIterator: value } }))).toEqual({ ShardIterator: value, Limit: 2 });
  });
});

describe('DynamoDB', () => {
  test.each(itemBodies)('PutItem: the body\'s attributes, typed, with the key from the path: %s', (_name, body) => {
    const request = JSON.parse(render('PUT /items/{id}/{at}', { body, path: { id: 'o\'1"\\é', at: '42' } }));
    const attributes = { ...jsonObject(body), pk: 'o\'1"\\é', sk: 42 };
    const { M: expectedItem } = toAttributeValue(attributes) as { M: object };
    expect(numbersByValue(request)).toEqual(numbersByValue({
      TableName: 'Items5C12978B',
      Item: { ...expectedItem, sk: { N: '42' } },
      ReturnValues: 'ALL_OLD',
    }));
  });

  test.each(params)('GetItem, DeleteItem: typed key from path parameters: %s', (_name, value) => {
    for (const route of ['GET /items/{id}/{at}', 'DELETE /items/{id}/{at}']) {
      const request = JSON.parse(render(route, { path: { id: value, at: '7' } }));
      expect(request.Key).toEqual({ pk: { S: value }, sk: { N: '7' } });
    }
  });

  test.each(itemBodies.filter(([, body]) => Object.keys(jsonObject(body)!).length > 0))(
    'UpdateItem: SET every body attribute, names and values agreeing: %s', (_name, body) => {
      const request = JSON.parse(render('PATCH /items/{id}/{at}', { body, path: { id: 'a', at: '1' } }));
      const attributes = Object.entries(jsonObject(body)!).filter(([k]) => k !== 'pk' && k !== 'sk');
      const assignments = (request.UpdateExpression as string).replace(/^SET /, '').split(', ');
      expect(assignments).toHaveLength(attributes.length);
      const set: Record<string, unknown> = {};
      for (const assignment of assignments) {
        const [name, value] = assignment.split(' = ');
        set[request.ExpressionAttributeNames[name]] = request.ExpressionAttributeValues[value];
      }
      expect(numbersByValue(set)).toEqual(numbersByValue(Object.fromEntries(attributes.map(([k, v]) => [k, toAttributeValue(v)]))));
      expect(request.Key).toEqual({ pk: { S: 'a' }, sk: { N: '1' } });
      expect(request.ReturnValues).toBe('ALL_NEW');
    });

  test('UpdateItem never sets key attributes from the body', () => {
    const request = JSON.parse(render('PATCH /items/{id}/{at}', { body: '{"pk":"evil","sk":9,"n":1}', path: { id: 'a', at: '1' } }));
    expect(request.UpdateExpression).toBe('SET #n0 = :v0');
    expect(request.ExpressionAttributeNames).toEqual({ '#n0': 'n' });
    expect(request.Key).toEqual({ pk: { S: 'a' }, sk: { N: '1' } });
  });

  test.each(params)('Query: partition and sort-key prefix from the request: %s', (_name, value) => {
    const request = JSON.parse(render('GET /customers/{id}/orders', { path: { id: value }, querystring: { month: value } }));
    expect(request).toEqual({
      TableName: 'Items5C12978B',
      IndexName: 'byCustomer',
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk0)',
      ExpressionAttributeNames: { '#pk': 'customerId', '#sk': 'createdAt' },
      ExpressionAttributeValues: { ':pk': { S: value }, ':sk0': { S: value } },
      Limit: 50,
      ScanIndexForward: false,
    });
  });

  /** What the DynamoDB templates send instead of a body they refuse: DynamoDB answers 400. */
  const REFUSED = { TableName: 'Items5C12978B' };

  test.each([
    ['1e-400 (rounds to 0)', '{"a":1e-400}'],
    ['-1e-400', '{"a":-1e-400}'],
    ['4.9e-325 (below the smallest double)', '{"a":[4.9e-325]}'],
    ['0.000…1 with 400 zeros', `{"a":0.${'0'.repeat(400)}1}`],
    ['1e400 (beyond the largest double)', '{"a":{"b":1e400}}'],
    ['-1e400 beside a real zero', '{"zero":0.0,"a":-1e400}'],
    ['a lone surrogate in a value', '{"a":"x\\ud800"}'],
    ['a lone surrogate in a nested value', '{"a":[{"b":"\\ud83d"}]}'],
    ['a lone surrogate in an attribute name', '{"\\udfff":1}'],
  ])('PutItem and UpdateItem refuse a body DynamoDB would otherwise get changed: %s', (_name, body) => {
    for (const route of ['PUT /items/{id}/{at}', 'PATCH /items/{id}/{at}']) {
      expect(JSON.parse(render(route, { body, path: { id: 'a', at: '1' } }))).toEqual(REFUSED);
    }
  });

  test('zeros however written are written as zeros, and a string that looks like 1e-400 stays a string', () => {
    const body = '{"a":0.0,"b":-0.0,"c":0e5,"d":0E-400,"e":-0,"f":"1e-400","g":"\\ud83d\\ude00"}';
    const request = JSON.parse(render('PUT /items/{id}/{at}', { body, path: { id: 'a', at: '1' } }));
    expect(request.Item).toEqual({
      pk: { S: 'a' },
      sk: { N: '1' },
      a: { N: '0.0' },
      b: { N: '-0.0' },
      c: { N: '0.0' },
      d: { N: '0.0' },
      e: { N: '0' },
      f: { S: '1e-400' },
      g: { S: '😀' },
    });
  });

  test('numbers a double holds but DynamoDB cannot store are sent for DynamoDB to refuse (400)', () => {
    const body = '{"tiny":1e-200,"huge":1e200,"long":123456789012345678901234567890123456789012}';
    const request = JSON.parse(render('PUT /items/{id}/{at}', { body, path: { id: 'a', at: '1' } }));
    expect([request.Item.tiny, request.Item.huge, request.Item.long]).toEqual([
      { N: '1.0E-200' }, { N: '1.0E200' }, { N: '123456789012345678901234567890123456789012' },
    ]);
  });

  test('nesting up to the limit is written whole; one level more is refused by DynamoDB, not truncated', () => {
    const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : [nested(levels - 1)]);
    const atLimit = JSON.parse(render('PUT /items/{id}/{at}', { body: JSON.stringify({ a: nested(MAX_NESTING) }), path: { id: 'a', at: '1' } }));
    expect(atLimit.Item.a).toEqual(toAttributeValue(nested(MAX_NESTING)));
    const deeper = render('PUT /items/{id}/{at}', { body: JSON.stringify({ a: nested(MAX_NESTING + 1) }), path: { id: 'a', at: '1' } });
    expect(deeper).toContain('{"TOO_DEEP":true}');
  });

  /**
   * API Gateway stops a #foreach after 1,000 iterations (the renderer fails past it): longer
   * lists, maps and bodies are walked in chunks, and written whole.
   */
  // DynamoDB itself refuses an UpdateItem of that many attributes (its expressions hold 4 KB): a 400, no data lost.
  test('bodies with more than 1,000 attributes, list elements and map entries are converted whole', () => {
    const many = (n: number, value: (i: number) => unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, value(i)]));
    const body = { ...many(1_200, i => i), list: Array.from({ length: 2_500 }, (_, i) => (i % 2 ? `s${i}` : null)), map: many(1_500, i => [i]) };
    const put = JSON.parse(render('PUT /items/{id}/{at}', { body: JSON.stringify(body), path: { id: 'a', at: '1' } }));
    expect(numbersByValue(put.Item)).toEqual(numbersByValue({ pk: { S: 'a' }, sk: { N: '1' }, ...(toAttributeValue(body) as { M: Record<string, unknown> }).M }));
    const update = JSON.parse(render('PATCH /items/{id}/{at}', { body: JSON.stringify(body), path: { id: 'a', at: '1' } }));
    expect(Object.keys(update.ExpressionAttributeValues)).toHaveLength(1_202);
    expect(update.ExpressionAttributeNames['#n1201']).toBe('map');
    expect(update.ExpressionAttributeValues[':v1200']).toEqual(toAttributeValue(body.list));
  });

  test(`a body longer than ${MAX_BODY_LENGTH} characters is refused, for DynamoDB to answer 400`, () => {
    const body = JSON.stringify({ text: 'x'.repeat(MAX_BODY_LENGTH) });
    for (const route of ['PUT /items/{id}/{at}', 'PATCH /items/{id}/{at}']) {
      expect(JSON.parse(render(route, { body, path: { id: 'a', at: '1' } }))).toEqual({ TableName: expect.any(String) });
    }
  });
});

describe('Step Functions', () => {
  test.each(bodies)('the input is the body as a JSON string; an empty body is {}: %s', (_name, body) => {
    for (const route of ['POST /checkout', 'POST /fulfil']) {
      const request = JSON.parse(render(route, { body }));
      expect(request.stateMachineArn).toMatch(/^arn:aws:states:eu-west-1:111111111111:stateMachine:/);
      expect(request.input).toBe(body === '' ? '{}' : body);
    }
  });
});

describe('EventBridge PutEvents', () => {
  test.each(bodies)('one entry whose detail is the body: %s', (_name, body) => {
    const request = JSON.parse(render('POST /events', { body }));
    expect(request).toEqual({
      Entries: [{
        Source: 'shop.orders',
        DetailType: 'OrderPlaced',
        Detail: body === '' ? '{}' : body,
        EventBusName: 'arn:aws:events:eu-west-1:111111111111:Shop563325D0',
      }],
    });
  });
});

/**
 * Documents composed of several values (`inputFields`, `detailFields`): the `order` read by a
 * JSON path keeps its JSON, the header, query string and context values are strings, the
 * literal is written as given; every hostile value comes through unchanged.
 */
describe('composed Step Functions input and EventBridge detail', () => {
  const documentOf = (route: string, request: Partial<VtlRequest>) => {
    const sent = JSON.parse(render(route, request));
    return JSON.parse(route.includes('fulfil') ? sent.input : sent.Entries[0].Detail);
  };
  const CHANNEL = 'api "v1" $x #y';
  const ROUTES = ['POST /fulfil-composed', 'POST /events-composed'];

  test.each(params)('string values come through unchanged: %s', (_name, value) => {
    for (const route of ROUTES) {
      const doc = documentOf(route, { body: JSON.stringify({ order: { id: value, n: 1 } }), header: { 'X-Tenant': value }, querystring: { month: value } });
      expect(doc).toEqual({ order: { id: value, n: 1 }, tenant: value, month: value, caller: CONTEXT.identity.sourceIp, channel: CHANNEL });
    }
  });

  test.each(objectBodies.filter(([, body]) => attributeNesting(jsonObject(body)!) <= MAX_NESTING))('a JSON path value keeps its JSON: %s', (_name, body) => {
    const order = jsonObject(body)!.order;
    for (const route of ROUTES) {
      const doc = documentOf(route, { body, header: { 'X-Tenant': 't' } });
      expect(numbersByValue(doc.order)).toEqual(numbersByValue(order === undefined ? null : order));
      expect(doc.tenant).toBe('t');
      expect(doc.month).toBe('');
    }
  });

  test('a missing value is null (JSON path) or empty (others)', () => {
    for (const route of ROUTES) {
      expect(documentOf(route, { body: '{}' })).toEqual({ order: null, tenant: '', month: '', caller: CONTEXT.identity.sourceIp, channel: CHANNEL });
    }
  });

  test('numbers a double cannot hold and lone surrogates are refused, for the service to answer 400', () => {
    for (const body of ['{"order":{"n":1e400}}', '{"order":"\\ud800"}']) {
      expect(JSON.parse(render('POST /fulfil-composed', { body })).input).toBe('refused');
      expect(JSON.parse(render('POST /events-composed', { body })).Entries[0].Detail).toBe('refused');
    }
  });
});

