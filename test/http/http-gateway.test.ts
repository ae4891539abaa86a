import { Duration, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ApiAccess, Authorization, HttpGateway, HttpGatewayProps, Integration, RequestValue } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function synth(build: (api: HttpGateway, fn: ReturnType<typeof handler>) => void, props: HttpGatewayProps = {}): Template {
  const stack = testStack();
  const fn = handler(stack, 'Fn');
  build(new HttpGateway(stack, 'Api', props), fn);
  return Template.fromStack(stack);
}

describe('HttpGateway', () => {
  test('default: an HTTP API, an auto-deployed $default stage with throttling, metrics and JSON access logs for a year', () => {
    const t = synth(api => api.addRoute('GET /orders/{id}', Integration.lambda(handler(api, 'Orders'))));
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, DetailedMetricsEnabled: true },
      RouteSettings: Match.absent(),
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('"route":"\\$context.routeKey"') },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    t.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
  });

  test('every route requires IAM by default', () => {
    const t = synth((api, fn) => api.addRoute('GET /orders', Integration.lambda(fn)));
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /orders', AuthorizationType: 'AWS_IAM', AuthorizerId: Match.absent() });
  });

  test('access logs are valid JSON with stable field names', () => {
    const t = synth((api, fn) => api.addRoute('GET /a', Integration.lambda(fn)));
    const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const fields = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['requestId', 'sourceIp', 'route', 'status', 'integrationLatency', 'authorizerError']));
  });

  test('with routes in props, defaultAuthorization, stageName and stageVariables', () => {
    const stack = testStack();
    const fn = handler(stack, 'Fn');
    const api = new HttpGateway(stack, 'Api', {
      routes: { 'GET /a': Integration.lambda(fn), '$default': Integration.http('https://example.com') },
      defaultAuthorization: Authorization.none(),
      stageName: 'v1',
      stageVariables: { color: 'blue' },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'NONE' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /a', AuthorizationType: 'NONE' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'v1', StageVariables: { color: 'blue' } });
    expect(JSON.stringify(stack.resolve(api.url))).toMatch(/"\.execute-api\.eu-west-1\.",\{"Ref":"AWS::URLSuffix"\},"\/v1\/"\]/);
  });

  test('per-route throttles become route settings, sorted, and the stage waits for the routes', () => {
    const t = synth((api, fn) => {
      api.addRoute('POST /b', Integration.lambda(fn), { throttle: { rateLimit: 5, burstLimit: 10 } });
      api.addRoute('GET /a', Integration.lambda(fn), { throttle: { rateLimit: 50, burstLimit: 100 } });
    }, { throttle: { rateLimit: 500, burstLimit: 1000 } });
    const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000, DetailedMetricsEnabled: true });
    expect(stage.Properties.RouteSettings).toEqual({
      'GET /a': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, DetailedMetricsEnabled: true },
      'POST /b': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10, DetailedMetricsEnabled: true },
    });
    expect(Object.keys(stage.Properties.RouteSettings)).toEqual(['GET /a', 'POST /b']);
    expect(stage.DependsOn).toHaveLength(2);
  });

  test('with cors: the HTTP API CORS configuration, defaults filled in', () => {
    const t = synth((api, fn) => api.addRoute('GET /a', Integration.lambda(fn)), {
      cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true, maxAge: Duration.minutes(10), allowMethods: ['GET', 'POST'] },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://app.example.com'],
        AllowCredentials: true,
        MaxAge: 600,
        AllowMethods: ['GET', 'POST'],
        AllowHeaders: Match.arrayWith(['Content-Type', 'Authorization']),
      },
    });
  });

  test('with accessLogs off, or to your own log group', () => {
    synth((api, fn) => api.addRoute('GET /a', Integration.lambda(fn)), { accessLogs: { enabled: false } })
      .hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: Match.absent() });
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Mine', { retention: logs.RetentionDays.ONE_MONTH });
    const api = new HttpGateway(stack, 'Api', { accessLogs: { logGroup: group } });
    expect(api.accessLogGroup).toBe(group);
    Template.fromStack(stack).resourceCountIs('AWS::Logs::LogGroup', 1);
  });

  test('grantInvoke: the whole stage, one route, or $default', () => {
    const stack = testStack();
    const fn = handler(stack, 'Fn');
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /orders/{id}', Integration.lambda(fn));
    api.addRoute('ANY /files/{proxy+}', Integration.lambda(fn));
    api.addRoute('$default', Integration.lambda(fn));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(role, 'GET /orders/{id}');
    api.grantInvoke(role, 'ANY /files/{proxy+}');
    const resources = (Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement[0].Resource as unknown[])
      .map(r => JSON.stringify(r));
    expect(resources.some(r => r.includes('/$default/GET/orders/*'))).toBe(true);
    expect(resources.some(r => r.includes('/$default/*/files/*'))).toBe(true);
    expect(() => api.grantInvoke(role, 'GET /nope')).toThrow(/\[UnknownRoute\] grantInvoke routeKey must be a route of this gateway/);
    const stage = stack.resolve(api.grantInvoke(new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() }), '$default').principalStatements[0].resources);
    expect(JSON.stringify(stage)).toContain('/$default/*/*');
  });

  test('a throttle above the account defaults is a warning', () => {
    const stack = testStack();
    new HttpGateway(stack, 'Api', { throttle: { rateLimit: 20000, burstLimit: 100 } });
    Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('ThrottleAboveAccountDefault'));
  });

  test('the route resource is returned as an escape hatch', () => {
    const stack = testStack();
    const route = new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')));
    expect(stack.resolve(route.routeKey)).toBe('GET /a');
  });
});

describe('HttpGateway route keys', () => {
  test.each([
    ['GET orders', /\[InvalidRouteKey\]/],
    ['get /orders', /\[InvalidRouteKey\]/],
    ['GET /files/{proxy+}/x', /greedy parameter/],
    ['GET /a/', /must not end with \//],
    ['$connect', /\[InvalidRouteKey\]/],
  ])('%s is refused', (key, message) => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute(key, Integration.lambda(handler(stack, 'Fn')))).toThrow(message);
  });

  test('duplicates and conflicting parameters are refused, $default once', () => {
    const stack = testStack();
    const fn = handler(stack, 'Fn');
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /orders/{id}', Integration.lambda(fn));
    api.addRoute('$default', Integration.lambda(fn));
    expect(() => api.addRoute('GET /orders/{orderId}', Integration.lambda(fn))).toThrow(/\[DuplicateRoute\]/);
    expect(() => api.addRoute('POST /orders/{orderId}', Integration.lambda(fn))).toThrow(/\[ConflictingPathParameter\]/);
    expect(() => api.addRoute('$default', Integration.lambda(fn))).toThrow(/\[DuplicateRoute\]/);
  });

  test('OPTIONS routes are refused while cors is set', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', { cors: { allowOrigins: ['*'] } });
    expect(() => api.addRoute('OPTIONS /a', Integration.lambda(handler(stack, 'Fn')))).toThrow(/\[DuplicateRoute\].*API Gateway answers preflights/);
  });

  test('more than 300 routes is LimitExceeded', () => {
    const stack = testStack();
    const fn = handler(stack, 'Fn');
    const api = new HttpGateway(stack, 'Api');
    for (let i = 0; i < 300; i++) api.addRoute(`GET /r${i}`, Integration.lambda(fn));
    expect(() => api.addRoute('GET /one-too-many', Integration.lambda(fn))).toThrow(/\[LimitExceeded\]/);
  });
});

describe('HttpGateway input errors', () => {
  test.each<[string, HttpGatewayProps, RegExp]>([
    ['throttle', { throttle: { rateLimit: -1, burstLimit: 1.5 } }, /\[InvalidThrottle\] throttle.rateLimit[\s\S]*\[InvalidThrottle\] throttle.burstLimit/],
    ['cors', { cors: { allowOrigins: ['app.example.com'] } }, /\[InvalidCors\]/],
    ['stageName', { stageName: 'has space' }, /\[InvalidStage\] stageName must be \$default or 1-128/],
    ['stageVariables', { stageVariables: { 'bad-name': 'x' } }, /\[InvalidStage\] stageVariables/],
    ['accessLogs', { accessLogs: { enabled: false, retention: logs.RetentionDays.ONE_DAY } }, /\[InvalidAccessLogs\]/],
  ])('%s', (_name, props, message) => {
    expect(() => new HttpGateway(testStack(), 'Api', props)).toThrow(message);
  });

  test.each<[string, Record<string, unknown>]>([
    ['endpoint', { endpoint: {} }],
    ['tracing', { tracing: true }],
    ['binaryMediaTypes', { binaryMediaTypes: ['image/png'] }],
    ['executionLogLevel', { executionLogLevel: 'INFO' }],
    ['policy', { policy: {} }],
    // These were silently ignored: an HTTP API has no resource policy, canary or API keys.
    ['allowOnly', { allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24'])] }],
    ['pinnedVersion', { pinnedVersion: 'a'.repeat(32) }],
    ['apiKeySource', { apiKeySource: 'HEADER' }],
  ])('REST-only prop %s says RestGateway supports it', (name, props) => {
    expect(() => new HttpGateway(testStack(), 'Api', props as HttpGatewayProps))
      .toThrow(new RegExp(`\\[UnsupportedCombination\\] ${name} is not available on an HttpGateway.*use a RestGateway`));
  });

  test.each<[string, object]>([
    ['apiKeyRequired', { apiKeyRequired: true }],
    ['requestSchema', { requestSchema: { type: 'object' } }],
    ['requiredParameters', { requiredParameters: [RequestValue.queryString('q')] }],
    ['cache', { cache: { ttl: Duration.minutes(1) } }],
  ])('REST-only route option %s says RestGateway supports it', (name, options) => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('POST /a', Integration.lambda(handler(stack, 'Fn')), options))
      .toThrow(new RegExp(`\\[UnsupportedCombination\\] addRoute\\('POST /a'\\)\\.${name} is not available on an HttpGateway.*RestGateway`));
  });

  test('apiKeyRequired: false and empty requiredParameters are fine', () => {
    const stack = testStack();
    expect(() => new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')), { apiKeyRequired: false, requiredParameters: [] })).not.toThrow();
  });

  test('a route throttle is validated', () => {
    const stack = testStack();
    expect(() => new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')), { throttle: { rateLimit: 1, burstLimit: -1 } }))
      .toThrow(/\[InvalidThrottle\] addRoute\('GET \/a'\).throttle.burstLimit/);
  });
});
