import { Stack, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { VELOCITY_LOOKALIKES } from './hostile-corpus';
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
  const id = RequestValue.pathParameter('id');
  api.addRoute('POST /lambda', Integration.lambda(handler(stack, 'Handler')));
  api.addRoute('GET /mock', Integration.mock({ statusCode: 200, body: '{"ok":true}' }));
  for (const { name, text } of VELOCITY_LOOKALIKES) api.addRoute(`GET /mock-${name}`, Integration.mock({ body: text }));
  api.addRoute('POST /orders', Integration.sqs(queue(stack)));
  api.addRoute('POST /orders-fifo', Integration.sqs(fifoQueue(stack), {
    messageGroupId: RequestValue.jsonPath('$.customerId'),
    messageAttributes: {
      tenant: RequestValue.header('X-Tenant'),
      source: RequestValue.literal('api & web = $ok #1'),
      ip: RequestValue.context('identity.sourceIp'),
    },
  }));
  const clicks = stream(stack);
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
  api.addRoute('POST /fulfil', Integration.stepFunctions(stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD)));
  api.addRoute('POST /events', Integration.eventBridge(bus(stack), { source: 'shop.orders', detailType: 'OrderPlaced' }));
  return stack;
}
