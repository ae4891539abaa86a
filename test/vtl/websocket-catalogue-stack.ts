import { Stack, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { VELOCITY_LOOKALIKES } from './hostile-corpus';
import {
  Authorization, DynamoDbAction, Integration, KinesisAction, RequestValue, ResponseBody, SortKeyCondition,
  SqsAction, WebSocketGateway, WriteCondition,
} from '../../src';
import { testStack } from '../support/app';
import { bus, fifoQueue, queue, simpleTable, stateMachine, stream, table } from '../support/service-fixtures';

/**
 * A WebSocket API with one route per kind of service integration and option, every message
 * route two-way, so every mapping template a WebSocket gateway emits (requests and
 * responses) appears in one synthesized template. The connection table is written on
 * `$connect` and cleaned up on `$disconnect`.
 */
export function webSocketCatalogueStack(): Stack {
  const stack = testStack(undefined, 'WebSocketCatalogue');
  const connections = simpleTable(stack, 'Connections');
  const connection = { pk: RequestValue.context('connectionId') };
  const ws = new WebSocketGateway(stack, 'Chat', {
    authorization: Authorization.none(),
    connect: Integration.dynamoDb(connections, DynamoDbAction.PUT_ITEM, { key: connection }),
    disconnect: Integration.dynamoDb(connections, DynamoDbAction.DELETE_ITEM, { key: connection }),
  });
  const twoWay = { returnResponse: true };
  const items = table(stack);
  const clicks = stream(stack);
  const key = { pk: RequestValue.jsonPath('$.id'), sk: RequestValue.jsonPath('$.at') };
  ws.addRoute('send', Integration.sqs(queue(stack)), twoWay);
  ws.addRoute('sendFifo', Integration.sqs(fifoQueue(stack), {
    messageGroupId: RequestValue.context('connectionId'),
    messageAttributes: {
      connection: RequestValue.context('connectionId'),
      route: RequestValue.context('routeKey'),
      event: RequestValue.context('eventType'),
      user: RequestValue.context('authorizer.principalId'),
      source: RequestValue.literal('ws & chat = $ok #1'),
    },
  }), twoWay);
  const inbox = queue(stack, 'Inbox');
  ws.addRoute('receive', Integration.sqs(inbox, { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 5 }), twoWay);
  ws.addRoute('acknowledge', Integration.sqs(inbox, { action: SqsAction.DELETE_MESSAGE }), twoWay);
  ws.addRoute('click', Integration.kinesis(clicks, { partitionKey: RequestValue.context('connectionId') }), twoWay);
  ws.addRoute('clickRaw', Integration.kinesis(clicks), twoWay);
  ws.addRoute('clickBatch', Integration.kinesis(clicks, { action: KinesisAction.PUT_RECORDS }), twoWay);
  ws.addRoute('readClicks', Integration.kinesis(clicks, {
    action: KinesisAction.GET_RECORDS, shardIterator: RequestValue.jsonPath('$.iterator'), limit: 10,
  }), twoWay);
  ws.addRoute('putItem', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, { key }), twoWay);
  ws.addRoute('getItem', Integration.dynamoDb(items, DynamoDbAction.GET_ITEM, { key }), twoWay);
  ws.addRoute('updateItem', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, { key }), twoWay);
  ws.addRoute('deleteItem', Integration.dynamoDb(items, DynamoDbAction.DELETE_ITEM, { key }), twoWay);
  ws.addRoute('query', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
    key: { customerId: RequestValue.jsonPath('$.customerId') },
    indexName: 'byCustomer',
    sortKeyCondition: SortKeyCondition.beginsWith('createdAt', RequestValue.jsonPath('$.month')),
    limit: 50,
    descending: true,
  }), twoWay);
  ws.addRoute('checkout', Integration.stepFunctions(stateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS), { sync: true }), twoWay);
  ws.addRoute('fulfil', Integration.stepFunctions(stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD)), twoWay);
  ws.addRoute('events', Integration.eventBridge(bus(stack), { source: 'chat.messages', detailType: 'MessageSent' }), twoWay);
  for (const { name, text } of VELOCITY_LOOKALIKES) ws.addRoute(`mock-${name}`, Integration.mock({ body: text }), twoWay);
  ws.addRoute('queryPages', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
    key: { customerId: RequestValue.jsonPath('$.customerId') }, indexName: 'byCustomer', limit: 2, cursor: RequestValue.jsonPath('$.cursor'),
  }), twoWay);
  ws.addRoute('count', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, { key, addAttributes: ['visits'], removeAttributes: ['nickname'] }), twoWay);
  ws.addRoute('createItem', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, {
    key, condition: WriteCondition.itemNotExists(), attributes: ['name'],
  }), twoWay);
  // Answers of the route's own: the service's answer, a template, an error status of its own.
  ws.addRoute('answerGetItem', Integration.dynamoDb(items, DynamoDbAction.GET_ITEM, { key, response: { body: ResponseBody.serviceResult() } }), twoWay);
  ws.addRoute('answerSend', Integration.sqs(queue(stack, 'AnswerQueue'), {
    response: { body: ResponseBody.template('{"queued":"$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}') },
    errorResponses: [{ serviceStatus: 400, body: ResponseBody.text('{"error":"refused","status":400}') }],
  }), twoWay);
  return stack;
}
