import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_PARAMS } from './hostile-corpus';
import { renderVtl } from '../support/vtl/render';
import { VtlRequest } from '../support/vtl/vtl-request';

/**
 * DynamoDB writes with a `condition` and an allow-list of `attributes`: what the templates
 * send DynamoDB, for plain and hostile values.
 */
const routes = emittedRoutes(catalogueStack());
const path = { id: 'a', at: '1' };

function request(routeKey: string, r: Partial<VtlRequest>): Record<string, any> {
  const output = renderVtl(emittedRoute(routes, routeKey).request!, { body: '', path, ...r }).output;
  return JSON.parse(output);
}

const params = HOSTILE_PARAMS.map(p => [p.name, p.value] as const);

describe('conditions', () => {
  test('create only: the put is conditional on the partition key not existing', () => {
    const put = request('PUT /guarded/{id}/{at}', { body: '{"name":"x"}' });
    expect(put).toMatchObject({ ConditionExpression: 'attribute_not_exists(#c)', ExpressionAttributeNames: { '#c': 'pk' } });
    expect(put.ExpressionAttributeValues).toBeUndefined();
  });

  test('update only when the item exists: the condition\'s name comes before the attributes\'', () => {
    const update = request('POST /guarded/{id}/{at}', { body: '{"name":"x","n":2}' });
    expect(update).toMatchObject({
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1',
      ConditionExpression: 'attribute_exists(#c)',
      ExpressionAttributeNames: { '#c': 'pk', '#n0': 'name', '#n1': 'n' },
      ExpressionAttributeValues: { ':v0': { S: 'x' }, ':v1': { N: '2' } },
    });
  });

  test.each(params)('optimistic locking: the version compared is the header, as a number string: %s', (_name, value) => {
    const update = request('PATCH /guarded/{id}/{at}', { body: '{"name":"x","version":4}', header: { 'If-Match': value } });
    expect(update.ConditionExpression).toBe('#c = :c');
    expect(update.ExpressionAttributeNames['#c']).toBe('version');
    expect(update.ExpressionAttributeValues[':c']).toEqual({ N: value });
  });

  test.each(params)('a string condition carries any value as a string: %s', (_name, value) => {
    const del = request('DELETE /guarded/{id}/{at}', { querystring: { name: value } });
    expect(del).toMatchObject({ ConditionExpression: '#c = :c', ExpressionAttributeNames: { '#c': 'name' }, ExpressionAttributeValues: { ':c': { S: value } } });
  });
});

describe('attributes', () => {
  test('a put writes only the listed body attributes, with the key from the path', () => {
    const put = request('PUT /guarded/{id}/{at}', { body: '{"name":"x","price":2.5,"role":"admin","owner":"me","pk":"other","tags":["a"]}' });
    expect(put.Item).toEqual({ pk: { S: 'a' }, sk: { N: '1' }, name: { S: 'x' }, price: { N: '2.5' }, tags: { L: [{ S: 'a' }] } });
  });

  test('an update sets only the listed attributes; a body of none of them has nothing to set (DynamoDB refuses it: 400)', () => {
    const update = request('PATCH /guarded/{id}/{at}', { body: '{"role":"admin","version":5}', header: { 'If-Match': '4' } });
    expect(update).toMatchObject({
      UpdateExpression: 'SET #n0 = :v0', ExpressionAttributeNames: { '#c': 'version', '#n0': 'version' }, ExpressionAttributeValues: { ':c': { N: '4' }, ':v0': { N: '5' } },
    });
    const none = request('PATCH /guarded/{id}/{at}', { body: '{"role":"admin"}', header: { 'If-Match': '4' } });
    expect(none.UpdateExpression).toBe('SET ');
  });
});
