import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_PARAMS } from './hostile-corpus';
import { Authorization, DynamoDbAction, Integration, RequestValue, RestGateway, WriteCondition } from '../../src';
import { testStack } from '../support/app';
import { table } from '../support/service-fixtures';
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

const params = HOSTILE_PARAMS.filter(p => p.value !== '').map(p => [p.name, p.value] as const);

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

  test('a condition without its value is refused (the call DynamoDB refuses, 400), never compared with ""', () => {
    expect(request('PATCH /guarded/{id}/{at}', { body: '{"name":"x"}', header: {} })).toEqual({ TableName: 'Items5C12978B' });
    expect(request('PATCH /guarded/{id}/{at}', { body: '{"name":"x"}', header: { 'If-Match': '' } })).toEqual({ TableName: 'Items5C12978B' });
    expect(request('DELETE /guarded/{id}/{at}', { querystring: {} })).toEqual({ TableName: 'Items5C12978B' });
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

describe('ADD and REMOVE', () => {
  test('each body attribute goes to one clause; a listed null is removed, any other null stored', () => {
    const update = request('PATCH /counters/{id}/{at}', { body: '{"name":"x","visits":1,"nickname":null,"note":"kept","score":-2.5,"other":null}' });
    expect(update.UpdateExpression).toBe('SET #n0 = :v0, #n3 = :v3, #n5 = :v5 ADD #n1 :v1, #n4 :v4 REMOVE #n2');
    expect(update.ExpressionAttributeNames).toEqual({ '#n0': 'name', '#n1': 'visits', '#n2': 'nickname', '#n3': 'note', '#n4': 'score', '#n5': 'other' });
    expect(update.ExpressionAttributeValues).toEqual({ ':v0': { S: 'x' }, ':v1': { N: '1' }, ':v3': { S: 'kept' }, ':v4': { N: '-2.5' }, ':v5': { NULL: true } });
  });

  test('only removals: no values at all (DynamoDB refuses an empty map of them)', () => {
    const update = request('PATCH /counters/{id}/{at}', { body: '{"nickname":null,"note":null}' });
    expect(update.UpdateExpression).toBe('REMOVE #n0, #n1');
    expect(update).not.toHaveProperty('ExpressionAttributeValues');
  });

  test('only additions', () => {
    expect(request('PATCH /counters/{id}/{at}', { body: '{"visits":3}' }).UpdateExpression).toBe('ADD #n0 :v0');
  });

  test('an empty string, false, 0, {} and [] are values, not removals', () => {
    const update = request('PATCH /counters/{id}/{at}', { body: '{"nickname":"","note":false}' });
    expect(update.UpdateExpression).toBe('SET #n0 = :v0, #n1 = :v1');
    for (const value of ['0', '{}', '[]']) {
      expect(request('PATCH /counters/{id}/{at}', { body: `{"nickname":${value}}` }).UpdateExpression).toBe('SET #n0 = :v0');
    }
  });

  test('with an allow-list and a condition: the condition first, unlisted attributes left out', () => {
    const update = request('POST /counters/{id}/{at}', { body: '{"visits":1,"role":"admin","nickname":null}', header: { 'If-Match': '7' } });
    expect(update).toMatchObject({
      UpdateExpression: 'ADD #n0 :v0 REMOVE #n1',
      ConditionExpression: '#c = :c',
      ExpressionAttributeNames: { '#c': 'version', '#n0': 'visits', '#n1': 'nickname' },
      ExpressionAttributeValues: { ':c': { N: '7' }, ':v0': { N: '1' } },
    });
  });
});

describe('a condition value read from the body', () => {
  const stack = testStack();
  new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() }).addRoute('POST /release/{id}/{at}', Integration.dynamoDb(
    table(stack), DynamoDbAction.UPDATE_ITEM, {
      key: { pk: RequestValue.pathParameter('id'), sk: RequestValue.pathParameter('at') },
      condition: WriteCondition.stringEquals('lockedBy', RequestValue.jsonPath('$.owner')),
      attributes: ['state'],
    }));
  const template = emittedRoute(emittedRoutes(stack), 'POST /release/{id}/{at}').request!;
  const render = (body: string) => JSON.parse(renderVtl(template, { body, path }).output);

  test.each(['{"state":"free"}', '{"state":"free","owner":null}', '{"state":"free","owner":""}'])('missing, null or empty: refused: %s', (body) => {
    expect(render(body)).toEqual({ TableName: 'Items5C12978B' });
  });

  test('a value: compared as a string', () => {
    expect(render('{"state":"free","owner":"ada"}')).toMatchObject({ ExpressionAttributeValues: { ':c': { S: 'ada' }, ':v0': { S: 'free' } } });
  });
});
