import {
  App, Duration, Stack, Validations, aws_cognito as cognito, aws_events as events, aws_iam as iam, aws_kinesis as kinesis,
  aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Authorization, HttpGateway, Integration, RequestValue, StepFunctionsAction } from '../../src';
import { testApp, testStack } from '../support/app';
import { addNagChecks } from '../support/nag';

/**
 * The HTTP API golden stack: every integration, authorizer and option HttpGateway has,
 * synthesized with CDK's CloudFormation validator in strict mode and cdk-nag, and
 * snapshot-tested. In a file of its own so it does not disturb the REST golden stacks.
 */
function httpEverything(app: App): Stack {
  const stack = testStack(app, 'HttpEverything');
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const pool = new cognito.UserPool(stack, 'Users', {
    passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
  });
  const client = pool.addClient('Web');
  const orders = compliantFunction(stack, 'Orders');
  const authorizer = compliantFunction(stack, 'Authorizer');
  const deadLetters = new sqs.Queue(stack, 'DeadLetters', { encryptionMasterKey: key, enforceSSL: true });
  Validations.of(deadLetters).acknowledge(
    { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
    { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
  );
  const queue = new sqs.Queue(stack, 'Queue', { encryptionMasterKey: key, enforceSSL: true, deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 } });
  const clicks = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key, streamMode: kinesis.StreamMode.ON_DEMAND });
  Validations.of(clicks).acknowledge({ id: 'AwsSolutions-KDS3', reason: 'a customer managed key on purpose: it proves the integration role gets kms:GenerateDataKey on it' });
  const checkout = compliantStateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS);
  const fulfil = compliantStateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
  const bus = new events.EventBus(stack, 'Shop');

  const api = new HttpGateway(stack, 'Api', {
    defaultAuthorization: Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['orders'] }),
    throttle: { rateLimit: 500, burstLimit: 1000 },
    cors: { allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) },
    stageVariables: { backend: 'blue' },
    apiName: 'http-everything',
    description: 'Every HttpGateway option and integration',
    routes: { 'GET /orders': Integration.lambda(orders) },
  });
  api.addRoute('GET /orders/{id}', Integration.lambda(orders, { timeout: Duration.seconds(10) }), { throttle: { rateLimit: 50, burstLimit: 100 } });
  api.addRoute('POST /orders', Integration.sqs(queue), { authorization: Authorization.cognito(pool, { scopes: ['orders/write'], userPoolClients: [client] }) });
  api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.header('X-User') }), { authorization: Authorization.iam() });
  api.addRoute('POST /checkout', Integration.stepFunctions(checkout, { sync: true }));
  api.addRoute('POST /fulfil', Integration.stepFunctions(fulfil));
  api.addRoute('DELETE /fulfil', Integration.stepFunctions(fulfil, { action: StepFunctionsAction.STOP_EXECUTION }));
  api.addRoute('POST /events', Integration.eventBridge(bus, { source: 'shop.orders', detailType: 'OrderPlaced' }));
  api.addRoute('GET /reports', Integration.lambda(orders), {
    authorization: Authorization.lambdaRequest(authorizer, { identitySources: [RequestValue.header('X-Tenant')] }),
  });
  api.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
  const health = api.addRoute('GET /health', Integration.http('https://status.example.com/health'), { authorization: Authorization.none() });
  api.addRoute('$default', Integration.lambda(orders));
  const backOffice = new iam.Role(stack, 'BackOffice', { assumedBy: new iam.AccountRootPrincipal() });
  api.grantInvoke(backOffice, 'POST /clicks');

  Validations.of(health).acknowledge({ id: 'AwsSolutions-APIG4', reason: 'a public health check that proxies a public status page' });
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::arn:aws:states:eu-west-1:111111111111:execution:<Fulfil41551CE2.Name>:*]',
    reason: 'StopExecution acts on executions, whose ARNs exist only at run time: every execution of this one state machine',
  });
  return stack;
}

/** A state machine with logs and tracing, as a careful user writes it. */
function compliantStateMachine(stack: Stack, id: string, type: sfn.StateMachineType): sfn.StateMachine {
  const machine = new sfn.StateMachine(stack, id, {
    stateMachineType: type,
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${id}Pass`)),
    tracingEnabled: true,
    logs: { destination: new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR }), level: sfn.LogLevel.ALL },
  });
  Validations.of(machine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray and CloudWatch Logs delivery accept only * (the state machine\'s own role, not the gateway\'s)',
  });
  return machine;
}

/** A function that meets the Serverless and AWS Solutions rules, as a careful user writes it. */
function compliantFunction(stack: Stack, id: string): lambda.Function {
  const fn = new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "{}" });'),
    memorySize: 512,
    timeout: Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
  });
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'the minimal policy for writing the function\'s own logs',
    },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray accepts trace segments only on *' },
    { id: 'AwsSolutions-L1', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaLatestVersion', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaDLQ', reason: 'invoked synchronously by API Gateway; a DLQ applies to asynchronous invocations only' },
  );
  return fn;
}

describe('HTTP golden stack', () => {
  let template: Record<string, unknown>;

  beforeAll(() => {
    const app = testApp({ strictValidation: true });
    addNagChecks(app);
    const stack = httpEverything(app);
    template = app.synth().getStackByName(stack.stackName).template;
  });

  test('passes the strict CloudFormation validator and cdk-nag', () => {
    // Synthesis in beforeAll throws on any validator error or unacknowledged finding.
    expect(Object.keys(template.Resources as object).length).toBeGreaterThan(0);
  });

  test('template matches its snapshot', () => {
    expect(template).toMatchSnapshot('httpEverything');
  });
});
