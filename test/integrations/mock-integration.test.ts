import { Template } from 'aws-cdk-lib/assertions';
import { Integration, RestGateway } from '../../src';
import { testStack } from '../support/app';

describe('Integration.mock on RestGateway', () => {
  test('default: 200 with an empty body, other content types refused', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /health', Integration.mock());
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: {
        Type: 'MOCK',
        PassthroughBehavior: 'NEVER',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': '' } }],
      },
      MethodResponses: [{ StatusCode: '200' }],
    });
  });

  test('with statusCode, body and headers', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /teapot', Integration.mock({
      statusCode: 418, body: '{"ok": false, "price": "$ 5", "tag": "#1"}', headers: { 'Cache-Control': 'no-store' },
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: {
        RequestTemplates: { 'application/json': '{"statusCode": 418}' },
        IntegrationResponses: [{
          StatusCode: '418',
          ResponseTemplates: { 'application/json': '{"ok": false, "price": "$ 5", "tag": "#1"}' },
          ResponseParameters: { 'method.response.header.Cache-Control': "'no-store'" },
        }],
      },
      MethodResponses: [{ StatusCode: '418', ResponseParameters: { 'method.response.header.Cache-Control': true } }],
    });
  });

  test.each([
    [{ statusCode: 99 }, /\[InvalidMockResponse\] addRoute\('GET \/a'\) Integration.mock statusCode must be a whole number from 100 to 599, got 99/],
    [{ body: '{"user": "$context.identity"}' }, /\[InvalidMockResponse\] .*body is sent through a mapping template, so '\$c' would be read as Velocity/],
    [{ body: '#set($x = 1)' }, /so '#s' would be read as Velocity/],
    // A block macro call: Apache Velocity 1.7 refuses `#@note(` without its `#end` (a 500 at run time).
    [{ body: '{"note": "#@note(x)"}' }, /so '#@n' would be read as Velocity/],
    [{ headers: { 'Bad Header': 'x' } }, /must use valid HTTP header names, got "Bad Header"/],
    [{ headers: { 'X-Quote': "it's" } }, /headers\['X-Quote'\] must not contain '/],
  ])('throws for %j', (options, message) => {
    const api = new RestGateway(testStack(), 'Api');
    expect(() => api.addRoute('GET /a', Integration.mock(options))).toThrow(message);
  });
});
