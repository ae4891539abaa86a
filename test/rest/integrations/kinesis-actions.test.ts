import { aws_kinesis as kinesis, aws_kms as kms } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, HttpGateway, Integration, KinesisAction, RequestValue, RestGateway, RouteManifest, ShardIteratorType, WebSocketGateway,
} from '../../../src';
import { testStack } from '../../support/app';
import { stream } from '../../support/service-fixtures';

/** The statements that allow Kinesis or KMS actions (the stack also holds the account logs role's custom resource). */
function statements(template: Template): { Action: string | string[] }[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap(p => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
    .filter(s => [s.Action].flat().some(a => /^(kinesis|kms):/.test(a)));
}

interface RestIntegration {
  readonly Uri: unknown;
  readonly RequestParameters: Record<string, string>;
  readonly RequestTemplates: Record<string, unknown>;
}

function integrationOf(template: Template, method: string): RestIntegration {
  const found = Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: method } }));
  expect(found).toHaveLength(1);
  return found[0].Properties.Integration;
}

describe('Kinesis actions on RestGateway', () => {
  test.each([
    [KinesisAction.PUT_RECORDS, 'POST', ['kinesis:PutRecords', 'kms:GenerateDataKey']],
    [KinesisAction.LIST_SHARDS, 'GET', ['kinesis:ListShards']],
    [KinesisAction.GET_SHARD_ITERATOR, 'GET', ['kinesis:GetShardIterator']],
    [KinesisAction.GET_RECORDS, 'GET', ['kinesis:GetRecords', 'kms:Decrypt']],
  ])('%s: the action\'s target header and URI; the role may only make that call (and use the key where records are read or written)', (action, method, allowed) => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    const clicks = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    new RestGateway(stack, 'Api').addRoute(`${method} /clicks`, Integration.kinesis(clicks, { action }));
    const template = Template.fromStack(stack);
    const integration = integrationOf(template, method);
    expect(integration.RequestParameters['integration.request.header.X-Amz-Target']).toBe(`'Kinesis_20131202.${action}'`);
    expect(JSON.stringify(integration.Uri)).toContain(`:kinesis:action/${action}`);
    expect(statements(template).map(s => s.Action)).toEqual(allowed);
  });

  test('GetShardIterator reads the shard from the query string by default, GetRecords the iterator, with a limit of 100', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /iterator', Integration.kinesis(stream(stack), { action: KinesisAction.GET_SHARD_ITERATOR, iteratorType: ShardIteratorType.LATEST }));
    api.addRoute('POST /records', Integration.kinesis(stream(stack, 'Other'), { action: KinesisAction.GET_RECORDS }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', RequestParameters: { 'method.request.querystring.shardId': true } });
    // The template names the stream: a CloudFormation join.
    expect(JSON.stringify(integrationOf(template, 'GET').RequestTemplates)).toContain('\\"ShardIteratorType\\":\\"LATEST\\"');
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST', RequestParameters: { 'method.request.querystring.shardIterator': true } });
    expect(integrationOf(template, 'POST').RequestTemplates['application/json']).toMatch(/"Limit":100\}/);
  });

  test('PutRecords validates that the body is a JSON object', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('POST /clicks', Integration.kinesis(stream(stack), { action: KinesisAction.PUT_RECORDS }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Model', { Schema: { type: 'object' } });
  });

  test('the route manifest names the action', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /shards', Integration.kinesis(stream(stack), { action: KinesisAction.LIST_SHARDS }));
    expect(RouteManifest.fromStacks([stack]).gateways[0].routes[0].integration).toMatchObject({ kind: 'kinesis', action: 'ListShards' });
  });

  test.each([
    ['PutRecord options on another action', { action: KinesisAction.PUT_RECORDS, partitionKey: RequestValue.body() }, /partitionKey only applies to KinesisAction\.PUT_RECORD, not PUT_RECORDS/],
    ['GetRecords options on PutRecord', { limit: 10 }, /limit only applies to KinesisAction\.GET_RECORDS, not PUT_RECORD.*set action: KinesisAction\.GET_RECORDS/],
    ['an iterator after a record without its sequence number', { action: KinesisAction.GET_SHARD_ITERATOR, iteratorType: ShardIteratorType.AFTER_SEQUENCE_NUMBER },
      /sequenceNumber is required for ShardIteratorType\.AFTER_SEQUENCE_NUMBER/],
    ['a sequence number for the oldest record', { action: KinesisAction.GET_SHARD_ITERATOR, sequenceNumber: RequestValue.queryString('after') },
      /sequenceNumber only applies to iterators at a record.*not TRIM_HORIZON/],
    ['a limit past 1,000', { action: KinesisAction.GET_RECORDS, limit: 1001 }, /limit must be a whole number from 1 to 1000/],
    ['an empty literal shard', { action: KinesisAction.GET_SHARD_ITERATOR, shardId: RequestValue.literal('') }, /shardId must not be empty/],
  ])('refuses %s', (_name, options, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('POST /clicks', Integration.kinesis(stream(stack), options))).toThrow(message);
  });
});

describe('Kinesis actions on HttpGateway and WebSocketGateway', () => {
  test('HttpGateway refuses every call but PutRecord, naming the gateways that make them', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('GET /shards', Integration.kinesis(stream(stack), { action: KinesisAction.LIST_SHARDS })))
      .toThrow(/\[UnsupportedCombination\].*Integration\.kinesis action is not supported on an HttpGateway.*got "ListShards"; keep the route on RestGateway or WebSocketGateway/);
  });

  test('a WebSocket route puts several records and reads them back', () => {
    const stack = testStack();
    const clicks = stream(stack);
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    ws.addRoute('batch', Integration.kinesis(clicks, { action: KinesisAction.PUT_RECORDS }), { returnResponse: true });
    ws.addRoute('read', Integration.kinesis(clicks, { action: KinesisAction.GET_RECORDS, shardIterator: RequestValue.jsonPath('$.iterator') }), { returnResponse: true });
    const template = Template.fromStack(stack);
    expect(statements(template).flatMap(s => s.Action).sort()).toEqual(['kinesis:GetRecords', 'kinesis:PutRecords']);
  });
});
