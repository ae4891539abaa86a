import { aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, HttpGateway, Integration, RequestValue, RestGateway, StepFunctionsAction, WebSocketGateway,
} from '../../../src';
import { testStack } from '../../support/app';
import { bus, stateMachine } from '../../support/service-fixtures';

const FIELDS = { order: RequestValue.jsonPath('$.order'), tenant: RequestValue.header('X-Tenant') };

describe('Step Functions inputFields and EventBridge detailFields', () => {
  test('REST: the order is read from the body, so the route validates a JSON object body; the header is a request parameter', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('POST /fulfil', Integration.stepFunctions(stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD), { inputFields: FIELDS }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST', RequestParameters: { 'method.request.header.X-Tenant': false } });
    const method = Object.values(t.findResources('AWS::ApiGateway::Method'))[0];
    expect(Object.keys(method.Properties.RequestModels)).toEqual(['application/json']);
    t.hasResourceProperties('AWS::ApiGateway::Model', { Schema: Match.objectLike({ type: 'object' }) });
  });

  test('WebSocket: fields from the message and the connection', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    ws.addRoute('order', Integration.eventBridge(bus(stack), {
      source: 'chat.orders',
      detailType: 'OrderPlaced',
      detailFields: { order: RequestValue.jsonPath('$.order'), connection: RequestValue.context('connectionId') },
    }));
    const integration = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Integration'))
      .find(i => JSON.stringify(i.Properties.IntegrationUri ?? '').includes('events'))!;
    const template = JSON.stringify(integration.Properties.RequestTemplates);
    expect(template).toContain('\\\\\\"connection\\\\\\":');
    expect(template).toContain('context.connectionId');
  });

  test.each<[string, () => void, RegExp]>([
    ['input and inputFields together', () => new RestGateway(testStack(), 'Api').addRoute('POST /a', Integration.stepFunctions(
      stateMachine(testStack(), 'M', sfn.StateMachineType.STANDARD), { input: RequestValue.jsonPath('$.x'), inputFields: FIELDS })),
    /\[UnsupportedCombination\] addRoute\('POST \/a'\) Integration.stepFunctions inputFields cannot be set with input, got \["order", "tenant"\]; keep input or inputFields/],
    ['detail and detailFields together', () => new RestGateway(testStack(), 'Api').addRoute('POST /a', Integration.eventBridge(
      bus(testStack()), { source: 's.x', detailType: 'T', detail: RequestValue.jsonPath('$.x'), detailFields: FIELDS })),
    /\[UnsupportedCombination\] addRoute\('POST \/a'\) Integration.eventBridge detailFields cannot be set with detail/],
    ['inputFields on an HttpGateway (no mapping template)', () => new HttpGateway(testStack(), 'Api').addRoute('POST /a', Integration.stepFunctions(
      stateMachine(testStack(), 'M', sfn.StateMachineType.STANDARD), { inputFields: FIELDS })),
    /\[UnsupportedCombination\] addRoute\('POST \/a'\) Integration.stepFunctions inputFields needs a mapping template to compose the document: a RestGateway or WebSocketGateway route/],
    ['detailFields on an HttpGateway', () => new HttpGateway(testStack(), 'Api').addRoute('POST /a', Integration.eventBridge(
      bus(testStack()), { source: 's.x', detailType: 'T', detailFields: FIELDS })),
    /\[UnsupportedCombination\] addRoute\('POST \/a'\) Integration.eventBridge detailFields needs a mapping template/],
    ['inputFields on STOP_EXECUTION', () => new HttpGateway(testStack(), 'Api').addRoute('POST /a', Integration.stepFunctions(
      stateMachine(testStack(), 'M', sfn.StateMachineType.STANDARD), { action: StepFunctionsAction.STOP_EXECUTION, inputFields: FIELDS })),
    /\[InvalidIntegration\] addRoute\('POST \/a'\) Integration.stepFunctions inputFields does not apply to STOP_EXECUTION/],
    ['the body as a field', () => new RestGateway(testStack(), 'Api').addRoute('POST /a', Integration.stepFunctions(
      stateMachine(testStack(), 'M', sfn.StateMachineType.STANDARD), { inputFields: { all: RequestValue.body() } })),
    /\[InvalidRequestValue\] addRoute\('POST \/a'\) Integration.stepFunctions inputFields\['all'\] cannot be the body as text inside a JSON document, got body\(\); use RequestValue.jsonPath\('\$'\)/],
    ['a header on a WebSocket route (messages have none)', () => new WebSocketGateway(testStack(), 'Chat', { authorization: Authorization.none() })
      .addRoute('a', Integration.stepFunctions(stateMachine(testStack(), 'M', sfn.StateMachineType.STANDARD), { inputFields: FIELDS })),
    /\[InvalidRequestValue\] addRoute\('a'\) Integration.stepFunctions inputFields\['tenant'\]/],
  ])('refuses %s', (_name, act, message) => {
    expect(act).toThrow(message);
  });
});
