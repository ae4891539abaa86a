'use strict';
// Bad input from plain JavaScript, one row per rule: every prop of every gateway, method and
// factory gets a wrong-typed value (and, derived from that row, null), and the props with
// rules of their own get out-of-range and malformed values. Each row asserts the error's
// code and that its message names the prop and the value.

const { Duration, Size } = require('aws-cdk-lib');
const g = require('../../src');
const { ARGUMENTS, STRUCTS } = require('../../src/private/shapes');
const { PLACES, attempt, shown, shapeName } = require('./harness');

const R = g.RequestValue;

/**
 * [place, key, value, code, { prop, shown }]: `place` is a struct (`CorsOptions`, reached
 * through its parent) or a factory / method (`Integration.sqs`, its arguments as keys);
 * `value` may be a function of the fixtures (`fx => fx.queue`). `prop` and `shown` override
 * the expected prop name and value text.
 */
const ROWS = [
  // RestGatewayProps
  ['RestGatewayProps', 'routes', 'GET /', 'InvalidType'],
  ['RestGatewayProps', 'routes', { 'GET /a': {} }, 'InvalidType', { prop: "routes['GET /a']", shown: '{}' }],
  ['RestGatewayProps', 'routes', () => ({ 'GET /a': g.Authorization.iam() }), 'InvalidType', { prop: "routes['GET /a']", shown: 'an Authorization' }],
  ['RestGatewayProps', 'routes', () => ({ 'get /a': g.Integration.mock() }), 'InvalidRouteKey', { prop: "routes['get /a']", shown: '"get /a"' }],
  ['RestGatewayProps', 'defaultAuthorization', 'NONE', 'InvalidType'],
  ['RestGatewayProps', 'throttle', 1000, 'InvalidType'],
  ['RestGatewayProps', 'endpoint', 'PRIVATE', 'InvalidType'],
  ['RestGatewayProps', 'cors', true, 'InvalidType'],
  ['RestGatewayProps', 'stageName', 1, 'InvalidType'],
  ['RestGatewayProps', 'stageName', 'prod stage', 'InvalidStage'],
  ['RestGatewayProps', 'stageVariables', 'backend=v2', 'InvalidType'],
  ['RestGatewayProps', 'stageVariables', { backend: 2 }, 'InvalidType', { prop: "stageVariables['backend']", shown: '2' }],
  ['RestGatewayProps', 'stageVariables', { 'back end': 'v2' }, 'InvalidStage', { shown: '"back end"' }],
  ['RestGatewayProps', 'accessLogs', false, 'InvalidType'],
  ['RestGatewayProps', 'executionLogLevel', 'error', 'InvalidType'],
  ['RestGatewayProps', 'tracing', 'yes', 'InvalidType'],
  ['RestGatewayProps', 'manageAccountLogsRole', 0, 'InvalidType'],
  ['RestGatewayProps', 'binaryMediaTypes', 'image/png', 'InvalidType'],
  ['RestGatewayProps', 'binaryMediaTypes', [42], 'InvalidType', { prop: 'binaryMediaTypes[0]', shown: '42' }],
  ['RestGatewayProps', 'minCompressionSize', 1024, 'InvalidType'],
  ['RestGatewayProps', 'minCompressionSize', Size.mebibytes(11), 'InvalidStage', { shown: '"11534336 bytes"' }],
  ['RestGatewayProps', 'policy', { Statement: [] }, 'InvalidType'],
  ['RestGatewayProps', 'allowOnly', () => g.ApiAccess.fromSourceIps(['203.0.113.0/24']), 'InvalidType', { shown: 'an ApiAccess' }],
  ['RestGatewayProps', 'domain', 'api.example.com', 'InvalidType'],
  ['RestGatewayProps', 'waf', true, 'InvalidType'],
  ['RestGatewayProps', 'cache', true, 'InvalidType'],
  ['RestGatewayProps', 'canary', 10, 'InvalidType'],
  ['RestGatewayProps', 'pinnedVersion', 1, 'InvalidType'],
  ['RestGatewayProps', 'pinnedVersion', 'v1', 'InvalidCanary'],
  ['RestGatewayProps', 'apiKeySource', 'header', 'InvalidType'],
  ['RestGatewayProps', 'apiName', 1, 'InvalidType'],
  ['RestGatewayProps', 'description', false, 'InvalidType'],
  ['RestGatewayProps', 'stagename', 'v1', 'UnknownProp'],
  ['RestGatewayProps', 'returnResponse', true, 'UnknownProp'],

  // HttpGatewayProps
  ['HttpGatewayProps', 'routes', [], 'InvalidType'],
  ['HttpGatewayProps', 'routes', { 'GET /a': 'handler' }, 'InvalidType', { prop: "routes['GET /a']", shown: '"handler"' }],
  ['HttpGatewayProps', 'defaultAuthorization', {}, 'InvalidType'],
  ['HttpGatewayProps', 'throttle', '1000', 'InvalidType'],
  ['HttpGatewayProps', 'cors', ['*'], 'InvalidType'],
  ['HttpGatewayProps', 'stageName', 2, 'InvalidType'],
  ['HttpGatewayProps', 'stageName', 'v 1', 'InvalidStage'],
  ['HttpGatewayProps', 'stageVariables', [], 'InvalidType'],
  ['HttpGatewayProps', 'accessLogs', 'off', 'InvalidType'],
  ['HttpGatewayProps', 'domain', true, 'InvalidType'],
  ['HttpGatewayProps', 'apiName', {}, 'InvalidType'],
  ['HttpGatewayProps', 'description', 1, 'InvalidType'],
  ['HttpGatewayProps', 'cache', {}, 'UnsupportedCombination', { shown: '"(set)"' }],
  ['HttpGatewayProps', 'tracing', true, 'UnsupportedCombination'],
  ['HttpGatewayProps', 'allowOnly', () => [g.ApiAccess.fromSourceIps(['203.0.113.0/24'])], 'UnsupportedCombination', { shown: '[an ApiAccess]' }],
  ['HttpGatewayProps', 'stagename', '$default', 'UnknownProp'],

  // WebSocketGatewayProps
  ['WebSocketGatewayProps', 'connect', 'lambda', 'InvalidType'],
  ['WebSocketGatewayProps', 'disconnect', {}, 'InvalidType'],
  ['WebSocketGatewayProps', 'defaultRoute', 1, 'InvalidType'],
  ['WebSocketGatewayProps', 'routes', ['send'], 'InvalidType'],
  ['WebSocketGatewayProps', 'routes', { send: {} }, 'InvalidType', { prop: "routes['send']", shown: '{}' }],
  ['WebSocketGatewayProps', 'authorization', 'iam', 'InvalidType'],
  ['WebSocketGatewayProps', 'routeSelectionExpression', 1, 'InvalidType'],
  ['WebSocketGatewayProps', 'routeSelectionExpression', 'action', 'InvalidRouteSelectionExpression'],
  ['WebSocketGatewayProps', 'throttle', [], 'InvalidType'],
  ['WebSocketGatewayProps', 'stageName', 1, 'InvalidType'],
  ['WebSocketGatewayProps', 'stageVariables', 'x', 'InvalidType'],
  ['WebSocketGatewayProps', 'accessLogs', true, 'InvalidType'],
  ['WebSocketGatewayProps', 'executionLogLevel', 'DEBUG', 'InvalidType'],
  ['WebSocketGatewayProps', 'manageAccountLogsRole', 'no', 'InvalidType'],
  ['WebSocketGatewayProps', 'apiName', 1, 'InvalidType'],
  ['WebSocketGatewayProps', 'description', 1, 'InvalidType'],
  ['WebSocketGatewayProps', 'tracing', true, 'UnsupportedCombination'],
  ['WebSocketGatewayProps', 'cors', { allowOrigins: ['*'] }, 'UnknownProp'],
  ['WebSocketGatewayProps', 'domain', { domainName: 'ws.example.com' }, 'UnknownProp'],

  // RouteOptions (REST, with a stage cache), on an HttpGateway, and WebSocketRouteOptions
  ['RouteOptions', 'authorization', 'NONE', 'InvalidType'],
  ['RouteOptions', 'apiKeyRequired', 'true', 'InvalidType'],
  ['RouteOptions', 'throttle', 5, 'InvalidType'],
  ['RouteOptions', 'cache', false, 'InvalidType'],
  ['RouteOptions', 'requestSchema', 'schema.json', 'InvalidType'],
  ['RouteOptions', 'requestSchema', { type: 'object' }, 'InvalidSchema', { shown: '"GET /items/{id}"' }],
  ['RouteOptions', 'requiredParameters', () => R.header('X-Tenant'), 'InvalidType', { shown: 'header("X-Tenant")' }],
  ['RouteOptions', 'requiredParameters', ['X-Tenant'], 'InvalidType', { prop: 'requiredParameters[0]', shown: '"X-Tenant"' }],
  ['RouteOptions', 'requiredParameters', () => [R.jsonPath('$.a')], 'InvalidRequestValue', { prop: 'requiredParameters[0]', shown: 'jsonPath("$.a")' }],
  ['RouteOptions', 'timeout', 5000, 'InvalidType'],
  ['RouteOptions', 'timeout', Duration.millis(10), 'InvalidTimeout'],
  ['RouteOptions', 'returnResponse', true, 'UnknownProp'],
  ['RouteOptions@HttpGateway', 'apiKeyRequired', true, 'UnsupportedCombination'],
  ['RouteOptions@HttpGateway', 'cache', {}, 'UnsupportedCombination', { shown: '"(set)"' }],
  ['RouteOptions@HttpGateway', 'timeout', '10s', 'InvalidType'],
  ['RouteOptions@HttpGateway', 'timeout', Duration.seconds(30), 'InvalidTimeout'],
  ['WebSocketRouteOptions', 'authorization', () => g.Authorization.iam(), 'UnsupportedCombination', { shown: '"send"' }],
  ['WebSocketRouteOptions', 'apiKeyRequired', 1, 'InvalidType'],
  ['WebSocketRouteOptions', 'throttle', { rateLimit: -1, burstLimit: 1 }, 'InvalidThrottle', { prop: 'throttle.rateLimit', shown: '-1' }],
  ['WebSocketRouteOptions', 'cache', 'yes', 'InvalidType'],
  ['WebSocketRouteOptions', 'requestSchema', [], 'InvalidType'],
  ['WebSocketRouteOptions', 'requiredParameters', {}, 'InvalidType'],
  ['WebSocketRouteOptions', 'timeout', 100, 'InvalidType'],
  ['WebSocketRouteOptions', 'returnResponse', 'yes', 'InvalidType'],

  // UsagePlanOptions, ApiKeyOptions
  ['UsagePlanOptions', 'throttle', 'fast', 'InvalidType'],
  ['UsagePlanOptions', 'quota', 1000, 'InvalidType'],
  ['UsagePlanOptions', 'routeThrottles', [], 'InvalidType'],
  ['UsagePlanOptions', 'routeThrottles', { 'GET /items/{id}': 5 }, 'InvalidType', { prop: "routeThrottles['GET /items/{id}']", shown: '5' }],
  ['UsagePlanOptions', 'routeThrottles', { 'ANY /items': { rateLimit: 1, burstLimit: 1 } }, 'InvalidUsagePlan', { shown: '"ANY /items"' }],
  ['UsagePlanOptions', 'description', 1, 'InvalidType'],
  ['ApiKeyOptions', 'value', 'my-secret-key-value-1234', 'InvalidType'],
  ['ApiKeyOptions', 'description', 1, 'InvalidType'],
  ['ApiKeyOptions', 'outputKeyId', 'yes', 'InvalidType'],

  // Nested structs
  ['ThrottleSettings', 'rateLimit', '100', 'InvalidType'],
  ['ThrottleSettings', 'rateLimit', -1, 'InvalidThrottle'],
  ['ThrottleSettings', 'rateLimit', Infinity, 'InvalidType'],
  ['ThrottleSettings', 'burstLimit', undefined, 'InvalidType'],
  ['ThrottleSettings', 'burstLimit', 1.5, 'InvalidThrottle'],
  ['ThrottleSettings', 'burstlimit', 2, 'UnknownProp'],
  ['CorsOptions', 'allowOrigins', 'https://app.example.com', 'InvalidType'],
  ['CorsOptions', 'allowOrigins', [], 'InvalidCors'],
  ['CorsOptions', 'allowOrigins', ['ftp://app.example.com'], 'InvalidCors', { shown: '"ftp://app.example.com"' }],
  ['CorsOptions', 'allowMethods', 'GET', 'InvalidType'],
  ['CorsOptions', 'allowMethods', ['get'], 'InvalidCors', { shown: '"get"' }],
  ['CorsOptions', 'allowHeaders', 'Content-Type', 'InvalidType'],
  ['CorsOptions', 'exposeHeaders', {}, 'InvalidType'],
  ['CorsOptions', 'allowCredentials', 'true', 'InvalidType'],
  ['CorsOptions', 'maxAge', 600, 'InvalidType'],
  ['AccessLogOptions', 'enabled', 'false', 'InvalidType'],
  ['AccessLogOptions', 'logGroup', 'my-log-group', 'InvalidType'],
  ['AccessLogOptions', 'retention', 'ONE_YEAR', 'InvalidType'],
  ['AccessLogOptions', 'retention', 42, 'InvalidType'],
  ['DomainOptions', 'domainName', 1, 'InvalidType'],
  ['DomainOptions', 'domainName', 'not a domain', 'InvalidDomain'],
  ['DomainOptions', 'certificate', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc', 'InvalidType'],
  ['DomainOptions', 'hostedZone', 'example.com', 'InvalidType'],
  ['DomainOptions', 'basePath', 1, 'InvalidType'],
  ['DomainOptions', 'basePath', 'v1/orders', 'InvalidDomain'],
  ['DomainOptions', 'mutualTls', true, 'InvalidType'],
  ['DomainOptions', 'keepExecuteApiEndpoint', 'no', 'InvalidType'],
  ['MutualTlsOptions', 'bucket', 'my-bucket', 'InvalidType'],
  ['MutualTlsOptions', 'key', 1, 'InvalidType'],
  ['MutualTlsOptions', 'version', 1, 'InvalidType'],
  ['CacheOptions', 'size', 'GB_0_5', 'InvalidType'],
  ['CacheOptions', 'size', 0.5, 'InvalidType'],
  ['CacheOptions', 'ttl', 300, 'InvalidType'],
  ['CacheOptions', 'ttl', Duration.hours(2), 'InvalidCache'],
  ['CacheOptions', 'encrypted', 'yes', 'InvalidType'],
  ['CacheOptions', 'unauthorizedInvalidation', 'fail', 'InvalidType'],
  ['RouteCacheOptions', 'enabled', 1, 'InvalidType'],
  ['RouteCacheOptions', 'ttl', 60, 'InvalidType'],
  ['RouteCacheOptions', 'ttl', Duration.millis(1500), 'InvalidCache'],
  ['RouteCacheOptions', 'keyParameters', 'lang', 'InvalidType'],
  ['RouteCacheOptions', 'keyParameters', () => [R.jsonPath('$.a')], 'InvalidCache', { prop: 'cache.keyParameters[0]', shown: 'jsonPath("$.a")' }],
  ['CanaryOptions', 'stableVersion', 123, 'InvalidType'],
  ['CanaryOptions', 'stableVersion', undefined, 'InvalidType'],
  ['CanaryOptions', 'trafficPercent', '10', 'InvalidType'],
  ['CanaryOptions', 'trafficPercent', 150, 'InvalidCanary'],
  ['CanaryOptions', 'stageVariableOverrides', 'x', 'InvalidType'],
  ['CanaryOptions', 'useStageCache', 'true', 'InvalidType'],
  ['QuotaSettings', 'limit', '1000', 'InvalidType'],
  ['QuotaSettings', 'limit', -1, 'InvalidUsagePlan'],
  ['QuotaSettings', 'period', 'month', 'InvalidType'],
  ['QuotaSettings', 'offset', '0', 'InvalidType'],
  ['QuotaSettings', 'offset', 1, 'InvalidUsagePlan'],
  ['PrivateEndpointOptions', 'vpc', 'vpc-0123456789abcdef0', 'InvalidType'],
  ['PrivateEndpointOptions', 'subnets', 'private', 'InvalidType'],
  ['PrivateEndpointOptions', 'vpcEndpoints', 'vpce-0123456789abcdef0', 'InvalidType'],
  ['PrivateEndpointOptions', 'vpcEndpoints', ['vpce-0123456789abcdef0'], 'InvalidType', { prop: 'vpcEndpoints[0]', shown: '"vpce-0123456789abcdef0"' }],
  ['ManagedWafOptions', 'rateLimitPerFiveMinutes', '2000', 'InvalidType'],
  ['ManagedWafOptions', 'rateLimitPerFiveMinutes', 5, 'InvalidWaf', { prop: 'waf.rateLimitPerFiveMinutes' }],

  // Integration factories and their options
  ['Integration.lambda', 'handler', 'arn:aws:lambda:eu-west-1:111111111111:function:orders', 'InvalidType'],
  ['Integration.lambda', 'handler', fx => fx.queue, 'InvalidType', { shown: 'Test/Orders' }],
  ['Integration.lambda', 'options', 'fast', 'InvalidType'],
  ['LambdaIntegrationOptions', 'timeout', 10000, 'InvalidType'],
  ['LambdaIntegrationOptions', 'timeout', Duration.millis(10), 'InvalidTimeout', { prop: 'integration timeout' }],
  ['LambdaIntegrationOptions', 'payloadFormatVersion', '2.0', 'InvalidType'],
  ['LambdaIntegrationOptions@HttpGateway', 'payloadFormatVersion', () => require('aws-cdk-lib').aws_apigatewayv2.PayloadFormatVersion.custom('3.0'), 'InvalidIntegration', { shown: '"3.0"' }],
  ['Integration.http', 'url', 42, 'InvalidType'],
  ['Integration.http', 'url', 'backend.example.com', 'InvalidIntegration'],
  ['Integration.http', 'options', 1, 'InvalidType'],
  ['HttpIntegrationOptions', 'method', 1, 'InvalidType'],
  ['HttpIntegrationOptions', 'method', 'get', 'InvalidIntegration'],
  ['HttpIntegrationOptions', 'timeout', '10s', 'InvalidType'],
  ['Integration.mock', 'options', 200, 'InvalidType'],
  ['MockIntegrationOptions', 'statusCode', '200', 'InvalidType'],
  ['MockIntegrationOptions', 'statusCode', 99, 'InvalidMockResponse'],
  ['MockIntegrationOptions', 'body', { ok: true }, 'InvalidType'],
  ['MockIntegrationOptions', 'headers', ['X-A'], 'InvalidType'],
  ['MockIntegrationOptions', 'headers', { 'X-A': 1 }, 'InvalidType', { prop: "headers['X-A']", shown: '1' }],
  ['MockIntegrationOptions', 'headers', { 'X A': 'b' }, 'InvalidMockResponse', { shown: '"X A"' }],
  ['Integration.sqs', 'queue', 'orders', 'InvalidType'],
  ['Integration.sqs', 'options', [], 'InvalidType'],
  ['SqsIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['SqsIntegrationOptions', 'messageBody', '$.body', 'InvalidType'],
  ['SqsIntegrationOptions', 'messageGroupId', 'group', 'InvalidType'],
  ['SqsIntegrationOptions', 'messageGroupId', () => R.header('X-Group'), 'InvalidIntegration', { shown: 'header("X-Group")' }],
  ['SqsIntegrationOptions', 'messageDeduplicationId', 1, 'InvalidType'],
  ['SqsIntegrationOptions', 'messageAttributes', [], 'InvalidType'],
  ['SqsIntegrationOptions', 'messageAttributes', { tenant: 'x' }, 'InvalidType', { prop: "messageAttributes['tenant']", shown: '"x"' }],
  ['SqsIntegrationOptions', 'delay', 30, 'InvalidType'],
  ['SqsIntegrationOptions', 'delay', Duration.minutes(16), 'InvalidIntegration'],
  ['Integration.kinesis', 'stream', fx => fx.queue, 'InvalidType', { shown: 'Test/Orders' }],
  ['Integration.kinesis', 'options', 'x', 'InvalidType'],
  ['KinesisIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['KinesisIntegrationOptions', 'partitionKey', 'userId', 'InvalidType'],
  ['KinesisIntegrationOptions', 'data', {}, 'InvalidType'],
  ['Integration.dynamoDb', 'table', 'Items', 'InvalidType'],
  ['Integration.dynamoDb', 'action', 'GET_ITEM', 'InvalidType'],
  ['Integration.dynamoDb', 'options', undefined, 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'key', 'pk', 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'key', { pk: 'id' }, 'InvalidType', { prop: "key['pk']", shown: '"id"' }],
  ['DynamoDbIntegrationOptions', 'sortKeyCondition', 'sk > 1', 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'indexName', 1, 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'indexName', 'byNothing', 'InvalidDynamoDbKey'],
  ['DynamoDbIntegrationOptions', 'limit', '50', 'InvalidType'],
  ['DynamoDbIntegrationOptions', 'limit', 0, 'InvalidIntegration'],
  ['DynamoDbIntegrationOptions', 'descending', 'yes', 'InvalidType'],
  ['Integration.stepFunctions', 'stateMachine', 'arn:aws:states:eu-west-1:111111111111:stateMachine:m', 'InvalidType'],
  ['Integration.stepFunctions', 'options', true, 'InvalidType'],
  ['StepFunctionsIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['StepFunctionsIntegrationOptions', 'sync', 'true', 'InvalidType'],
  ['StepFunctionsIntegrationOptions', 'input', '$.input', 'InvalidType'],
  ['StepFunctionsIntegrationOptions', 'action', 'START_EXECUTION', 'InvalidType'],
  ['StepFunctionsIntegrationOptions', 'executionArn', 'arn', 'InvalidType'],
  ['Integration.eventBridge', 'bus', 'default', 'InvalidType'],
  ['Integration.eventBridge', 'options', undefined, 'InvalidType'],
  ['EventBridgeIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['EventBridgeIntegrationOptions', 'source', 1, 'InvalidType'],
  ['EventBridgeIntegrationOptions', 'source', 'aws.orders', 'InvalidIntegration'],
  ['EventBridgeIntegrationOptions', 'detailType', undefined, 'InvalidType'],
  ['EventBridgeIntegrationOptions', 'detail', {}, 'InvalidType'],
  ['Integration.privateNlb', 'loadBalancer', 'nlb.example.com', 'InvalidType'],
  ['Integration.privateNlb', 'options', 80, 'InvalidType'],
  ['Integration.privateAlb', 'listener', fx => fx.nlb, 'InvalidType', { shown: 'Test/Nlb' }],
  ['Integration.privateAlb', 'options', 1, 'InvalidType'],
  ['Integration.cloudMap', 'service', 'inventory', 'InvalidType'],
  ['Integration.cloudMap', 'options', 1, 'InvalidType'],
  ['PrivateIntegrationOptions', 'port', '8080', 'InvalidType'],
  ['PrivateIntegrationOptions', 'port', 70000, 'InvalidIntegration'],
  ['PrivateIntegrationOptions', 'port', 8080, 'InvalidIntegration'],
  ['PrivateIntegrationOptions', 'method', 1, 'InvalidType'],
  ['PrivateIntegrationOptions', 'method', 'get', 'InvalidIntegration'],
  ['PrivateIntegrationOptions', 'timeout', 1, 'InvalidType'],
  ['PrivateIntegrationOptions', 'vpc', 'vpc-1', 'InvalidType'],
  ['PrivateIntegrationOptions', 'subnets', [], 'InvalidType'],
  ['PrivateIntegrationOptions', 'networkListener', 'arn', 'InvalidType'],
  ['PrivateIntegrationOptions', 'host', 1, 'InvalidType'],

  // Authorization factories and their options
  ['Authorization.cognito', 'userPool', 'eu-west-1_abc', 'InvalidType'],
  ['Authorization.cognito', 'options', 1, 'InvalidType'],
  ['CognitoAuthorizationOptions', 'scopes', 'orders/read', 'InvalidType'],
  ['CognitoAuthorizationOptions', 'scopes', ['orders read'], 'InvalidAuthorization', { shown: '"orders read"' }],
  ['CognitoAuthorizationOptions', 'cacheTtl', 300, 'InvalidType'],
  ['CognitoAuthorizationOptions', 'userPoolClients', fx => fx.userPoolClient, 'InvalidType', { shown: 'Test/Users/App' }],
  ['Authorization.lambdaToken', 'handler', fx => fx.userPool, 'InvalidType', { shown: 'Test/Users' }],
  ['Authorization.lambdaToken', 'options', 'x', 'InvalidType'],
  ['LambdaTokenAuthorizationOptions', 'identitySource', 'Authorization', 'InvalidType'],
  ['LambdaTokenAuthorizationOptions', 'cacheTtl', 300, 'InvalidType'],
  ['LambdaTokenAuthorizationOptions', 'cacheTtl', Duration.hours(2), 'InvalidAuthorization'],
  ['LambdaTokenAuthorizationOptions', 'validationRegex', /^Bearer .+$/, 'InvalidType', { shown: '/^Bearer .+$/' }],
  ['LambdaTokenAuthorizationOptions', 'validationRegex', '^Bearer (', 'InvalidAuthorization'],
  ['Authorization.lambdaRequest', 'handler', 'fn', 'InvalidType'],
  ['Authorization.lambdaRequest', 'options', undefined, 'InvalidType'],
  ['LambdaRequestAuthorizationOptions', 'identitySources', () => R.header('Authorization'), 'InvalidType', { shown: 'header("Authorization")' }],
  ['LambdaRequestAuthorizationOptions', 'identitySources', [], 'InvalidAuthorization'],
  ['LambdaRequestAuthorizationOptions', 'cacheTtl', 5, 'InvalidType'],
  ['Authorization.jwt', 'options', 'https://issuer.example.com', 'InvalidType'],
  ['JwtAuthorizationOptions', 'issuer', 1, 'InvalidType'],
  ['JwtAuthorizationOptions', 'issuer', 'http://issuer.example.com', 'InvalidAuthorization'],
  ['JwtAuthorizationOptions', 'audiences', 'app', 'InvalidType'],
  ['JwtAuthorizationOptions', 'audiences', [], 'InvalidAuthorization'],
  ['JwtAuthorizationOptions', 'scopes', 'orders/read', 'InvalidType'],
  ['JwtAuthorizationOptions', 'identitySource', 'Authorization', 'InvalidType'],

  // RequestValue, SortKeyCondition, ApiAccess, Waf, Endpoint, ApiKeyValue
  ['RequestValue.jsonPath', 'path', 1, 'InvalidType'],
  ['RequestValue.jsonPath', 'path', 'customer.id', 'InvalidRequestValue', { prop: 'Integration.kinesis partitionKey', shown: '"customer.id"' }],
  ['RequestValue.pathParameter', 'name', 1, 'InvalidType'],
  ['RequestValue.pathParameter', 'name', 'orderId', 'InvalidRequestValue', { prop: 'Integration.kinesis partitionKey', shown: '"orderId"' }],
  ['RequestValue.queryString', 'name', ['lang'], 'InvalidType'],
  ['RequestValue.header', 'name', {}, 'InvalidType'],
  ['RequestValue.header', 'name', 'X Tenant', 'InvalidRequestValue', { prop: 'Integration.kinesis partitionKey', shown: '"X Tenant"' }],
  ['RequestValue.context', 'variable', 1, 'InvalidType'],
  ['RequestValue.context', 'variable', '$context.requestId', 'InvalidRequestValue', { prop: 'Integration.kinesis partitionKey', shown: '"$context.requestId"' }],
  ['RequestValue.stageVariable', 'name', 1, 'InvalidType'],
  ['RequestValue.literal', 'value', 42, 'InvalidType'],
  ['SortKeyCondition.equalTo', 'attribute', 1, 'InvalidType'],
  ['SortKeyCondition.equalTo', 'value', '5', 'InvalidType'],
  ['SortKeyCondition.lessThan', 'attribute', {}, 'InvalidType'],
  ['SortKeyCondition.lessThan', 'value', 5, 'InvalidType'],
  ['SortKeyCondition.lessThanOrEqual', 'attribute', true, 'InvalidType'],
  ['SortKeyCondition.lessThanOrEqual', 'value', [], 'InvalidType'],
  ['SortKeyCondition.greaterThan', 'attribute', ['sk'], 'InvalidType'],
  ['SortKeyCondition.greaterThan', 'value', 'from', 'InvalidType'],
  ['SortKeyCondition.greaterThanOrEqual', 'attribute', 2, 'InvalidType'],
  ['SortKeyCondition.greaterThanOrEqual', 'value', {}, 'InvalidType'],
  ['SortKeyCondition.between', 'attribute', 3, 'InvalidType'],
  ['SortKeyCondition.between', 'low', 1, 'InvalidType'],
  ['SortKeyCondition.between', 'high', 9, 'InvalidType'],
  ['SortKeyCondition.beginsWith', 'attribute', 4, 'InvalidType'],
  ['SortKeyCondition.beginsWith', 'attribute', 'pk', 'InvalidDynamoDbKey', { prop: 'sortKeyCondition', shown: '"pk"' }],
  ['SortKeyCondition.beginsWith', 'prefix', 'a', 'InvalidType'],
  ['ApiAccess.fromSourceIps', 'cidrs', '203.0.113.0/24', 'InvalidType'],
  ['ApiAccess.fromVpcs', 'vpcIds', 'vpc-0123456789abcdef0', 'InvalidType'],
  ['ApiAccess.fromVpcEndpoints', 'vpcEndpointIds', fx => [fx.endpoint], 'InvalidType', { prop: 'vpcEndpointIds[0]', shown: 'Test/Vpce' }],
  ['ApiAccess.fromOrganization', 'organizationId', ['o-a1b2c3d4e5'], 'InvalidType'],
  ['Waf.managed', 'options', 2000, 'InvalidType'],
  ['Waf.fromWebAclArn', 'webAclArn', 1, 'InvalidType'],
  ['Endpoint.private', 'options', fx => fx.vpc, 'InvalidType', { shown: 'Test/Vpc' }],
  ['ApiKeyValue.fromSecret', 'secret', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:key', 'InvalidType'],
  ['ApiKeyValue.fromSecret', 'jsonField', 1, 'InvalidType'],

  // Gateway methods
  ['addRoute', 'routeKey', 42, 'InvalidType'],
  ['addRoute', 'integration', fx => fx.fn, 'InvalidType', { shown: 'Test/Fn' }],
  ['addUsagePlan', 'id', 1, 'InvalidType'],
  ['addUsagePlan', 'id', 'Gold plan', 'InvalidUsagePlan', { prop: "addUsagePlan('Gold plan')" }],
  ['addApiKey', 'nameOrKey', 42, 'InvalidType'],
  ['addApiKey', 'nameOrKey', 'Acme Corp', 'InvalidApiKey', { prop: "addApiKey('Acme Corp')" }],
  ['grantInvoke', 'grantee', 'arn:aws:iam::111111111111:role/caller', 'InvalidType'],
  ['grantInvoke', 'routeKey', 1, 'InvalidType'],
  ['grantInvoke', 'routeKey', 'GET /nope', 'UnknownRoute'],
  ['grantInvalidateCache', 'grantee', fx => fx.queue, 'InvalidType', { shown: 'Test/Orders' }],
  ['grantInvalidateCache', 'routeKey', ['GET /items/{id}'], 'InvalidType'],
  ['grantManageConnections', 'grantee', {}, 'InvalidType'],
];

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A line of the message is the expected problem: `[Code] …prop… rule, got value; fix` (at
 * synthesis, after the construct's path: `  [Test/Api] [Code] …`).
 */
function expectProblem(error, code, prop, value) {
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(TypeError);
  expect(error.message).toMatch(new RegExp(`^(\\s+\\[[^\\]\\n]*\\] )?\\[${code}\\] [^\\n]*${escape(prop)}[^\\n]*, got ${escape(value)}[;:]`, 'm'));
}

function expected(row) {
  const [place, key, value, code, o = {}] = row;
  return { place, key, value, code, prop: o.prop ? o.prop : PLACES[place].prop(key), shown: o.shown ?? shown(value) };
}

describe('bad input from JavaScript', () => {
  test.each(ROWS.map(row => [`${row[0]} ${row[1]}: ${row[3]}`, row]))('%s', (_, row) => {
    const e = expected(row);
    expectProblem(attempt(e.place, e.key, e.value), e.code, e.prop, e.shown);
  });

  // Each prop a row gives a wrong type also refuses null: it is never "not set".
  const typed = [...new Map(ROWS.filter(r => r[3] === 'InvalidType' && !(r[4] ?? {}).prop).map(r => [`${r[0]} ${r[1]}`, r])).values()];
  test.each(typed.map(row => [`${row[0]} ${row[1]}: null`, row]))('%s', (_, row) => {
    const error = attempt(row[0], row[1], null);
    expectProblem(error, 'InvalidType', PLACES[row[0]].prop(row[1]), 'null');
  });

  test('every prop of every struct and every argument has a row', () => {
    const covered = new Set(ROWS.map(([place, key]) => `${shapeName(place)} ${key}`));
    const missing = [
      ...Object.entries(STRUCTS).flatMap(([name, check]) => Object.keys(check.fields).map(key => `${name} ${key}`)),
      ...Object.entries(ARGUMENTS).flatMap(([name, args]) => Object.keys(args).map(key => `${name} ${key}`)),
    ].filter(entry => !covered.has(entry));
    expect(missing).toEqual([]);
  });

  test('every struct and argument list has a place to reach it', () => {
    const names = new Set(Object.keys(PLACES).map(shapeName));
    expect([...Object.keys(STRUCTS), ...Object.keys(ARGUMENTS)].filter(name => !names.has(name))).toEqual([]);
  });
});
