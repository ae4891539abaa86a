import { Duration, aws_kms as kms, aws_sqs as sqs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Integration, RequestValue, RestGateway } from '../../../src';
import { testStack } from '../../support/app';
import { fifoQueue, queue } from '../../support/service-fixtures';

function methodOf(template: Template): { Properties: any } {
  return Object.values(template.findResources('AWS::ApiGateway::Method'))[0] as { Properties: any };
}

describe('Integration.sqs on RestGateway', () => {
  test('sends the body to the queue with SendMessage, through a role that may only do that', () => {
    const stack = testStack();
    const q = queue(stack);
    new RestGateway(stack, 'Api').addRoute('POST /orders', Integration.sqs(q));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      Integration: {
        Type: 'AWS',
        IntegrationHttpMethod: 'POST',
        PassthroughBehavior: 'NEVER',
        Uri: { 'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1:sqs:path/111111111111/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Orders'), 'QueueName'] }]] },
        RequestParameters: {
          'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
          'integration.request.header.Accept': "'application/json'",
        },
        RequestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
        Credentials: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiTestOrders.*Role'), 'Arn'] },
        IntegrationResponses: [
          Match.objectLike({ StatusCode: '200' }),
          Match.objectLike({ StatusCode: '400', SelectionPattern: '4\\d{2}' }),
          Match.objectLike({ StatusCode: '502', SelectionPattern: '5\\d{2}' }),
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' } }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Orders'), 'Arn'] } }],
      },
    });
  });

  test('routes to the same queue share one role; each queue gets its own', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const q = queue(stack);
    api.addRoute('POST /a', Integration.sqs(q));
    api.addRoute('POST /b', Integration.sqs(q));
    api.addRoute('POST /c', Integration.sqs(queue(stack, 'Other')));
    const template = Template.fromStack(stack);
    const serviceRoles = Object.keys(template.findResources('AWS::IAM::Role')).filter(id => id.startsWith('Api'));
    expect(serviceRoles).toEqual([expect.stringMatching(/^ApiTestOrders.*Role/), expect.stringMatching(/^ApiTestOther.*Role/)]);
  });

  test('FIFO: group from the body, deduplication by request id, attributes, declared parameters', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /orders', Integration.sqs(fifoQueue(stack), {
      messageGroupId: RequestValue.header('X-Customer'),
      messageAttributes: { tenant: RequestValue.queryString('tenant') },
    }));
    const method = methodOf(Template.fromStack(stack)).Properties;
    const request: string = method.Integration.RequestTemplates['application/json'];
    expect(request).toContain("&MessageGroupId=$util.urlEncode(\"$!{input.params().header.get('X-Customer')}\")");
    expect(request).toContain('&MessageDeduplicationId=$util.urlEncode("$!{context.requestId}")');
    expect(request).toContain('&MessageAttribute.${gA}.Name=tenant');
    // The group is required (the validator refuses requests without it); an attribute is not.
    expect(method.RequestParameters).toEqual({
      'method.request.header.X-Customer': true,
      'method.request.querystring.tenant': false,
    });
  });

  test('delay on a standard queue', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /later', Integration.sqs(queue(stack), { delay: Duration.minutes(2) }));
    expect(methodOf(Template.fromStack(stack)).Properties.Integration.RequestTemplates['application/json'])
      .toBe('Action=SendMessage&MessageBody=$util.urlEncode($input.body)&DelaySeconds=120');
  });

  test('a queue with a customer key: the role may also use that key, and only it', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const q = new sqs.Queue(stack, 'Encrypted', { encryptionMasterKey: key });
    new RestGateway(stack, 'Api').addRoute('POST /orders', Integration.sqs(q));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
        }]),
      },
    });
  });

  test.each([
    ['fifo without a group', (s: any) => Integration.sqs(fifoQueue(s)),
      /\[InvalidIntegration\] addRoute\('POST \/a'\) Integration.sqs messageGroupId is required for a FIFO queue, got undefined/],
    ['a group on a standard queue', (s: any) => Integration.sqs(queue(s), { messageGroupId: RequestValue.header('X-G') }),
      /messageGroupId only applies to FIFO queues, got header\("X-G"\); remove it, or use a FIFO queue/],
    ['a delay on a FIFO queue', (s: any) => Integration.sqs(fifoQueue(s), { messageGroupId: RequestValue.header('X-G'), delay: Duration.seconds(5) }),
      /delay is not allowed per message on a FIFO queue/],
    ['a delay over 15 minutes', (s: any) => Integration.sqs(queue(s), { delay: Duration.minutes(16) }),
      /delay must be whole seconds from 0 to 900, got 16 minutes/],
    ['a reserved attribute name', (s: any) => Integration.sqs(queue(s), { messageAttributes: { 'AWS.trace': RequestValue.header('X-T') } }),
      /messageAttributes names must be 1-256 letters.*got "AWS.trace"/],
    ['11 attributes', (s: any) => Integration.sqs(queue(s), {
      messageAttributes: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, RequestValue.header('X-T')])),
    }), /\[LimitExceeded\] .*messageAttributes must have at most 10 entries/],
    ['a path parameter the route lacks', (s: any) => Integration.sqs(queue(s), { messageBody: RequestValue.pathParameter('id') }),
      /\[InvalidRequestValue\] .*messageBody must name a path parameter of the route, got "id"/],
    ['a header name Velocity cannot quote', (s: any) => Integration.sqs(queue(s), { messageAttributes: { t: RequestValue.header("X'T") } }),
      /must be letters, digits, _ \. or - to be read by a mapping template, got "X'T"/],
  ])('refuses %s at synth', (_name, integration, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /a', integration(stack))).toThrow(message);
  });
});
