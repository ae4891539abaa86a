import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Integration, RestGateway } from '../../src';
import { testStack } from '../support/app';

describe('Integration.http on RestGateway', () => {
  test('default: an HTTP proxy with the route method', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /orders', Integration.http('https://backend.example.com/orders'));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      Integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'POST', Uri: 'https://backend.example.com/orders' },
    });
  });

  test('path parameters named in the URL are forwarded', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('ANY /legacy/{proxy+}', Integration.http('https://backend.example.com/{proxy}'));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      RequestParameters: { 'method.request.path.proxy': true },
      Integration: {
        IntegrationHttpMethod: 'ANY',
        RequestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      },
    });
  });

  test('with method and timeout', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.http('http://example.com/a', { method: 'POST', timeout: Duration.seconds(2) }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: { IntegrationHttpMethod: 'POST', TimeoutInMillis: 2000 },
    });
  });

  test.each([
    ['ftp://example.com', {}, /\[InvalidIntegration\] addRoute\('GET \/users\/\{id\}'\) Integration.http url must be an absolute http:\/\/ or https:\/\/ URL, got "ftp:\/\/example.com"/],
    ['https://example.com/{userId}', {}, /\[InvalidIntegration\] .*url uses \{userId\}, which the route does not receive.*use one of the route's path parameters \(\{id\}\)/],
    ['https://example.com', { method: 'get' }, /\[InvalidIntegration\] .*Integration.http method must be one of GET/],
  ])('throws for %s %j', (url, options, message) => {
    const api = new RestGateway(testStack(), 'Api');
    expect(() => api.addRoute('GET /users/{id}', Integration.http(url, options))).toThrow(message);
  });
});
