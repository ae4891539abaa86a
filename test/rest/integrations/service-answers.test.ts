import { Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, DefinitionStyle, HttpGateway, Integration, ResponseBody, RestGateway, WebSocketGateway,
} from '../../../src';
import { testStack } from '../../support/app';
import { queue, stream } from '../../support/service-fixtures';

/** A service route's own answers (`response`, `errorResponses`) on each gateway. */

function methodOf(t: Template, httpMethod = 'POST') {
  return Object.values(t.findResources('AWS::ApiGateway::Method')).find(m => m.Properties.HttpMethod === httpMethod)!.Properties;
}

describe('RestGateway', () => {
  test('the success status, its headers and the service\'s own answer', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() });
    api.addRoute('POST /orders', Integration.sqs(queue(stack), {
      response: { statusCode: 202, headers: { 'Cache-Control': 'no-store' }, body: ResponseBody.serviceResult() },
    }));
    const method = methodOf(Template.fromStack(stack));
    expect(method.Integration.IntegrationResponses[0]).toEqual({
      StatusCode: '202',
      ResponseTemplates: { 'application/json': '$input.body' },
      ResponseParameters: { 'method.response.header.Cache-Control': "'no-store'" },
    });
    expect(method.MethodResponses).toContainEqual({ StatusCode: '202', ResponseParameters: { 'method.response.header.Cache-Control': true } });
  });

  test('without answers of its own a route keeps the library\'s three answers', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() }).addRoute('POST /orders', Integration.sqs(queue(stack)));
    const responses = methodOf(Template.fromStack(stack)).Integration.IntegrationResponses;
    expect(responses.map((r: any) => [r.StatusCode, r.SelectionPattern])).toEqual([['200', undefined], ['400', '4\\d{2}'], ['502', '5\\d{2}']]);
  });

  test('an error status of its own: its pattern, and the library\'s 4XX pattern leaves it out', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() });
    api.addRoute('POST /clicks', Integration.kinesis(stream(stack), {
      errorResponses: [
        { serviceStatus: 400, statusCode: 422, body: ResponseBody.text('{"error":"invalid"}'), headers: { 'X-Error': 'invalid' } },
        { serviceStatus: 503, body: ResponseBody.text('{"error":"later"}') },
      ],
    }));
    const method = methodOf(Template.fromStack(stack));
    expect(method.Integration.IntegrationResponses.map((r: any) => [r.StatusCode, r.SelectionPattern])).toEqual([
      ['200', undefined], ['422', '400'], ['503', '503'], ['400', '4(?!00)\\d{2}'], ['502', '5(?!03)\\d{2}'],
    ]);
    expect(method.MethodResponses).toContainEqual({ StatusCode: '422', ResponseParameters: { 'method.response.header.X-Error': true } });
  });

  test('an answer whose status is taken gets a free one and sets its status from the template', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() });
    api.addRoute('POST /clicks', Integration.kinesis(stream(stack), {
      errorResponses: [
        { serviceStatus: 400, body: ResponseBody.text('{"error":"invalid"}') },
        { serviceStatus: 403, statusCode: 400, body: ResponseBody.text('{"error":"denied"}') },
      ],
    }));
    const responses = methodOf(Template.fromStack(stack)).Integration.IntegrationResponses;
    const statuses = responses.map((r: any) => r.StatusCode);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(responses.map((r: any) => [r.StatusCode, r.SelectionPattern])).toEqual([
      ['200', undefined], ['400', '400'], ['404', '403'], ['409', '4(?!00|03)\\d{2}'], ['502', '5\\d{2}'],
    ]);
    expect(responses[2].ResponseTemplates['application/json']).toBe('#set($context.responseOverride.status=400){"error":"denied"}');
    expect(responses[3].ResponseTemplates['application/json']).toMatch(/^#set\(\$context\.responseOverride\.status=400\)#set\(\$t=""\)/);
  });

  test('with CORS, the route\'s own answers carry the CORS headers too; several origins set the origin from the template', () => {
    const stack = testStack();
    const one = new RestGateway(stack, 'One', { defaultAuthorization: Authorization.none(), cors: { allowOrigins: ['https://shop.example.com'] } });
    const answers = { response: { statusCode: 201, body: ResponseBody.serviceResult() } };
    one.addRoute('POST /orders', Integration.sqs(queue(stack), answers));
    const several = new RestGateway(stack, 'Several', {
      defaultAuthorization: Authorization.none(), cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] },
    });
    several.addRoute('POST /orders', Integration.sqs(queue(stack, 'Other'), answers));
    const t = Template.fromStack(stack);
    const methods = Object.values(t.findResources('AWS::ApiGateway::Method')).filter(m => m.Properties.HttpMethod === 'POST');
    const [oneAnswer, severalAnswer] = methods.map(m => m.Properties.Integration.IntegrationResponses[0]);
    expect(oneAnswer.ResponseParameters).toEqual({ 'method.response.header.Access-Control-Allow-Origin': "'https://shop.example.com'", 'method.response.header.Vary': "'Origin'" });
    expect(severalAnswer.ResponseTemplates['application/json']).toMatch(/^#set\(\$gO=.*\$input\.body$/s);
  });

  test("a Vary of the route's own is joined with CORS's Vary: Origin, never in its place", () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', {
      defaultAuthorization: Authorization.none(), cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] },
    });
    api.addRoute('POST /orders', Integration.sqs(queue(stack), { response: { headers: { vary: 'Accept-Encoding, origin' } } }));
    const answer = methodOf(Template.fromStack(stack)).Integration.IntegrationResponses[0];
    expect(answer.ResponseParameters).toEqual({ 'method.response.header.vary': "'Origin, Accept-Encoding'" });
  });

  test('an OPENAPI definition holds the same answers, by selection pattern', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none(), definitionStyle: DefinitionStyle.OPENAPI });
    api.addRoute('POST /orders', Integration.sqs(queue(stack), {
      response: { statusCode: 202, body: ResponseBody.serviceResult() },
      errorResponses: [{ serviceStatus: 400, statusCode: 422, body: ResponseBody.text('{"error":"invalid"}') }],
    }));
    const body = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::RestApi'))[0].Properties.Body;
    const post = body.paths['/orders'].post;
    expect(Object.keys(post['x-amazon-apigateway-integration'].responses).sort()).toEqual(['4(?!00)\\d{2}', '400', '5\\d{2}', 'default']);
    expect(post['x-amazon-apigateway-integration'].responses.default.statusCode).toBe('202');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['202', '422']));
  });
});

describe('WebSocketGateway', () => {
  test('a two-way route takes a body of its own and error statuses of its own, with IDs from the status', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    ws.addRoute('send', Integration.sqs(queue(stack), {
      response: { body: ResponseBody.text('{"queued":true}') },
      errorResponses: [{ serviceStatus: 400, body: ResponseBody.text('{"error":"refused"}') }],
    }), { returnResponse: true });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"queued":true}' } });
    t.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { IntegrationResponseKey: '/400/', ResponseTemplates: { $default: '{"error":"refused"}' } });
    t.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { IntegrationResponseKey: '/4(?!00)\\d\\d/', ResponseTemplates: { $default: Match.stringLikeRegexp('bad request') } });
    expect(Object.keys(t.findResources('AWS::ApiGatewayV2::IntegrationResponse')).some(id => /^ChatRoutessendErrorResponse400[0-9A-F]{8}$/.test(id))).toBe(true);
  });
});

describe('refused', () => {
  const sqsRoute = (gateway: 'rest' | 'http' | 'ws', options: object, routeOptions: object = { returnResponse: true }) => () => {
    const stack = testStack();
    const integration = Integration.sqs(queue(stack), options);
    if (gateway === 'rest') new RestGateway(stack, 'Api').addRoute('POST /orders', integration);
    if (gateway === 'http') new HttpGateway(stack, 'Api').addRoute('POST /orders', integration);
    if (gateway === 'ws') new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() }).addRoute('send', integration, routeOptions);
  };
  const text = ResponseBody.text('{}');

  test.each<[string, () => void, RegExp]>([
    ['a response on an HttpGateway (it answers with the service\'s own response)', sqsRoute('http', { response: { statusCode: 202 } }),
      /\[UnsupportedCombination\] addRoute\('POST \/orders'\) Integration.sqs response is not available on an HttpGateway \(an HTTP API's service integration answers with the service's own response; it has no mapping templates\), got \{"statusCode":202\}; remove it, or keep the route on a RestGateway/],
    ['errorResponses on an HttpGateway', sqsRoute('http', { errorResponses: [{ serviceStatus: 400, body: text }] }),
      /\[UnsupportedCombination\] addRoute\('POST \/orders'\) Integration.sqs errorResponses is not available on an HttpGateway/],
    ['a status on a WebSocket route (a message has none)', sqsRoute('ws', { response: { statusCode: 202 } }),
      /\[UnsupportedCombination\] addRoute\('send'\) Integration.sqs response.statusCode is not available on a WebSocketGateway \(a WebSocket message has no status or headers\), got 202; remove it/],
    ['headers of an error answer on a WebSocket route', sqsRoute('ws', { errorResponses: [{ serviceStatus: 400, body: text, headers: { 'X-A': 'b' } }] }),
      /\[UnsupportedCombination\] addRoute\('send'\) Integration.sqs errorResponses\[0\].headers is not available on a WebSocketGateway/],
    ['an answer on a one-way WebSocket route', sqsRoute('ws', { response: { body: text } }, {}),
      /\[UnsupportedCombination\] addRoute\('send'\) Integration.sqs response only applies to a two-way route \(a one-way route sends the client nothing\), got .*; set returnResponse: true on addRoute\('send'\), or remove it/],
    ['the same service status twice', sqsRoute('rest', { errorResponses: [{ serviceStatus: 400, body: text }, { serviceStatus: 400, statusCode: 422, body: text }] }),
      /\[InvalidIntegration\] addRoute\('POST \/orders'\) Integration.sqs errorResponses\[1\].serviceStatus must be answered once, got 400; remove the second entry for this status/],
    ['a success status outside 2XX', sqsRoute('rest', { response: { statusCode: 302 } }),
      /\[InvalidIntegration\] addRoute\('POST \/orders'\) Integration.sqs response.statusCode must be a whole number from 200 to 299, got 302; use e.g. 201/],
    ['a body with status 204', sqsRoute('rest', { response: { statusCode: 204, body: ResponseBody.serviceResult() } }),
      /\[InvalidIntegration\] .* response.body must be empty with status 204 \(a 204 answer has no content\), got "serviceResult"; set body: ResponseBody.text\(''\)/],
    ['an Access-Control header (cors sets them)', sqsRoute('rest', { response: { headers: { 'access-control-allow-origin': '*' } } }),
      /\[InvalidIntegration\] .* response.headers must not set Access-Control-\* headers \(the gateway's cors sets them on every answer\), got "access-control-allow-origin"; remove it and set the gateway's cors option/],
  ])('%s', (_name, act, message) => {
    expect(act).toThrow(message);
  });

  test('a service status that is a token (the other answers could not leave it out)', () => {
    expect(sqsRoute('rest', { errorResponses: [{ serviceStatus: Token.asNumber({ Ref: 'Status' }), body: text }] })).toThrow(
      /\[InvalidIntegration\] addRoute\('POST \/orders'\) Integration.sqs errorResponses\[0\].serviceStatus must be known at synth/);
  });

  test('every problem of one route in one message', () => {
    expect(sqsRoute('rest', {
      response: { statusCode: 99, headers: { 'bad name': 'x' } },
      errorResponses: [{ serviceStatus: 200, body: ResponseBody.serviceResult() }],
    })).toThrow(/response.statusCode[\s\S]*response.headers[\s\S]*errorResponses\[0\].serviceStatus[\s\S]*errorResponses\[0\].body/);
  });
});
