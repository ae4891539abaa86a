import { aws_dynamodb as dynamodb, aws_stepfunctions as sfn, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, DynamoDbAction, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { bus, fifoQueue, queue, stateMachine, stream } from '../support/service-fixtures';

/**
 * Mapping templates repeat on every route (an OpenAPI definition cannot share them between
 * methods), so their size decides how many service routes fit in CloudFormation's 1 MB
 * template. Each route's request template plus all its response templates (success, 4XX, 5XX)
 * must stay within its budget, counted in bytes as the template holds them: JSON strings,
 * quotes and backslashes escaped. A change that makes them grow must raise the budget here,
 * on purpose.
 */
const REST_BUDGETS: Record<string, number> = {
  // DynamoDB: JSON converted to and from DynamoDB JSON by one flat loop per direction, every
  // list walked in chunks of 1,000 (API Gateway stops a #foreach after 1,000 iterations).
  'GET /get/{id}': 3_500,
  'DELETE /delete/{id}': 3_500,
  'GET /query/{id}': 3_800,
  // The body's attributes converted to DynamoDB JSON and checked for numbers a double cannot
  // hold, and the old or new item converted back.
  'PUT /put/{id}': 6_400,
  'PATCH /update/{id}': 7_050,
  'POST /sqs': 1_250,
  'POST /sqs-fifo': 2_200,
  'POST /kinesis': 1_350,
  'POST /kinesis-key': 2_250,
  'POST /steps': 1_350,
  'POST /steps-sync': 1_450,
  'POST /events': 2_250,
};

/** The same on WebSocket routes, where item keys come from the message (a JSON path, checked like the body). */
const WEBSOCKET_BUDGETS: Record<string, number> = {
  getItem: 4_250,
  deleteItem: 4_250,
  query: 4_550,
  putItem: 6_650,
  updateItem: 7_300,
  send: 1_200,
  click: 1_300,
  fulfil: 1_300,
  events: 2_100,
};

/** Bytes of a template value as a CloudFormation template writes it (a string, or `Fn::Join` of strings and references). */
const bytes = (value: unknown): number => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

function idTable(stack: Stack): dynamodb.Table {
  return new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });
}

function restTemplateBytes(): Record<string, number> {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none() });
  const table = idTable(stack);
  const key = { key: { id: RequestValue.pathParameter('id') } };
  api.addRoute('GET /get/{id}', Integration.dynamoDb(table, DynamoDbAction.GET_ITEM, key));
  api.addRoute('DELETE /delete/{id}', Integration.dynamoDb(table, DynamoDbAction.DELETE_ITEM, key));
  api.addRoute('GET /query/{id}', Integration.dynamoDb(table, DynamoDbAction.QUERY, key));
  api.addRoute('PUT /put/{id}', Integration.dynamoDb(table, DynamoDbAction.PUT_ITEM, key));
  api.addRoute('PATCH /update/{id}', Integration.dynamoDb(table, DynamoDbAction.UPDATE_ITEM, key));
  api.addRoute('POST /sqs', Integration.sqs(queue(stack)));
  api.addRoute('POST /sqs-fifo', Integration.sqs(fifoQueue(stack), { messageGroupId: RequestValue.jsonPath('$.customerId') }));
  api.addRoute('POST /kinesis', Integration.kinesis(stream(stack)));
  api.addRoute('POST /kinesis-key', Integration.kinesis(stream(stack, 'Keyed'), { partitionKey: RequestValue.jsonPath('$.userId') }));
  api.addRoute('POST /steps', Integration.stepFunctions(stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD)));
  api.addRoute('POST /steps-sync', Integration.stepFunctions(stateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS), { sync: true }));
  api.addRoute('POST /events', Integration.eventBridge(bus(stack), { source: 'shop.orders', detailType: 'OrderPlaced' }));

  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  const pathOf = (ref: { Ref?: string }): string => {
    const resource = ref.Ref ? resources[ref.Ref] : undefined;
    return resource?.Type === 'AWS::ApiGateway::Resource' ? `${pathOf(resource.Properties.ParentId)}/${resource.Properties.PathPart}` : '';
  };
  const sizes: Record<string, number> = {};
  for (const method of Object.values(resources).filter(r => r.Type === 'AWS::ApiGateway::Method')) {
    const integration = method.Properties.Integration;
    sizes[`${method.Properties.HttpMethod} ${pathOf(method.Properties.ResourceId)}`] = bytes(integration.RequestTemplates?.['application/json'])
      + (integration.IntegrationResponses ?? []).reduce((sum: number, r: any) => sum + bytes(r.ResponseTemplates?.['application/json']), 0);
  }
  return sizes;
}

function webSocketTemplateBytes(): Record<string, number> {
  const stack = testStack(undefined, 'WebSocket');
  const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
  const table = idTable(stack);
  const key = { key: { id: RequestValue.jsonPath('$.id') } };
  const twoWay = { returnResponse: true };
  ws.addRoute('getItem', Integration.dynamoDb(table, DynamoDbAction.GET_ITEM, key), twoWay);
  ws.addRoute('deleteItem', Integration.dynamoDb(table, DynamoDbAction.DELETE_ITEM, key), twoWay);
  ws.addRoute('query', Integration.dynamoDb(table, DynamoDbAction.QUERY, key), twoWay);
  ws.addRoute('putItem', Integration.dynamoDb(table, DynamoDbAction.PUT_ITEM, key), twoWay);
  ws.addRoute('updateItem', Integration.dynamoDb(table, DynamoDbAction.UPDATE_ITEM, key), twoWay);
  ws.addRoute('send', Integration.sqs(queue(stack)), twoWay);
  ws.addRoute('click', Integration.kinesis(stream(stack)), twoWay);
  ws.addRoute('fulfil', Integration.stepFunctions(stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD)), twoWay);
  ws.addRoute('events', Integration.eventBridge(bus(stack), { source: 'chat.messages', detailType: 'MessageSent' }), twoWay);

  const resources = Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: any }>);
  const sizes: Record<string, number> = {};
  for (const [, route] of resources.filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')) {
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
    const integration = resources.find(([id]) => id === integrationId)![1].Properties;
    sizes[route.Properties.RouteKey] = bytes(integration.RequestTemplates?.$default) + resources
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::IntegrationResponse' && r.Properties.IntegrationId.Ref === integrationId)
      .reduce((sum, [, r]) => sum + bytes(r.Properties.ResponseTemplates?.$default), 0);
  }
  return sizes;
}

describe('mapping template size', () => {
  const rest = restTemplateBytes();
  const webSocket = webSocketTemplateBytes();

  test('every service route of the stacks has a budget, and every budget a route', () => {
    expect(Object.keys(rest).sort()).toEqual(Object.keys(REST_BUDGETS).sort());
    expect(Object.keys(webSocket).filter(k => !k.startsWith('$')).sort()).toEqual(Object.keys(WEBSOCKET_BUDGETS).sort());
  });

  test.each(Object.entries(REST_BUDGETS))('REST %s: request and response templates within %d bytes', (route, budget) => {
    expect(rest[route]).toBeGreaterThan(0);
    expect(rest[route]).toBeLessThanOrEqual(budget);
  });

  test.each(Object.entries(WEBSOCKET_BUDGETS))('WebSocket %s: request and response templates within %d bytes', (route, budget) => {
    expect(webSocket[route]).toBeGreaterThan(0);
    expect(webSocket[route]).toBeLessThanOrEqual(budget);
  });
});
