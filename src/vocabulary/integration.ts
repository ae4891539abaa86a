import {
  aws_dynamodb as dynamodb, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_kinesis as kinesis,
  aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { DynamoDbAction } from './integrations/dynamodb-action';
import { DynamoDbIntegrationOptions, DynamoDbTarget } from './integrations/dynamodb';
import { EventBridgeIntegrationOptions, EventBridgeTarget } from './integrations/event-bridge';
import { HttpTarget, HttpIntegrationOptions } from './integrations/http-proxy';
import { IntegrationTarget } from './integration-target';
import { KinesisIntegrationOptions, KinesisTarget } from './integrations/kinesis';
import { LambdaTarget, LambdaIntegrationOptions } from './integrations/lambda';
import { MockTarget, MockIntegrationOptions } from './integrations/mock';
import {
  CloudMapTarget, PrivateAlbTarget, PrivateIntegrationOptions, PrivateNlbTarget,
} from './integrations/private';
import { SqsIntegrationOptions, SqsTarget } from './integrations/sqs';
import { StepFunctionsIntegrationOptions, StepFunctionsTarget } from './integrations/step-functions';
import { HttpIntegrationBinding, HttpRouteContext } from '../http/http-binding';
import { fail } from '../core/errors';
import { brand } from '../core/shape';
import { checkIntegrationArguments } from '../private/shapes/integrations';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket/websocket-binding';

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
    return new Integration(new LambdaTarget(handler, options));
  }

  /** HTTP proxy to a public URL; `{name}` placeholders in the URL receive the route's path parameters. */
  public static http(url: string, options: HttpIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.http', { url, options });
    return new Integration(new HttpTarget(url, options));
  }

  /** A fixed response produced by API Gateway itself, without a backend. */
  public static mock(options: MockIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.mock', { options });
    return new Integration(new MockTarget(options));
  }

  /**
   * SQS SendMessage: the body (or `messageBody`) becomes a message; the client gets
   * `{"messageId": …}`. FIFO queues need a `messageGroupId`.
   */
  public static sqs(queue: sqs.IQueue, options: SqsIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.sqs', { queue, options });
    return new Integration(new SqsTarget(queue, options));
  }

  /**
   * Kinesis PutRecord: the body (or `data`) becomes a record; the client gets
   * `{"sequenceNumber": …, "shardId": …}`.
   */
  public static kinesis(stream: kinesis.IStream, options: KinesisIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.kinesis', { stream, options });
    return new Integration(new KinesisTarget(stream, options));
  }

  /**
   * DynamoDB item reads and writes with plain JSON in and out (REST and WebSocket gateways):
   * the key comes from the request, the body's attributes are the item.
   */
  public static dynamoDb(table: dynamodb.ITable, action: DynamoDbAction, options: DynamoDbIntegrationOptions): Integration {
    checkIntegrationArguments('Integration.dynamoDb', { table, action, options });
    return new Integration(new DynamoDbTarget(table, action, options));
  }

  /** Step Functions: start an execution, or with `sync` run an express one and answer with its output. */
  public static stepFunctions(stateMachine: sfn.IStateMachine, options: StepFunctionsIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.stepFunctions', { stateMachine, options });
    return new Integration(new StepFunctionsTarget(stateMachine, options));
  }

  /** EventBridge PutEvents: the body (or `detail`) becomes one event; the client gets `{"eventId": …}`. */
  public static eventBridge(bus: events.IEventBus, options: EventBridgeIntegrationOptions): Integration {
    checkIntegrationArguments('Integration.eventBridge', { bus, options });
    return new Integration(new EventBridgeTarget(bus, options));
  }

  /** A network load balancer in a VPC, through a VPC link shared per load balancer; the route's path is forwarded. */
  public static privateNlb(loadBalancer: elbv2.INetworkLoadBalancer, options: PrivateIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.privateNlb', { loadBalancer, options });
    return new Integration(new PrivateNlbTarget(loadBalancer, options));
  }

  /** An application load balancer's listener in a VPC, through a VPC link v2 shared per VPC; the route's path is forwarded. */
  public static privateAlb(listener: elbv2.IApplicationListener, options: PrivateIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.privateAlb', { listener, options });
    return new Integration(new PrivateAlbTarget(listener, options));
  }

  /** A Cloud Map service through a VPC link v2 (HttpGateway only). */
  public static cloudMap(service: servicediscovery.IService, options: PrivateIntegrationOptions = {}): Integration {
    checkIntegrationArguments('Integration.cloudMap', { service, options });
    return new Integration(new CloudMapTarget(service, options));
  }

  private readonly target: IntegrationTarget;

  private constructor(target: IntegrationTarget) {
    brand(this, 'Integration');
    this.target = target;
  }

  /** @internal */
  public _bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    if (!this.target.bindRest) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.prop,
        rule: `cannot use ${this.target.factory} on a RestGateway`,
        value: ctx.route.key,
        fix: this.target.restAlternative ?? 'use a gateway that supports it',
      });
    }
    return this.target.bindRest(ctx);
  }

  /** @internal */
  public _bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    if (!this.target.bindWebSocket) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.prop,
        rule: `cannot use ${this.target.factory} on a WebSocketGateway`,
        value: ctx.route.key,
        fix: 'use Integration.lambda, .http, .mock, .sqs, .kinesis, .dynamoDb, .stepFunctions or .eventBridge on WebSocket routes, or move the route to a RestGateway',
      });
    }
    return this.target.bindWebSocket(ctx);
  }

  /** @internal */
  public _bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    if (!this.target.bindHttp) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.prop,
        rule: `cannot use ${this.target.factory} on an HttpGateway (HTTP APIs have no such integration)`,
        value: ctx.route.key,
        fix: 'move the route to a RestGateway, which supports it',
      });
    }
    return this.target.bindHttp(ctx);
  }
}
