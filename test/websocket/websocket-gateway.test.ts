import { Duration, Stack, aws_apigateway as apigw, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Integration, RequestValue, WebSocketGateway, WebSocketGatewayProps } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function gateway(props: WebSocketGatewayProps = {}) {
  const stack = testStack();
  const ws = new WebSocketGateway(stack, 'Chat', props);
  return { stack, ws, template: () => Template.fromStack(stack) };
}

function routeOf(template: Template, routeKey: string): Record<string, any> {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
  expect(routes).toHaveLength(1);
  return routes[0].Properties;
}

function stageOf(template: Template): Record<string, any> {
  return Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
}

describe('WebSocketGateway', () => {
  describe('default', () => {
    const { ws, template } = gateway();
    const t = template();

    test('a WebSocket API routing on the message\'s action field', () => {
      t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', Name: 'Test/Chat',
      });
    });

    test('connections require IAM: a $connect route answered by API Gateway itself', () => {
      expect(routeOf(t, '$connect')).toMatchObject({ AuthorizationType: 'AWS_IAM' });
      t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'MOCK',
        PassthroughBehavior: 'NEVER',
        RequestTemplates: { $default: '{"statusCode": 200}' },
        TemplateSelectionExpression: '\\$default',
      });
      t.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    });

    test('the stage is prod, deployed automatically', () => {
      expect(stageOf(t)).toMatchObject({ StageName: 'prod', AutoDeploy: true });
    });

    test('stage throttle 1000/s burst 2000, execution logs ERROR, no data trace, detailed metrics on', () => {
      expect(stageOf(t).DefaultRouteSettings).toEqual({
        ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, LoggingLevel: 'ERROR', DataTraceEnabled: false, DetailedMetricsEnabled: true,
      });
      expect(stageOf(t).RouteSettings).toBeUndefined();
    });

    test('access logs are JSON with connection, event, route, status, request and error fields, to an owned log group kept one year', () => {
      t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
      const format = JSON.parse(stageOf(t).AccessLogSettings.Format);
      expect(Object.keys(format)).toEqual([
        'requestId', 'extendedRequestId', 'connectionId', 'eventType', 'routeKey', 'messageId', 'status', 'requestTime',
        'sourceIp', 'userAgent', 'integrationLatency', 'integrationStatus', 'integrationError', 'errorMessage',
        'errorResponseType', 'authorizerError',
      ]);
      expect(format).toMatchObject({
        connectionId: '$context.connectionId',
        eventType: '$context.eventType',
        routeKey: '$context.routeKey',
        status: '$context.status',
        requestId: '$context.requestId',
        errorMessage: '$context.error.message',
      });
      expect(ws.accessLogGroup).toBeDefined();
    });

    test('execution logging waits for the account CloudWatch role, set by the shared custom resource', () => {
      t.resourceCountIs('Custom::ApiGatewayAccountLogsRole', 1);
      const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0];
      expect(stage.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^GatehouseAccountLogsRoleSetting/)]));
    });

    test('url is wss://…/prod and callbackUrl https://…/prod', () => {
      const resolve = (value: string) => JSON.stringify(Stack.of(ws).resolve(value));
      expect(resolve(ws.url)).toMatch(/wss:\/\/.*ChatApi.*execute-api\.eu-west-1\..*\/prod/);
      expect(resolve(ws.callbackUrl)).toMatch(/https:\/\/.*ChatApi.*execute-api\.eu-west-1\..*\/prod/);
    });
  });

  describe('the chat of the issue', () => {
    const stack = testStack();
    const onConnect = handler(stack, 'OnConnect');
    const onMessage = handler(stack, 'OnMessage');
    const authFn = handler(stack, 'Auth');
    const ws = new WebSocketGateway(stack, 'Chat', {
      connect: Integration.lambda(onConnect),
      disconnect: Integration.lambda(onConnect),
      defaultRoute: Integration.lambda(onMessage),
      routes: { sendMessage: Integration.lambda(onMessage), typing: Integration.lambda(onMessage) },
      authorization: Authorization.lambdaRequest(authFn, { identitySources: [RequestValue.queryString('token')] }),
    });
    ws.grantManageConnections(onMessage);
    const t = Template.fromStack(stack);

    test('every route is a Lambda proxy integration', () => {
      t.resourceCountIs('AWS::ApiGatewayV2::Route', 5);
      t.resourceCountIs('AWS::ApiGatewayV2::Integration', 5);
      for (const integration of Object.values(t.findResources('AWS::ApiGatewayV2::Integration'))) {
        expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', IntegrationMethod: 'POST' });
        expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(':lambda:path/2015-03-31/functions/');
      }
    });

    test('$connect uses the request authorizer with the token query string; no other route is authorized again', () => {
      t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'REQUEST',
        IdentitySource: ['route.request.querystring.token'],
        AuthorizerUri: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^Auth'), 'Arn'] })])] }),
      });
      expect(routeOf(t, '$connect')).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: expect.stringMatching(/^ChatConnectAuthorizer/) } });
      for (const key of ['$disconnect', '$default', 'sendMessage', 'typing']) expect(routeOf(t, key).AuthorizationType).toBe('NONE');
    });

    test('one Lambda permission per function per API, authorizer included, scoped to this API', () => {
      const permissions = Object.values(t.findResources('AWS::Lambda::Permission'));
      expect(permissions).toHaveLength(3);
      for (const permission of permissions) {
        expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
        expect(JSON.stringify(permission.Properties.SourceArn)).toMatch(/execute-api:eu-west-1:111111111111:",\{"Ref":"ChatApi[0-9A-F]+"\},"\/\*"/);
      }
    });

    test('grantManageConnections allows ManageConnections on this stage\'s @connections only', () => {
      t.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [{
            Action: 'execute-api:ManageConnections',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:aws:execute-api:eu-west-1:111111111111:', { Ref: Match.stringLikeRegexp('^ChatApi') }, '/prod/*/@connections/*']] },
          }],
        },
      });
    });

    test('one-way routes have no route responses', () => {
      t.resourceCountIs('AWS::ApiGatewayV2::RouteResponse', 0);
      t.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 0);
    });
  });

  describe('with options', () => {
    test('with routeSelectionExpression', () => {
      const { template } = gateway({ routeSelectionExpression: '${request.body.type}.${request.body.action}' });
      template().hasResourceProperties('AWS::ApiGatewayV2::Api', { RouteSelectionExpression: '${request.body.type}.${request.body.action}' });
    });

    test('with Authorization.none(): connections need no credentials', () => {
      const { template } = gateway({ authorization: Authorization.none() });
      expect(routeOf(template(), '$connect').AuthorizationType).toBe('NONE');
    });

    test('with a header identity source and several sources', () => {
      const stack = testStack();
      new WebSocketGateway(stack, 'Chat', {
        authorization: Authorization.lambdaRequest(handler(stack, 'Auth'), {
          identitySources: [RequestValue.header('Sec-WebSocket-Protocol'), RequestValue.queryString('token'), RequestValue.stageVariable('tenant'), RequestValue.context('identity.sourceIp')],
        }),
      });
      Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        IdentitySource: ['route.request.header.Sec-WebSocket-Protocol', 'route.request.querystring.token', 'stageVariables.tenant', 'context.identity.sourceIp'],
      });
    });

    test('with throttle, stageName, stageVariables and logging options', () => {
      const group = (stack: any) => new logs.LogGroup(stack, 'Mine');
      const stack = testStack();
      new WebSocketGateway(stack, 'Chat', {
        throttle: { rateLimit: 10, burstLimit: 20 },
        stageName: 'live',
        stageVariables: { env: 'blue' },
        accessLogs: { logGroup: group(stack) },
        executionLogLevel: apigw.MethodLoggingLevel.INFO,
        manageAccountLogsRole: false,
      });
      const t = Template.fromStack(stack);
      expect(stageOf(t)).toMatchObject({
        StageName: 'live',
        StageVariables: { env: 'blue' },
        DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, LoggingLevel: 'INFO' },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/^Mine/), 'Arn'] } },
      });
      t.resourceCountIs('Custom::ApiGatewayAccountLogsRole', 0);
      t.resourceCountIs('AWS::Logs::LogGroup', 1);
    });

    test('with access logs off and execution logs off: no log group, no account role', () => {
      const { template } = gateway({ accessLogs: { enabled: false }, executionLogLevel: apigw.MethodLoggingLevel.OFF });
      expect(stageOf(template()).AccessLogSettings).toBeUndefined();
      template().resourceCountIs('Custom::ApiGatewayAccountLogsRole', 0);
    });

    test('a throttle above the account defaults is a warning', () => {
      const { stack } = gateway({ throttle: { rateLimit: 20_000, burstLimit: 2000 } });
      Annotations.fromStack(stack).hasWarning('/Test/Chat', Match.stringLikeRegexp('quota increase'));
    });

    test('with per-route throttles as route settings, in key order whatever the order of routes', () => {
      const { stack, ws } = gateway();
      const fn = handler(stack, 'Fn');
      ws.addRoute('zeta', Integration.lambda(fn), { throttle: { rateLimit: 1, burstLimit: 2 } });
      ws.addRoute('alpha', Integration.lambda(fn), { throttle: { rateLimit: 3, burstLimit: 4 } });
      ws.addRoute('plain', Integration.lambda(fn));
      const settings = stageOf(Template.fromStack(stack)).RouteSettings;
      expect(Object.keys(settings)).toEqual(['alpha', 'zeta']);
      expect(settings.alpha).toEqual({ ThrottlingRateLimit: 3, ThrottlingBurstLimit: 4, LoggingLevel: 'ERROR', DataTraceEnabled: false, DetailedMetricsEnabled: true });
    });

    test('the stage is created after the routes its settings name', () => {
      const { stack, ws } = gateway();
      ws.addRoute('alpha', Integration.lambda(handler(stack, 'Fn')), { throttle: { rateLimit: 3, burstLimit: 4 } });
      const t = Template.fromStack(stack).toJSON();
      const stageId = Object.keys(t.Resources).find(id => t.Resources[id].Type === 'AWS::ApiGatewayV2::Stage')!;
      const routeIds = Object.keys(t.Resources).filter(id => t.Resources[id].Type === 'AWS::ApiGatewayV2::Route');
      expect(t.Resources[stageId].DependsOn).toEqual(expect.arrayContaining(routeIds));
    });

    test('with a timeout on the route (wins) and on the integration', () => {
      const { stack, ws } = gateway();
      ws.addRoute('slow', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(10) }), { timeout: Duration.seconds(3) });
      ws.addRoute('quick', Integration.lambda(handler(stack, 'Fn2'), { timeout: Duration.millis(500) }));
      const t = Template.fromStack(stack);
      const timeouts = Object.values(t.findResources('AWS::ApiGatewayV2::Integration')).map(i => i.Properties.TimeoutInMillis).filter(Boolean).sort();
      expect(timeouts).toEqual([3000, 500]);
    });

    test('with returnResponse: a route response; a Lambda proxy needs no integration response', () => {
      const { stack, ws } = gateway();
      ws.addRoute('echo', Integration.lambda(handler(stack, 'Fn')), { returnResponse: true });
      const t = Template.fromStack(stack);
      expect(routeOf(t, 'echo').RouteResponseSelectionExpression).toBe('$default');
      t.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { RouteResponseKey: '$default' });
      t.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 0);
    });

    test('with a two-way mock: its body is the answer', () => {
      const { stack, ws } = gateway();
      ws.addRoute('ping', Integration.mock({ body: '{"pong":true}' }), { returnResponse: true });
      Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
        IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"pong":true}' }, TemplateSelectionExpression: '\\$default',
      });
    });

    test('with a mock $connect that refuses connections (maintenance)', () => {
      const { template } = gateway({ connect: Integration.mock({ statusCode: 503 }), authorization: Authorization.none() });
      template().hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 503}' } });
    });

    test('with an HTTP proxy: POST by default, or the given method', () => {
      const { stack, ws } = gateway();
      ws.addRoute('forward', Integration.http('https://backend.example.com/messages'));
      ws.addRoute('put', Integration.http('https://backend.example.com/messages', { method: 'PUT', timeout: Duration.seconds(5) }));
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'POST', IntegrationUri: 'https://backend.example.com/messages' });
      t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'PUT', TimeoutInMillis: 5000 });
    });

    test('with a requestSchema: a model API Gateway checks messages against', () => {
      const { stack, ws } = gateway();
      ws.addRoute('send', Integration.lambda(handler(stack, 'Fn')), {
        requestSchema: { type: apigw.JsonSchemaType.OBJECT, required: ['text'], properties: { text: { type: apigw.JsonSchemaType.STRING, maxLength: 1000 } } },
      });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ApiGatewayV2::Model', {
        ContentType: 'application/json',
        Name: Match.stringLikeRegexp('^[A-Za-z0-9]+$'),
        Schema: {
          $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 1000 } },
        },
      });
      expect(routeOf(t, 'send')).toMatchObject({ ModelSelectionExpression: '\\$default', RequestModels: { $default: expect.stringMatching(/^TestChatRoutessend[0-9A-F]{8}$/) } });
    });

    test('routes declared in props and added later are the same', () => {
      const a = testStack();
      const fnA = handler(a, 'Fn');
      new WebSocketGateway(a, 'Chat', { routes: { send: Integration.lambda(fnA) } });
      const b = testStack();
      const fnB = handler(b, 'Fn');
      new WebSocketGateway(b, 'Chat').addRoute('send', Integration.lambda(fnB));
      expect(Template.fromStack(a).toJSON()).toEqual(Template.fromStack(b).toJSON());
    });
  });

  describe('throws when', () => {
    const fnIn = (stack: any) => handler(stack, 'Fn');

    test('REST-only props (WAF, cache, canary, tracing) are passed, as JavaScript callers can', () => {
      const props = { waf: {}, cache: {}, tracing: true, connect: Integration.mock() } as unknown as WebSocketGatewayProps;
      expect(() => new WebSocketGateway(testStack(), 'Ws', props)).toThrow(new RegExp([
        /\[UnsupportedCombination\] waf is not available on a WebSocketGateway \(WebSocket APIs have no WAF\)/.source,
        /\[UnsupportedCombination\] cache is not available on a WebSocketGateway \(WebSocket APIs have no stage caching\)/.source,
        // X-Ray does not trace WebSocket APIs: the prop was silently ignored.
        /\[UnsupportedCombination\] tracing is not available on a WebSocketGateway \(WebSocket APIs have no X-Ray tracing\), got true/.source,
      ].join('[\\s\\S]*')));
    });

    test('a prop it does not have is passed: the error lists the props it has', () => {
      const props = { stagename: 'v1' } as unknown as WebSocketGatewayProps;
      expect(() => new WebSocketGateway(testStack(), 'Ws', props)).toThrow(
        /\[UnknownProp\] stagename is not a prop of WebSocketGatewayProps, got "v1"; did you mean stageName\? WebSocketGatewayProps has connect, disconnect, defaultRoute, routes, authorization,/);
    });
    test.each<[string, string, RegExp]>([
      ['a reserved-looking key', '$join', /\[InvalidRouteKey\] addRoute\('\$join'\) must be \$connect, \$disconnect, \$default or a custom key without \$.*got "\$join"; use one of the reserved keys, or drop the \$: 'join'/],
      ['an HTTP route key', 'GET /orders', /\[InvalidRouteKey\] .*must be a message action, not METHOD \/path/],
      ['a key with spaces', 'send message', /\[InvalidRouteKey\] .*must be 1-128 letters, digits/],
      ['an empty key', '', /\[InvalidRouteKey\]/],
    ])('the route key is %s', (_name, key, message) => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute(key, Integration.lambda(fnIn(stack)))).toThrow(message);
    });

    test('a route is added twice', () => {
      const { stack, ws } = gateway({ routes: { send: Integration.mock() } });
      expect(() => ws.addRoute('send', Integration.lambda(fnIn(stack)))).toThrow(/\[DuplicateRoute\] addRoute\('send'\) must be unique/);
    });

    test('$connect is added after construction', () => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute('$connect', Integration.lambda(fnIn(stack)))).toThrow(/\[DuplicateRoute\].*pass the \$connect integration as the connect prop/);
    });

    test('$connect is in both connect and routes', () => {
      expect(() => gateway({ connect: Integration.mock(), routes: { $connect: Integration.mock() } })).toThrow(/\[DuplicateRoute\] routes\['\$connect'\]/);
    });

    test('a route sets authorization', () => {
      const { stack, ws } = gateway();
      // Not in WebSocketRouteOptions: as plain JavaScript passes it.
      const options = { authorization: Authorization.iam() } as object;
      expect(() => ws.addRoute('send', Integration.lambda(fnIn(stack)), options))
        .toThrow(/\[UnsupportedCombination\] addRoute\('send'\)\.authorization cannot be set on a WebSocket route: API Gateway authorizes a WebSocket connection once, on \$connect.*set the gateway's authorization prop/);
    });

    test.each<[string, () => Authorization, RegExp]>([
      ['a token authorizer', () => Authorization.lambdaToken(fnIn(testStack())), /cannot use Authorization\.lambdaToken on a WebSocketGateway.*use Authorization\.lambdaRequest/],
      ['a JWT authorizer', () => Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['a'] }), /cannot use Authorization\.jwt on a WebSocketGateway/],
    ])('the authorization is %s', (_name, authorization, message) => {
      expect(() => gateway({ authorization: authorization() })).toThrow(message);
    });

    test('the request authorizer sets cacheTtl or reads the body', () => {
      const stack = testStack();
      expect(() => new WebSocketGateway(stack, 'Chat', {
        authorization: Authorization.lambdaRequest(fnIn(stack), { identitySources: [RequestValue.body()], cacheTtl: Duration.minutes(1) }),
      })).toThrow(/\[UnsupportedCombination\] props\.authorization Authorization\.lambdaRequest cacheTtl cannot be set on a WebSocketGateway[\s\S]*\[InvalidAuthorization\] props\.authorization Authorization\.lambdaRequest identitySources\[0\] must be a header, query string/);
    });

    test.each<[string, object, RegExp]>([
      ['apiKeyRequired', { apiKeyRequired: true }, /\[UnsupportedCombination\] addRoute\('send'\)\.apiKeyRequired cannot be set on a WebSocket route/],
      ['requiredParameters', { requiredParameters: [RequestValue.header('X')] }, /requiredParameters cannot be set on a WebSocket route/],
      ['a bad throttle', { throttle: { rateLimit: -1, burstLimit: 1.5 } }, /\[InvalidThrottle\] addRoute\('send'\)\.throttle\.rateLimit[\s\S]*\[InvalidThrottle\] addRoute\('send'\)\.throttle\.burstLimit/],
      ['a timeout over 29 s', { timeout: Duration.seconds(30) }, /\[InvalidTimeout\] addRoute\('send'\)\.timeout must be whole milliseconds from 50 to 29000 on a WebSocket API/],
    ])('a route sets %s', (_name, options, message) => {
      const { stack, ws } = gateway();
      expect(() => ws.addRoute('send', Integration.lambda(fnIn(stack)), options)).toThrow(message);
    });

    test('$disconnect is two-way or has a request schema', () => {
      expect(() => gateway({ disconnect: Integration.mock() })).not.toThrow();
      const { stack, ws } = gateway();
      // $default is a message route: two-way is fine there.
      expect(() => ws.addRoute('$default', Integration.lambda(fnIn(stack)), { returnResponse: true })).not.toThrow();
    });

    test('a mock sets headers, or a body on a one-way route', () => {
      const { ws } = gateway();
      expect(() => ws.addRoute('a', Integration.mock({ headers: { 'X-A': 'b' } }))).toThrow(/\[UnsupportedCombination\] addRoute\('a'\) Integration\.mock headers cannot be set on a WebSocket route/);
      expect(() => ws.addRoute('b', Integration.mock({ body: '{}' }))).toThrow(/\[InvalidMockResponse\] addRoute\('b'\) Integration\.mock body is only sent on a two-way route/);
    });

    test('an HTTP proxy URL has a path parameter, or the method is ANY', () => {
      const { ws } = gateway();
      expect(() => ws.addRoute('a', Integration.http('https://x.example.com/{id}'))).toThrow(/\[InvalidIntegration\] .*uses \{id\}, but WebSocket routes have no path parameters/);
      expect(() => ws.addRoute('b', Integration.http('https://x.example.com', { method: 'ANY' }))).toThrow(/must be a concrete method on a WebSocket route/);
      expect(() => ws.addRoute('c', Integration.http('ftp://x.example.com'))).toThrow(/must be an absolute http:\/\/ or https:\/\/ URL/);
    });

    test.each<[string, WebSocketGatewayProps, RegExp]>([
      ['the stage name is invalid', { stageName: 'my stage' }, /\[InvalidStage\] stageName must be 1-128 letters, digits, - or _, got "my stage"/],
      ['a stage variable name is invalid', { stageVariables: { 'a-b': 'x' } }, /\[InvalidStage\] stageVariables names must be 1-64/],
      ['the throttle is negative', { throttle: { rateLimit: -1, burstLimit: 5 } }, /\[InvalidThrottle\] throttle\.rateLimit must be a number >= 0, got -1/],
      ['the route selection expression reads no body field', { routeSelectionExpression: '$request.header.action' }, /\[InvalidRouteSelectionExpression\] routeSelectionExpression must be \$request\.body\.<field>/],
      ['access logs set retention with their own group', { accessLogs: { logGroup: logs.LogGroup.fromLogGroupName(testStack(), 'G', 'g'), retention: logs.RetentionDays.ONE_DAY } }, /\[InvalidAccessLogs\] accessLogs\.retention/],
    ])('%s', (_name, props, message) => {
      expect(() => gateway(props)).toThrow(message);
    });

    test('a REST-only integration option meets a WebSocket route', () => {
      const stack = testStack();
      expect(() => new WebSocketGateway(stack, 'Chat', { routes: { a: Integration.lambda(fnIn(stack), { timeout: Duration.millis(10) }) } }))
        .toThrow(/\[InvalidTimeout\] routes\['a'\] integration timeout must be whole milliseconds from 50 to 29000/);
    });

    test('more than 300 routes', () => {
      const { ws } = gateway();
      for (let i = 0; i < 299; i++) ws.addRoute(`r${i}`, Integration.mock());
      expect(() => ws.addRoute('one-too-many', Integration.mock())).toThrow(/\[LimitExceeded\] addRoute\('one-too-many'\) would make route 301; API Gateway's quota "Routes per API" is 300/);
    });

    test('grantManageConnections works with any grantable', () => {
      const { stack, ws } = gateway();
      const role = new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
      expect(ws.grantManageConnections(role).success).toBe(true);
    });
  });
});

describe('WebSocketGateway grantConnect', () => {
  test('IAM clients may open connections: execute-api:Invoke on this stage\'s $connect only', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { stageName: 'live', routes: { send: Integration.mock() } });
    const clients = new iam.Role(stack, 'Clients', { assumedBy: new iam.AccountRootPrincipal() });
    expect(ws.grantConnect(clients).success).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Clients') }],
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', ['arn:aws:execute-api:eu-west-1:111111111111:', { Ref: Match.stringLikeRegexp('^ChatApi') }, '/live/$connect']] },
        }],
      },
    });
  });

  test.each<[string, Authorization]>([
    ['none', Authorization.none()],
    ['a request authorizer', Authorization.lambdaRequest(handler(testStack(), 'Authorizer'), { identitySources: [RequestValue.queryString('token')] })],
  ])('is refused when the gateway\'s authorization is %s (IAM policies would not count)', (_name, authorization) => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { authorization });
    expect(() => ws.grantConnect(new iam.Role(stack, 'Clients', { assumedBy: new iam.AccountRootPrincipal() })))
      .toThrow(/\[UnsupportedCombination\] grantConnect needs the gateway's authorization to be Authorization\.iam\(\): only IAM-authorized connections read IAM policies, got "Authorization\.(none|lambdaRequest)\(\)"; set authorization: Authorization\.iam\(\)/);
  });
});

