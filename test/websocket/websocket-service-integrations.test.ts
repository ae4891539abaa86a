import { aws_sqs as sqs, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DynamoDbAction, Integration, RequestValue, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { bus, fifoQueue, queue, simpleTable, stateMachine, stream } from '../support/service-fixtures';

function gateway() {
  const stack = testStack();
  const ws = new WebSocketGateway(stack, 'Chat');
  return { stack, ws, template: () => Template.fromStack(stack) };
}

function integrationOf(template: Template, routeKey: string): Record<string, any> {
  const route = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }))[0];
  const id = route.Properties.Target['Fn::Join'][1][1].Ref;
  return template.toJSON().Resources[id].Properties;
}

describe('WebSocket service integrations', () => {
  test('SQS: an AWS integration with the shared role, a $default template, never passthrough', () => {
    const { stack, ws, template } = gateway();
    const orders = fifoQueue(stack);
    ws.addRoute('ingest', Integration.sqs(orders, { messageGroupId: RequestValue.context('connectionId') }));
    const t = template();
    const integration = integrationOf(t, 'ingest');
    expect(integration).toMatchObject({
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      PassthroughBehavior: 'NEVER',
      TemplateSelectionExpression: '\\$default',
      CredentialsArn: { 'Fn::GetAtt': [expect.stringMatching(/^ChatTestOrdersFifo.*Role/), 'Arn'] },
      RequestParameters: {
        'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
        'integration.request.header.Accept': "'application/json'",
      },
    });
    expect(JSON.stringify(integration.IntegrationUri)).toContain(':apigateway:eu-west-1:sqs:path/111111111111/');
    expect(Object.keys(integration.RequestTemplates)).toEqual(['$default']);
    expect(integration.RequestTemplates.$default).toContain('MessageGroupId=$util.urlEncode("$!{context.connectionId}")');
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersFifo'), 'Arn'] } }] },
    });
  });

  test('one role per target, shared by its routes', () => {
    const { stack, ws, template } = gateway();
    const orders = queue(stack);
    ws.addRoute('a', Integration.sqs(orders));
    ws.addRoute('b', Integration.sqs(orders, { messageBody: RequestValue.jsonPath('$.payload') }));
    const roles = Object.keys(template().findResources('AWS::IAM::Role')).filter(id => id.startsWith('Chat'));
    expect(roles).toEqual([expect.stringMatching(/^ChatTestOrders[0-9A-F]{8}Role[0-9A-F]{8}$/)]);
  });

  test('Kinesis, DynamoDB, Step Functions and EventBridge are AWS integrations of their actions', () => {
    const { stack, ws, template } = gateway();
    ws.addRoute('click', Integration.kinesis(stream(stack), { partitionKey: RequestValue.context('connectionId') }));
    ws.addRoute('save', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.PUT_ITEM, { key: { pk: RequestValue.jsonPath('$.id') } }));
    ws.addRoute('run', Integration.stepFunctions(stateMachine(stack, 'Flow', sfn.StateMachineType.STANDARD)));
    ws.addRoute('emit', Integration.eventBridge(bus(stack), { source: 'chat.messages', detailType: 'Sent' }));
    const t = template();
    for (const [route, action, target] of [
      ['click', 'PutRecord', 'Kinesis_20131202.PutRecord'],
      ['save', 'PutItem', 'DynamoDB_20120810.PutItem'],
      ['run', 'StartExecution', 'AWSStepFunctions.StartExecution'],
      ['emit', 'PutEvents', 'AWSEvents.PutEvents'],
    ]) {
      const integration = integrationOf(t, route);
      expect(JSON.stringify(integration.IntegrationUri)).toContain(`:action/${action}`);
      expect(integration.RequestParameters['integration.request.header.X-Amz-Target']).toBe(`'${target}'`);
      expect(integration.PassthroughBehavior).toBe('NEVER');
    }
  });

  test('the connection table: PUT_ITEM on $connect and DELETE_ITEM on $disconnect keyed by the connection id', () => {
    const stack = testStack();
    const connections = simpleTable(stack, 'Connections');
    const key = { pk: RequestValue.context('connectionId') };
    new WebSocketGateway(stack, 'Chat', {
      connect: Integration.dynamoDb(connections, DynamoDbAction.PUT_ITEM, { key }),
      disconnect: Integration.dynamoDb(connections, DynamoDbAction.DELETE_ITEM, { key }),
    });
    const t = Template.fromStack(stack);
    const put = JSON.stringify(integrationOf(t, '$connect').RequestTemplates.$default);
    expect(put).toContain('\\"Item\\":{\\"pk\\":{\\"S\\":\\"$util.escapeJavaScript(\\"$!{context.connectionId}\\")');
    expect(JSON.stringify(integrationOf(t, '$disconnect').RequestTemplates.$default)).toContain('\\"Key\\":{\\"pk\\":{\\"S\\":\\"$util.escapeJavaScript(\\"$!{context.connectionId}\\")');
    // $connect has no message: no model is asked for.
    t.resourceCountIs('AWS::ApiGatewayV2::Model', 0);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['dynamodb:DeleteItem', 'dynamodb:PutItem'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Connections'), 'Arn'] } }] },
    });
  });

  test('a message route writing the message\'s attributes gets a model requiring a JSON object', () => {
    const { stack, ws, template } = gateway();
    ws.addRoute('save', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.UPDATE_ITEM, { key: { pk: RequestValue.jsonPath('$.id') } }));
    template().hasResourceProperties('AWS::ApiGatewayV2::Model', { Schema: { type: 'object', minProperties: 1 } });
  });

  test('two-way: the answer as plain JSON, errors as {"message", "status"} by status pattern', () => {
    const { stack, ws, template } = gateway();
    ws.addRoute('get', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.GET_ITEM, { key: { pk: RequestValue.jsonPath('$.id') } }), { returnResponse: true });
    const t = template();
    const responses = Object.values(t.findResources('AWS::ApiGatewayV2::IntegrationResponse')).map(r => r.Properties);
    expect(responses.map(r => r.IntegrationResponseKey).sort()).toEqual(['$default', '/4\\d\\d/', '/5\\d\\d/']);
    const byKey = Object.fromEntries(responses.map(r => [r.IntegrationResponseKey, r.ResponseTemplates.$default]));
    expect(byKey.$default).toContain('{"message":"not found","status":404}');
    expect(byKey['/5\\d\\d/']).toBe('{"message":"service unavailable","status":502}');
    expect(byKey.$default).not.toContain('responseOverride.status = 404');
    expect(byKey['/4\\d\\d/']).not.toContain('responseOverride');
    t.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { RouteResponseKey: '$default' });
  });

  describe('throws when', () => {
    test.each<[string, () => RequestValue, RegExp]>([
      ['a path parameter', () => RequestValue.pathParameter('id'), /\[InvalidRequestValue\] addRoute\('ingest'\) Integration\.sqs messageGroupId does not exist on a WebSocket route \(WebSocket routes have no path\), got pathParameter\("id"\); read the value from the message instead/],
      ['a header', () => RequestValue.header('X-Tenant'), /cannot be read by a WebSocket mapping template \(API Gateway passes no headers or query strings to WebSocket templates\).*RequestValue\.context\('authorizer\.<key>'\)/],
      ['a query string', () => RequestValue.queryString('room'), /cannot be read by a WebSocket mapping template/],
    ])('a template reads %s', (_name, value, message) => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute('ingest', Integration.sqs(fifoQueue(stack), { messageGroupId: value() }))).toThrow(message);
    });

    test('an integration on $connect reads the message body', () => {
      const stack = testStack();
      expect(() => new WebSocketGateway(stack, 'Chat', { connect: Integration.sqs(queue(stack)) }))
        .toThrow(/\[InvalidRequestValue\] connect Integration\.sqs messageBody cannot be read on \$connect or \$disconnect: those requests have no message body.*RequestValue\.context\('connectionId'\)/);
      const other = testStack();
      expect(() => new WebSocketGateway(other, 'Chat', { disconnect: Integration.kinesis(stream(other)) }))
        .toThrow(/\[InvalidRequestValue\] disconnect Integration\.kinesis data cannot be read on \$connect or \$disconnect/);
    });

    test('UPDATE_ITEM on $disconnect', () => {
      const stack = testStack();
      expect(() => new WebSocketGateway(stack, 'Chat', {
        disconnect: Integration.dynamoDb(simpleTable(stack), DynamoDbAction.UPDATE_ITEM, { key: { pk: RequestValue.context('connectionId') } }),
      })).toThrow(/\[UnsupportedCombination\] disconnect Integration\.dynamoDb action UPDATE_ITEM sets the message's attributes, and \$disconnect has no message/);
    });

    test('the shared checks still apply: FIFO without a group, keys not matching the table', () => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute('a', Integration.sqs(fifoQueue(stack)))).toThrow(/\[InvalidIntegration\] addRoute\('a'\) Integration\.sqs messageGroupId is required for a FIFO queue/);
      expect(() => ws.addRoute('b', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.GET_ITEM, { key: { id: RequestValue.jsonPath('$.id') } })))
        .toThrow(/\[InvalidDynamoDbKey\] addRoute\('b'\) Integration\.dynamoDb key must give exactly the key of the table: pk/);
      expect(() => ws.addRoute('c', Integration.sqs(new sqs.Queue(stack, 'Q'), { messageAttributes: { 'AWS.bad': RequestValue.literal('x') } })))
        .toThrow(/\[InvalidIntegration\] addRoute\('c'\) Integration\.sqs messageAttributes names must be/);
    });

    test('sync on a standard state machine', () => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute('run', Integration.stepFunctions(stateMachine(stack, 'Flow', sfn.StateMachineType.STANDARD), { sync: true })))
        .toThrow(/\[UnsupportedCombination\] addRoute\('run'\) Integration\.stepFunctions sync needs an EXPRESS state machine/);
    });
  });
});
