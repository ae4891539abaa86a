import { Template } from 'aws-cdk-lib/assertions';
import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_BODIES } from './hostile-corpus';
import { TYPED_ITEM } from './service-responses';
import { webSocketCatalogueStack } from './websocket-catalogue-stack';
import { emittedWebSocketRoutes, webSocketContext } from './websocket-emitted-templates';
import { Authorization, DynamoDbAction, Integration, RequestValue, ResponseBody, RestGateway } from '../../src';
import { testStack } from '../support/app';
import { bus, queue, simpleTable } from '../support/service-fixtures';
import { renderVtl } from '../support/vtl/render';

/**
 * Routes that answer in their own way (`response`, `errorResponses`): what their templates
 * print for what the services really answer, and which template API Gateway picks.
 */
const stack = catalogueStack();
const routes = emittedRoutes(stack);
const ws = emittedWebSocketRoutes(webSocketCatalogueStack());

function respond(routeKey: string, status: string, body: string) {
  const template = emittedRoute(routes, routeKey).responses[status];
  if (template === undefined) throw new Error(`${routeKey} has no ${status} answer`);
  return renderVtl(template, { body, context: { requestId: 'r1' } });
}

const SQS_ANSWER = '{"SendMessageResponse":{"ResponseMetadata":{"RequestId":"5e1c"},"SendMessageResult":{"MessageId":"m-1","SequenceNumber":null}}}';

describe("the service's own answer", () => {
  test('SQS: the answer byte for byte, with the route\'s status', () => {
    expect(respond('POST /answers/orders', '202', SQS_ANSWER)).toEqual({ output: SQS_ANSWER });
  });

  test.each(HOSTILE_BODIES.map(b => [b.name, b.body] as const))('any answer passes unchanged: %s', (_name, body) => {
    expect(respond('POST /answers/orders', '202', body).output).toBe(body);
  });

  test('DynamoDB GetItem: the item in DynamoDB JSON, and still 404 without one', () => {
    const answer = JSON.stringify({ Item: TYPED_ITEM });
    expect(respond('GET /answers/items/{id}/{at}', '200', answer)).toEqual({ output: answer });
    const missing = respond('GET /answers/items/{id}/{at}', '200', '{}');
    expect([missing.statusOverride, JSON.parse(missing.output)]).toEqual([404, { message: 'not found' }]);
  });

  test('Step Functions sync: the whole answer when it succeeded; a failed execution is still a 500 without its cause', () => {
    const answer = '{"executionArn":"arn:x","output":"{\\"ok\\":true}","status":"SUCCEEDED"}';
    expect(respond('POST /answers/checkout', '200', answer).output).toBe(answer);
    const failed = respond('POST /answers/checkout', '200', '{"status":"FAILED","cause":"table orders is gone"}');
    expect([failed.statusOverride, JSON.parse(failed.output)]).toEqual([500, { message: 'internal error' }]);
  });
});

describe("the route's own template and text", () => {
  test('EventBridge: the template reads the answer; a failed entry still answers as an error', () => {
    const ok = respond('POST /answers/events', '200', '{"Entries":[{"EventId":"e-1"}],"FailedEntryCount":0}');
    expect(JSON.parse(ok.output)).toEqual({ id: 'e-1', accepted: true });
    const throttled = respond('POST /answers/events', '200', '{"Entries":[{"ErrorCode":"ThrottlingException"}],"FailedEntryCount":1}');
    expect([throttled.statusOverride, JSON.parse(throttled.output)]).toEqual([429, { message: 'too many requests' }]);
  });

  test('a fixed text prints exactly as written, $ and # included', () => {
    expect(respond('POST /answers/clicks', '202', '{"SequenceNumber":"1"}').output).toBe('{"accepted":true,"note":"$1 #1 \\u00e9"}');
  });

  test('status 204 with an empty body', () => {
    expect(respond('PUT /answers/items/{id}/{at}', '204', '{"Attributes":{"pk":{"S":"a"}}}').output).toBe('');
  });
});

describe('error statuses of the route\'s own', () => {
  test('SQS 400 answers the route\'s template (422); other 4XX keep the library\'s body', () => {
    const own = respond('POST /answers/orders', '422', '{"Error":{"Code":"InvalidParameterValue","Message":"queue orders"},"RequestId":"r"}');
    expect(JSON.parse(own.output)).toEqual({ error: 'InvalidParameterValue', request: 'r1' });
    const other = respond('POST /answers/orders', '400', '{"Error":{"Code":"AccessDenied","Message":"queue orders"}}');
    expect([other.statusOverride, JSON.parse(other.output)]).toEqual([500, { message: 'internal error' }]);
  });

  test("the library's 4XX answer, moved off status 400 (which the route's own answer takes), still says 400", () => {
    expect(respond('POST /answers/clicks', '400', '{}').output).toBe('{"error":"refused"}');
    const moved = respond('POST /answers/clicks', '404', '{"__type":"ValidationException","message":"stream clicks"}');
    expect([moved.statusOverride, JSON.parse(moved.output)]).toEqual([400, { message: 'bad request' }]);
    const throttled = respond('POST /answers/clicks', '404', '{"__type":"ProvisionedThroughputExceededException"}');
    expect(throttled.statusOverride).toBe(429);
  });

  /** Whether a Java regular expression (of this simple kind) matches the whole status, or a part of it. */
  const matches = (pattern: string, status: string) => ({
    whole: new RegExp(`^(?:${pattern})$`).test(status),
    part: new RegExp(pattern).test(status),
  });

  test.each(['POST /answers/orders', 'POST /answers/clicks'])('%s: every service status selects one answer, whole-match or find', (routeKey) => {
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Properties: any }>;
    const patterns: string[] = resources[emittedRoute(routes, routeKey).logicalId].Properties.Integration.IntegrationResponses
      .map((r: { SelectionPattern?: string }) => r.SelectionPattern)
      .filter((p: string | undefined) => p !== undefined);
    for (let status = 100; status <= 599; status++) {
      for (const semantics of ['whole', 'part'] as const) {
        const selected = patterns.filter(p => matches(p, String(status))[semantics]);
        // 1XX-3XX take the default (success) answer; every error status exactly one pattern.
        expect([status, semantics, selected.length]).toEqual([status, semantics, status >= 400 ? 1 : 0]);
      }
    }
    expect(patterns.filter(p => matches(p, '400').whole)).toEqual(['400']);
  });
});

describe('WebSocket', () => {
  const answer = (routeKey: string, key: string, body: string) =>
    renderVtl(ws[routeKey].responses[key], { body, context: webSocketContext({ routeKey }) }).output;

  test("GetItem's own answer is DynamoDB's; a missing item is still the error message with its status", () => {
    const item = JSON.stringify({ Item: TYPED_ITEM });
    expect(answer('answerGetItem', '$default', item)).toBe(item);
    expect(JSON.parse(answer('answerGetItem', '$default', '{}'))).toEqual({ message: 'not found', status: 404 });
  });

  test('SQS: the template, the own 400 answer, and the library\'s other 4XX and 5XX', () => {
    const route = ws.answerSend;
    expect(Object.keys(route.responses).sort()).toEqual(['$default', '/4(?!00)\\d\\d/', '/400/', '/5\\d\\d/']);
    expect(JSON.parse(answer('answerSend', '$default', SQS_ANSWER))).toEqual({ queued: 'm-1' });
    expect(JSON.parse(answer('answerSend', '/400/', '{}'))).toEqual({ error: 'refused', status: 400 });
  });
});

describe('bodies that start with letters, end in a comment, or are empty', () => {
  const render = (template: string, body: string, header: Record<string, string> = {}) => renderVtl(template, { body, header, context: { requestId: 'r1' } });
  const build = (cors: boolean) => {
    const s = testStack();
    const api = new RestGateway(s, 'Api', {
      defaultAuthorization: Authorization.none(),
      cors: cors ? { allowOrigins: ['https://a.example.com', 'https://b.example.com'] } : undefined,
    });
    const key = { pk: RequestValue.pathParameter('id') };
    const t = simpleTable(s);
    api.addRoute('GET /found/{id}', Integration.dynamoDb(t, DynamoDbAction.GET_ITEM, { key, response: { body: ResponseBody.text('found') } }));
    api.addRoute('POST /events', Integration.eventBridge(bus(s), {
      source: 'shop.orders', detailType: 'T', response: { body: ResponseBody.template('accepted ## the id is not shown') },
    }));
    api.addRoute('POST /orders', Integration.sqs(queue(s), {
      response: { statusCode: 202, body: ResponseBody.text('accepted') },
      errorResponses: [{ serviceStatus: 503, body: ResponseBody.text('') }],
    }));
    return emittedRoutes(s);
  };

  test.each([false, true])('several CORS origins: %s', (cors) => {
    const built = build(cors);
    const header = { Origin: 'https://b.example.com' };
    const found = emittedRoute(built, 'GET /found/{id}').responses['200'];
    expect(render(found, '{"Item":{"pk":{"S":"a"}}}', header).output).toBe('found');
    const missing = render(found, '{}', header);
    expect([missing.statusOverride, JSON.parse(missing.output)]).toEqual([404, { message: 'not found' }]);
    const events = emittedRoute(built, 'POST /events').responses['200'];
    expect(render(events, '{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}', header).output).toBe('accepted ');
    expect(render(events, '{"FailedEntryCount":1,"Entries":[{"ErrorCode":"ThrottlingException"}]}', header).statusOverride).toBe(429);
    expect(render(emittedRoute(built, 'POST /orders').responses['202'], SQS_ANSWER, header).output).toBe('accepted');
  });

  test('an empty text is a template that prints nothing, never an empty template (API Gateway would pass the answer through)', () => {
    const template = emittedRoute(build(false), 'POST /orders').responses['503'];
    expect(template).not.toBe('');
    expect(render(template, '{"Error":{"Code":"ServiceUnavailable","Message":"queue orders in 111111111111"}}').output).toBe('');
  });
});
