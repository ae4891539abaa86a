import { Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

function stageOf(stack: Stack, type: string): Record<string, any> {
  return Object.values(Template.fromStack(stack).findResources(type))[0].Properties;
}

describe('stageDescription', () => {
  test.each([
    ['RestGateway', (s: Stack) => new RestGateway(s, 'Api', { stageDescription: 'Orders, production', routes: { 'GET /a': Integration.mock() } }), 'AWS::ApiGateway::Stage'],
    ['HttpGateway', (s: Stack) => new HttpGateway(s, 'Api', { stageDescription: 'Orders, production' }), 'AWS::ApiGatewayV2::Stage'],
    ['WebSocketGateway', (s: Stack) => new WebSocketGateway(s, 'Api', { stageDescription: 'Orders, production' }), 'AWS::ApiGatewayV2::Stage'],
  ])('%s writes it on the stage', (_name, build, type) => {
    const stack = testStack();
    build(stack);
    expect(stageOf(stack, type).Description).toBe('Orders, production');
  });

  test('none by default', () => {
    const stack = testStack();
    new HttpGateway(stack, 'Api');
    expect(stageOf(stack, 'AWS::ApiGatewayV2::Stage').Description).toBeUndefined();
  });
});

describe('dataTrace', () => {
  const dataTraceWarnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-gatehouse:DataTraceLogging'));

  test('RestGateway: every method setting logs full requests and responses, with a warning', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { dataTrace: true });
    api.addRoute('GET /reports/{id}', Integration.mock(), { throttle: { rateLimit: 5 } });
    const settings = stageOf(stack, 'AWS::ApiGateway::Stage').MethodSettings;
    expect(settings.map((s: any) => [s.ResourcePath, s.DataTraceEnabled, s.LoggingLevel])).toEqual([['/*', true, 'ERROR'], ['/~1reports~1{id}', true, 'ERROR']]);
    expect(dataTraceWarnings(stack)).toHaveLength(1);
    expect(dataTraceWarnings(stack)[0].entry.data).toMatch(/dataTrace logs full requests and responses, headers and bodies included .* turn it off once done debugging/);
  });

  test('WebSocketGateway: the default and per-route settings, with a warning', () => {
    const stack = testStack();
    const api = new WebSocketGateway(stack, 'Api', { dataTrace: true });
    api.addRoute('send', Integration.mock(), { throttle: { rateLimit: 5 } });
    const stage = stageOf(stack, 'AWS::ApiGatewayV2::Stage');
    expect(stage.DefaultRouteSettings.DataTraceEnabled).toBe(true);
    expect(stage.RouteSettings.send.DataTraceEnabled).toBe(true);
    expect(dataTraceWarnings(stack)).toHaveLength(1);
  });

  test('off by default, with no warning', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { routes: { 'GET /a': Integration.mock() } });
    expect(stageOf(stack, 'AWS::ApiGateway::Stage').MethodSettings[0].DataTraceEnabled).toBe(false);
    expect(dataTraceWarnings(stack)).toHaveLength(0);
  });

  test.each([
    ['RestGateway', 'a RestGateway', (s: Stack) => new RestGateway(s, 'Api', { dataTrace: true, executionLogLevel: apigw.MethodLoggingLevel.OFF })],
    ['WebSocketGateway', 'a WebSocketGateway', (s: Stack) => new WebSocketGateway(s, 'Api', { dataTrace: true, executionLogLevel: apigw.MethodLoggingLevel.OFF })],
  ])('%s: refused with execution logs off', (_name, kind, build) => {
    expect(() => build(testStack())).toThrow(new RegExp(`\\[UnsupportedCombination\\] dataTrace writes into the execution logs, which executionLogLevel OFF turns off on ${kind}, got true; set executionLogLevel to ERROR or INFO, or remove dataTrace`));
  });

  test('HttpGateway refuses it (HTTP APIs have no execution logs)', () => {
    const props = { dataTrace: true } as unknown as ConstructorParameters<typeof HttpGateway>[2];
    expect(() => new HttpGateway(testStack(), 'Api', props)).toThrow(/\[UnsupportedCombination\] dataTrace is not available on an HttpGateway \(HTTP APIs have no execution logs \(data trace\)\), got true/);
  });
});
