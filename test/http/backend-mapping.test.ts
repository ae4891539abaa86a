import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

const BACKEND = 'https://backend.example.com/orders/{id}';

describe('backend request and response mapping on HttpGateway', () => {
  test('headers, query strings and the path set on the request; answers changed by status, in CloudFormation\'s shape', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /orders/{id}', Integration.http(BACKEND, {
      requestHeaders: { 'X-Caller': RequestValue.context('identity.sourceIp'), 'X-Tenant': RequestValue.header('tenant'), 'X-Source': RequestValue.literal('api') },
      requestQueryStrings: { region: RequestValue.jsonPath('$.region') },
      requestPath: RequestValue.literal('/v2/orders'),
      responseMappings: [
        { statusCode: 200, headers: { 'Cache-Control': 'no-store' }, removeHeaders: ['x-powered-by'] },
        { statusCode: 404, newStatusCode: 403 },
      ],
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'HTTP_PROXY',
      RequestParameters: {
        'overwrite:header.X-Caller': '$context.identity.sourceIp',
        'overwrite:header.X-Tenant': '$request.header.tenant',
        'overwrite:header.X-Source': 'api',
        'overwrite:querystring.region': '$request.body.region',
        'overwrite:path': '/v2/orders',
      },
      ResponseParameters: {
        200: { ResponseParameters: [{ Destination: 'overwrite:header.Cache-Control', Source: 'no-store' }, { Destination: 'remove:header.x-powered-by', Source: "''" }] },
        404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '403' }] },
      },
    });
  });

  test('routes with the same mapping share an integration; another mapping is another integration, and no mapping keeps the old one', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    const tenant = { requestHeaders: { 'X-Tenant': RequestValue.literal('a') } };
    api.addRoute('GET /a', Integration.http('https://backend.example.com'));
    api.addRoute('GET /b', Integration.http('https://backend.example.com', tenant));
    api.addRoute('POST /b', Integration.http('https://backend.example.com', { ...tenant, method: 'GET' }));
    api.addRoute('GET /c', Integration.http('https://backend.example.com', { requestHeaders: { 'X-Tenant': RequestValue.literal('c') } }));
    const ids = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Integration'));
    expect(ids).toHaveLength(3);
  });

  test.each([
    ['a header API Gateway manages', { requestHeaders: { Host: RequestValue.literal('x') } }, /requestHeaders must not name a header API Gateway manages.*got "Host"/],
    ['an Access-Control header', { responseMappings: [{ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' } }] }, /headers must not name a header API Gateway manages.*CORS headers come from the gateway's cors option/],
    ['a bad header name', { requestHeaders: { 'X Tenant': RequestValue.literal('x') } }, /header names must be letters/],
    ['a path that is not absolute', { requestPath: RequestValue.literal('v2') }, /requestPath must start with \/ when it is a literal/],
    ['a status out of range', { responseMappings: [{ statusCode: 100, newStatusCode: 200 }] }, /responseMappings\[0\]\.statusCode must be a whole number from 200 to 599/],
    ['a repeated status', { responseMappings: [{ statusCode: 200, newStatusCode: 201 }, { statusCode: 200, newStatusCode: 202 }] }, /responseMappings\[1\]\.statusCode must not repeat/],
    ['a mapping that changes nothing', { responseMappings: [{ statusCode: 200 }] }, /responseMappings\[0\] must change something/],
    ['a $ in a fixed header value', { responseMappings: [{ statusCode: 200, headers: { 'X-Price': '$5' } }] }, /must be fixed text, not empty and without \$/],
    ['a path parameter the route does not have', { requestHeaders: { 'X-Id': RequestValue.pathParameter('nope') } }, /nope/],
  ])('refuses %s', (_name, options, message) => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('GET /orders/{id}', Integration.http(BACKEND, options))).toThrow(message);
  });
});

describe('backend request mapping on RestGateway and WebSocketGateway', () => {
  test('REST: headers and query strings from the request, its context and literals; the parameters read are declared, optional', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /orders/{id}', Integration.http(BACKEND, {
      requestHeaders: { 'X-Caller': RequestValue.context('identity.sourceIp'), 'X-Tenant': RequestValue.header('tenant'), 'X-Order': RequestValue.pathParameter('id') },
      requestQueryStrings: { source: RequestValue.literal('api'), stage: RequestValue.stageVariable('name') },
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      RequestParameters: { 'method.request.header.tenant': false, 'method.request.path.id': true },
      Integration: {
        Type: 'HTTP_PROXY',
        RequestParameters: {
          'integration.request.path.id': 'method.request.path.id',
          'integration.request.header.X-Caller': 'context.identity.sourceIp',
          'integration.request.header.X-Tenant': 'method.request.header.tenant',
          'integration.request.header.X-Order': 'method.request.path.id',
          'integration.request.querystring.source': "'api'",
          'integration.request.querystring.stage': 'stageVariables.name',
        },
      },
    });
  });

  test.each([
    ['the body', { requestHeaders: { 'X-Body': RequestValue.jsonPath('$.a') } }, /\[UnsupportedCombination\].*requestHeaders\['X-Body'\] must be a path parameter, query string, header, context or stage variable value, or a literal on a RestGateway/],
    ['a quote in a literal', { requestHeaders: { 'X-Note': RequestValue.literal("it's") } }, /must not be empty or contain ' on a RestGateway/],
    ['a path of its own', { requestPath: RequestValue.literal('/v2') }, /\[UnsupportedCombination\].*requestPath is only supported on an HttpGateway.*put the backend path in the URL/],
    ['answers changed by status', { responseMappings: [{ statusCode: 200, newStatusCode: 201 }] }, /\[UnsupportedCombination\].*responseMappings is only supported on an HttpGateway/],
  ])('REST refuses %s', (_name, options, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('GET /orders/{id}', Integration.http(BACKEND, options))).toThrow(message);
  });

  test('WebSocket refuses every mapping', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    expect(() => ws.addRoute('send', Integration.http('https://backend.example.com', { requestHeaders: { 'X-A': RequestValue.literal('a') } })))
      .toThrow(/\[UnsupportedCombination\].*requestHeaders is not supported on a WebSocket route/);
  });
});
