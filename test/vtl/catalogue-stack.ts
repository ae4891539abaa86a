import {
  Duration, Stack, aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { LISTED_ORIGINS, VELOCITY_LOOKALIKES } from './hostile-corpus';
import {
  Authorization, DynamoDbAction, Integration, KinesisAction, RequestValue, ResponseBody, RestGateway, ShardIteratorType,
  SortKeyCondition, SqsAction, WriteCondition,
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
  api.addRoute('GET /orders/next', Integration.sqs(orders, { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 10, waitTime: Duration.seconds(1) }));
  api.addRoute('DELETE /orders/received', Integration.sqs(orders, { action: SqsAction.DELETE_MESSAGE }));
  api.addRoute('DELETE /orders/received/{handle}', Integration.sqs(orders, {
    action: SqsAction.DELETE_MESSAGE, receiptHandle: RequestValue.pathParameter('handle'),
  }));
  // A queue of its own: SQS (and its emulator) empties a queue a minute after the purge.
  api.addRoute('DELETE /orders', Integration.sqs(queue(stack, 'Drafts'), { action: SqsAction.PURGE_QUEUE }));
  api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.jsonPath('$.userId') }));
  api.addRoute('POST /clicks-raw', Integration.kinesis(clicks));
  api.addRoute('POST /clicks/batch', Integration.kinesis(clicks, { action: KinesisAction.PUT_RECORDS }));
  api.addRoute('GET /clicks/shards', Integration.kinesis(clicks, { action: KinesisAction.LIST_SHARDS }));
  api.addRoute('GET /clicks/shards/{shard}/iterator', Integration.kinesis(clicks, {
    action: KinesisAction.GET_SHARD_ITERATOR, shardId: RequestValue.pathParameter('shard'),
  }));
  api.addRoute('GET /clicks/shards/{shard}/after', Integration.kinesis(clicks, {
    action: KinesisAction.GET_SHARD_ITERATOR,
    shardId: RequestValue.pathParameter('shard'),
    iteratorType: ShardIteratorType.AFTER_SEQUENCE_NUMBER,
    sequenceNumber: RequestValue.queryString('after'),
  }));
  api.addRoute('GET /clicks/records', Integration.kinesis(clicks, { action: KinesisAction.GET_RECORDS, limit: 2 }));
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
  addOwnAnswerRoutes(stack, api, { orders, clicks, items, shop });
  addLetterBodyRoutes(stack, api, carts);
  // Pages of a Query, with the client's cursor from the query string.
  api.addRoute('GET /customers/{id}/pages', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
    key: { customerId: id }, indexName: 'byCustomer', limit: 2, cursor: RequestValue.queryString('cursor'),
  }));
  // Conditional writes and an allow-list of the body's attributes.
  const at = { pk: id, sk: RequestValue.pathParameter('at') };
  api.addRoute('PUT /guarded/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, {
    key: at, condition: WriteCondition.itemNotExists(), attributes: ['name', 'price', 'tags'],
  }));
  api.addRoute('PATCH /guarded/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
    key: at, condition: WriteCondition.numberEquals('version', RequestValue.header('If-Match')), attributes: ['name', 'version'],
  }));
  api.addRoute('DELETE /guarded/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.DELETE_ITEM, {
    key: at, condition: WriteCondition.stringEquals('name', RequestValue.queryString('name')),
  }));
  api.addRoute('PATCH /counters/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
    key: at, addAttributes: ['visits', 'score'], removeAttributes: ['nickname', 'note'],
  }));
  api.addRoute('POST /counters/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
    key: at,
    addAttributes: ['visits'],
    removeAttributes: ['nickname'],
    attributes: ['visits', 'nickname', 'name'],
    condition: WriteCondition.numberEquals('version', RequestValue.header('If-Match')),
  }));
  api.addRoute('POST /guarded/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, { key: at, condition: WriteCondition.itemExists() }));
  return stack;
}

/**
 * Routes that answer in their own way: the service's own answer, a template of the user's, a
 * fixed text, and error statuses of their own (one that takes the status the library's 4XX
 * answer uses, which then sets its status from the template).
 */
function addOwnAnswerRoutes(stack: Stack, api: RestGateway, targets: {
  orders: sqs.IQueue;
  clicks: kinesis.IStream;
  items: dynamodb.ITable;
  shop: events.IEventBus;
}): void {
  const key = { pk: RequestValue.pathParameter('id'), sk: RequestValue.pathParameter('at') };
  api.addRoute('POST /answers/orders', Integration.sqs(targets.orders, {
    response: { statusCode: 202, headers: { 'Cache-Control': 'no-store' }, body: ResponseBody.serviceResult() },
    errorResponses: [{ serviceStatus: 400, statusCode: 422, body: ResponseBody.template(OWN_ERROR_TEMPLATE) }],
  }));
  api.addRoute('POST /answers/clicks', Integration.kinesis(targets.clicks, {
    response: { statusCode: 202, body: ResponseBody.text('{"accepted":true,"note":"$1 #1 \\u00e9"}') },
    errorResponses: [{ serviceStatus: 400, body: ResponseBody.text('{"error":"refused"}') }],
  }));
  api.addRoute('GET /answers/items/{id}/{at}', Integration.dynamoDb(targets.items, DynamoDbAction.GET_ITEM, {
    key, response: { body: ResponseBody.serviceResult() },
  }));
  api.addRoute('PUT /answers/items/{id}/{at}', Integration.dynamoDb(targets.items, DynamoDbAction.PUT_ITEM, {
    key, response: { statusCode: 204, body: ResponseBody.text('') },
  }));
  api.addRoute('POST /answers/checkout', Integration.stepFunctions(
    stateMachine(stack, 'AnswersCheckout', sfn.StateMachineType.EXPRESS), { sync: true, response: { body: ResponseBody.serviceResult() } }));
  api.addRoute('POST /answers/events', Integration.eventBridge(targets.shop, {
    source: 'shop.orders', detailType: 'OrderPlaced', response: { body: ResponseBody.template(OWN_EVENT_TEMPLATE) },
  }));
}

/** A user's error template that shows the service's error code, escaped. */
export const OWN_ERROR_TEMPLATE = '{"error":"$util.escapeJavaScript($input.path(\'$.Error.Code\'))","request":"$context.requestId"}';
/** A user's success template that shows the event's id. */
export const OWN_EVENT_TEMPLATE = '{"id":"$input.path(\'$.Entries[0].EventId\')","accepted":true}';

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
  const carts = simpleTable(stack);
  api.addRoute('GET /carts/{id}', Integration.dynamoDb(carts, DynamoDbAction.GET_ITEM, {
    key: { pk: RequestValue.pathParameter('id') },
  }));
  addLetterBodyRoutes(stack, api, carts);
  return stack;
}

/**
 * Bodies of the route's own that start with letters or end in a comment: in the CORS
 * catalogue they follow the origin check, which must end where they start.
 */
function addLetterBodyRoutes(stack: Stack, api: RestGateway, carts: dynamodb.ITable): void {
  api.addRoute('GET /answers/found/{id}', Integration.dynamoDb(carts, DynamoDbAction.GET_ITEM, {
    key: { pk: RequestValue.pathParameter('id') }, response: { body: ResponseBody.text('found') },
  }));
  api.addRoute('POST /answers/own-events', Integration.eventBridge(bus(stack, 'OwnEvents'), {
    source: 'shop.orders', detailType: 'T', response: { body: ResponseBody.template('accepted ## the id is not shown') },
  }));
  api.addRoute('GET /answers/mock-text', Integration.mock({ body: 'accepted' }));
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
