import { Template } from 'aws-cdk-lib/assertions';
import { Integration, RestGateway, WebSocketGateway } from '../../../src';
import { testStack } from '../../support/app';
import { renderVtl } from '../../support/vtl/render';
import { VELOCITY_LOOKALIKES } from '../../vtl/hostile-corpus';

/** What a client gets from the only REST method of `stack`: its mock response template, rendered. */
function restMockAnswer(stack: ReturnType<typeof testStack>): string {
  const method = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method'))[0].Properties;
  return renderVtl(method.Integration.IntegrationResponses[0].ResponseTemplates['application/json'], { body: '' }).output;
}

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
          // Quoted from Velocity: the client gets the body as written.
          ResponseTemplates: { 'application/json': '#[[{"ok": false, "price": "$ 5", "tag": "#1"}]]#' },
          ResponseParameters: { 'method.response.header.Cache-Control': "'no-store'" },
        }],
      },
      MethodResponses: [{ StatusCode: '418', ResponseParameters: { 'method.response.header.Cache-Control': true } }],
    });
  });

  test.each(VELOCITY_LOOKALIKES.map(l => [l.name, l.text] as const))('the client gets the body exactly as written, Velocity look-alikes too: %s', (_name, body) => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock({ body }));
    expect(restMockAnswer(stack)).toBe(body);
  });

  test('a body without $ or # is the template as it is', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock({ body: '{"ok": true, "path": "a\\b"}' }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: { IntegrationResponses: [{ ResponseTemplates: { 'application/json': '{"ok": true, "path": "a\\b"}' } }] },
    });
  });

  test.each([
    [{ statusCode: 99 }, /\[InvalidMockResponse\] addRoute\('GET \/a'\) Integration.mock statusCode must be a whole number from 100 to 599, got 99/],
    [{ headers: { 'Bad Header': 'x' } }, /must use valid HTTP header names, got "Bad Header"/],
    [{ headers: { 'X-Quote': "it's" } }, /headers\['X-Quote'\] must not contain '/],
    [{ headers: { 'X-Split': 'a\r\nSet-Cookie: b=c' } }, /\[InvalidMockResponse\] addRoute\('GET \/a'\) Integration.mock headers\['X-Split'\] must be printable ASCII \(spaces and tabs allowed\), got "a\\r\\nSet-Cookie: b=c"; remove line breaks and control characters/],
    [{ headers: { 'X-Nul': 'a\u0000b' } }, /headers\['X-Nul'\] must be printable ASCII/],
    [{ headers: { 'X-Del': 'a\u007fb' } }, /headers\['X-Del'\] must be printable ASCII/],
    [{ headers: { 'X-Accent': 'café' } }, /headers\['X-Accent'\] must be printable ASCII .*percent-encode/],
    [{ body: 'half \ud83d of an emoji' }, /\[InvalidMockResponse\] addRoute\('GET \/a'\) Integration.mock body must be well-formed Unicode \(it has a lone UTF-16 surrogate, .*\), got "half \\ud83d of an emoji"; remove the half surrogate pair/],
  ])('throws for %j', (options, message) => {
    const api = new RestGateway(testStack(), 'Api');
    expect(() => api.addRoute('GET /a', Integration.mock(options))).toThrow(message);
  });
});

describe('Integration.mock on WebSocketGateway', () => {
  test.each(VELOCITY_LOOKALIKES.map(l => [l.name, l.text] as const))('a two-way route answers the body exactly as written: %s', (_name, body) => {
    const stack = testStack();
    new WebSocketGateway(stack, 'Chat').addRoute('ping', Integration.mock({ body }), { returnResponse: true });
    const response = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::IntegrationResponse'))[0].Properties;
    expect(renderVtl(response.ResponseTemplates.$default, { body: '' }).output).toBe(body);
  });
});
