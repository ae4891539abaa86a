import {
  aws_dynamodb as dynamodb, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_kinesis as kinesis,
  aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { IntegrationSpec } from './integration-spec';
import { DYNAMODB_INTEGRATION_OPTIONS, DynamoDbIntegrationOptions } from './integrations/dynamodb';
import { DYNAMODB_ACTION, DynamoDbAction } from './integrations/dynamodb-action';
import { EVENT_BRIDGE_INTEGRATION_OPTIONS, EventBridgeIntegrationOptions } from './integrations/event-bridge';
import { HTTP_PROXY_INTEGRATION_OPTIONS, HttpProxyIntegrationOptions } from './integrations/http-proxy';
import { KINESIS_INTEGRATION_OPTIONS, KinesisIntegrationOptions } from './integrations/kinesis';
import { LAMBDA_INTEGRATION_OPTIONS, LambdaIntegrationOptions } from './integrations/lambda';
import { args, argumentChecker, brand, madeBy, optional, required, str } from '../core/shape';
import { MOCK_INTEGRATION_OPTIONS, MockIntegrationOptions } from './integrations/mock';
import {
  PRIVATE_ALB_INTEGRATION_OPTIONS, PRIVATE_INTEGRATION_OPTIONS, PRIVATE_NLB_INTEGRATION_OPTIONS, PrivateAlbIntegrationOptions,
  PrivateIntegrationOptions, PrivateNlbIntegrationOptions,
} from './integrations/private';
import { SQS_INTEGRATION_OPTIONS, SqsIntegrationOptions } from './integrations/sqs';
import { STEP_FUNCTIONS_INTEGRATION_OPTIONS, StepFunctionsIntegrationOptions } from './integrations/step-functions';
import {
  APPLICATION_LISTENER, CLOUD_MAP_SERVICE, EVENT_BUS, FUNCTION, NETWORK_LOAD_BALANCER, QUEUE, STATE_MACHINE, STREAM, TABLE,
} from '../core/shapes/refs';

/**
 * The backend a route sends requests to. The same object works on every gateway that can
 * express it; a gateway that cannot says so at synth time and names one that can.
 *
 * @example
 * import { DynamoDbAction, Integration, RequestValue, RestGateway } from 'cdk-gatehouse';
 *
 * const store = new RestGateway(this, 'Store');
 * store.addRoute('GET /orders/{id}', Integration.lambda(getOrder));
 * store.addRoute('POST /orders', Integration.sqs(queue));
 * store.addRoute('GET /items/{id}', Integration.dynamoDb(table, DynamoDbAction.GET_ITEM, {
 *   key: { pk: RequestValue.pathParameter('id') },
 * }));
 * store.addRoute('POST /checkout', Integration.stepFunctions(expressMachine, { sync: true }));
 * store.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
 */
export class Integration {
  /** Lambda proxy integration: the function receives the whole request and shapes the response. */
  public static lambda(handler: lambda.IFunction, options: LambdaIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.lambda', { handler, options });
    return new Integration({ kind: 'lambda', handler, options });
  }

  /** HTTP proxy to a public URL; `{name}` placeholders in the URL receive the route's path parameters. */
  public static http(url: string, options: HttpProxyIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.http', { url, options });
    return new Integration({ kind: 'http', url, options });
  }

  /** A fixed response produced by API Gateway itself, without a backend. */
  public static mock(options: MockIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.mock', { options });
    return new Integration({ kind: 'mock', options });
  }

  /**
   * SQS SendMessage: the body (or `messageBody`) becomes a message; the client gets
   * `{"messageId": …}`. FIFO queues need a `messageGroupId`. With `action`, the route
   * receives messages, deletes one by its receipt handle, or purges the queue instead.
   */
  public static sqs(queue: sqs.IQueue, options: SqsIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.sqs', { queue, options });
    return new Integration({ kind: 'sqs', queue, options });
  }

  /**
   * Kinesis PutRecord: the body (or `data`) becomes a record; the client gets
   * `{"sequenceNumber": …, "shardId": …}`. With `action`, the route puts several records,
   * lists the shards, gets a shard iterator or reads records instead.
   */
  public static kinesis(stream: kinesis.IStream, options: KinesisIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.kinesis', { stream, options });
    return new Integration({ kind: 'kinesis', stream, options });
  }

  /**
   * DynamoDB item reads and writes with plain JSON in and out (REST and WebSocket gateways):
   * the key comes from the request, the body's attributes are the item.
   */
  public static dynamoDb(table: dynamodb.ITable, action: DynamoDbAction, options: DynamoDbIntegrationOptions): Integration {
    checkIntegrationArguments('Integration.dynamoDb', { table, action, options });
    return new Integration({ kind: 'dynamoDb', table, action, options });
  }

  /** Step Functions: start an execution, or with `sync` run an express one and answer with its output. */
  public static stepFunctions(stateMachine: sfn.IStateMachine, options: StepFunctionsIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.stepFunctions', { stateMachine, options });
    return new Integration({ kind: 'stepFunctions', stateMachine, options });
  }

  /** EventBridge PutEvents: the body (or `detail`) becomes one event; the client gets `{"eventId": …}`. */
  public static eventBridge(bus: events.IEventBus, options: EventBridgeIntegrationOptions): Integration {
    checkIntegrationArguments('Integration.eventBridge', { bus, options });
    return new Integration({ kind: 'eventBridge', bus, options });
  }

  /** A network load balancer in a VPC, through a VPC link shared per load balancer; the route's path is forwarded. */
  public static privateNlb(loadBalancer: elbv2.INetworkLoadBalancer, options: PrivateNlbIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.privateNlb', { loadBalancer, options });
    return new Integration({ kind: 'privateNlb', loadBalancer, options });
  }

  /** An application load balancer's listener in a VPC, through a VPC link v2 shared per VPC; the route's path is forwarded. */
  public static privateAlb(listener: elbv2.IApplicationListener, options: PrivateAlbIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.privateAlb', { listener, options });
    return new Integration({ kind: 'privateAlb', listener, options });
  }

  /** A Cloud Map service through a VPC link v2 (HttpGateway only). */
  public static cloudMap(service: servicediscovery.IService, options: PrivateIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.cloudMap', { service, options });
    return new Integration({ kind: 'cloudMap', service, options });
  }

  /** @internal What the factory made: the kind and its arguments, for gateways to bind. */
  public readonly _spec: IntegrationSpec;

  private constructor(spec: IntegrationSpec) {
    brand(this, 'Integration');
    this._spec = spec;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const INTEGRATION = madeBy<Integration>('Integration', 'Integration.lambda(fn)');

/** The arguments of each `Integration.*` factory, by name. */
export const INTEGRATION_FACTORIES = {
  'Integration.lambda': args<{ handler: lambda.IFunction; options?: LambdaIntegrationOptions }>({
    handler: required(FUNCTION), options: optional(LAMBDA_INTEGRATION_OPTIONS),
  }),
  'Integration.http': args<{ url: string; options?: HttpProxyIntegrationOptions }>({
    url: required(str("'https://backend.example.com/orders/{id}'")), options: optional(HTTP_PROXY_INTEGRATION_OPTIONS),
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
  'Integration.privateNlb': args<{ loadBalancer: elbv2.INetworkLoadBalancer; options?: PrivateNlbIntegrationOptions }>({
    loadBalancer: required(NETWORK_LOAD_BALANCER), options: optional(PRIVATE_NLB_INTEGRATION_OPTIONS),
  }),
  'Integration.privateAlb': args<{ listener: elbv2.IApplicationListener; options?: PrivateAlbIntegrationOptions }>({
    listener: required(APPLICATION_LISTENER), options: optional(PRIVATE_ALB_INTEGRATION_OPTIONS),
  }),
  'Integration.cloudMap': args<{ service: servicediscovery.IService; options?: PrivateIntegrationOptions }>({
    service: required(CLOUD_MAP_SERVICE), options: optional(PRIVATE_INTEGRATION_OPTIONS),
  }),
};

export const checkIntegrationArguments = argumentChecker(INTEGRATION_FACTORIES);
