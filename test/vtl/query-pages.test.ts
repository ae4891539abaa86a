import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_PARAMS } from './hostile-corpus';
import { HOSTILE_TEXT } from './service-responses';
import { webSocketCatalogueStack } from './websocket-catalogue-stack';
import { emittedWebSocketRoutes, webSocketContext } from './websocket-emitted-templates';
import { renderVtl } from '../support/vtl/render';

/**
 * Query pages: the cursor the answer gives and the ExclusiveStartKey a cursor becomes, for
 * every key value a table can hold and every cursor a client can forge.
 */
const route = emittedRoute(emittedRoutes(catalogueStack()), 'GET /customers/{id}/pages');
const ws = emittedWebSocketRoutes(webSocketCatalogueStack()).queryPages;

const query = (cursor?: string) => JSON.parse(renderVtl(route.request!, { body: '', path: { id: 'c1' }, querystring: cursor === undefined ? {} : { cursor } }).output);
const page = (lastKey?: object) => JSON.parse(renderVtl(route.responses['200'], {
  body: JSON.stringify({ Count: 1, Items: [{ pk: { S: 'a' } }], ...(lastKey ? { LastEvaluatedKey: lastKey } : {}) }),
}).output);

const KEY = (value: string) => ({ pk: { S: value }, sk: { N: '-12.5E+3' }, customerId: { S: 'c1' }, createdAt: { S: `${value}/2025` } });

describe('the cursor out and back in', () => {
  test('the last page has no cursor; the first request has no ExclusiveStartKey', () => {
    expect(page()).toEqual({ items: [{ pk: 'a' }], count: 1 });
    expect(query()).not.toHaveProperty('ExclusiveStartKey');
    expect(query('')).not.toHaveProperty('ExclusiveStartKey');
  });

  const values: [string, string][] = [...HOSTILE_PARAMS.map((p): [string, string] => [p.name, p.value]), ['service text', HOSTILE_TEXT]];
  test.each(values.filter(([, v]) => v !== ''))(
    'a key value comes back as it was, through a cursor of URL-safe characters: %s', (_name, value) => {
      const { cursor } = page(KEY(value));
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){3}$/);
      expect(query(cursor).ExclusiveStartKey).toEqual(KEY(value));
    });
});

test("the longest part a key can make (a 2,048-byte binary key, base64 in DynamoDB's answer) comes back", () => {
  const binary = Buffer.alloc(2048, 0xfb).toString('base64');
  const key = { pk: { S: binary }, sk: { N: '1' }, customerId: { S: 'c1' }, createdAt: { S: 'x' } };
  const { cursor } = page(key);
  expect(cursor.split('.')[0].length).toBeGreaterThan(3600);
  expect(query(cursor).ExclusiveStartKey).toEqual(key);
});

describe('forged cursors', () => {
  test.each([
    ['not base64url', 'YS9i+2M.MTc.YzE.MjAy'],
    ['too few parts', 'YS9iK2M.MTc.YzE'],
    ['too many parts', 'YS9iK2M.MTc.YzE.MjAy.MjAy'],
    ['a part of one character', 'YS9iK2M.M.YzE.MjAy'],
    ['JSON', '{"pk":{"S":"x"}}'],
    ['a quote', 'YS9iK2M".MTc.YzE.MjAy'],
    ['a part of 5 characters (no base64 has that length)', 'YS9iK.MTc.YzE.MjAy'],
  ])('%s: refused (the call DynamoDB refuses, 400)', (_name, cursor) => {
    expect(query(cursor)).toEqual({ TableName: 'Items5C12978B' });
  });

  test('JSON inside a part stays a string value: it cannot add fields to the call', () => {
    const injected = Buffer.from('x"},"IndexName":"other","Limit":{"S":"1').toString('base64url');
    const request = query(`${injected}.MTc.YzE.MjAy`);
    expect(request.IndexName).toBe('byCustomer');
    expect(request.Limit).toBe(2);
    expect(request.ExclusiveStartKey.pk).toEqual({ S: 'x"},"IndexName":"other","Limit":{"S":"1' });
  });

  test.each(HOSTILE_PARAMS.map(p => [p.name, p.value] as const))('a hostile query-string value is refused (or, empty, the first page): %s', (_name, value) => {
    const request = query(value);
    if (value === '') expect(request).not.toHaveProperty('ExclusiveStartKey');
    else expect(request).toEqual({ TableName: 'Items5C12978B' });
  });
});

describe('WebSocket', () => {
  test('the cursor comes from the message and goes back in the answer', () => {
    const answer = JSON.parse(renderVtl(ws.responses.$default, {
      body: JSON.stringify({ Count: 0, Items: [], LastEvaluatedKey: KEY('w') }), context: webSocketContext({ routeKey: 'queryPages' }),
    }).output);
    const request = JSON.parse(renderVtl(ws.request!, {
      body: JSON.stringify({ customerId: 'c1', cursor: answer.cursor }), context: webSocketContext({ routeKey: 'queryPages' }),
    }).output);
    expect(request.ExclusiveStartKey).toEqual(KEY('w'));
  });
});
