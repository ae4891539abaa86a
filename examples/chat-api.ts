import {
  App, CfnOutput, Duration, Stack, StackProps, aws_dynamodb as dynamodb, aws_lambda as lambda,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Authorization, DynamoDbAction, Integration, RequestValue, WebSocketGateway } from '../src';

/** Inline handlers keep the example self-contained; a real app bundles its own code. */
const AUTHORIZER_SOURCE = `
exports.handler = async (event) => {
  const token = (event.queryStringParameters || {}).token;
  const allowed = typeof token === 'string' && token === process.env.DEMO_TOKEN;
  return {
    principalId: allowed ? 'demo-user' : 'anonymous',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn }] },
    context: { user: allowed ? 'demo-user' : '' },
  };
};`;

const BROADCAST_SOURCE = `
const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');
const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
const db = new DynamoDBClient({});
const api = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });
exports.handler = async (event) => {
  const { text } = JSON.parse(event.body || '{}');
  const data = JSON.stringify({ from: event.requestContext.authorizer?.user, text: String(text ?? '').slice(0, 1000) });
  const { Items = [] } = await db.send(new ScanCommand({ TableName: process.env.TABLE, ProjectionExpression: 'connectionId' }));
  await Promise.allSettled(Items.map(item => api.send(new PostToConnectionCommand({ ConnectionId: item.connectionId.S, Data: data }))));
  return { statusCode: 200 };
};`;

/**
 * A chat room: clients connect with `wss://…/prod?token=…` (a Lambda authorizer checks the
 * token), API Gateway itself keeps the table of open connections (no function on connect
 * or disconnect), `{"action":"sendMessage","text":"hi"}` is broadcast to every connection
 * by a function allowed to post to them, and `{"action":"ping"}` is answered by API Gateway.
 */
export class ChatApiStack extends Stack {
  public readonly chat: WebSocketGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const connections = new dynamodb.Table(this, 'Connections', {
      partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
    });
    const authorizer = new lambda.Function(this, 'TokenAuthorizer', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(AUTHORIZER_SOURCE),
      environment: { DEMO_TOKEN: 'change-me' },
    });
    const broadcast = new lambda.Function(this, 'Broadcast', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(BROADCAST_SOURCE),
      timeout: Duration.seconds(10),
    });

    const connection = { connectionId: RequestValue.context('connectionId') };
    this.chat = new WebSocketGateway(this, 'Chat', {
      authorization: Authorization.lambdaRequest(authorizer, { identitySources: [RequestValue.queryString('token')] }),
      connect: Integration.dynamoDb(connections, DynamoDbAction.PUT_ITEM, { key: connection }),
      disconnect: Integration.dynamoDb(connections, DynamoDbAction.DELETE_ITEM, { key: connection }),
      routes: { sendMessage: Integration.lambda(broadcast) },
    });
    this.chat.addRoute('ping', Integration.mock({ body: '{"pong":true}' }), { returnResponse: true });
    this.chat.addRoute('$default', Integration.mock({ body: '{"message":"unknown action: use sendMessage or ping"}' }), {
      returnResponse: true,
    });

    connections.grantReadData(broadcast);
    this.chat.grantManageConnections(broadcast);
    broadcast.addEnvironment('TABLE', connections.tableName);
    broadcast.addEnvironment('CALLBACK_URL', this.chat.callbackUrl);

    new CfnOutput(this, 'ChatUrl', { value: this.chat.url });
  }
}

/** Adds the chat API to an app, in the example account and region. */
export function createChatApp(app: App): ChatApiStack {
  return new ChatApiStack(app, 'ChatApi', { env: { account: '111111111111', region: 'eu-west-1' } });
}
