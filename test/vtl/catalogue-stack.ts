import {
  Stack, aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { LISTED_ORIGINS, VELOCITY_LOOKALIKES } from './hostile-corpus';
import {
  Authorization, DynamoDbAction, Integration, RequestValue, RestGateway, SortKeyCondition,
} from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { bus, fifoQueue, queue, simpleTable, stateMachine, stream, table } from '../support/service-fixtures';

/**
 * A stack with one route per kind of integration and option the library offers, so every
 * mapping template the library emits appears in one synthesized template.
 */
export function catalogueStack(): Stack {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() });
  const items = table(stack);
  const carts = simpleTable(stack);
  const orders = queue(stack);
  const ordersFifo = fifoQueue(stack);
  const clicks = stream(stack);
  const fulfil = stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
  const shop = bus(stack);
  const id = RequestValue.pathParameter('id');
  api.addRoute('POST /lambda', Integration.lambda(handler(stack, 'Handler')));
  api.addRoute('GET /mock', Integration.mock({ statusCode: 200, body: '{"ok":true}' }));
  for (const { name, text } of VELOCITY_LOOKALIKES) api.addRoute(`GET /mock-${name}`, Integration.mock({ body: text }));
  api.addRoute('POST /orders', Integration.sqs(orders));
  api.addRoute('POST /orders-fifo', Integration.sqs(ordersFifo, {
    messageGroupId: RequestValue.jsonPath('$.customerId'),
    messageAttributes: {
      tenant: RequestValue.header('X-Tenant'),
      source: RequestValue.literal('api & web = $ok #1'),
      ip: RequestValue.context('identity.sourceIp'),
    },
  }));
  api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.jsonPath('$.userId') }));
  api.addRoute('POST /clicks-raw', Integration.kinesis(clicks));
  api.addRoute('PUT /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, {
    key: { pk: id, sk: RequestValue.pathParameter('at') },
  }));
  api.addRoute('GET /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.GET_ITEM, {
    key: { pk: id, sk: RequestValue.pathParameter('at') },
  }));
  api.addRoute('PATCH /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
    key: { pk: id, sk: RequestValue.pathParameter('at') },
  }));
  api.addRoute('DELETE /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.DELETE_ITEM, {
    key: { pk: id, sk: RequestValue.pathParameter('at') },
  }));
  api.addRoute('GET /customers/{id}/orders', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
    key: { customerId: id },
    indexName: 'byCustomer',
    sortKeyCondition: SortKeyCondition.beginsWith('createdAt', RequestValue.queryString('month')),
    limit: 50,
    descending: true,
  }));
  api.addRoute('GET /carts/{id}', Integration.dynamoDb(carts, DynamoDbAction.GET_ITEM, { key: { pk: id } }));
  api.addRoute('POST /checkout', Integration.stepFunctions(
    stateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS), { sync: true }));
  api.addRoute('POST /fulfil', Integration.stepFunctions(fulfil));
  api.addRoute('POST /events', Integration.eventBridge(shop, { source: 'shop.orders', detailType: 'OrderPlaced' }));
  // Documents composed of several values: JSON from the body, strings from elsewhere.
  const composed = {
    order: RequestValue.jsonPath('$.order'),
    tenant: RequestValue.header('X-Tenant'),
    month: RequestValue.queryString('month'),
    caller: RequestValue.context('identity.sourceIp'),
    channel: RequestValue.literal('api "v1" $x #y'),
  };
  api.addRoute('POST /fulfil-composed', Integration.stepFunctions(fulfil, { inputFields: composed }));
  api.addRoute('POST /events-composed', Integration.eventBridge(shop, { source: 'shop.orders', detailType: 'OrderPlaced', detailFields: composed }));
  addValueRoutes(api, { orders, ordersFifo, clicks, items, fulfil, shop });
  return stack;
}

/**
 * A gateway with several CORS origins (and credentials), one route per kind of response
 * template that sets `Access-Control-Allow-Origin`: mock, service (SQS, DynamoDB), and the
 * preflight `OPTIONS` routes aws-cdk-lib adds for each path.
 */
export function corsCatalogueStack(): Stack {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', {
    defaultAuthorization: Authorization.none(),
    cors: { allowOrigins: LISTED_ORIGINS, allowCredentials: true },
  });
  api.addRoute('GET /mock', Integration.mock({ statusCode: 200, body: '{"ok":true}' }));
  api.addRoute('POST /orders', Integration.sqs(queue(stack)));
  api.addRoute('GET /carts/{id}', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.GET_ITEM, {
    key: { pk: RequestValue.pathParameter('id') },
  }));
  return stack;
}

/**
 * Routes that read `$.v` of the body into every kind of place a service call has: message
 * bodies and attributes, FIFO groups, record data and partition keys, item keys, execution
 * input and event detail (`$.k` and `$.n` fill the other slot where a call needs two).
 */
function addValueRoutes(api: RestGateway, targets: {
  orders: sqs.IQueue;
  ordersFifo: sqs.IQueue;
  clicks: kinesis.IStream;
  items: dynamodb.ITable;
  fulfil: sfn.IStateMachine;
  shop: events.IEventBus;
}): void {
  const v = RequestValue.jsonPath('$.v');
  const k = RequestValue.jsonPath('$.k');
  api.addRoute('POST /values/sqs', Integration.sqs(targets.orders, { messageBody: v, messageAttributes: { v } }));
  api.addRoute('POST /values/sqs-fifo', Integration.sqs(targets.ordersFifo, { messageGroupId: v, messageDeduplicationId: k }));
  api.addRoute('POST /values/kinesis', Integration.kinesis(targets.clicks, { data: v, partitionKey: k }));
  api.addRoute('POST /values/kinesis-key', Integration.kinesis(targets.clicks, { partitionKey: v }));
  api.addRoute('POST /values/item', Integration.dynamoDb(targets.items, DynamoDbAction.GET_ITEM, {
    key: { pk: v, sk: RequestValue.jsonPath('$.n') },
  }));
  api.addRoute('POST /values/steps', Integration.stepFunctions(targets.fulfil, { input: v }));
  api.addRoute('POST /values/events', Integration.eventBridge(targets.shop, { source: 'shop.values', detailType: 'Value', detail: v }));
}
