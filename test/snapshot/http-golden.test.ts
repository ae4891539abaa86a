import {
  App, Duration, Stack, Validations, aws_cognito as cognito, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_events as events,
  aws_iam as iam, aws_kinesis as kinesis, aws_kms as kms, aws_logs as logs, aws_route53 as route53,
  aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Authorization, DefinitionStyle, HttpGateway, Integration, RequestValue, SqsAction, StepFunctionsAction } from '../../src';
import { testApp, testStack } from '../support/app';
import { compliantFunction, compliantStateMachine } from '../support/compliant-fixtures';
import { addNagChecks } from '../support/nag';
import { HTTP_DEFINITION_TYPES, danglingReferences, documentOfHttpResources, validateOpenApi } from '../support/openapi';
import { templateSummary } from '../support/template-summary';

/** A golden stack; `style` is the gateways' definition style (else the app's context decides). */
type GoldenStack = (app: App, style?: DefinitionStyle) => Stack;

/**
 * The HTTP API golden stack: every integration, authorizer and option HttpGateway has,
 * synthesized with CDK's CloudFormation validator in strict mode and cdk-nag, and
 * snapshot-tested. In a file of its own so it does not disturb the REST golden stacks.
 */
function httpEverything(app: App, style?: DefinitionStyle): Stack {
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
  const backends = privateBackends(stack);
  const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });

  const api = new HttpGateway(stack, 'Api', {
    definitionStyle: style,
    defaultAuthorization: Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['orders'] }),
    throttle: { rateLimit: 500, burstLimit: 1000 },
    stageDescription: 'Orders, production',
    cors: { allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) },
    stageVariables: { backend: 'blue' },
    apiName: 'http-everything',
    description: 'Every HttpGateway option and integration',
    domain: { domainName: 'shop.example.com', hostedZone: zone, basePath: 'v1' },
    routes: { 'GET /orders': Integration.lambda(orders) },
  });
  api.addRoute('GET /orders/{id}', Integration.lambda(orders, { timeout: Duration.seconds(10) }), { throttle: { rateLimit: 50, burstLimit: 100 } });
  api.addRoute('POST /orders', Integration.sqs(queue), { authorization: Authorization.cognito(pool, { scopes: ['orders/write'], userPoolClients: [client] }) });
  api.addRoute('GET /orders/next', Integration.sqs(queue, { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 10 }), { authorization: Authorization.iam() });
  api.addRoute('DELETE /orders/received', Integration.sqs(queue, { action: SqsAction.DELETE_MESSAGE }), { authorization: Authorization.iam() });
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
  api.addRoute('GET /reports/{id}', Integration.http('https://reports.example.com', {
    requestHeaders: { 'X-Caller': RequestValue.context('identity.sourceIp') },
    requestQueryStrings: { report: RequestValue.pathParameter('id') },
    requestPath: RequestValue.literal('/v2/render'),
    responseMappings: [{ statusCode: 200, headers: { 'Cache-Control': 'no-store' }, removeHeaders: ['x-powered-by'] }, { statusCode: 404, newStatusCode: 403 }],
  }));
  api.addRoute('$default', Integration.lambda(orders));
  api.addRoute('ANY /legacy-shop/{proxy+}', Integration.privateAlb(backends.listener, { timeout: Duration.seconds(10) }));
  api.addRoute('GET /inventory/{sku}', Integration.privateNlb(backends.nlb, { port: 8080 }));
  api.addRoute('GET /stock/{sku}', Integration.cloudMap(backends.stock, { vpc: backends.vpc }));
  const backOffice = new iam.Role(stack, 'BackOffice', { assumedBy: new iam.AccountRootPrincipal() });
  api.grantInvoke(backOffice, 'POST /clicks');

  Validations.of(health).acknowledge({ id: 'AwsSolutions-APIG4', reason: 'a public health check that proxies a public status page' });
  return stack;
}

/**
 * Services in a VPC that the HTTP API reaches through one VPC link v2: an internal ALB, an
 * NLB and a Cloud Map service.
 */
function privateBackends(stack: Stack) {
  const cidr = '10.20.0.0/16';
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(cidr), maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const flowLogs = new logs.LogGroup(stack, 'FlowLogs', { retention: logs.RetentionDays.ONE_YEAR });
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'LegacyShop', { vpc, internetFacing: false });
  const listener = alb.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
  listener.connections.allowDefaultPortFrom(ec2.Peer.ipv4(cidr), 'the VPC link v2 in this VPC');
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'Inventory', { vpc });
  nlb.addListener('Tcp8080', {
    port: 8080,
    defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'InventoryTargets', { vpc, port: 8080, targetType: elbv2.TargetType.IP })],
  });
  for (const lb of [alb, nlb]) {
    Validations.of(lb).acknowledge({ id: 'AwsSolutions-ELB2', reason: 'access logs need an S3 bucket outside the scope of this stack' });
  }
  const namespace = new servicediscovery.PrivateDnsNamespace(stack, 'Services', { name: 'shop.internal', vpc });
  const stock = namespace.createService('Stock');
  return { vpc, listener, nlb, stock };
}


/**
 * An HTTP API at its default quota of 300 routes, as an OpenAPI definition: Lambda routes on
 * five functions, a JWT authorizer on half of them, and a few service integrations (SQS,
 * EventBridge, Step Functions).
 */
function httpAtRouteQuota(app: App, style: DefinitionStyle = DefinitionStyle.OPENAPI): Stack {
  const stack = testStack(app, 'HttpAtRouteQuota');
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const deadLetters = new sqs.Queue(stack, 'DeadLetters', { encryptionMasterKey: key, enforceSSL: true });
  Validations.of(deadLetters).acknowledge(
    { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
    { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
  );
  const queue = new sqs.Queue(stack, 'Queue', { encryptionMasterKey: key, enforceSSL: true, deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 } });
  const bus = new events.EventBus(stack, 'Shop');
  const fulfil = compliantStateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
  const functions = [0, 1, 2, 3, 4].map(i => compliantFunction(stack, `Handler${i}`));
  const jwt = Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['shop'], scopes: ['shop/write'] });
  const api = new HttpGateway(stack, 'Api', { definitionStyle: style });
  for (let i = 0; i < 150; i++) {
    api.addRoute(`GET /items${i}/{id}`, Integration.lambda(functions[i % 5]));
    const write = i % 50 === 7 ? Integration.sqs(queue)
      : i % 50 === 17 ? Integration.eventBridge(bus, { source: 'shop.items', detailType: 'ItemChanged' })
        : i % 50 === 27 ? Integration.stepFunctions(fulfil)
          : Integration.lambda(functions[i % 5]);
    api.addRoute(`POST /items${i}`, write, { authorization: jwt });
  }
  return stack;
}

/** The HTTP golden stacks, by snapshot name. */
const HTTP_GOLDEN_STACKS: Record<string, GoldenStack> = { httpEverything, httpAtRouteQuota };

/** Stacks too large for a full snapshot: a summary that still fails on any drift. */
const SUMMARIZED = new Set(['httpAtRouteQuota']);

type Resources = Record<string, { Type: string; Properties?: any; DependsOn?: string | string[] }>;

describe.each(Object.entries(HTTP_GOLDEN_STACKS))('HTTP golden stack %s', (name, build) => {
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
    expect(SUMMARIZED.has(name) ? templateSummary(template) : template).toMatchSnapshot(name);
  });
});

/**
 * Every HTTP golden stack again with its routes folded into an OpenAPI document (the app-wide
 * context setting), next to its twin in the resources style: the strict validator and cdk-nag
 * pass, no route, integration or authorizer resource is left, every reference points at a
 * resource that exists, the body is the document the twin's resources amount to, and it validates.
 */
describe.each(Object.entries(HTTP_GOLDEN_STACKS))('HTTP golden stack %s as an OpenAPI definition', (_name, build) => {
  let template: { Resources: Resources };
  let resourcesTemplate: { Resources: Resources };

  beforeAll(() => {
    const app = testApp({ strictValidation: true });
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'OPENAPI');
    addNagChecks(app);
    const stack = build(app);
    template = app.synth().getStackByName(stack.stackName).template;
    const resourcesApp = testApp();
    const resourcesStack = build(resourcesApp, DefinitionStyle.RESOURCES);
    resourcesTemplate = resourcesApp.synth().getStackByName(resourcesStack.stackName).template;
  });

  test('passes the strict CloudFormation validator and cdk-nag, with no definition resources left', () => {
    const types = new Set(Object.values(template.Resources).map(r => r.Type));
    for (const type of HTTP_DEFINITION_TYPES) expect(types.has(type)).toBe(false);
    expect(danglingReferences(template)).toEqual([]);
  });

  test('each HTTP API body is the document its resources amount to, and validates as OpenAPI 3', async () => {
    const apis = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api');
    expect(apis.length).toBeGreaterThan(0);
    for (const [id, api] of apis) {
      expect(api.Properties.Body).toEqual(documentOfHttpResources(resourcesTemplate, id));
      await validateOpenApi(api.Properties.Body);
    }
  });

  test('what stays a resource keeps its logical ID', () => {
    const kept = (resources: Resources) => Object.entries(resources)
      .filter(([, r]) => !HTTP_DEFINITION_TYPES.includes(r.Type))
      .map(([id]) => id).sort();
    expect(kept(template.Resources)).toEqual(kept(resourcesTemplate.Resources));
  });
});

describe('an HTTP API at API Gateway\'s route quota (the golden stack)', () => {
  test('300 routes deploy as fewer than 500 CloudFormation resources and well under 1 MB', () => {
    const app = testApp();
    const stack = httpAtRouteQuota(app);
    const template = app.synth().getStackByName(stack.stackName).template;
    const resources = Object.values(template.Resources as Resources);
    expect(resources.length).toBeLessThan(500);
    expect(Buffer.byteLength(JSON.stringify(template, undefined, 1))).toBeLessThan(1_000_000);
    const body = resources.find(r => r.Type === 'AWS::ApiGatewayV2::Api')!.Properties.Body;
    const operations = Object.values(body.paths as Record<string, object>).flatMap(item => Object.keys(item));
    expect(operations).toHaveLength(300);
    // Five functions and three service targets: eight integrations, however many routes.
    expect(Object.keys(body.components['x-amazon-apigateway-integrations'])).toHaveLength(8);
    expect(Object.keys(body.components.securitySchemes).sort()).toEqual([expect.stringMatching(/^Jwt/), 'sigv4']);
  });
});
