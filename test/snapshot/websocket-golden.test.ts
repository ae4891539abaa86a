import { App, Duration, Stack, Validations, aws_dynamodb as dynamodb, aws_kms as kms, aws_route53 as route53, aws_sqs as sqs } from 'aws-cdk-lib';
import { Authorization, DynamoDbAction, Integration, QuotaPeriod, RequestValue, WebSocketGateway } from '../../src';
import { testApp, testStack } from '../support/app';
import { compliantFunction } from '../support/compliant-fixtures';
import { addNagChecks } from '../support/nag';

/**
 * The WebSocket golden stacks, in a file of their own: synthesized with CDK's CloudFormation
 * validator in strict mode and cdk-nag failing on any unacknowledged finding, and their
 * templates snapshot-tested.
 */
const WEBSOCKET_GOLDEN_STACKS: Record<string, (app: App) => Stack> = {
  minimal(app) {
    const stack = testStack(app, 'WebSocketMinimal');
    new WebSocketGateway(stack, 'Chat', { defaultRoute: Integration.lambda(compliantFunction(stack, 'OnMessage')) });
    return stack;
  },

  chat(app) {
    const stack = testStack(app, 'WebSocketChat');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const connections = new dynamodb.Table(stack, 'Connections', {
      partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const deadLetters = new sqs.Queue(stack, 'DeadLetters', { fifo: true, encryptionMasterKey: key, enforceSSL: true });
    Validations.of(deadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
    );
    const ingest = new sqs.Queue(stack, 'Ingest', {
      fifo: true, encryptionMasterKey: key, enforceSSL: true, deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
    const authorizer = compliantFunction(stack, 'Authorizer');
    const onMessage = compliantFunction(stack, 'OnMessage');
    const connection = { connectionId: RequestValue.context('connectionId') };
    const ws = new WebSocketGateway(stack, 'Chat', {
      connect: Integration.dynamoDb(connections, DynamoDbAction.PUT_ITEM, { key: connection }),
      disconnect: Integration.dynamoDb(connections, DynamoDbAction.DELETE_ITEM, { key: connection }),
      routes: { sendMessage: Integration.lambda(onMessage) },
      authorization: Authorization.lambdaRequest(authorizer, { identitySources: [RequestValue.queryString('token')] }),
      // The bucket derived from the rate: 1,000.
      throttle: { rateLimit: 500 },
      stageName: 'live',
      stageDescription: 'Chat, production',
      dataTrace: true,
      routeSelectionExpression: '$request.body.action',
      apiKeyRequired: true,
      // Clients connect to wss://chat.example.com; backends still post to the execute-api endpoint.
      domain: {
        domainName: 'chat.example.com',
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' }),
      },
    });
    ws.addRoute('ingest', Integration.sqs(ingest, { messageGroupId: RequestValue.context('connectionId') }), {
      returnResponse: true, throttle: { rateLimit: 50, burstLimit: 100 }, timeout: Duration.seconds(5),
    });
    ws.addRoute('$default', Integration.mock({ body: '{"message":"unknown action"}' }), { returnResponse: true });
    ws.addRoute('ping', Integration.mock({ body: '{"pong":true}' }), { returnResponse: true });
    ws.grantManageConnections(onMessage);
    // Partners' servers connect with an API key: a plan counts their connections per day.
    ws.addUsagePlan('Partners', { throttle: { rateLimit: 10 }, quota: { limit: 10_000, period: QuotaPeriod.DAY } }).addApiKey('Acme');
    Validations.of(ws).acknowledge({ id: 'cdk-gatehouse:DataTraceLogging', reason: 'debugging the chat protocol this week; turned off after' });
    Validations.of(onMessage).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:aws:execute-api:eu-west-1:111111111111:<ChatApi86739009>/live/*/@connections/*]',
      reason: 'connection IDs exist only at run time: the grant covers this stage\'s @connections, nothing else',
    });
    return stack;
  },
};

describe.each(Object.entries(WEBSOCKET_GOLDEN_STACKS))('WebSocket golden stack %s', (name, build) => {
  let template: Record<string, unknown>;

  beforeAll(() => {
    const app = testApp({ strictValidation: true });
    addNagChecks(app);
    const stack = build(app);
    template = app.synth().getStackByName(stack.stackName).template;
  });

  test('passes the strict CloudFormation validator and cdk-nag', () => {
    // Synthesis in beforeAll throws on any validator error or unacknowledged finding.
    expect(Object.keys(template.Resources as object).length).toBeGreaterThan(0);
  });

  test('template matches its snapshot', () => {
    expect(template).toMatchSnapshot(name);
  });
});
