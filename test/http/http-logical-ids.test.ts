import { Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RouteOptions } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

interface RouteSpec { readonly key: string; readonly options?: RouteOptions }

function synth(routes: RouteSpec[]): Record<string, { Type: string }> {
  const stack = testStack();
  const fn = handler(stack, 'Fn');
  const q = queue(stack);
  const api = new HttpGateway(stack, 'Api');
  for (const { key, options } of routes) api.addRoute(key, key.startsWith('PUT') ? Integration.sqs(q) : Integration.lambda(fn), options);
  return Template.fromStack(stack).toJSON().Resources;
}

/** Changing any of these replaces live resources in users' stacks: never update casually. */
const LOCKED_IDS = [
  'ApiIntegrationsTestFn6E84344EBAFC62EC7536BB3A',
  'ApiIntegrationsTestOrdersC225794E86610EF08F07039F',
  'ApiInvokePermissionsTestFn6E84344E22B21653',
  'ApiRoutesAnyFilesProxyD74BE16AB2361CF7',
  'ApiRoutesDefault6B672969C05B645A',
  'ApiRoutesGetOrders60C1988DDFFA0CD4',
  'ApiRoutesGetOrdersIdEA614192262E1C0C',
  'ApiRoutesPutOrdersIdC8EE5C0D2B8530DC',
];

const BASE: RouteSpec[] = [
  { key: 'GET /orders' }, { key: 'GET /orders/{id}' }, { key: 'PUT /orders/{id}' }, { key: 'ANY /files/{proxy+}' }, { key: '$default' },
];

const TYPES = ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::Lambda::Permission'];

describe('HttpGateway logical IDs', () => {
  test('adding a route adds only that route', () => {
    const before = synth(BASE);
    const after = synth([...BASE, { key: 'DELETE /orders/{id}' }]);
    expect(Object.keys(before).filter(id => !(id in after))).toEqual([]);
    expect(Object.keys(after).filter(id => !(id in before)).map(id => after[id].Type)).toEqual(['AWS::ApiGatewayV2::Route']);
  });

  test('removing a route removes only that route', () => {
    const before = synth(BASE);
    const after = synth(BASE.filter(r => r.key !== 'GET /orders'));
    expect(Object.keys(before).filter(id => !(id in after)).map(id => before[id].Type)).toEqual(['AWS::ApiGatewayV2::Route']);
    expect(Object.keys(after).filter(id => !(id in before))).toEqual([]);
  });

  test('the order of routes changes nothing', () => {
    expect(synth([...BASE].reverse())).toEqual(synth(BASE));
  });

  test('a route key and its look-alike get different IDs', () => {
    const ids = Object.keys(synth([{ key: 'GET /orders/{id}' }, { key: 'GET /orders/id' }])).filter(id => id.startsWith('ApiRoutes'));
    expect(new Set(ids).size).toBe(2);
  });

  test('IDs are derived from route keys and targets (locked)', () => {
    const resources = synth(BASE);
    expect(Object.keys(resources).filter(id => TYPES.includes(resources[id].Type)).sort()).toEqual(LOCKED_IDS);
  });
});
