import { aws_kinesis as kinesis, aws_kms as kms, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Integration, RequestValue, RestGateway } from '../../../src';
import { testStack } from '../../support/app';
import { bus, stateMachine, stream } from '../../support/service-fixtures';

function methodOf(template: Template): any {
  return (Object.values(template.findResources('AWS::ApiGateway::Method'))[0] as { Properties: any }).Properties;
}

describe('Integration.kinesis', () => {
  test('PutRecord with the body as data and the request id as partition key by default', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /clicks', Integration.kinesis(stream(stack)));
    const template = Template.fromStack(stack);
    const method = methodOf(template);
    expect(method.Integration.RequestParameters).toEqual({
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
      'integration.request.header.X-Amz-Target': "'Kinesis_20131202.PutRecord'",
    });
    expect(method.Integration.RequestTemplates['application/json']).toEqual({
      'Fn::Join': ['', [
        '{"StreamName":"', { Ref: expect.stringMatching(/^Clicks/) },
        '","Data":"$util.base64Encode($input.body)","PartitionKey":"$util.escapeJavaScript("$!{context.requestId}").replaceAll("\\\\\'","\'")"}',
      ]],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'kinesis:PutRecord', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Clicks'), 'Arn'] } }] },
    });
  });

  test('partition key from the body; a stream with a customer key', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const s = new kinesis.Stream(stack, 'Secure', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    new RestGateway(stack, 'Api').addRoute('POST /clicks', Integration.kinesis(s, { partitionKey: RequestValue.jsonPath('$.userId') }));
    const template = Template.fromStack(stack);
    const request = JSON.stringify(methodOf(template).Integration.RequestTemplates);
    expect(request).toContain('#set($gV1=$input.path(\\"$.userId\\"))');
    expect(request).toContain('\\"PartitionKey\\":\\"$util.escapeJavaScript($gV1s)');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'kms:GenerateDataKey', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }]) },
    });
  });
});

describe('Integration.stepFunctions', () => {
  test('StartExecution by default', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /fulfil', Integration.stepFunctions(stateMachine(stack, 'M', sfn.StateMachineType.STANDARD)));
    const template = Template.fromStack(stack);
    const method = methodOf(template);
    expect(method.Integration.Uri).toBe('arn:aws:apigateway:eu-west-1:states:action/StartExecution');
    expect(method.Integration.RequestParameters['integration.request.header.X-Amz-Target']).toBe("'AWSStepFunctions.StartExecution'");
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('^M') } }] },
    });
  });

  test('sync: StartSyncExecution on an express machine', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /checkout', Integration.stepFunctions(stateMachine(stack, 'M', sfn.StateMachineType.EXPRESS), { sync: true }));
    const template = Template.fromStack(stack);
    expect(methodOf(template).Integration.Uri).toBe('arn:aws:apigateway:eu-west-1:states:action/StartSyncExecution');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'states:StartSyncExecution', Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('^M') } }] },
    });
  });

  test('sync on a standard machine is refused at synth', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /checkout', Integration.stepFunctions(stateMachine(stack, 'M', sfn.StateMachineType.STANDARD), { sync: true })))
      .toThrow(/\[UnsupportedCombination\] addRoute\('POST \/checkout'\) Integration.stepFunctions sync needs an EXPRESS state machine .*got "STANDARD"/);
  });
});

describe('Integration.eventBridge', () => {
  test('PutEvents on the bus, the body must be a JSON object', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /events', Integration.eventBridge(bus(stack), { source: 'shop.orders', detailType: 'OrderPlaced' }));
    const template = Template.fromStack(stack);
    const method = methodOf(template);
    expect(method.Integration.RequestParameters['integration.request.header.X-Amz-Target']).toBe("'AWSEvents.PutEvents'");
    expect(JSON.stringify(method.Integration.RequestTemplates)).toContain('{\\"Entries\\":[{\\"Source\\":\\"shop.orders\\",\\"DetailType\\":\\"OrderPlaced\\"');
    template.hasResourceProperties('AWS::ApiGateway::Model', { Schema: Match.objectLike({ type: 'object' }) });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'events:PutEvents', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Shop'), 'Arn'] } }] },
    });
  });

  test.each([
    [{ source: 'aws.orders', detailType: 'X' }, /\[InvalidIntegration\] .*Integration.eventBridge source must be 1-256 characters without spaces, not starting with aws\..*got "aws.orders"/],
    [{ source: 'shop', detailType: '' }, /detailType must be 1-128 characters, got ""/],
  ])('refuses %j', (options, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /events', Integration.eventBridge(bus(stack), options))).toThrow(message);
  });
});
