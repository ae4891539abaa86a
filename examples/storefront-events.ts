import {
  App, CfnOutput, Duration, Stack, StackProps,
  aws_dynamodb as dynamodb, aws_events as events, aws_iam as iam, aws_kinesis as kinesis, aws_sqs as sqs,
  aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DynamoDbAction, Integration, RequestValue, RestGateway, SortKeyCondition } from '../src';

/**
 * A storefront's write-heavy edges with no function in between: orders go to a FIFO queue,
 * clicks to a stream, carts live in a table, checkout runs an express workflow and answers
 * with its result, and domain events go to a bus. Every route requires IAM (the default):
 * the shop's backend signs its requests.
 */
export class StorefrontStack extends Stack {
  public readonly api: RestGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const orders = new sqs.Queue(this, 'Orders', {
      fifo: true,
      enforceSSL: true,
      deadLetterQueue: { queue: new sqs.Queue(this, 'OrdersDeadLetters', { fifo: true, enforceSSL: true }), maxReceiveCount: 5 },
    });
    const clicks = new kinesis.Stream(this, 'Clicks', { streamMode: kinesis.StreamMode.ON_DEMAND });
    const carts = new dynamodb.Table(this, 'Carts', {
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'cartId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const checkout = new sfn.StateMachine(this, 'Checkout', {
      stateMachineType: sfn.StateMachineType.EXPRESS,
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(this, 'PriceCart', {
        parameters: { 'cart.$': '$', 'status': 'priced' },
      })),
      timeout: Duration.seconds(20),
    });
    const bus = new events.EventBus(this, 'Shop');

    this.api = new RestGateway(this, 'StorefrontApi');
    const customer = RequestValue.pathParameter('customerId');
    const cart = RequestValue.pathParameter('cartId');

    this.api.addRoute('POST /orders', Integration.sqs(orders, {
      messageGroupId: RequestValue.jsonPath('$.customerId'),
      messageAttributes: { channel: RequestValue.header('X-Channel') },
    }));
    this.api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.jsonPath('$.sessionId') }));
    this.api.addRoute('PUT /customers/{customerId}/carts/{cartId}', Integration.dynamoDb(carts, DynamoDbAction.PUT_ITEM, {
      key: { customerId: customer, cartId: cart },
    }));
    this.api.addRoute('GET /customers/{customerId}/carts/{cartId}', Integration.dynamoDb(carts, DynamoDbAction.GET_ITEM, {
      key: { customerId: customer, cartId: cart },
    }));
    this.api.addRoute('PATCH /customers/{customerId}/carts/{cartId}', Integration.dynamoDb(carts, DynamoDbAction.UPDATE_ITEM, {
      key: { customerId: customer, cartId: cart },
    }));
    this.api.addRoute('DELETE /customers/{customerId}/carts/{cartId}', Integration.dynamoDb(carts, DynamoDbAction.DELETE_ITEM, {
      key: { customerId: customer, cartId: cart },
    }));
    this.api.addRoute('GET /customers/{customerId}/carts', Integration.dynamoDb(carts, DynamoDbAction.QUERY, {
      key: { customerId: customer },
      sortKeyCondition: SortKeyCondition.beginsWith('cartId', RequestValue.queryString('prefix')),
      limit: 20,
    }));
    this.api.addRoute('POST /checkout', Integration.stepFunctions(checkout, { sync: true }));
    this.api.addRoute('POST /events', Integration.eventBridge(bus, { source: 'shop.storefront', detailType: 'StorefrontEvent' }));

    const backend = new iam.Role(this, 'BackendRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'The shop backend: calls every storefront route',
    });
    this.api.grantInvoke(backend);

    new CfnOutput(this, 'StorefrontApiUrl', { value: this.api.url });
  }
}

/** Adds the storefront API to an app, in the example account and region. */
export function createStorefrontApp(app: App): StorefrontStack {
  return new StorefrontStack(app, 'Storefront', { env: { account: '111111111111', region: 'eu-west-1' } });
}
