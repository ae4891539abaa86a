import {
  App, Duration, Stack, Validations, aws_apigateway as apigw, aws_cognito as cognito, aws_dynamodb as dynamodb,
  aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_iam as iam, aws_kinesis as kinesis,
  aws_kms as kms, aws_logs as logs, aws_route53 as route53, aws_secretsmanager as secretsmanager,
  aws_sns as sns, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import {
  ApiAccess, ApiKeyValue, Authorization, CacheSize, ContentHandling, DefinitionStyle, DynamoDbAction, Endpoint, GatewayResponseType, Integration,
  KinesisAction, QuotaPeriod,
  RequestValue, ResponseBody,
  RestGateway, ShardIteratorType, SortKeyCondition, SqsAction, UnauthorizedInvalidation, Waf, WafLogging, WafRuleOverride, WriteCondition,
} from '../../src';
import { testStack } from '../support/app';
import { compliantFunction, compliantStateMachine } from '../support/compliant-fixtures';

/**
 * The golden stacks: what users typically build, synthesized with the strict
 * CloudFormation validator and cdk-nag, and snapshot-tested.
 */
export const GOLDEN_STACKS: Record<string, (app: App) => Stack> = {
  minimal(app) {
    const stack = testStack(app, 'Minimal');
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /items/{id}', Integration.lambda(compliantFunction(stack, 'GetItem')));
    acknowledgeCommon(stack);
    return stack;
  },

  everythingOn(app) {
    const stack = testStack(app, 'EverythingOn');
    const pool = new cognito.UserPool(stack, 'Users', {
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
    });
    const tokenAuth = compliantFunction(stack, 'TokenAuthorizer');
    const requestAuth = compliantFunction(stack, 'RequestAuthorizer');
    const orders = compliantFunction(stack, 'Orders');
    const api = new RestGateway(stack, 'Api', {
      cors: { allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) },
      throttle: { rateLimit: 500, burstLimit: 1000 },
      stageName: 'live',
      stageVariables: { backend: 'blue' },
      binaryMediaTypes: ['image/png'],
      apiName: 'everything-on',
      description: 'Every RestGateway option of the foundation',
      routes: { 'GET /orders': Integration.lambda(orders) },
      gatewayResponses: [
        { type: GatewayResponseType.UNAUTHORIZED, statusCode: 401, headers: { 'WWW-Authenticate': 'Bearer' }, body: '{"error":"unauthorized","requestId":"$context.requestId"}' },
        { type: GatewayResponseType.THROTTLED, headers: { 'Retry-After': '1' }, body: '{"error":"too many requests"}' },
      ],
    });
    api.addRoute('GET /orders/{id}', Integration.lambda(orders, { timeout: Duration.seconds(10) }), {
      throttle: { rateLimit: 50, burstLimit: 100 },
      requiredParameters: [RequestValue.queryString('lang')],
    });
    api.addRoute('POST /orders', Integration.lambda(orders), {
      authorization: Authorization.cognito(pool, { scopes: ['orders/write'] }),
      requestSchema: { type: apigw.JsonSchemaType.OBJECT, required: ['sku'], properties: { sku: { type: apigw.JsonSchemaType.STRING } } },
    });
    api.addRoute('DELETE /orders/{id}', Integration.lambda(orders), { authorization: Authorization.lambdaToken(tokenAuth) });
    // A partner's site calls one path, with its own CORS.
    api.addRoute('GET /partner/stock', Integration.mock({ body: '{"inStock":true}' }), {
      authorization: Authorization.cognito(pool, { scopes: ['orders/read'] }),
      cors: { allowOrigins: ['https://partner.example.com'], maxAge: Duration.minutes(5) },
    });
    api.addRoute('GET /reports', Integration.lambda(orders), {
      authorization: Authorization.lambdaRequest(requestAuth, { identitySources: [RequestValue.header('X-Tenant'), RequestValue.queryString('token')] }),
    });
    api.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
    api.addRoute('GET /reports/{id}', Integration.http('https://reports.example.com/render/{id}', {
      requestHeaders: { 'X-Caller': RequestValue.context('identity.sourceIp'), 'X-Tenant': RequestValue.header('tenant') },
      requestQueryStrings: { source: RequestValue.literal('api') },
    }));
    const health = api.addRoute('GET /health', Integration.mock({ body: '{"ok":true}' }), { authorization: Authorization.none() });
    const backOffice = new iam.Role(stack, 'BackOffice', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(backOffice, 'GET /orders/{id}');
    Validations.of(backOffice).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:aws:execute-api:eu-west-1:111111111111:<ApiCD79AAA0>/live/GET/orders/*]',
      reason: 'the * stands for the {id} path parameter: one route, every order',
    });

    Validations.of(health).acknowledge(
      { id: 'AwsSolutions-APIG4', reason: 'a public health check: no data, answered by API Gateway itself' },
      { id: 'AwsSolutions-COG4', reason: 'a public health check: no data, answered by API Gateway itself' },
    );
    acknowledgeCommon(stack);
    return stack;
  },

  serviceIntegrations(app) {
    const stack = testStack(app, 'ServiceIntegrations');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const deadLetters = new sqs.Queue(stack, 'DeadLetters', { encryptionMasterKey: key, enforceSSL: true });
    Validations.of(deadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
    );
    const queueProps = { encryptionMasterKey: key, enforceSSL: true };
    const orders = new sqs.Queue(stack, 'Orders', { ...queueProps, deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 } });
    const fifoDeadLetters = new sqs.Queue(stack, 'FifoDeadLetters', { ...queueProps, fifo: true });
    Validations.of(fifoDeadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
    );
    const fifo = new sqs.Queue(stack, 'OrdersFifo', { ...queueProps, fifo: true, deadLetterQueue: { queue: fifoDeadLetters, maxReceiveCount: 5 } });
    const clicks = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key, streamMode: kinesis.StreamMode.ON_DEMAND });
    Validations.of(clicks).acknowledge({ id: 'AwsSolutions-KDS3', reason: 'a customer managed key on purpose: it proves the integration role gets kms:GenerateDataKey on it' });
    const items = new dynamodb.Table(stack, 'Items', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    items.addGlobalSecondaryIndex({
      indexName: 'byCustomer',
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
    });
    const checkout = compliantStateMachine(stack, 'Checkout', sfn.StateMachineType.EXPRESS);
    const fulfil = compliantStateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
    const bus = new events.EventBus(stack, 'Shop');

    const api = new RestGateway(stack, 'Api', { binaryMediaTypes: ['application/octet-stream'] });
    const id = RequestValue.pathParameter('id');
    api.addRoute('POST /readings', Integration.kinesis(clicks, { contentHandling: ContentHandling.CONVERT_TO_TEXT }));
    api.addRoute('POST /orders', Integration.sqs(orders, { messageAttributes: { tenant: RequestValue.header('X-Tenant') } }));
    api.addRoute('POST /orders-fifo', Integration.sqs(fifo, { messageGroupId: RequestValue.jsonPath('$.customerId') }));
    api.addRoute('GET /orders/next', Integration.sqs(orders, { action: SqsAction.RECEIVE_MESSAGE, maxMessages: 10, waitTime: Duration.seconds(10) }));
    api.addRoute('DELETE /orders/received', Integration.sqs(orders, { action: SqsAction.DELETE_MESSAGE }));
    api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.jsonPath('$.userId') }));
    api.addRoute('POST /clicks/batch', Integration.kinesis(clicks, { action: KinesisAction.PUT_RECORDS }));
    api.addRoute('GET /clicks/shards', Integration.kinesis(clicks, { action: KinesisAction.LIST_SHARDS }));
    api.addRoute('GET /clicks/shards/{shard}', Integration.kinesis(clicks, {
      action: KinesisAction.GET_SHARD_ITERATOR, shardId: RequestValue.pathParameter('shard'), iteratorType: ShardIteratorType.LATEST,
    }));
    api.addRoute('GET /clicks', Integration.kinesis(clicks, { action: KinesisAction.GET_RECORDS, limit: 500 }));
    api.addRoute('PUT /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, { key: { pk: id, sk: RequestValue.pathParameter('at') } }));
    api.addRoute('GET /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.GET_ITEM, { key: { pk: id, sk: RequestValue.pathParameter('at') } }));
    api.addRoute('PATCH /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, { key: { pk: id, sk: RequestValue.pathParameter('at') } }));
    api.addRoute('DELETE /items/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.DELETE_ITEM, { key: { pk: id, sk: RequestValue.pathParameter('at') } }));
    api.addRoute('GET /customers/{id}/orders', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
      key: { customerId: id },
      indexName: 'byCustomer',
      limit: 50,
      sortKeyCondition: SortKeyCondition.beginsWith('createdAt', RequestValue.queryString('month')),
    }));
    api.addRoute('POST /checkout', Integration.stepFunctions(checkout, { sync: true }));
    api.addRoute('POST /fulfil', Integration.stepFunctions(fulfil));
    api.addRoute('POST /events', Integration.eventBridge(bus, { source: 'shop.orders', detailType: 'OrderPlaced' }));
    // Input and detail composed of the order from the body and who sent it.
    const sent = { order: RequestValue.jsonPath('$.order'), caller: RequestValue.context('identity.sourceIp') };
    api.addRoute('POST /fulfil-order', Integration.stepFunctions(fulfil, { inputFields: sent }));
    api.addRoute('POST /order-events', Integration.eventBridge(bus, { source: 'shop.orders', detailType: 'OrderReceived', detailFields: sent }));
    api.addRoute('GET /customers/{id}/order-pages', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
      key: { customerId: id }, indexName: 'byCustomer', limit: 25, cursor: RequestValue.queryString('cursor'),
    }));
    // Create-only profiles with the attributes a client may set, and updates guarded by the version the client read.
    const profile = { pk: id, sk: RequestValue.pathParameter('at') };
    api.addRoute('PUT /profiles/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, {
      key: profile, condition: WriteCondition.itemNotExists(), attributes: ['displayName', 'email'],
    }));
    api.addRoute('PATCH /profiles/{id}/{at}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
      key: profile, condition: WriteCondition.numberEquals('version', RequestValue.header('If-Match')), attributes: ['displayName', 'version'],
    }));
    // A visit counter, and a nickname a client can clear with null.
    api.addRoute('POST /profiles/{id}/{at}/visits', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
      key: profile, addAttributes: ['visits'], removeAttributes: ['nickname'], attributes: ['visits', 'nickname'],
    }));
    // Answers of the route's own: SQS's answer as it is, and a refused message in the shape old clients read.
    api.addRoute('POST /legacy/orders', Integration.sqs(orders, {
      response: { statusCode: 202, headers: { 'Cache-Control': 'no-store' }, body: ResponseBody.serviceResult() },
      errorResponses: [{ serviceStatus: 400, statusCode: 422, body: ResponseBody.template('{"error":"$input.path(\'$.Error.Code\')"}') }],
    }));
    api.addRoute('GET /orders/{id}', Integration.lambda(compliantFunction(stack, 'GetOrder')));
    acknowledgeCommon(stack);
    return stack;
  },

  trafficControls(app) {
    const stack = testStack(app, 'TrafficControls');
    const fn = compliantFunction(stack, 'Reports');
    const api = new RestGateway(stack, 'Api', {
      cache: { size: CacheSize.GB_0_5, ttl: Duration.minutes(5), unauthorizedInvalidation: UnauthorizedInvalidation.FAIL_WITH_403 },
      canary: { stableVersion: '0123456789abcdef0123456789abcdef', trafficPercent: 10, stageVariableOverrides: { flag: 'on' } },
      stageVariables: { flag: 'off' },
      stageDescription: 'Reports, production',
      dataTrace: true,
      // Which partner's key made each request, next to the standard fields.
      accessLogs: { additionalFields: { apiKeyId: RequestValue.context('identity.apiKeyId') } },
      // Served by a custom domain another stack owns: no execute-api endpoint, no URL output.
      disableExecuteApiEndpoint: true,
    });
    Validations.of(api).acknowledge({ id: 'cdk-gatehouse:DataTraceLogging', reason: 'debugging the report format this week; turned off after' });
    api.addRoute('GET /reports/{id}', Integration.lambda(fn), {
      apiKeyRequired: true,
      // Per caller (IAM, API key): cached only on request; the report is the same for every caller.
      cache: { enabled: true, sharedAcrossCallers: true, ttl: Duration.minutes(10), keyParameters: [RequestValue.queryString('lang')] },
    });
    api.addRoute('GET /cart', Integration.lambda(fn), { cache: { enabled: false } });
    api.addRoute('POST /reports', Integration.lambda(fn), { apiKeyRequired: true });
    const gold = api.addUsagePlan('Gold', {
      throttle: { rateLimit: 100, burstLimit: 200 },
      quota: { limit: 100_000, period: QuotaPeriod.MONTH },
      // The bucket derived from the rate: 10.
      routeThrottles: { 'GET /reports/{id}': { rateLimit: 5 } },
    });
    gold.addApiKey('AcmeCorp', { outputKeyId: true });
    const partnerSecret = new secretsmanager.Secret(stack, 'PartnerKeySecret', {
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    Validations.of(partnerSecret).acknowledge({ id: 'AwsSolutions-SMG4', reason: 'an API key value: rotating it would cut the partner off; it is rotated by agreement' });
    gold.addApiKey('Partner', { value: ApiKeyValue.fromSecret(partnerSecret) });
    // A key is in one plan of a gateway: API Gateway refuses one key in two plans of a stage.
    api.addUsagePlan('Free', { name: 'Free tier', quota: { limit: 1000, period: QuotaPeriod.DAY } }).addApiKey('Initech');
    acknowledgeCommon(stack);
    return stack;
  },

  restStages(app) {
    const stack = testStack(app, 'RestStages');
    const fn = compliantFunction(stack, 'Catalog');
    // One definition, two stages: prod, and staging with its own variables, limits, cache and logs.
    const api = new RestGateway(stack, 'Api', {
      stageVariables: { backend: 'prod' },
      throttle: { rateLimit: 500, burstLimit: 1000 },
      cache: { size: CacheSize.GB_1_6, ttl: Duration.minutes(5) },
      waf: Waf.managed(),
    });
    api.addRoute('GET /products/{id}', Integration.lambda(fn), {
      apiKeyRequired: true,
      cache: { sharedAcrossCallers: true, keyParameters: [] },
      throttle: { rateLimit: 100, burstLimit: 200 },
    });
    api.addRoute('POST /products', Integration.lambda(fn), { apiKeyRequired: true });
    api.addStage('staging', {
      description: 'pre-production',
      stageVariables: { backend: 'staging' },
      throttle: { rateLimit: 50, burstLimit: 100 },
      cache: { ttl: Duration.minutes(1) },
      executionLogLevel: apigw.MethodLoggingLevel.INFO,
    });
    const partners = api.addUsagePlan('Partners', {
      stages: ['prod', 'staging'],
      throttle: { rateLimit: 20, burstLimit: 40 },
      quota: { limit: 10_000, period: QuotaPeriod.DAY },
      routeThrottles: { 'POST /products': { rateLimit: 2, burstLimit: 4 } },
    });
    partners.addApiKey('Globex');
    acknowledgeCommon(stack, { waf: true });
    return stack;
  },

  privateApi(app) {
    const stack = testStack(app, 'PrivateApi');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const flowLogs = new logs.LogGroup(stack, 'FlowLogs', { retention: logs.RetentionDays.ONE_YEAR });
    vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Inventory', { vpc });
    nlb.addListener('Tcp8080', {
      port: 8080,
      defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'InventoryTargets', { vpc, port: 8080, targetType: elbv2.TargetType.IP })],
    });
    Validations.of(nlb).acknowledge({ id: 'AwsSolutions-ELB2', reason: 'access logs need an S3 bucket outside the scope of this stack' });
    const api = new RestGateway(stack, 'Api', {
      endpoint: Endpoint.privateInVpc({ vpc }),
      allowOnly: [ApiAccess.fromVpcs([vpc.vpcId])],
    });
    api.addRoute('ANY /inventory/{proxy+}', Integration.privateNlb(nlb, { port: 8080 }));
    api.addRoute('GET /inventory', Integration.privateNlb(nlb, { port: 8080 }));
    acknowledgeCommon(stack);
    return stack;
  },

  publicEdge(app) {
    const stack = testStack(app, 'PublicEdge');
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
    const fn = compliantFunction(stack, 'Catalog');
    const wafLogs = new logs.LogGroup(stack, 'WafLogs', { logGroupName: 'aws-waf-logs-catalog', retention: logs.RetentionDays.ONE_YEAR });
    const v1 = new RestGateway(stack, 'CatalogV1', {
      domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'v1' },
      waf: Waf.managed({
        rateLimitPerFiveMinutes: 2000,
        ruleOverrides: [WafRuleOverride.allowLargeBodies()],
        logging: WafLogging.toLogGroup(wafLogs),
      }),
      allowOnly: [ApiAccess.fromSourceIps(['0.0.0.0/0']), ApiAccess.fromAccounts(['222222222222'])],
    });
    v1.addRoute('GET /products/{id}', Integration.lambda(fn));
    const v2 = new RestGateway(stack, 'CatalogV2', {
      domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'v2' },
      waf: Waf.fromWebAclArn(v1.webAclArn!),
    });
    v2.addRoute('GET /products/{id}', Integration.lambda(fn));
    acknowledgeCommon(stack, { waf: true });
    return stack;
  },

  threeHundredLambdaRoutes(app) {
    const stack = testStack(app, 'ThreeHundredRoutes');
    const api = new RestGateway(stack, 'Api');
    const fn = compliantFunction(stack, 'Handler');
    const methods = ['GET', 'POST', 'PUT', 'DELETE'];
    for (let i = 0; i < 300; i++) api.addRoute(`${methods[i % 4]} /resource${Math.floor(i / 4)}/{id}`, Integration.lambda(fn));
    acknowledgeCommon(stack);
    return stack;
  },

  /**
   * A REST API at API Gateway's default quota of 300 resources, in one stack: 150 two-segment
   * paths × GET and POST (the POSTs with one shared request schema), a Cognito authorizer on
   * half the routes, and SQS and DynamoDB service routes among them.
   */
  restAtResourceQuota(app) {
    const stack = testStack(app, 'RestAtResourceQuota');
    const api = new RestGateway(stack, 'Api', { definitionStyle: DefinitionStyle.OPENAPI });
    const fn = compliantFunction(stack, 'Handler');
    const pool = new cognito.UserPool(stack, 'Users', {
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
    });
    const queue = new sqs.Queue(stack, 'Orders', { enforceSSL: true });
    const table = new dynamodb.TableV2(stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const schema = { type: apigw.JsonSchemaType.OBJECT, required: ['sku'], properties: { sku: { type: apigw.JsonSchemaType.STRING } } };
    for (let i = 0; i < 150; i++) {
      const authorization = i % 2 === 0 ? Authorization.cognito(pool, { scopes: ['orders/read'] }) : undefined;
      const read = i % 50 === 1
        ? Integration.dynamoDb(table, DynamoDbAction.GET_ITEM, { key: { id: RequestValue.pathParameter('id') } })
        : Integration.lambda(fn);
      api.addRoute(`GET /orders${i}/{id}`, read, { authorization });
      const write = i % 50 === 3 ? Integration.sqs(queue) : Integration.lambda(fn);
      api.addRoute(`POST /orders${i}/{id}`, write, { authorization, requestSchema: schema });
    }
    const fixture = 'a fixture queue: its dead-letter queue is not what this stack shows';
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: fixture }, { id: 'Serverless-SQSRedrivePolicy', reason: fixture });
    Validations.of(pool).acknowledge({ id: 'AwsSolutions-COG2', reason: 'MFA is required; this stack shows an API at its quota' });
    acknowledgeCommon(stack);
    return stack;
  },

  /**
   * A REST API of 120 DynamoDB routes in one stack: 30 item paths × GET, PUT, PATCH (update)
   * and DELETE on a table with a partition and a sort key. Each route carries its own request
   * and response templates, so this stack is about the template's size (CloudFormation's 1 MB).
   */
  restWithDynamoDbRoutes(app) {
    const stack = testStack(app, 'RestWithDynamoDbRoutes');
    const api = new RestGateway(stack, 'Api', { definitionStyle: DefinitionStyle.OPENAPI });
    const table = new dynamodb.TableV2(stack, 'Items', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.NUMBER },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const key = { pk: RequestValue.pathParameter('id'), sk: RequestValue.pathParameter('at') };
    const actions = {
      GET: DynamoDbAction.GET_ITEM, PUT: DynamoDbAction.PUT_ITEM, PATCH: DynamoDbAction.UPDATE_ITEM, DELETE: DynamoDbAction.DELETE_ITEM,
    };
    for (let i = 0; i < 30; i++) {
      for (const [method, action] of Object.entries(actions)) {
        api.addRoute(`${method} /items${i}/{id}/{at}`, Integration.dynamoDb(table, action, { key }));
      }
    }
    // aws-cdk-lib warns from 90% of the 1,000,000 bytes; this stack shows how close 120 routes come.
    Validations.of(stack).acknowledge({
      id: 'Annotation::@aws-cdk/core:Stack.templateSize',
      reason: 'this stack is about the template size of 120 DynamoDB routes, under the limit that the library checks',
    });
    acknowledgeCommon(stack);
    return stack;
  },

  /**
   * A REST API with monitoring on: a cached stage, a route with its own timeout and throttle,
   * an SQS route, alarms told to an encrypted SNS topic, and the dashboard.
   */
  restWithMonitoring(app) {
    const stack = testStack(app, 'RestWithMonitoring');
    const api = new RestGateway(stack, 'Api', { apiName: 'orders', cache: { ttl: Duration.minutes(5) } });
    const orders = compliantFunction(stack, 'Orders');
    api.addRoute('GET /orders/{id}', Integration.lambda(orders, { timeout: Duration.seconds(10) }), {
      cache: { sharedAcrossCallers: true, keyParameters: [] }, throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const topic = new sns.Topic(stack, 'OnCall', { enforceSSL: true, masterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns') });
    api.addMonitoring({ alarmTopic: topic, serverErrors: { threshold: 2 } });
    // Added after addMonitoring: its alarms come all the same.
    const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
    api.addRoute('POST /orders', Integration.sqs(queue));
    const fixture = 'a fixture queue: its dead-letter queue is not what this stack shows';
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: fixture }, { id: 'Serverless-SQSRedrivePolicy', reason: fixture });
    acknowledgeCommon(stack);
    return stack;
  },
};

/** Findings that every golden stack shares, each with the reason it is acceptable. */
function acknowledgeCommon(stack: Stack, options: { waf?: boolean } = {}): void {
  if (!options.waf) {
    Validations.of(stack).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason: 'these stacks show other features; WAF (Waf.managed) is on in the publicEdge golden stack, where this finding is not acknowledged',
    });
  }
}
