import { aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DynamoDbAction, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../../src';
import { testStack } from '../../support/app';
import { bus, fifoQueue, queue, simpleTable, stateMachine, stream } from '../../support/service-fixtures';

/**
 * Values a user writes into a service call (literal RequestValues, EventBridge's source and
 * detail type) and context variables: each must reach the service as written and be
 * something the service takes there, or be a synth error that says so.
 */
type Case = [string, (scope: Construct) => Integration, RegExp];

const CASES: Case[] = [
  ['a literal with a lone surrogate', s => Integration.sqs(queue(s), { messageAttributes: { a: RequestValue.literal('x\ud800') } }),
    /\[InvalidRequestValue\] .*Integration\.sqs messageAttributes\['a'\] must be well-formed Unicode \(it has a lone UTF-16 surrogate.*got "x\\ud800"; remove the half surrogate pair/],
  ['an empty FIFO group', s => Integration.sqs(fifoQueue(s), { messageGroupId: RequestValue.literal('') }),
    /\[InvalidRequestValue\] .*messageGroupId must be 1-128 letters, digits or punctuation .*got ""/],
  ['a FIFO group with a space', s => Integration.sqs(fifoQueue(s), { messageGroupId: RequestValue.literal('all orders') }),
    /messageGroupId must be 1-128 letters, digits or punctuation/],
  ['a deduplication id of 129 characters', s => Integration.sqs(fifoQueue(s), { messageGroupId: RequestValue.literal('g'), messageDeduplicationId: RequestValue.literal('d'.repeat(129)) }),
    /messageDeduplicationId must be 1-128 letters/],
  ['an attribute SQS refuses (a control character)', s => Integration.sqs(queue(s), { messageAttributes: { a: RequestValue.literal('bell\u0007') } }),
    /messageAttributes\['a'\] must be text SQS accepts: not empty, no control characters other than tab and line breaks, got "bell\\u0007"/],
  ['an empty attribute', s => Integration.sqs(queue(s), { messageAttributes: { a: RequestValue.literal('') } }),
    /messageAttributes\['a'\] must be text SQS accepts/],
  ['an empty message body', s => Integration.sqs(queue(s), { messageBody: RequestValue.literal('') }),
    /messageBody must be text SQS accepts/],
  ['an empty partition key', s => Integration.kinesis(stream(s), { partitionKey: RequestValue.literal('') }),
    /\[InvalidRequestValue\] .*Integration\.kinesis partitionKey must be 1-256 characters/],
  ['a partition key of 257 characters', s => Integration.kinesis(stream(s), { partitionKey: RequestValue.literal('k'.repeat(257)) }),
    /partitionKey must be 1-256 characters/],
  ['an empty item key', s => Integration.dynamoDb(simpleTable(s), DynamoDbAction.GET_ITEM, { key: { pk: RequestValue.literal('') } }),
    /\[InvalidRequestValue\] .*Integration\.dynamoDb key\['pk'\] must not be empty/],
  ['an execution input that is not JSON', s => Integration.stepFunctions(stateMachine(s, 'M', sfn.StateMachineType.STANDARD), { input: RequestValue.literal('hello') }),
    /\[InvalidRequestValue\] .*Integration\.stepFunctions input must be JSON text .*got "hello"; write e\.g\. '\{\}'/],
  ['an event detail that is not an object', s => Integration.eventBridge(bus(s), { source: 'shop', detailType: 'T', detail: RequestValue.literal('[1]') }),
    /\[InvalidRequestValue\] .*Integration\.eventBridge detail must be a JSON object/],
  ['a context variable that is a map', s => Integration.sqs(queue(s), { messageAttributes: { claims: RequestValue.context('authorizer.claims') } }),
    /\[InvalidRequestValue\] .*messageAttributes\['claims'\] must name a single value: this context variable is a map, .*read one of its values, e\.g\. RequestValue\.context\('authorizer\.claims\.<name>'\)/],
  ['the identity map', s => Integration.kinesis(stream(s), { partitionKey: RequestValue.context('identity') }),
    /partitionKey must name a single value/],
  ['an event source with a lone surrogate', s => Integration.eventBridge(bus(s), { source: 'shop.\udc00', detailType: 'T' }),
    /\[InvalidIntegration\] .*Integration\.eventBridge source must be well-formed Unicode/],
  ['an event detail type with a lone surrogate', s => Integration.eventBridge(bus(s), { source: 'shop', detailType: 'Order\ud83d' }),
    /\[InvalidIntegration\] .*Integration\.eventBridge detailType must be well-formed Unicode/],
];

describe('values written into service calls', () => {
  test.each(CASES)('RestGateway throws for %s', (_name, integration, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /a', integration(stack))).toThrow(message);
  });

  test.each(CASES)('WebSocketGateway throws for %s', (_name, integration, message) => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat');
    expect(() => ws.addRoute('a', integration(stack))).toThrow(message);
  });

  test('literals that services take are fine, $ and # included', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /a', Integration.sqs(fifoQueue(stack), {
      messageGroupId: RequestValue.literal('#all-$orders'),
      messageAttributes: { a: RequestValue.literal('tab\tand\nline é 😀 $x #if') },
    }))).not.toThrow();
    expect(() => api.addRoute('POST /b', Integration.eventBridge(bus(stack), {
      source: 'shop', detailType: 'T', detail: RequestValue.literal('{"from":"api"}'),
    }))).not.toThrow();
  });
});
