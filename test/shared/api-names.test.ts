import { NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testApp, testStack } from '../support/app';

type Build = (scope: Construct, id: string, apiName?: string) => void;

const GATEWAYS: Array<[string, Build, string]> = [
  ['RestGateway', (scope, id, apiName) => new RestGateway(scope, id, { apiName }).addRoute('GET /a', Integration.mock()), 'AWS::ApiGateway::RestApi'],
  ['HttpGateway', (scope, id, apiName) => new HttpGateway(scope, id, { apiName }), 'AWS::ApiGatewayV2::Api'],
  ['WebSocketGateway', (scope, id, apiName) => new WebSocketGateway(scope, id, { apiName }), 'AWS::ApiGatewayV2::Api'],
];

function apiNames(stack: Stack, type: string): string[] {
  return Object.values(Template.fromStack(stack).findResources(type)).map(r => r.Properties.Name).sort();
}

/** API names default to the stack name and the gateway's construct path in it: unique per stack and account. */
describe.each(GATEWAYS)('%s name', (_name, build, type) => {
  test('two gateways in one stack get different names, from their construct paths', () => {
    const stack = testStack();
    build(stack, 'Orders');
    build(stack, 'Customers');
    expect(apiNames(stack, type)).toEqual(['Test/Customers', 'Test/Orders']);
  });

  test('gateways in nested constructs are named by the whole path below the stack', () => {
    const stack = testStack();
    build(new Construct(stack, 'Sales'), 'Api');
    build(new Construct(stack, 'Billing'), 'Api');
    expect(apiNames(stack, type)).toEqual(['Test/Billing/Api', 'Test/Sales/Api']);
  });

  test('the stack name, not its construct ID, starts the name (stacks of one app in stages, stackName)', () => {
    const app = testApp();
    const named = testStack(app, 'Svc', { stackName: 'svc-dev' });
    build(named, 'Orders');
    const inStage = new Stack(new Stage(app, 'Prod'), 'Svc', { env: { account: '111111111111', region: 'eu-west-1' } });
    build(inStage, 'Orders');
    expect(apiNames(named, type)).toEqual(['svc-dev/Orders']);
    expect(apiNames(inStage, type)).toEqual(['Prod-Svc/Orders']);
  });

  test('in a nested stack, the top-level stack name and the path through the nested stack', () => {
    const stack = testStack();
    const nested = new NestedStack(stack, 'Team');
    build(nested, 'Orders');
    expect(apiNames(nested, type)).toEqual(['Test/Team/Orders']);
  });

  test('apiName wins', () => {
    const stack = testStack();
    build(stack, 'Orders', 'orders-api');
    expect(apiNames(stack, type)).toEqual(['orders-api']);
  });

  test('long paths fit API Gateway\'s 128 characters, stay distinct and stable across synths', () => {
    const long = 'VeryLongConstructIdForAnApiThatSomebodyNestedDeeply';
    const synth = () => {
      const stack = testStack();
      const outer = new Construct(stack, long);
      // Only the middle differs, where a shortened name drops characters.
      build(new Construct(outer, `${long}A`), long);
      build(new Construct(outer, `${long}B`), long);
      return apiNames(stack, type);
    };
    const names = synth();
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name.startsWith('Test/')).toBe(true);
      expect(name.endsWith(long)).toBe(true);
    }
    expect(synth()).toEqual(names);
  });
});
