import { Duration, aws_apigatewayv2 as apigwv2, aws_kinesis as kinesis, aws_kms as kms, aws_sqs as sqs, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DynamoDbAction, HttpGateway, Integration, RequestValue, RestGateway, StepFunctionsAction } from '../../src';
import { SUBTYPE_PARAMETERS } from '../../src/http/integration-subtypes';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { bus, fifoQueue, queue, stateMachine, stream, table } from '../support/service-fixtures';

/** API Gateway's documented parameter-mapping values (static strings aside). */
const MAPPING_EXPRESSION = /^\$(request\.(header|querystring|path)\.[A-Za-z0-9_-]+|request\.body(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*|context\.[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*|stageVariables\.[A-Za-z0-9_]+)$/;

function setup() {
  const stack = testStack();
  return { stack, api: new HttpGateway(stack, 'Api') };
}

function integrations(t: Template) {
  return Object.values(t.findResources('AWS::ApiGatewayV2::Integration')).map(r => r.Properties);
}

/** Every service integration maps exactly its subtype's documented parameters, with documented syntax. */
function expectDocumentedMapping(t: Template) {
  for (const props of integrations(t).filter(p => p.IntegrationSubtype)) {
    const spec = SUBTYPE_PARAMETERS[props.IntegrationSubtype as apigwv2.HttpIntegrationSubtype]!;
    const names = Object.keys(props.RequestParameters);
    expect(names).toEqual(expect.arrayContaining(spec.required));
    expect(names.filter(n => !spec.required.includes(n) && !spec.optional.includes(n))).toEqual([]);
    for (const value of Object.values(props.RequestParameters)) {
      if (typeof value === 'string' && value.startsWith('$')) expect(value).toMatch(MAPPING_EXPRESSION);
    }
    expect(props.PayloadFormatVersion).toBe('1.0');
    expect(props.CredentialsArn).toBeDefined();
  }
}

function rolePolicy(t: Template): unknown[] {
  return Object.values(t.findResources('AWS::IAM::Policy')).flatMap(p => p.Properties.PolicyDocument.Statement);
}

describe('Integration.lambda on HttpGateway', () => {
  test('default: AWS_PROXY to the function, payload format 2.0', () => {
    const { stack, api } = setup();
    api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn')));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fn'), 'Arn'] }, PayloadFormatVersion: '2.0', TimeoutInMillis: Match.absent(),
    });
  });

  test('with payloadFormatVersion 1.0 and a timeout; the route timeout wins', () => {
    const { stack, api } = setup();
    const fn = handler(stack, 'Fn');
    api.addRoute('GET /a', Integration.lambda(fn, { payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0, timeout: Duration.seconds(5) }));
    api.addRoute('GET /b', Integration.lambda(fn, { timeout: Duration.seconds(5) }), { timeout: Duration.seconds(2) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '1.0', TimeoutInMillis: 5000 });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '2.0', TimeoutInMillis: 2000 });
  });

  test('200 routes on one function: one integration, one permission, scoped to the API', () => {
    const { stack, api } = setup();
    const fn = handler(stack, 'Fn');
    const methods = ['GET', 'POST', 'PUT', 'DELETE'];
    for (let i = 0; i < 200; i++) api.addRoute(`${methods[i % 4]} /r${Math.floor(i / 4)}`, Integration.lambda(fn));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 200);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', ['arn:aws:execute-api:eu-west-1:111111111111:', { Ref: Match.stringLikeRegexp('^ApiCD') }, '/*']] },
    });
  });

  test('different settings on one function: one integration each, still one permission', () => {
    const { stack, api } = setup();
    const fn = handler(stack, 'Fn');
    api.addRoute('GET /a', Integration.lambda(fn));
    api.addRoute('GET /b', Integration.lambda(fn, { timeout: Duration.seconds(3) }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    t.resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('throws for an unknown payload format or a timeout outside 50 ms - 29 s', () => {
    const { stack, api } = setup();
    const fn = handler(stack, 'Fn');
    expect(() => api.addRoute('GET /a', Integration.lambda(fn, { payloadFormatVersion: apigwv2.PayloadFormatVersion.custom('3.0') })))
      .toThrow(/\[InvalidIntegration\].*payloadFormatVersion must be one of 1.0, 2.0/);
    expect(() => api.addRoute('GET /b', Integration.lambda(fn, { timeout: Duration.seconds(30) }))).toThrow(/\[InvalidTimeout\].*from 50 to 29000 on an HttpGateway/);
    expect(() => api.addRoute('GET /c', Integration.lambda(fn), { timeout: Duration.millis(10) })).toThrow(/\[InvalidTimeout\] addRoute\('GET \/c'\).timeout/);
  });
});

describe('Integration.http on HttpGateway', () => {
  test('default: HTTP_PROXY with the route method, path parameters in the URL', () => {
    const { stack, api } = setup();
    api.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
    api.addRoute('GET /items/{id}', Integration.http('https://backend.example.com/items/{id}', { method: 'POST', timeout: Duration.seconds(3) }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://legacy.example.com/{proxy}', IntegrationMethod: 'ANY', PayloadFormatVersion: '1.0' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: 'https://backend.example.com/items/{id}', IntegrationMethod: 'POST', TimeoutInMillis: 3000 });
  });

  test('throws for placeholders the route does not receive, bad URLs and methods', () => {
    const { api } = setup();
    expect(() => api.addRoute('GET /a', Integration.http('https://x.example.com/{id}'))).toThrow(/\[InvalidIntegration\].*uses \{id\}, which the route does not receive/);
    expect(() => api.addRoute('GET /b', Integration.http('ftp://x'))).toThrow(/\[InvalidIntegration\].*absolute http/);
    expect(() => api.addRoute('GET /c', Integration.http('https://x.example.com', { method: 'get' }))).toThrow(/\[InvalidIntegration\].*method must be one of/);
  });
});

describe('Integration.sqs on HttpGateway', () => {
  test('default: SQS-SendMessage of the body, a least-privilege role', () => {
    const { stack, api } = setup();
    api.addRoute('POST /orders', Integration.sqs(queue(stack)));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'SQS-SendMessage',
      RequestParameters: { QueueUrl: { Ref: Match.stringLikeRegexp('^Orders') }, MessageBody: '$request.body' },
    });
    expect(rolePolicy(t)).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Orders'), 'Arn'] } }].map(s => expect.objectContaining({ ...s, Resource: expect.anything() })));
    t.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'apigateway.amazonaws.com' } }] } });
    expectDocumentedMapping(t);
  });

  test('FIFO: group from the request, deduplication on the request id; delay and KMS', () => {
    const { stack, api } = setup();
    api.addRoute('POST /fifo/{customer}', Integration.sqs(fifoQueue(stack), { messageGroupId: RequestValue.pathParameter('customer') }));
    const key = new kms.Key(stack, 'Key');
    api.addRoute('POST /later', Integration.sqs(new sqs.Queue(stack, 'Later', { encryptionMasterKey: key }), {
      delay: Duration.seconds(30), messageBody: RequestValue.jsonPath("$.order['id']"),
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      RequestParameters: Match.objectLike({ MessageGroupId: '$request.path.customer', MessageDeduplicationId: '$context.requestId', MessageBody: '$request.body' }),
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { RequestParameters: Match.objectLike({ DelaySeconds: '30', MessageBody: '$request.body.order.id' }) });
    expect(JSON.stringify(rolePolicy(t))).toContain('kms:GenerateDataKey');
    expectDocumentedMapping(t);
  });

  test('throws: FIFO rules, message attributes, values HTTP mapping cannot read', () => {
    const { stack, api } = setup();
    expect(() => api.addRoute('POST /a', Integration.sqs(fifoQueue(stack)))).toThrow(/\[InvalidIntegration\].*messageGroupId is required for a FIFO queue/);
    expect(() => api.addRoute('POST /b', Integration.sqs(queue(stack), { messageAttributes: { tenant: RequestValue.header('X-Tenant') } })))
      .toThrow(/\[UnsupportedCombination\].*messageAttributes are not supported on an HttpGateway.*RestGateway/);
    const q = queue(stack, 'Q2');
    expect(() => api.addRoute('POST /c', Integration.sqs(q, { messageBody: RequestValue.jsonPath("$['a b']") }))).toThrow(/\[InvalidRequestValue\].*quoted keys/);
    expect(() => api.addRoute('POST /d', Integration.sqs(q, { messageBody: RequestValue.literal('$x') }))).toThrow(/\[InvalidRequestValue\].*must not contain \$/);
    expect(() => api.addRoute('POST /e', Integration.sqs(q, { messageBody: RequestValue.pathParameter('id') }))).toThrow(/\[InvalidRequestValue\].*must name a path parameter of the route/);
    expect(() => api.addRoute('POST /f', Integration.sqs(q, { messageBody: RequestValue.context('identity.user-agent') }))).toThrow(/\[InvalidRequestValue\].*letters, digits, _ and \. steps/);
  });

  test('routes on one queue with the same options share one integration and one role', () => {
    const { stack, api } = setup();
    const q = queue(stack);
    api.addRoute('POST /a', Integration.sqs(q));
    api.addRoute('PUT /b', Integration.sqs(q));
    api.addRoute('POST /c', Integration.sqs(q, { messageBody: RequestValue.header('X-Body') }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    t.resourceCountIs('AWS::IAM::Role', 1);
  });
});

describe('Integration.kinesis on HttpGateway', () => {
  test('default: Kinesis-PutRecord of the body keyed by request id; KMS key', () => {
    const { stack, api } = setup();
    const key = new kms.Key(stack, 'Key');
    api.addRoute('POST /clicks', Integration.kinesis(stream(stack)));
    api.addRoute('POST /secure', Integration.kinesis(new kinesis.Stream(stack, 'Secure', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key }), {
      partitionKey: RequestValue.header('X-User'), data: RequestValue.jsonPath('$.event'),
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'Kinesis-PutRecord',
      RequestParameters: { StreamName: { Ref: Match.stringLikeRegexp('^Clicks') }, Data: '$request.body', PartitionKey: '$context.requestId' },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { RequestParameters: Match.objectLike({ Data: '$request.body.event', PartitionKey: '$request.header.X-User' }) });
    const policy = JSON.stringify(rolePolicy(t));
    expect(policy).toContain('kinesis:PutRecord');
    expect(policy).toContain('kms:GenerateDataKey');
    expectDocumentedMapping(t);
  });
});

describe('Integration.stepFunctions on HttpGateway', () => {
  test('start, start sync and stop: the three subtypes, one role per machine with each action', () => {
    const { stack, api } = setup();
    const express = stateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS);
    const standard = stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
    api.addRoute('POST /checkout', Integration.stepFunctions(express, { sync: true }));
    api.addRoute('POST /fulfil', Integration.stepFunctions(standard, { input: RequestValue.jsonPath('$.order') }));
    api.addRoute('DELETE /fulfil/{id}', Integration.stepFunctions(standard, {
      action: StepFunctionsAction.STOP_EXECUTION, executionArn: RequestValue.header('X-Execution'),
    }));
    api.addRoute('POST /fulfil/stop', Integration.stepFunctions(standard, { action: StepFunctionsAction.STOP_EXECUTION }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'StepFunctions-StartSyncExecution', RequestParameters: { StateMachineArn: { Ref: Match.stringLikeRegexp('^Checkout') }, Input: '$request.body' },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'StepFunctions-StartExecution', RequestParameters: { StateMachineArn: { Ref: Match.stringLikeRegexp('^Fulfil') }, Input: '$request.body.order' },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationSubtype: 'StepFunctions-StopExecution', RequestParameters: { ExecutionArn: '$request.header.X-Execution' } });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationSubtype: 'StepFunctions-StopExecution', RequestParameters: { ExecutionArn: '$request.body.executionArn' } });
    t.resourceCountIs('AWS::IAM::Role', 2 + 2); // two machines' own roles, two gateway roles
    const policy = JSON.stringify(rolePolicy(t));
    expect(policy).toContain('states:StartSyncExecution');
    expect(policy).toContain('states:StopExecution');
    expect(policy).toMatch(/:execution:".*:\*"/);
    expectDocumentedMapping(t);
  });

  test('throws: sync on a standard machine, contradicting options, stop options elsewhere', () => {
    const { stack, api } = setup();
    const standard = stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
    expect(() => api.addRoute('POST /a', Integration.stepFunctions(standard, { sync: true }))).toThrow(/\[UnsupportedCombination\].*EXPRESS/);
    expect(() => api.addRoute('POST /b', Integration.stepFunctions(standard, { sync: true, action: StepFunctionsAction.STOP_EXECUTION }))).toThrow(/\[InvalidIntegration\].*sync contradicts action/);
    expect(() => api.addRoute('POST /c', Integration.stepFunctions(standard, { executionArn: RequestValue.header('X') }))).toThrow(/\[InvalidIntegration\].*executionArn only applies to STOP_EXECUTION/);
  });
});

describe('Integration.eventBridge on HttpGateway', () => {
  test('default: EventBridge-PutEvents with fixed source and detail type, detail from the body', () => {
    const { stack, api } = setup();
    api.addRoute('POST /events', Integration.eventBridge(bus(stack), { source: 'shop.orders', detailType: 'OrderPlaced' }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'EventBridge-PutEvents',
      RequestParameters: { EventBusName: { Ref: Match.stringLikeRegexp('^Shop') }, Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '$request.body' },
    });
    expect(JSON.stringify(rolePolicy(t))).toContain('events:PutEvents');
    expectDocumentedMapping(t);
  });

  test('throws for a reserved source or a $ in a literal', () => {
    const { stack, api } = setup();
    const b = bus(stack);
    expect(() => api.addRoute('POST /a', Integration.eventBridge(b, { source: 'aws.orders', detailType: 'X' }))).toThrow(/\[InvalidIntegration\].*source/);
    expect(() => api.addRoute('POST /b', Integration.eventBridge(b, { source: 'shop', detailType: 'Cost$' }))).toThrow(/\[InvalidRequestValue\].*detailType must not contain \$/);
  });
});

describe('integrations HTTP APIs do not have', () => {
  test.each<[string, (s: ReturnType<typeof testStack>) => Integration]>([
    ['Integration.mock', () => Integration.mock()],
    ['Integration.dynamoDb', s => Integration.dynamoDb(table(s), DynamoDbAction.GET_ITEM, { key: { pk: RequestValue.pathParameter('id'), sk: RequestValue.queryString('sk') } })],
  ])('%s is an error naming RestGateway', (factory, make) => {
    const { stack, api } = setup();
    expect(() => api.addRoute('GET /items/{id}', make(stack)))
      .toThrow(new RegExp(`\\[UnsupportedCombination\\] addRoute\\('GET /items/\\{id\\}'\\) cannot use ${factory} on an HttpGateway.*RestGateway`));
  });

  test('payloadFormatVersion on a REST route is an error naming HttpGateway', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Rest');
    expect(() => api.addRoute('GET /a', Integration.lambda(handler(stack, 'Fn'), { payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0 })))
      .toThrow(/\[UnsupportedCombination\].*payloadFormatVersion only applies on an HttpGateway/);
  });
});
