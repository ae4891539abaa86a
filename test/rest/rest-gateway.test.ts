import { CfnParameter, Duration, Size, aws_apigateway as apigw, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Endpoint, Integration, RequestValue, RestGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function gatewayWithOneRoute(props: ConstructorParameters<typeof RestGateway>[2] = {}) {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', props);
  api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'GetOrder')));
  return { stack, api, template: () => Template.fromStack(stack) };
}

function stageMethodSettings(template: Template): Array<Record<string, unknown>> {
  const stages = Object.values(template.findResources('AWS::ApiGateway::Stage'));
  return stages[0].Properties.MethodSettings;
}

describe('RestGateway', () => {
  describe('default', () => {
    const { template } = gatewayWithOneRoute();
    const t = template();

    test('routes require IAM authorization', () => {
      t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM' });
    });

    test('the endpoint is regional', () => {
      t.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    });

    test('the stage is prod with X-Ray on', () => {
      t.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod', TracingEnabled: true });
    });

    test('stage throttle is 1000 requests/s with a burst of 2000, execution logs ERROR, no data trace, metrics on, no caching', () => {
      expect(stageMethodSettings(t)).toEqual([{
        ResourcePath: '/*',
        HttpMethod: '*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 1000,
        ThrottlingBurstLimit: 2000,
        CachingEnabled: false,
      }]);
    });

    test('access logs are JSON with the documented fields, to an owned log group kept one year', () => {
      t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
      const stage = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0];
      const format = JSON.parse(stage.Properties.AccessLogSetting.Format);
      expect(Object.keys(format)).toEqual([
        'requestId', 'extendedRequestId', 'sourceIp', 'caller', 'user', 'requestTime', 'status', 'protocol',
        'responseLength', 'integrationLatency', 'integrationStatus', 'errorMessage', 'authorizerError',
        'httpMethod', 'resourcePath', 'route',
      ]);
      expect(format.requestId).toBe('$context.requestId');
      expect(format.authorizerError).toBe('$context.authorizer.error');
    });

    test('every method uses one request validator that checks bodies and parameters', () => {
      t.resourceCountIs('AWS::ApiGateway::RequestValidator', 1);
      t.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
      t.hasResourceProperties('AWS::ApiGateway::Method', { RequestValidatorId: { Ref: Match.stringLikeRegexp('RequestValidator') } });
    });

    test('path parameters are declared required', () => {
      t.hasResourceProperties('AWS::ApiGateway::Method', { RequestParameters: { 'method.request.path.id': true } });
    });

    test('the stage waits for the account CloudWatch Logs role setting; no role is created or retained per stack', () => {
      t.hasResource('AWS::ApiGateway::Stage', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('GatehouseAccountLogsRoleSetting')]) });
      t.resourceCountIs('Custom::ApiGatewayAccountLogsRole', 1);
      t.hasResourceProperties('Custom::ApiGatewayAccountLogsRole', {
        RoleName: { 'Fn::Join': ['', ['gatehouse-apigateway-logs-', { Ref: 'AWS::Region' }]] },
      });
      const apiGatewayRoles = t.findResources('AWS::IAM::Role', {
        Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'apigateway.amazonaws.com' } })] } },
      });
      expect(Object.keys(apiGatewayRoles)).toEqual([]);
      expect(Object.values(t.toJSON().Resources).filter((r: any) => r.DeletionPolicy === 'Retain' && r.Type === 'AWS::IAM::Role')).toEqual([]);
    });

    test('the handler may create only the one role, attach only the push-to-logs policy and pass it only to API Gateway', () => {
      const roleArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/gatehouse-apigateway-logs-', { Ref: 'AWS::Region' }]] };
      t.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            { Action: 'iam:CreateRole', Effect: 'Allow', Resource: roleArn },
            {
              Action: 'iam:AttachRolePolicy',
              Effect: 'Allow',
              Resource: roleArn,
              Condition: { ArnEquals: { 'iam:PolicyARN': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs']] } } },
            },
            { Action: 'iam:PassRole', Effect: 'Allow', Resource: roleArn, Condition: { StringEquals: { 'iam:PassedToService': 'apigateway.amazonaws.com' } } },
          ]),
        },
      });
    });

    test('aws-cdk-lib creates no AWS::ApiGateway::Account that could overwrite the account setting', () => {
      t.resourceCountIs('AWS::ApiGateway::Account', 0);
    });
  });

  describe('with props', () => {
    test('routes in props', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api', { routes: { 'GET /a': Integration.mock(), 'POST /b': Integration.mock() } });
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::ApiGateway::Method', 2);
    });

    test('defaultAuthorization', () => {
      const { template } = gatewayWithOneRoute({ defaultAuthorization: Authorization.none() });
      template().hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'NONE' });
    });

    test('edge endpoint', () => {
      const { template } = gatewayWithOneRoute({ endpoint: Endpoint.edge() });
      template().hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['EDGE'] } });
    });

    test('stageName, stageVariables and tracing', () => {
      const { template } = gatewayWithOneRoute({ stageName: 'v1', stageVariables: { flag: 'on' }, tracing: false });
      template().hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'v1', Variables: { flag: 'on' }, TracingEnabled: false });
    });

    test('throttle', () => {
      const { template } = gatewayWithOneRoute({ throttle: { rateLimit: 50.5, burstLimit: 100 } });
      expect(stageMethodSettings(template())[0]).toMatchObject({ ThrottlingRateLimit: 50.5, ThrottlingBurstLimit: 100 });
    });

    test('executionLogLevel', () => {
      const { template } = gatewayWithOneRoute({ executionLogLevel: apigw.MethodLoggingLevel.INFO });
      expect(stageMethodSettings(template())[0]).toMatchObject({ LoggingLevel: 'INFO', DataTraceEnabled: false });
    });

    test('access logs off', () => {
      const { template } = gatewayWithOneRoute({ accessLogs: { enabled: false } });
      const t = template();
      t.hasResourceProperties('AWS::ApiGateway::Stage', { AccessLogSetting: Match.absent() });
      t.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 365 }, 1); // only the role handler's own
    });

    test('access logs to a log group of your own', () => {
      const stack = testStack();
      const group = new logs.LogGroup(stack, 'Mine', { retention: logs.RetentionDays.ONE_WEEK });
      const api = new RestGateway(stack, 'Api', { accessLogs: { logGroup: group } });
      api.addRoute('GET /a', Integration.mock());
      expect(api.accessLogGroup).toBe(group);
      const [stage] = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Stage'));
      // The group's ARN built from its name, or its Arn attribute where aws-cdk-lib's
      // @aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard flag is on (newer than the floor).
      expect(JSON.stringify(stage.Properties.AccessLogSetting.DestinationArn)).toMatch(/"Mine[0-9A-F]{8}"/);
    });

    test('access log retention', () => {
      const { template } = gatewayWithOneRoute({ accessLogs: { retention: logs.RetentionDays.ONE_MONTH } });
      template().hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    test('manageAccountLogsRole off leaves the account setting alone', () => {
      const { template } = gatewayWithOneRoute({ manageAccountLogsRole: false });
      template().resourceCountIs('Custom::ApiGatewayAccountLogsRole', 0);
    });

    test('execution logging off needs no account role', () => {
      const { template } = gatewayWithOneRoute({ executionLogLevel: apigw.MethodLoggingLevel.OFF });
      template().resourceCountIs('Custom::ApiGatewayAccountLogsRole', 0);
    });

    test('two gateways in a stack share one account role setting', () => {
      const stack = testStack();
      new RestGateway(stack, 'A').addRoute('GET /a', Integration.mock());
      new RestGateway(stack, 'B').addRoute('GET /b', Integration.mock());
      Template.fromStack(stack).resourceCountIs('Custom::ApiGatewayAccountLogsRole', 1);
    });

    test('binaryMediaTypes, minCompressionSize, policy, apiName, description', () => {
      const policy = new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: ['execute-api:/*'] })],
      });
      const { template } = gatewayWithOneRoute({
        binaryMediaTypes: ['image/png'], minCompressionSize: Size.kibibytes(1), policy, apiName: 'orders', description: 'Orders',
      });
      template().hasResourceProperties('AWS::ApiGateway::RestApi', {
        BinaryMediaTypes: ['image/png'],
        MinimumCompressionSize: 1024,
        Name: 'orders',
        Description: 'Orders',
        Policy: Match.objectLike({ Statement: [Match.objectLike({ Action: 'execute-api:Invoke' })] }),
      });
    });

    test('url, api and stage attributes', () => {
      const { stack, api } = gatewayWithOneRoute();
      const url = JSON.stringify(stack.resolve(api.url));
      expect(url).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Ref":"Api.*"\},".execute-api.eu-west-1.",\{"Ref":"AWS::URLSuffix"\},"\/",\{"Ref":"ApiStage.*"\},"\/"\]\]\}$/);
      expect(api.stage).toBeInstanceOf(apigw.Stage);
      expect(api.api).toBeInstanceOf(apigw.RestApi);
    });
  });

  describe('route options', () => {
    test('per-route throttle becomes a method setting', () => {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api');
      api.addRoute('GET /orders/{id}', Integration.mock(), { throttle: { rateLimit: 5, burstLimit: 10 } });
      expect(stageMethodSettings(Template.fromStack(stack))).toContainEqual({
        ResourcePath: '/~1orders~1{id}',
        HttpMethod: 'GET',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 5,
        ThrottlingBurstLimit: 10,
        CachingEnabled: false,
      });
    });

    test('a throttle on the root route names the root resource /', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api').addRoute('GET /', Integration.mock(), { throttle: { rateLimit: 5, burstLimit: 10 } });
      expect(stageMethodSettings(Template.fromStack(stack))).toContainEqual(expect.objectContaining({ ResourcePath: '/', HttpMethod: 'GET', ThrottlingRateLimit: 5 }));
    });

    test('requestSchema becomes a model the method validates against', () => {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api');
      api.addRoute('POST /orders', Integration.mock(), {
        requestSchema: { type: apigw.JsonSchemaType.OBJECT, required: ['sku'], properties: { sku: { type: apigw.JsonSchemaType.STRING } } },
      });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ApiGateway::Model', {
        ContentType: 'application/json',
        Schema: Match.objectLike({ type: 'object', required: ['sku'] }),
      });
      t.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: 'POST', RequestModels: { 'application/json': { Ref: Match.stringLikeRegexp('RequestModel') } },
      });
    });

    test('requiredParameters are declared required', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api').addRoute('GET /search', Integration.mock(), {
        requiredParameters: [RequestValue.queryString('q'), RequestValue.header('X-Tenant')],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
        RequestParameters: { 'method.request.querystring.q': true, 'method.request.header.X-Tenant': true },
      });
    });

    test('apiKeyRequired marks the method and warns while no usage plan grants keys', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api').addRoute('GET /reports', Integration.mock(), { apiKeyRequired: true });
      Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', { ApiKeyRequired: true });
      Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('GET /reports require an API key but no usage plan'));
    });

    test('route timeout wins over the integration timeout', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(10) }),
        { timeout: Duration.seconds(3) });
      Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', { Integration: { TimeoutInMillis: 3000 } });
    });
  });

  test('paths take every character API Gateway accepts in a REST path part ($ and :)', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /$appliances:all', Integration.mock());
    api.addRoute('POST /v1/events:batch', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '$appliances:all' });
    t.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'events:batch' });
  });

  describe('grantInvoke', () => {
    test('the whole stage', () => {
      const { stack, api } = gatewayWithOneRoute();
      const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
      api.grantInvoke(role);
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/prod/\\*/\\*$')])] } }] },
      });
    });

    test('one route, path parameters as wildcards', () => {
      const { stack, api } = gatewayWithOneRoute();
      const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
      api.grantInvoke(role, 'GET /orders/{id}');
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/prod/GET/orders/\\*$')])] } }] },
      });
    });

    test('throws when the route does not exist', () => {
      const { stack, api } = gatewayWithOneRoute();
      const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
      expect(() => api.grantInvoke(role, 'GET /nope')).toThrow(/\[UnknownRoute\] grantInvoke routeKey must be a route of this gateway, got "GET \/nope"; add the route first, or use one of: GET \/orders\/\{id\}/);
    });
  });

  describe('throws when', () => {
    test.each([
      [{ throttle: { rateLimit: 10, burstLimit: -5 } }, /\[InvalidThrottle\] throttle.burstLimit must be a whole number >= 0, got -5; set the bucket size/],
      [{ throttle: { rateLimit: -1, burstLimit: 5 } }, /\[InvalidThrottle\] throttle.rateLimit must be a number >= 0, got -1/],
      [{ throttle: { rateLimit: 1, burstLimit: 1.5 } }, /\[InvalidThrottle\] throttle.burstLimit must be a whole number >= 0, got 1.5/],
      [{ stageName: 'my stage' }, /\[InvalidStage\] stageName must be 1-128 letters, digits, - or _, got "my stage"/],
      [{ stageVariables: { 'bad-name': 'x' } }, /\[InvalidStage\] stageVariables names must be 1-64 letters, digits or _, got "bad-name"/],
      [{ minCompressionSize: Size.mebibytes(11) }, /\[InvalidStage\] minCompressionSize must be from 0 to 10 MiB/],
      [{ accessLogs: { enabled: false, retention: logs.RetentionDays.ONE_DAY } }, /\[InvalidAccessLogs\] accessLogs.enabled is false, so logGroup and retention would be ignored/],
      [{ cors: { allowOrigins: [] } }, /\[InvalidCors\] cors.allowOrigins must name at least one origin/],
    ])('props are invalid (%#)', (props, message) => {
      expect(() => new RestGateway(testStack(), 'Api', props)).toThrow(message);
    });

    test('it has no routes: API Gateway cannot deploy a REST API without methods', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api');
      expect(() => Template.fromStack(stack)).toThrow(/\[NoRoutes\] routes must hold at least one route: API Gateway cannot deploy a REST API without methods, got 0; add a route/);
    });

    test('a method added only through the escape hatch (api) counts as a route', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api').api.root.addMethod('GET', new apigw.MockIntegration());
      Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Method', 1);
    });

    test('every problem is reported at once, with the construct path', () => {
      expect(() => new RestGateway(testStack(), 'Api', { throttle: { rateLimit: -1, burstLimit: -1 }, stageName: '' }))
        .toThrow(/rateLimit[\s\S]*burstLimit[\s\S]*stageName[\s\S]*at construct Test\/Api/);
    });

    test('a custom log group is given a retention', () => {
      const stack = testStack();
      const group = new logs.LogGroup(stack, 'Mine');
      expect(() => new RestGateway(stack, 'Api', { accessLogs: { logGroup: group, retention: logs.RetentionDays.ONE_DAY } }))
        .toThrow(/\[InvalidAccessLogs\] accessLogs.retention only applies to the log group the gateway creates/);
    });

    test.each([
      ['get /orders', /\[InvalidRouteKey\] addRoute\('get \/orders'\) must start with one of GET/],
      ['GET /orders/', /\[InvalidRouteKey\].*must not end with \/.*drop the trailing slash: 'GET \/orders'/],
      ['GET /{proxy+}/x', /greedy parameter/],
      ['GET /a~b', /\[InvalidRouteKey\] addRoute\('GET \/a~b'\) segment 'a~b' must be letters, digits, \. _ - : \$/],
    ])('the route key %s is malformed', (key, message) => {
      expect(() => new RestGateway(testStack(), 'Api').addRoute(key, Integration.mock())).toThrow(message);
    });

    test('a route is added twice', () => {
      const api = new RestGateway(testStack(), 'Api', { routes: { 'GET /orders/{id}': Integration.mock() } });
      expect(() => api.addRoute('GET /orders/{orderId}', Integration.mock())).toThrow(/\[DuplicateRoute\] addRoute\('GET \/orders\/\{orderId\}'\) must be unique, but 'GET \/orders\/\{id\}' already matches the same requests/);
    });

    test('sibling path parameters have different names', () => {
      const api = new RestGateway(testStack(), 'Api', { routes: { 'GET /orders/{id}': Integration.mock() } });
      expect(() => api.addRoute('GET /orders/{orderId}/items', Integration.mock())).toThrow(/\[ConflictingPathParameter\]/);
    });

    test('a route throttle is invalid', () => {
      const api = new RestGateway(testStack(), 'Api');
      expect(() => api.addRoute('GET /a', Integration.mock(), { throttle: { rateLimit: 1, burstLimit: -2 } }))
        .toThrow(/\[InvalidThrottle\] addRoute\('GET \/a'\).throttle.burstLimit must be a whole number >= 0, got -2/);
    });

    test('a request schema is set on a method without a body', () => {
      const api = new RestGateway(testStack(), 'Api');
      expect(() => api.addRoute('GET /a', Integration.mock(), { requestSchema: { type: apigw.JsonSchemaType.OBJECT } }))
        .toThrow(/\[InvalidSchema\] addRoute\('GET \/a'\).requestSchema needs a method with a body, not GET/);
    });

    test('a required parameter is not a query string or header', () => {
      const api = new RestGateway(testStack(), 'Api');
      expect(() => api.addRoute('GET /a', Integration.mock(), { requiredParameters: [RequestValue.body()] }))
        .toThrow(/\[InvalidRequestValue\] addRoute\('GET \/a'\).requiredParameters\[0\] must be a query string or header, got body\(\)/);
    });

    test('a required header name is invalid', () => {
      const api = new RestGateway(testStack(), 'Api');
      expect(() => api.addRoute('GET /a', Integration.mock(), { requiredParameters: [RequestValue.header('X Tenant')] }))
        .toThrow(/\[InvalidRequestValue\] .*must be a valid HTTP header name, got "X Tenant"/);
    });

    test('the API would exceed 300 resources (paths)', () => {
      const api = new RestGateway(testStack(), 'Api');
      for (let i = 0; i < 300; i++) api.addRoute(`GET /r${i}`, Integration.mock());
      expect(() => api.addRoute('GET /one-more', Integration.mock()))
        .toThrow(/\[LimitExceeded\] addRoute\('GET \/one-more'\) would make 301 resources \(adding \/one-more\); API Gateway's quota "Resources per API" is 300/);
    });
  });

  describe('warns when', () => {
    test('the stage throttle is above the account defaults', () => {
      const stack = testStack();
      new RestGateway(stack, 'Api', { throttle: { rateLimit: 20_000, burstLimit: 5000 } }).addRoute('GET /a', Integration.mock());
      Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('above API Gateway\'s default account limits'));
    });
  });

  test('tokens are not validated', () => {
    const stack = testStack();
    const rate = new CfnParameter(stack, 'Rate', { type: 'Number' }).valueAsNumber;
    expect(() => new RestGateway(stack, 'Api', { throttle: { rateLimit: rate, burstLimit: rate } })).not.toThrow();
  });
});
