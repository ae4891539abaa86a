'use strict';
// How the untyped tests reach every props struct and argument of the library from plain
// JavaScript, as a user without TypeScript (or a jsii language's untyped path) does: each
// "place" is a struct or an argument list, with a valid base value and a call that uses it.

const {
  Duration, aws_apigateway: apigw, aws_certificatemanager: acm, aws_cognito: cognito, aws_ec2: ec2,
  aws_elasticloadbalancingv2: elbv2, aws_iam: iam, aws_kinesisfirehose: firehose, aws_logs: logs, aws_route53: route53, aws_s3: s3,
  aws_secretsmanager: secretsmanager, aws_servicediscovery: servicediscovery, aws_stepfunctions: sfn,
} = require('aws-cdk-lib');
const { Template } = require('aws-cdk-lib/assertions');
const g = require('../../src');
const { testStack } = require('../support/app');
const { handler } = require('../support/fixtures');
const svc = require('../support/service-fixtures');

/** Resources props refer to, each created in the row's stack on first use. */
function fixtures(stack) {
  const vpc = () => new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const make = {
    fn: () => handler(stack, 'Fn'),
    queue: () => svc.queue(stack),
    stream: () => svc.stream(stack),
    table: () => svc.table(stack),
    machine: () => svc.stateMachine(stack, 'Machine', sfn.StateMachineType.EXPRESS),
    bus: () => svc.bus(stack),
    vpc,
    nlb: () => {
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: fx.vpc });
      const group = new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: fx.vpc, port: 80, targetType: elbv2.TargetType.IP });
      fx.cache.networkListener = nlb.addListener('Tcp80', { port: 80, defaultTargetGroups: [group] });
      return nlb;
    },
    networkListener: () => (fx.nlb, fx.cache.networkListener),
    albListener: () => new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: fx.vpc })
      .addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) }),
    service: () => new servicediscovery.PrivateDnsNamespace(stack, 'Ns', { name: 'shop.internal', vpc: fx.vpc }).createService('Inventory'),
    userPool: () => new cognito.UserPool(stack, 'Users'),
    userPoolClient: () => fx.userPool.addClient('App'),
    logGroup: () => new logs.LogGroup(stack, 'Logs'),
    // WAF logs only to destinations named aws-waf-logs-….
    wafLogGroup: () => new logs.LogGroup(stack, 'WafLogs', { logGroupName: 'aws-waf-logs-api' }),
    wafBucket: () => new s3.Bucket(stack, 'WafBucket', { bucketName: 'aws-waf-logs-api' }),
    wafStream: () => firehose.DeliveryStream.fromDeliveryStreamName(stack, 'WafStream', 'aws-waf-logs-api'),
    cert: () => acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
    zone: () => route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z123', zoneName: 'example.com' }),
    bucket: () => new s3.Bucket(stack, 'Truststore'),
    endpoint: () => ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'Vpce', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 }),
    secret: () => new secretsmanager.Secret(stack, 'Secret'),
    apiKey: () => apigw.ApiKey.fromApiKeyId(stack, 'Legacy', 'abc123'),
    role: () => new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() }),
  };
  const fx = { stack, cache: {} };
  for (const [name, create] of Object.entries(make)) {
    Object.defineProperty(fx, name, { get: () => (name in fx.cache ? fx.cache[name] : (fx.cache[name] = create())) });
  }
  return fx;
}

const ROUTE = 'GET /items/{id}';

/** A route on a new gateway of `kind` that uses `integration` (and `options`). */
function route(fx, integration, options, kind = 'rest') {
  if (kind === 'http') return new g.HttpGateway(fx.stack, 'Api').addRoute(ROUTE, integration, options);
  if (kind === 'websocket') return new g.WebSocketGateway(fx.stack, 'Api').addRoute('send', integration, options);
  return new g.RestGateway(fx.stack, 'Api').addRoute(ROUTE, integration, options);
}

/** A REST route reading `value` (a RequestValue) as a Kinesis partition key. */
const readValue = (fx, value) => route(fx, g.Integration.kinesis(fx.stream, { partitionKey: value }));
/** A DynamoDB query on the table's `sk` with `condition`. */
const query = (fx, condition) => route(fx, g.Integration.dynamoDb(fx.table, g.DynamoDbAction.QUERY, {
  key: { pk: g.RequestValue.pathParameter('id') }, sortKeyCondition: condition,
}));
/** A REST API with a route (it cannot synthesize without one) and `props`. */
const rest = (fx, props) => new g.RestGateway(fx.stack, 'Api', { routes: { 'GET /': g.Integration.mock() }, ...props });
const withRoute = (fx, options) => {
  const api = new g.RestGateway(fx.stack, 'Api');
  api.addRoute(ROUTE, g.Integration.lambda(fx.fn), options);
  return api;
};
const plan = fx => withRoute(fx, { apiKeyRequired: true });

/**
 * Every place: `base(fx)` is a valid value, `run(fx, value)` uses it, `prop(key)` is how
 * messages name one of its keys. Struct places are named after the struct (a variant after
 * `@`); argument places after the factory or method, their keys the argument names.
 */
const PLACES = {};

function gateway(name, Gateway, base = () => ({})) {
  PLACES[name] = { base, run: (fx, v) => new Gateway(fx.stack, 'Api', v), prop: k => k };
}
// A REST API needs a method to synthesize.
gateway('RestGatewayProps', g.RestGateway, () => ({ routes: { 'GET /': g.Integration.mock() } }));
gateway('HttpGatewayProps', g.HttpGateway);
gateway('WebSocketGatewayProps', g.WebSocketGateway);

function options(name, call, run) {
  PLACES[name] = { base: () => ({}), run, prop: k => `${call}.${k}` };
}
options('RouteOptions', `addRoute('${ROUTE}')`, (fx, v) => new g.RestGateway(fx.stack, 'Api', { cache: {} }).addRoute(ROUTE, g.Integration.lambda(fx.fn), v));
options('RouteOptions@HttpGateway', `addRoute('${ROUTE}')`, (fx, v) => route(fx, g.Integration.lambda(fx.fn), v, 'http'));
options('WebSocketRouteOptions', "addRoute('send')", (fx, v) => route(fx, g.Integration.mock(), v, 'websocket'));
options('UsagePlanOptions', "addUsagePlan('Gold')", (fx, v) => plan(fx).addUsagePlan('Gold', v));
options('OpenApiDefinitionOptions', 'openApiDefinition', (fx, v) => rest(fx).openApiDefinition(v));
options('OpenApiDefinitionOptions@HttpGateway', 'openApiDefinition', (fx, v) => new g.HttpGateway(fx.stack, 'Api').openApiDefinition(v));
options('ApiKeyOptions', "usage plan Gold addApiKey('Acme')", (fx, v) => plan(fx).addUsagePlan('Gold').addApiKey('Acme', v));
options('RestStageOptions', "addStage('staging')", (fx, v) => withRoute(fx).addStage('staging', v));

/** A struct inside another place's struct, at `key`. */
function nested(name, parent, key, base) {
  const outer = PLACES[parent];
  PLACES[name] = {
    base,
    run: (fx, v) => outer.run(fx, { ...outer.base(fx), [key]: v }),
    prop: k => outer.prop(`${key}.${k}`),
  };
}
nested('ThrottleSettings', 'RestGatewayProps', 'throttle', () => ({ rateLimit: 10, burstLimit: 20 }));
nested('CorsOptions', 'RestGatewayProps', 'cors', () => ({ allowOrigins: ['https://app.example.com'] }));
nested('AccessLogOptions', 'RestGatewayProps', 'accessLogs', () => ({}));
nested('UrlOutputOptions', 'HttpGatewayProps', 'urlOutput', () => ({}));
nested('ApiQuotas', 'RestGatewayProps', 'quotas', () => ({}));
nested('DomainOptions', 'RestGatewayProps', 'domain', fx => ({ domainName: 'api.example.com', certificate: fx.cert }));
nested('MutualTlsOptions', 'DomainOptions', 'mutualTls', fx => ({ bucket: fx.bucket, key: 'truststore.pem' }));
nested('CacheOptions', 'RestGatewayProps', 'cache', () => ({}));
nested('CanaryOptions', 'RestGatewayProps', 'canary', () => ({ stableVersion: 'a'.repeat(32), trafficPercent: 10 }));
nested('RouteCacheOptions', 'RouteOptions', 'cache', () => ({}));
nested('QuotaSettings', 'UsagePlanOptions', 'quota', () => ({ limit: 100, period: g.QuotaPeriod.DAY }));
options('MonitoringOptions', 'addMonitoring', (fx, v) => withRoute(fx).addMonitoring(v));
nested('AlarmOptions', 'MonitoringOptions', 'serverErrors', () => ({}));
options('RouteMetricOptions', 'metrics.latency', (fx, v) => withRoute(fx).metrics.latency(v));

/** The arguments of a factory or method: `call(fx, args)` calls it with an object of them. */
function factory(name, base, call) {
  PLACES[name] = { base, run: call, prop: k => `${name} ${k}` };
}
/** A factory's `options` argument: its props are named `<factory> <prop>`. */
function factoryOptions(name, factoryName, base) {
  const outer = PLACES[factoryName];
  PLACES[name] = {
    base,
    run: (fx, v) => outer.run(fx, { ...outer.base(fx), options: v }),
    prop: k => `${factoryName} ${k}`,
  };
}

const I = g.Integration;
factory('Integration.lambda', fx => ({ handler: fx.fn }), (fx, a) => route(fx, I.lambda(a.handler, a.options)));
factoryOptions('LambdaIntegrationOptions', 'Integration.lambda', () => ({}));
factory('Integration.lambda@HttpGateway', fx => ({ handler: fx.fn }), (fx, a) => route(fx, I.lambda(a.handler, a.options), undefined, 'http'));
factoryOptions('LambdaIntegrationOptions@HttpGateway', 'Integration.lambda@HttpGateway', () => ({}));
PLACES['LambdaIntegrationOptions@HttpGateway'].prop = k => `Integration.lambda ${k}`;
factory('Integration.http', () => ({ url: 'https://backend.example.com/items/{id}' }), (fx, a) => route(fx, I.http(a.url, a.options)));
factoryOptions('HttpProxyIntegrationOptions', 'Integration.http', () => ({}));
factory('Integration.http@HttpGateway', () => ({ url: 'https://backend.example.com/items/{id}' }), (fx, a) => route(fx, I.http(a.url, a.options), undefined, 'http'));
factoryOptions('HttpProxyIntegrationOptions@HttpGateway', 'Integration.http@HttpGateway', () => ({}));
PLACES['HttpProxyIntegrationOptions@HttpGateway'].prop = k => `Integration.http ${k}`;
PLACES.HttpResponseMapping = {
  base: () => ({ statusCode: 200, headers: { 'Cache-Control': 'no-store' } }),
  run: (fx, v) => PLACES['HttpProxyIntegrationOptions@HttpGateway'].run(fx, { responseMappings: [v] }),
  prop: k => `Integration.http responseMappings[0].${k}`,
};
factory('Integration.mock', () => ({}), (fx, a) => route(fx, I.mock(a.options)));
factoryOptions('MockIntegrationOptions', 'Integration.mock', () => ({}));
factory('Integration.sqs', fx => ({ queue: fx.queue }), (fx, a) => route(fx, I.sqs(a.queue, a.options)));
factoryOptions('SqsIntegrationOptions', 'Integration.sqs', () => ({}));
factoryOptions('SqsIntegrationOptions@receive', 'Integration.sqs', () => ({ action: g.SqsAction.RECEIVE_MESSAGE }));
factoryOptions('SqsIntegrationOptions@delete', 'Integration.sqs', () => ({ action: g.SqsAction.DELETE_MESSAGE }));
factory('Integration.kinesis', fx => ({ stream: fx.stream }), (fx, a) => route(fx, I.kinesis(a.stream, a.options)));
factoryOptions('KinesisIntegrationOptions', 'Integration.kinesis', () => ({}));
factoryOptions('KinesisIntegrationOptions@iterator', 'Integration.kinesis', () => ({ action: g.KinesisAction.GET_SHARD_ITERATOR }));
factoryOptions('KinesisIntegrationOptions@records', 'Integration.kinesis', () => ({ action: g.KinesisAction.GET_RECORDS }));
factory('Integration.dynamoDb', fx => ({
  table: fx.table, action: g.DynamoDbAction.QUERY, options: { key: { pk: g.RequestValue.pathParameter('id') } },
}), (fx, a) => route(fx, I.dynamoDb(a.table, a.action, a.options)));
factoryOptions('DynamoDbIntegrationOptions', 'Integration.dynamoDb', () => ({ key: { pk: g.RequestValue.pathParameter('id') } }));
factory('Integration.stepFunctions', fx => ({ stateMachine: fx.machine }), (fx, a) => route(fx, I.stepFunctions(a.stateMachine, a.options)));
factoryOptions('StepFunctionsIntegrationOptions', 'Integration.stepFunctions', () => ({}));
factory('Integration.eventBridge', fx => ({ bus: fx.bus, options: { source: 'shop.orders', detailType: 'OrderPlaced' } }),
  (fx, a) => route(fx, I.eventBridge(a.bus, a.options)));
factoryOptions('EventBridgeIntegrationOptions', 'Integration.eventBridge', () => ({ source: 'shop.orders', detailType: 'OrderPlaced' }));
factory('Integration.privateNlb', fx => ({ loadBalancer: fx.nlb }), (fx, a) => route(fx, I.privateNlb(a.loadBalancer, a.options)));
factoryOptions('PrivateNlbIntegrationOptions', 'Integration.privateNlb', () => ({}));
factory('Integration.privateAlb', fx => ({ listener: fx.albListener }), (fx, a) => route(fx, I.privateAlb(a.listener, a.options)));
factoryOptions('PrivateAlbIntegrationOptions', 'Integration.privateAlb', () => ({}));
factory('Integration.cloudMap', fx => ({ service: fx.service, options: { vpc: fx.vpc } }),
  (fx, a) => route(fx, I.cloudMap(a.service, a.options), undefined, 'http'));
factoryOptions('PrivateIntegrationOptions', 'Integration.cloudMap', fx => ({ vpc: fx.vpc }));

PLACES.GatewayResponseOptions = {
  base: () => ({ type: g.GatewayResponseType.UNAUTHORIZED }),
  run: (fx, v) => PLACES.RestGatewayProps.run(fx, { ...PLACES.RestGatewayProps.base(fx), gatewayResponses: [v] }),
  prop: k => `gatewayResponses[0].${k}`,
};

// A service route's own answers, reached through an SQS route.
nested('ServiceResponseOptions', 'SqsIntegrationOptions', 'response', () => ({}));
PLACES.ServiceErrorResponse = {
  base: () => ({ serviceStatus: 400, body: g.ResponseBody.text('{}') }),
  run: (fx, v) => PLACES.SqsIntegrationOptions.run(fx, { errorResponses: [v] }),
  prop: k => `Integration.sqs errorResponses[0].${k}`,
};
const answering = (fx, body) => route(fx, I.sqs(fx.queue, { response: { body } }));
factory('ResponseBody.template', () => ({ template: '{}' }), (fx, a) => answering(fx, g.ResponseBody.template(a.template)));
factory('ResponseBody.text', () => ({ text: '{}' }), (fx, a) => answering(fx, g.ResponseBody.text(a.text)));

const A = g.Authorization;
const authorized = (fx, authorization, kind) => route(fx, kind === 'http' ? I.lambda(fx.fn) : I.mock(), { authorization }, kind);
factory('Authorization.cognito', fx => ({ userPool: fx.userPool }), (fx, a) => authorized(fx, A.cognito(a.userPool, a.options)));
factoryOptions('CognitoAuthorizationOptions', 'Authorization.cognito', () => ({}));
factory('Authorization.lambdaToken', fx => ({ handler: fx.fn }), (fx, a) => authorized(fx, A.lambdaToken(a.handler, a.options)));
factoryOptions('LambdaTokenAuthorizationOptions', 'Authorization.lambdaToken', () => ({}));
factory('Authorization.lambdaRequest', fx => ({ handler: fx.fn, options: { identitySources: [g.RequestValue.header('Authorization')] } }),
  (fx, a) => authorized(fx, A.lambdaRequest(a.handler, a.options)));
factoryOptions('LambdaRequestAuthorizationOptions', 'Authorization.lambdaRequest', () => ({ identitySources: [g.RequestValue.header('Authorization')] }));
factory('Authorization.jwt', () => ({ options: { issuer: 'https://issuer.example.com', audiences: ['app'] } }),
  (fx, a) => authorized(fx, A.jwt(a.options), 'http'));
factoryOptions('JwtAuthorizationOptions', 'Authorization.jwt', () => ({ issuer: 'https://issuer.example.com', audiences: ['app'] }));

const R = g.RequestValue;
factory('RequestValue.jsonPath', () => ({ path: '$.userId' }), (fx, a) => readValue(fx, R.jsonPath(a.path)));
factory('RequestValue.pathParameter', () => ({ name: 'id' }), (fx, a) => readValue(fx, R.pathParameter(a.name)));
factory('RequestValue.queryString', () => ({ name: 'lang' }), (fx, a) => readValue(fx, R.queryString(a.name)));
factory('RequestValue.header', () => ({ name: 'X-Tenant' }), (fx, a) => readValue(fx, R.header(a.name)));
factory('RequestValue.context', () => ({ variable: 'requestId' }), (fx, a) => readValue(fx, R.context(a.variable)));
factory('RequestValue.stageVariable', () => ({ name: 'backend' }), (fx, a) => readValue(fx, R.stageVariable(a.name)));
factory('RequestValue.literal', () => ({ value: 'orders' }), (fx, a) => readValue(fx, R.literal(a.value)));

const W = g.WriteCondition;
const conditional = (fx, condition) => route(fx, g.Integration.dynamoDb(fx.table, g.DynamoDbAction.DELETE_ITEM, {
  key: { pk: g.RequestValue.pathParameter('id'), sk: g.RequestValue.queryString('at') }, condition,
}));
for (const method of ['attributeExists', 'attributeNotExists']) {
  factory(`WriteCondition.${method}`, () => ({ attribute: 'lockedBy' }), (fx, a) => conditional(fx, W[method](a.attribute)));
}
for (const method of ['stringEquals', 'numberEquals']) {
  factory(`WriteCondition.${method}`, () => ({ attribute: 'version', value: R.header('If-Match') }), (fx, a) => conditional(fx, W[method](a.attribute, a.value)));
}

const S = g.SortKeyCondition;
for (const method of ['equalTo', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual']) {
  factory(`SortKeyCondition.${method}`, () => ({ attribute: 'sk', value: R.queryString('from') }), (fx, a) => query(fx, S[method](a.attribute, a.value)));
}
factory('SortKeyCondition.between', () => ({ attribute: 'sk', low: R.queryString('from'), high: R.queryString('to') }),
  (fx, a) => query(fx, S.between(a.attribute, a.low, a.high)));
factory('SortKeyCondition.beginsWith', () => ({ attribute: 'sk', prefix: R.queryString('prefix') }), (fx, a) => query(fx, S.beginsWith(a.attribute, a.prefix)));

const privateEndpoint = fx => g.Endpoint.privateInVpc({ vpcEndpoints: [fx.endpoint] });
factory('ApiAccess.fromSourceIps', () => ({ cidrs: ['203.0.113.0/24'] }),
  (fx, a) => rest(fx, { allowOnly: [g.ApiAccess.fromSourceIps(a.cidrs)] }));
factory('ApiAccess.fromVpcs', () => ({ vpcIds: ['vpc-0123456789abcdef0'] }),
  (fx, a) => rest(fx, { endpoint: privateEndpoint(fx), allowOnly: [g.ApiAccess.fromVpcs(a.vpcIds)] }));
factory('ApiAccess.fromVpcEndpoints', () => ({ vpcEndpointIds: ['vpce-0123456789abcdef0'] }),
  (fx, a) => rest(fx, { endpoint: privateEndpoint(fx), allowOnly: [g.ApiAccess.fromVpcEndpoints(a.vpcEndpointIds)] }));
factory('ApiAccess.fromAccounts', () => ({ accountIds: ['222222222222'] }),
  (fx, a) => rest(fx, { allowOnly: [g.ApiAccess.fromAccounts(a.accountIds)] }));
factory('ApiAccess.fromOrganization', () => ({ organizationId: 'o-a1b2c3d4e5' }),
  (fx, a) => rest(fx, { allowOnly: [g.ApiAccess.fromOrganization(a.organizationId)] }));
factory('Waf.managed', () => ({}), (fx, a) => rest(fx, { waf: g.Waf.managed(a.options) }));
factoryOptions('ManagedWafOptions', 'Waf.managed', () => ({}));
factory('Waf.fromWebAclArn', () => ({ webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/api/0123' }),
  (fx, a) => rest(fx, { waf: g.Waf.fromWebAclArn(a.webAclArn) }));
const managedWaf = (fx, options) => rest(fx, { waf: g.Waf.managed(options) });
factory('WafRuleOverride.ruleAction', () => ({ group: g.WafManagedRuleGroup.COMMON, ruleName: 'SizeRestrictions_BODY', action: g.WafRuleAction.COUNT }),
  (fx, a) => managedWaf(fx, { ruleOverrides: [g.WafRuleOverride.ruleAction(a.group, a.ruleName, a.action)] }));
factory('WafLogging.toLogGroup', fx => ({ logGroup: fx.wafLogGroup }),
  (fx, a) => managedWaf(fx, { logging: g.WafLogging.toLogGroup(a.logGroup, a.options) }));
factoryOptions('WafLoggingOptions', 'WafLogging.toLogGroup', () => ({}));
factory('WafLogging.toBucket', fx => ({ bucket: fx.wafBucket }),
  (fx, a) => managedWaf(fx, { logging: g.WafLogging.toBucket(a.bucket, a.options) }));
factory('WafLogging.toFirehose', fx => ({ deliveryStream: fx.wafStream }),
  (fx, a) => managedWaf(fx, { logging: g.WafLogging.toFirehose(a.deliveryStream, a.options) }));
factory('ClientCertificate.fromClientCertificateId', () => ({ clientCertificateId: 'z7rl9t' }),
  (fx, a) => rest(fx, { clientCertificate: g.ClientCertificate.fromClientCertificateId(a.clientCertificateId) }));
factory('Endpoint.privateInVpc', fx => ({ options: { vpcEndpoints: [fx.endpoint] } }),
  (fx, a) => rest(fx, { endpoint: g.Endpoint.privateInVpc(a.options) }));
factoryOptions('PrivateEndpointOptions', 'Endpoint.privateInVpc', fx => ({ vpcEndpoints: [fx.endpoint] }));
factory('ApiKeyValue.fromSecret', fx => ({ secret: fx.secret }),
  (fx, a) => plan(fx).addUsagePlan('Gold').addApiKey('Acme', { value: g.ApiKeyValue.fromSecret(a.secret, a.jsonField) }));

factory('RouteManifest.fromAssembly', () => ({ directory: 'cdk.out' }), (fx, a) => g.RouteManifest.fromAssembly(a.directory));
factory('RouteManifest.fromStacks', fx => ({ stacks: [fx.stack] }), (fx, a) => g.RouteManifest.fromStacks(a.stacks));
factory('RouteManifest.diff', fx => ({ before: g.RouteManifest.fromStacks([fx.stack]), after: g.RouteManifest.fromStacks([fx.stack]) }),
  (fx, a) => g.RouteManifest.diff(a.before, a.after));

factory('GatehouseChecks.enable', fx => ({ scope: fx.stack }), (fx, a) => g.GatehouseChecks.enable(a.scope));

factory('addRoute', () => ({ routeKey: ROUTE, integration: I.mock() }), (fx, a) => new g.RestGateway(fx.stack, 'Api').addRoute(a.routeKey, a.integration));
factory('addUsagePlan', () => ({ id: 'Gold' }), (fx, a) => plan(fx).addUsagePlan(a.id));
factory('addStage', () => ({ stageName: 'staging' }), (fx, a) => withRoute(fx).addStage(a.stageName));
factory('addApiKey', () => ({ nameOrKey: 'Acme' }), (fx, a) => plan(fx).addUsagePlan('Gold').addApiKey(a.nameOrKey));
factory('grantInvoke', fx => ({ grantee: fx.role }), (fx, a) => withRoute(fx).grantInvoke(a.grantee, a.routeKey));
factory('grantInvalidateCache', fx => ({ grantee: fx.role }), (fx, a) => withRoute(fx).grantInvalidateCache(a.grantee, a.routeKey));
// An added stage's grants take the gateway's arguments, named the same way.
for (const method of ['grantInvoke', 'grantInvalidateCache']) {
  PLACES[`${method}@RestGatewayStage`] = {
    base: fx => ({ grantee: fx.role }),
    run: (fx, a) => withRoute(fx).addStage('staging')[method](a.grantee, a.routeKey),
    prop: k => `${method} ${k}`,
  };
}
factory('grantManageConnections', fx => ({ grantee: fx.role }),
  (fx, a) => new g.WebSocketGateway(fx.stack, 'Api').grantManageConnections(a.grantee));
factory('grantConnect', fx => ({ grantee: fx.role }),
  (fx, a) => new g.WebSocketGateway(fx.stack, 'Api').grantConnect(a.grantee));

/** The struct or argument list a place stands for (its variant after `@` dropped). */
function shapeName(place) {
  return place.split('@')[0];
}

/**
 * Runs `place` with `key` set to `value` (a function of the fixtures to make one), then
 * synthesizes the stack: returns the error thrown, or undefined.
 */
function attempt(place, key, value) {
  const p = PLACES[place];
  if (!p) throw new Error(`no place ${place}`);
  const fx = fixtures(testStack());
  // Arrow functions make the value (from the fixtures); other functions are values themselves.
  const v = typeof value === 'function' && !value.prototype ? value(fx) : value;
  try {
    p.run(fx, { ...p.base(fx), [key]: v });
    Template.fromStack(fx.stack);
    return undefined;
  } catch (e) {
    return e;
  }
}

/** How the library's messages show a value (the test's own rendering, for rows). */
function shown(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof Duration) return value.toHumanString();
  if (Object.getPrototypeOf(value) === Object.prototype) return JSON.stringify(value);
  throw new Error(`say how ${String(value)} is shown`);
}

module.exports = { PLACES, attempt, shown, shapeName };
