import { Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../../src';
import { testStack } from '../../support/app';

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
    ['ftp://example.com', {}, /\[InvalidIntegration\] addRoute\('GET \/users\/\{id\}'\) Integration.http url must be an absolute http:\/\/ or https:\/\/ URL \(.*\), got "ftp:\/\/example.com"/],
    ['https://example.com/{userId}', {}, /\[InvalidIntegration\] .*url uses \{userId\}, which the route does not receive.*use one of the route's path parameters \(\{id\}\)/],
    ['https://example.com', { method: 'get' }, /\[InvalidIntegration\] .*Integration.http method must be one of GET/],
  ])('throws for %s %j', (url, options, message) => {
    const api = new RestGateway(testStack(), 'Api');
    expect(() => api.addRoute('GET /users/{id}', Integration.http(url, options))).toThrow(message);
  });
});

/** One route of each gateway, bound to `url`; returns the stack. */
const gateways: Array<[string, (stack: Stack, url: string) => void]> = [
  ['RestGateway', (stack, url) => { new RestGateway(stack, 'Api').addRoute('GET /a', Integration.http(url)); }],
  ['HttpGateway', (stack, url) => { new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.http(url)); }],
  ['WebSocketGateway', (stack, url) => { new WebSocketGateway(stack, 'Api').addRoute('a', Integration.http(url)); }],
];

describe.each(gateways)('Integration.http url on %s', (_kind, bind) => {
  test('throws on credentials in the URL, without echoing the password', () => {
    expect(() => bind(testStack(), 'https://user:s3cret@backend.example.com/a')).toThrow(new RegExp(
      '\\[InvalidIntegration\\] .*Integration.http url must not carry credentials \\(user:password@ would be stored in the template and shown by API Gateway\\), '
      + 'got "https://user:\\*\\*\\*\\*@backend.example.com/a"; remove them: have the backend check a header set from a stage variable or a secret, or a client certificate'));
    expect(() => bind(testStack(), 'https://user:s3cret@backend.example.com/a')).not.toThrow(/s3cret/);
    expect(() => bind(testStack(), 'https://token@backend.example.com/a')).toThrow(/url must not carry credentials/);
  });

  test('warns on plain http://', () => {
    const stack = testStack();
    bind(stack, 'http://backend.example.com/a');
    Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp(
      'Integration.http url http://backend.example.com/a is plain http: requests and responses cross the network unencrypted; use https://.*cdk-gatehouse:PlainHttpIntegration'));
  });

  test('no warning for https://', () => {
    const stack = testStack();
    bind(stack, 'https://backend.example.com/a');
    Annotations.fromStack(stack).hasNoWarning('/Test/Api', Match.stringLikeRegexp('PlainHttpIntegration'));
  });

  test.each([
    ['https://'],
    ['https://exa mple.com/a'],
    ['https://example.com:99999/a'],
    ['https://example.com:0/a'],
    ['https://a..example.com/a'],
    ['https://-backend.example.com/a'],
    ['https://example.com/a#fragment'],
    ['https://example.com/{'],
    ['https://example.com/{}'],
    ['https://example.com/a}'],
  ])('throws on the malformed URL %j', url => {
    expect(() => bind(testStack(), url)).toThrow(/\[InvalidIntegration\] .*Integration.http url must be an absolute http:\/\/ or https:\/\/ URL/);
  });

  test.each([
    ['a stage variable as host', 'https://${stageVariables.backend}/a'],
    ['a port and a query string', 'https://backend.example.com:8443/a?source=api'],
    ['an IP address', 'https://203.0.113.7/a'],
    ['a token host', `https://${Token.asString({ Ref: 'Host' })}/a`],
  ])('accepts %s', (_name, url) => {
    expect(() => bind(testStack(), url)).not.toThrow();
  });

  test('checks the literal parts of a URL with tokens', () => {
    expect(() => bind(testStack(), `https://user:pw@${Token.asString({ Ref: 'Host' })}/a`)).toThrow(/url must not carry credentials/);
  });
});
