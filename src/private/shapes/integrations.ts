import {
  aws_dynamodb as dynamodb, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_kinesis as kinesis,
  aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import type { DynamoDbAction } from '../../vocabulary/integrations/dynamodb-action';
import type { DynamoDbIntegrationOptions } from '../../vocabulary/integrations/dynamodb';
import type { EventBridgeIntegrationOptions } from '../../vocabulary/integrations/event-bridge';
import type { HttpIntegrationOptions } from '../../vocabulary/integrations/http-proxy';
import type { KinesisIntegrationOptions } from '../../vocabulary/integrations/kinesis';
import type { LambdaIntegrationOptions } from '../../vocabulary/integrations/lambda';
import type { MockIntegrationOptions } from '../../vocabulary/integrations/mock';
import type { PrivateIntegrationOptions } from '../../vocabulary/integrations/private';
import type { SqsIntegrationOptions } from '../../vocabulary/integrations/sqs';
import type { StepFunctionsIntegrationOptions } from '../../vocabulary/integrations/step-functions';
import { argumentChecker, args, bool, duration, map, num, optional, required, str, struct } from '../../core/shape';
import {
  APPLICATION_LISTENER, CLOUD_MAP_SERVICE, EVENT_BUS, FUNCTION, NETWORK_LISTENER, NETWORK_LOAD_BALANCER, QUEUE, STATE_MACHINE,
  STREAM, TABLE, VPC,
} from '../../core/shapes/refs';
import {
  DYNAMODB_ACTION, PAYLOAD_FORMAT_VERSION, REQUEST_VALUE, SORT_KEY_CONDITION, STEP_FUNCTIONS_ACTION, SUBNET_SELECTION,
} from './vocabulary';

// The options of every `Integration.*` factory, and the arguments of each.

const TIMEOUT = optional(duration('Duration.seconds(10)'));

export const LAMBDA_INTEGRATION_OPTIONS = struct<LambdaIntegrationOptions>('LambdaIntegrationOptions', {
  timeout: TIMEOUT,
  payloadFormatVersion: optional(PAYLOAD_FORMAT_VERSION),
}, '{ timeout: Duration.seconds(10) }');

export const HTTP_INTEGRATION_OPTIONS = struct<HttpIntegrationOptions>('HttpIntegrationOptions', {
  method: optional(str("'GET'")),
  timeout: TIMEOUT,
}, "{ method: 'GET' }");

export const MOCK_INTEGRATION_OPTIONS = struct<MockIntegrationOptions>('MockIntegrationOptions', {
  statusCode: optional(num('200')),
  body: optional(str('\'{"ok":true}\'')),
  headers: optional(map(str(), "{ 'Cache-Control': 'no-store' }")),
}, '{ statusCode: 200, body: \'{"ok":true}\' }');

export const SQS_INTEGRATION_OPTIONS = struct<SqsIntegrationOptions>('SqsIntegrationOptions', {
  timeout: TIMEOUT,
  messageBody: optional(REQUEST_VALUE),
  messageGroupId: optional(REQUEST_VALUE),
  messageDeduplicationId: optional(REQUEST_VALUE),
  messageAttributes: optional(map(REQUEST_VALUE, "{ tenant: RequestValue.header('X-Tenant') }")),
  delay: optional(duration('Duration.seconds(30)')),
}, "{ messageGroupId: RequestValue.jsonPath('$.customerId') }");

export const KINESIS_INTEGRATION_OPTIONS = struct<KinesisIntegrationOptions>('KinesisIntegrationOptions', {
  timeout: TIMEOUT,
  partitionKey: optional(REQUEST_VALUE),
  data: optional(REQUEST_VALUE),
}, "{ partitionKey: RequestValue.jsonPath('$.userId') }");

export const DYNAMODB_INTEGRATION_OPTIONS = struct<DynamoDbIntegrationOptions>('DynamoDbIntegrationOptions', {
  timeout: TIMEOUT,
  key: required(map(REQUEST_VALUE, "{ pk: RequestValue.pathParameter('id') }")),
  sortKeyCondition: optional(SORT_KEY_CONDITION),
  indexName: optional(str("'byCustomer'")),
  limit: optional(num('50')),
  descending: optional(bool()),
}, "{ key: { pk: RequestValue.pathParameter('id') } }");

export const STEP_FUNCTIONS_INTEGRATION_OPTIONS = struct<StepFunctionsIntegrationOptions>('StepFunctionsIntegrationOptions', {
  timeout: TIMEOUT,
  sync: optional(bool()),
  input: optional(REQUEST_VALUE),
  action: optional(STEP_FUNCTIONS_ACTION),
  executionArn: optional(REQUEST_VALUE),
}, '{ sync: true }');

export const EVENT_BRIDGE_INTEGRATION_OPTIONS = struct<EventBridgeIntegrationOptions>('EventBridgeIntegrationOptions', {
  timeout: TIMEOUT,
  source: required(str("'shop.orders'")),
  detailType: required(str("'OrderPlaced'")),
  detail: optional(REQUEST_VALUE),
}, "{ source: 'shop.orders', detailType: 'OrderPlaced' }");

export const PRIVATE_INTEGRATION_OPTIONS = struct<PrivateIntegrationOptions>('PrivateIntegrationOptions', {
  port: optional(num('8080')),
  method: optional(str("'GET'")),
  timeout: TIMEOUT,
  vpc: optional(VPC),
  subnets: optional(SUBNET_SELECTION),
  networkListener: optional(NETWORK_LISTENER),
  host: optional(str("'backend.internal'")),
}, '{ port: 8080 }');

const PRIVATE_OPTIONS = optional(PRIVATE_INTEGRATION_OPTIONS);

/** The arguments of each `Integration.*` factory, by name. */
export const INTEGRATION_FACTORIES = {
  'Integration.lambda': args<{ handler: lambda.IFunction; options?: LambdaIntegrationOptions }>({
    handler: required(FUNCTION), options: optional(LAMBDA_INTEGRATION_OPTIONS),
  }),
  'Integration.http': args<{ url: string; options?: HttpIntegrationOptions }>({
    url: required(str("'https://backend.example.com/orders/{id}'")), options: optional(HTTP_INTEGRATION_OPTIONS),
  }),
  'Integration.mock': args<{ options?: MockIntegrationOptions }>({ options: optional(MOCK_INTEGRATION_OPTIONS) }),
  'Integration.sqs': args<{ queue: sqs.IQueue; options?: SqsIntegrationOptions }>({
    queue: required(QUEUE), options: optional(SQS_INTEGRATION_OPTIONS),
  }),
  'Integration.kinesis': args<{ stream: kinesis.IStream; options?: KinesisIntegrationOptions }>({
    stream: required(STREAM), options: optional(KINESIS_INTEGRATION_OPTIONS),
  }),
  'Integration.dynamoDb': args<{ table: dynamodb.ITable; action: DynamoDbAction; options: DynamoDbIntegrationOptions }>({
    table: required(TABLE), action: required(DYNAMODB_ACTION), options: required(DYNAMODB_INTEGRATION_OPTIONS),
  }),
  'Integration.stepFunctions': args<{ stateMachine: sfn.IStateMachine; options?: StepFunctionsIntegrationOptions }>({
    stateMachine: required(STATE_MACHINE), options: optional(STEP_FUNCTIONS_INTEGRATION_OPTIONS),
  }),
  'Integration.eventBridge': args<{ bus: events.IEventBus; options: EventBridgeIntegrationOptions }>({
    bus: required(EVENT_BUS), options: required(EVENT_BRIDGE_INTEGRATION_OPTIONS),
  }),
  'Integration.privateNlb': args<{ loadBalancer: elbv2.INetworkLoadBalancer; options?: PrivateIntegrationOptions }>({
    loadBalancer: required(NETWORK_LOAD_BALANCER), options: PRIVATE_OPTIONS,
  }),
  'Integration.privateAlb': args<{ listener: elbv2.IApplicationListener; options?: PrivateIntegrationOptions }>({
    listener: required(APPLICATION_LISTENER), options: PRIVATE_OPTIONS,
  }),
  'Integration.cloudMap': args<{ service: servicediscovery.IService; options?: PrivateIntegrationOptions }>({
    service: required(CLOUD_MAP_SERVICE), options: PRIVATE_OPTIONS,
  }),
};

export const checkIntegrationArguments = argumentChecker(INTEGRATION_FACTORIES);
