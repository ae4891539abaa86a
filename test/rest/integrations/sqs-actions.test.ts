import { Duration, aws_kms as kms, aws_sqs as sqs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RequestValue, RestGateway, RouteManifest, SqsAction, WebSocketGateway } from '../../../src';
import { testStack } from '../../support/app';
import { fifoQueue, queue } from '../../support/service-fixtures';

/** The statements that allow SQS or KMS actions (the stack also holds the account logs role's custom resource). */
function statements(template: Template): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap(p => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .filter(s => [s.Action].flat().some(a => /^(sqs|kms):/.test(a)));
}

interface RestIntegration {
  readonly RequestTemplates: Record<string, string>;
  readonly IntegrationResponses: { StatusCode: string; ResponseTemplates: Record<string, string> }[];
}

function restIntegration(template: Template, method: string): RestIntegration {
  const found = Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: method } }));
  expect(found).toHaveLength(1);
  return found[0].Properties.Integration;
}

describe('SQS actions on RestGateway', () => {
  test('ReceiveMessage: the count, wait and visibility asked for, nothing from the request; the role may only receive (and decrypt)', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    const q = new sqs.Queue(stack, 'Jobs', { encryptionMasterKey: key });
    new RestGateway(stack, 'Api').addRoute('GET /jobs', Integration.sqs(q, {
      action: SqsAction.RECEIVE_MESSAGE, maxMessages: 10, waitTime: Duration.seconds(20), visibilityTimeout: Duration.minutes(2),
    }));
    const template = Template.fromStack(stack);
    const integration = restIntegration(template, 'GET');
    expect(integration.RequestTemplates).toEqual({
      'application/json': 'Action=ReceiveMessage&MaxNumberOfMessages=10&WaitTimeSeconds=20&VisibilityTimeout=120',
    });
    expect(integration.IntegrationResponses[0].ResponseTemplates['application/json']).toContain('ReceiveMessageResult.messages');
    expect(statements(template).map(s => s.Action)).toEqual(['sqs:ReceiveMessage', 'kms:Decrypt']);
  });

  test('ReceiveMessage defaults to one message and the queue\'s wait and visibility', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /jobs', Integration.sqs(queue(stack), { action: SqsAction.RECEIVE_MESSAGE }));
    expect(restIntegration(Template.fromStack(stack), 'GET').RequestTemplates['application/json']).toBe('Action=ReceiveMessage&MaxNumberOfMessages=1');
  });

  test('DeleteMessage: the receipt handle from the body by default, or from where the route says; the role may only delete', () => {
    const stack = testStack();
    const q = queue(stack);
    const api = new RestGateway(stack, 'Api');
    api.addRoute('DELETE /jobs', Integration.sqs(q, { action: SqsAction.DELETE_MESSAGE }));
    api.addRoute('POST /jobs/done', Integration.sqs(q, { action: SqsAction.DELETE_MESSAGE, receiptHandle: RequestValue.header('X-Receipt') }));
    const template = Template.fromStack(stack);
    expect(restIntegration(template, 'DELETE').RequestTemplates['application/json']).toMatch(/Action=DeleteMessage&ReceiptHandle=\$util\.urlEncode\(/);
    expect(restIntegration(template, 'DELETE').RequestTemplates['application/json']).toContain('$.receiptHandle');
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestParameters: { 'method.request.header.X-Receipt': true },
      Integration: { RequestTemplates: { 'application/json': 'Action=DeleteMessage&ReceiptHandle=$util.urlEncode("$!{input.params().header.get(\'X-Receipt\')}")' } },
    });
    expect(statements(template).map(s => s.Action)).toEqual(['sqs:DeleteMessage']);
  });

  test('PurgeQueue: a fixed call answering {}; the role may only purge', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('DELETE /jobs', Integration.sqs(fifoQueue(stack), { action: SqsAction.PURGE_QUEUE }));
    const template = Template.fromStack(stack);
    const integration = restIntegration(template, 'DELETE');
    expect(integration.RequestTemplates).toEqual({ 'application/json': 'Action=PurgeQueue' });
    expect(integration.IntegrationResponses[0].ResponseTemplates).toEqual({ 'application/json': '{}' });
    expect(statements(template).map(s => s.Action)).toEqual(['sqs:PurgeQueue']);
  });

  test('routes with different actions on one queue share its role, which allows each action once', () => {
    const stack = testStack();
    const q = queue(stack);
    const api = new RestGateway(stack, 'Api');
    api.addRoute('POST /jobs', Integration.sqs(q));
    api.addRoute('GET /jobs', Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE }));
    api.addRoute('DELETE /jobs', Integration.sqs(q, { action: SqsAction.DELETE_MESSAGE }));
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter(id => /^ApiTestOrders/.test(id))).toHaveLength(1);
    expect(statements(template).flatMap(s => s.Action).sort()).toEqual(['sqs:DeleteMessage', 'sqs:ReceiveMessage', 'sqs:SendMessage']);
  });

  test('the route manifest names the action', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /jobs', Integration.sqs(queue(stack), { action: SqsAction.RECEIVE_MESSAGE }));
    expect(RouteManifest.fromStacks([stack]).gateways[0].routes[0].integration).toMatchObject({ kind: 'sqs', action: 'ReceiveMessage' });
  });

  test.each([
    ['SendMessage options on another action', { action: SqsAction.RECEIVE_MESSAGE, messageBody: RequestValue.body() }, /messageBody only applies to SqsAction\.SEND_MESSAGE, not RECEIVE_MESSAGE.*set action: SqsAction\.SEND_MESSAGE/],
    ['ReceiveMessage options on SendMessage', { maxMessages: 5 }, /maxMessages only applies to SqsAction\.RECEIVE_MESSAGE, not SEND_MESSAGE/],
    ['a receipt handle on PurgeQueue', { action: SqsAction.PURGE_QUEUE, receiptHandle: RequestValue.body() }, /receiptHandle only applies to SqsAction\.DELETE_MESSAGE/],
    ['more than 10 messages', { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 11 }, /maxMessages must be a whole number from 1 to 10/],
    ['a long poll past SQS\'s 20 seconds', { action: SqsAction.RECEIVE_MESSAGE, waitTime: Duration.seconds(25) }, /waitTime must be whole seconds from 0 to 20/],
    ['a long poll outliving the integration', { action: SqsAction.RECEIVE_MESSAGE, waitTime: Duration.seconds(10), timeout: Duration.seconds(10) }, /waitTime must end before the integration times out.*got "10 seconds with a timeout of 10 seconds"/],
    ['a visibility timeout past 12 hours', { action: SqsAction.RECEIVE_MESSAGE, visibilityTimeout: Duration.hours(13) }, /visibilityTimeout must be whole seconds from 0 to 43200/],
  ])('refuses %s', (_name, options, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /jobs', Integration.sqs(queue(stack), options))).toThrow(message);
  });

  test('a long poll must also end before the route\'s own timeout (REST and HTTP)', () => {
    const stack = testStack();
    const q = queue(stack);
    const receive = () => Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE, waitTime: Duration.seconds(20) });
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /jobs', receive(), { timeout: Duration.seconds(5) }))
      .toThrow(/waitTime must end before the integration times out.*20 seconds with a timeout of 5 seconds/);
    expect(() => new HttpGateway(stack, 'Http').addRoute('GET /jobs', receive(), { timeout: Duration.seconds(5) }))
      .toThrow(/waitTime must end before the integration times out/);
  });

  test('a route whose call changes something is never cached; reads may be', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {} });
    const q = queue(stack);
    for (const [route, integration] of [
      ['GET /jobs', Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE })],
      ['DELETE /jobs', Integration.sqs(q, { action: SqsAction.PURGE_QUEUE })],
      ['POST /jobs', Integration.sqs(q)],
    ] as const) {
      expect(() => api.addRoute(route, integration, { authorization: Authorization.none(), cache: {} }))
        .toThrow(/\[InvalidCache\].*cache must not be set on this route: its sqs call changes state or must be fresh.*only reads, such as DynamoDB GET_ITEM and QUERY, can be cached/);
    }
    expect(() => api.addRoute('GET /jobs/next', Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE }), { authorization: Authorization.none() })).not.toThrow();
  });

  test('a FIFO queue needs no message group to receive, delete or purge', () => {
    const stack = testStack();
    const q = fifoQueue(stack);
    const api = new RestGateway(stack, 'Api');
    expect(() => {
      api.addRoute('GET /jobs', Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE }));
      api.addRoute('DELETE /jobs', Integration.sqs(q, { action: SqsAction.DELETE_MESSAGE }));
      api.addRoute('DELETE /all', Integration.sqs(q, { action: SqsAction.PURGE_QUEUE }));
    }).not.toThrow();
  });
});

describe('SQS actions on HttpGateway', () => {
  test('each action is its SQS subtype, with the parameters it documents and a role for that action only', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /jobs', Integration.sqs(queue(stack, 'Jobs'), { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 3, waitTime: Duration.seconds(5) }));
    api.addRoute('DELETE /jobs', Integration.sqs(queue(stack, 'Done'), { action: SqsAction.DELETE_MESSAGE }));
    api.addRoute('DELETE /all', Integration.sqs(queue(stack, 'Drafts'), { action: SqsAction.PURGE_QUEUE }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'SQS-ReceiveMessage',
      RequestParameters: { QueueUrl: { Ref: Match.stringLikeRegexp('^Jobs') }, MaxNumberOfMessages: '3', WaitTimeSeconds: '5' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'SQS-DeleteMessage',
      RequestParameters: { QueueUrl: { Ref: Match.stringLikeRegexp('^Done') }, ReceiptHandle: '$request.body.receiptHandle' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'SQS-PurgeQueue',
      RequestParameters: { QueueUrl: { Ref: Match.stringLikeRegexp('^Drafts') } },
    });
    expect(statements(template).map(s => s.Action).sort()).toEqual(['sqs:DeleteMessage', 'sqs:PurgeQueue', 'sqs:ReceiveMessage']);
  });
});

describe('SQS actions on WebSocketGateway', () => {
  test('a two-way route receives messages and answers the list; another deletes one', () => {
    const stack = testStack();
    const q = queue(stack);
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    ws.addRoute('receive', Integration.sqs(q, { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 5 }), { returnResponse: true });
    ws.addRoute('acknowledge', Integration.sqs(q, { action: SqsAction.DELETE_MESSAGE }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      RequestTemplates: { $default: 'Action=ReceiveMessage&MaxNumberOfMessages=5' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
      ResponseTemplates: { $default: Match.stringLikeRegexp('ReceiveMessageResult\\.messages') },
    });
    expect(statements(template).flatMap(s => s.Action).sort()).toEqual(['sqs:DeleteMessage', 'sqs:ReceiveMessage']);
  });
});
