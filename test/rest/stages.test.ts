import { Duration, Lazy, aws_apigateway as apigw, aws_certificatemanager as acm, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, CacheSize, Integration, RestGateway, RestGatewayProps, RouteManifest, UnauthorizedInvalidation, Waf, WebSocketGateway,
} from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function gateway(props: RestGatewayProps = {}) {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', props);
  const fn = handler(stack, 'Fn');
  return { stack, api, fn };
}

/** The stage resource named `name`. */
function stageNamed(stack: Stack, name: string): { id: string; props: Record<string, any> } {
  const stages = Template.fromStack(stack).findResources('AWS::ApiGateway::Stage', { Properties: { StageName: name } });
  const [id] = Object.keys(stages);
  expect(id).toBeDefined();
  return { id, props: stages[id].Properties };
}

describe('RestGateway.addStage', () => {
  test('default: another stage of the same API and deployment, with the gateway\'s throttle, logging and tracing', () => {
    const { stack, api, fn } = gateway();
    api.addRoute('GET /orders', Integration.lambda(fn));
    const staging = api.addStage('staging');
    expect(staging.stageName).toBe('staging');
    expect(staging.stage).toBeInstanceOf(apigw.Stage);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApiGateway::Stage', 2);
    template.resourceCountIs('AWS::ApiGateway::Deployment', 1);
    const prod = stageNamed(stack, 'prod');
    const added = stageNamed(stack, 'staging');
    expect(added.props.DeploymentId).toEqual(prod.props.DeploymentId);
    expect(added.props.RestApiId).toEqual(prod.props.RestApiId);
    expect(added.props.TracingEnabled).toBe(true);
    expect(added.props.CacheClusterEnabled).toBe(false);
    expect(added.props.MethodSettings).toEqual([
      {
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 1000,
        ThrottlingBurstLimit: 2000,
        CachingEnabled: false,
      },
    ]);
    // Its own access-log group, in the gateway's format.
    // A Ref in an ARN, or the group's Arn on aws-cdk-lib versions before that feature flag.
    expect(JSON.stringify(added.props.AccessLogSetting.DestinationArn)).toMatch(/"(Ref":|Fn::GetAtt":\[)"ApiStageStagingAccessLogs/);
    expect(added.props.AccessLogSetting.Format).toEqual(prod.props.AccessLogSetting.Format);
    expect(staging.accessLogGroup).toBeDefined();
    // Execution logs need the account's CloudWatch role, as the main stage does.
    expect(Template.fromStack(stack).toJSON().Resources[added.id].DependsOn).toEqual(
      Template.fromStack(stack).toJSON().Resources[prod.id].DependsOn);
  });

  test('with variables, description, throttle, logging and tracing of its own; route throttles apply on it too', () => {
    const { stack, api, fn } = gateway({ stageVariables: { backend: 'prod' } });
    api.addRoute('GET /orders', Integration.lambda(fn), { throttle: { rateLimit: 5, burstLimit: 10 } });
    api.addStage('staging', {
      stageVariables: { backend: 'staging' },
      description: 'pre-production',
      throttle: { rateLimit: 50, burstLimit: 100 },
      executionLogLevel: apigw.MethodLoggingLevel.INFO,
      dataTrace: true,
      tracing: false,
      accessLogs: { enabled: false },
    });
    // A route added after the stage counts on it too.
    api.addRoute('POST /orders', Integration.lambda(fn), { throttle: { rateLimit: 1, burstLimit: 2 } });
    const added = stageNamed(stack, 'staging').props;
    expect(added).toMatchObject({ Variables: { backend: 'staging' }, Description: 'pre-production', TracingEnabled: false });
    expect(added.AccessLogSetting).toBeUndefined();
    const common = { LoggingLevel: 'INFO', DataTraceEnabled: true, MetricsEnabled: true, CachingEnabled: false };
    expect(added.MethodSettings).toEqual([
      { ...common, HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      { ...common, HttpMethod: 'GET', ResourcePath: '/~1orders', ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      { ...common, HttpMethod: 'POST', ResourcePath: '/~1orders', ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 },
    ]);
    expect(stageNamed(stack, 'prod').props.Variables).toEqual({ backend: 'prod' });
    Annotations.fromStack(stack).hasWarning('/Test/Api/StageStaging', Match.stringLikeRegexp('DataTraceLogging|dataTrace logs full requests'));
  });

  test('with a cache of its own: the routes that opt in are cached, with the stage\'s TTL unless they set theirs', () => {
    const { stack, api, fn } = gateway({ cache: { ttl: Duration.minutes(5) } });
    api.addRoute('GET /products', Integration.lambda(fn), { authorization: Authorization.none(), cache: { keyParameters: [] } });
    api.addRoute('GET /prices', Integration.lambda(fn), { authorization: Authorization.none(), cache: { keyParameters: [], ttl: Duration.seconds(30) } });
    api.addStage('staging', { cache: { size: CacheSize.GB_1_6, ttl: Duration.minutes(1), unauthorizedInvalidation: UnauthorizedInvalidation.FAIL_WITH_403 } });
    api.addStage('dev');
    const staging = stageNamed(stack, 'staging').props;
    expect(staging).toMatchObject({ CacheClusterEnabled: true, CacheClusterSize: '1.6' });
    const byPath = (settings: any[]) => Object.fromEntries(settings.map(s => [`${s.ResourcePath} ${s.HttpMethod}`, s]));
    expect(byPath(staging.MethodSettings)).toMatchObject({
      '/* *': { CachingEnabled: false, CacheTtlInSeconds: 60, CacheDataEncrypted: true },
      '/~1products GET': { CachingEnabled: true, CacheTtlInSeconds: 60 },
      '/~1prices GET': { CachingEnabled: true, CacheTtlInSeconds: 30 },
    });
    // The main stage keeps its own TTL.
    expect(byPath(stageNamed(stack, 'prod').props.MethodSettings)['/~1products GET']).toMatchObject({ CachingEnabled: true, CacheTtlInSeconds: 300 });
    // A stage without a cache caches nothing.
    const dev = stageNamed(stack, 'dev').props;
    expect(dev.CacheClusterEnabled).toBe(false);
    expect(dev.MethodSettings.every((s: any) => s.CachingEnabled === false && s.CacheTtlInSeconds === undefined)).toBe(true);
    Template.fromStack(stack).resourceCountIs('Custom::ApiGatewayCacheInvalidationPolicy', 1);
  });

  test('the gateway\'s web ACL guards every stage; a custom domain maps the gateway\'s own stage only', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', {
      waf: Waf.managed(),
      domain: { domainName: 'api.example.com', certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc') },
    });
    const fn = handler(stack, 'Fn');
    api.addRoute('GET /orders', Integration.lambda(fn));
    api.addStage('staging');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const associations = Object.values(template.findResources('AWS::WAFv2::WebACLAssociation')).map(a => JSON.stringify(a.Properties.ResourceArn));
    expect(associations).toHaveLength(2);
    expect(associations.some(arn => arn.includes(`{"Ref":"${stageNamed(stack, 'staging').id}"}`))).toBe(true);
    const mappings = template.findResources('AWS::ApiGateway::BasePathMapping');
    expect(Object.values(mappings).map(m => m.Properties.Stage)).toEqual([{ Ref: stageNamed(stack, 'prod').id }]);
    // The domain turns the execute-api endpoint off: nothing reaches the added stage, and a warning says so.
    Annotations.fromStack(stack).hasWarning('/Test/Api/StageStaging', Match.stringLikeRegexp('cdk-gatehouse:StageWithoutEndpoint'));
  });

  test('no warning while the execute-api endpoint answers', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', {
      domain: {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
        keepExecuteApiEndpoint: true,
      },
    });
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')));
    api.addStage('staging');
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('StageWithoutEndpoint'));
  });

  test('with a canary or a pinned version on the gateway, an added stage serves the latest definition', () => {
    const { stack, api, fn } = gateway({ pinnedVersion: 'a'.repeat(32) });
    api.addRoute('GET /orders', Integration.lambda(fn));
    api.addStage('staging');
    const prod = stageNamed(stack, 'prod').props;
    const staging = stageNamed(stack, 'staging').props;
    expect(staging.DeploymentId).not.toEqual(prod.DeploymentId);
    expect(staging.DeploymentId).toEqual({ Ref: expect.stringMatching(/^ApiDeployment(?!a{32})/) });
    expect(staging.CanarySetting).toBeUndefined();
  });

  test('grantInvoke on a stage names that stage in the ARN', () => {
    const { stack, api, fn } = gateway();
    api.addRoute('GET /orders/{id}', Integration.lambda(fn));
    const staging = api.addStage('staging');
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    staging.grantInvoke(role, 'GET /orders/{id}');
    api.grantInvoke(role);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Caller') }] } });
    const policy = JSON.stringify(Object.values(policies).map(p => p.Properties.PolicyDocument));
    expect(policy).toContain('/staging/GET/orders/*');
    expect(policy).toContain('/prod/*/*');
    expect(JSON.stringify(stack.resolve(staging.url))).toContain(`{"Ref":"${stageNamed(stack, 'staging').id}"}`);
  });

  test('grantInvalidateCache on a stage needs its cache, and names the stage', () => {
    const { stack, api, fn } = gateway({ cache: {} });
    api.addRoute('GET /products', Integration.lambda(fn), { authorization: Authorization.none(), cache: { keyParameters: [] } });
    api.addRoute('GET /cart', Integration.lambda(fn));
    const staging = api.addStage('staging', { cache: {} });
    const dev = api.addStage('dev');
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    staging.grantInvalidateCache(role, 'GET /products');
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Caller') }] } });
    expect(JSON.stringify(Object.values(policies).map(p => p.Properties.PolicyDocument))).toContain('/staging/GET/products');
    expect(() => staging.grantInvalidateCache(role, 'GET /cart')).toThrow(/\[InvalidCache\] grantInvalidateCache routeKey must be a cached route, got "GET \/cart"/);
    expect(() => staging.grantInvalidateCache(role, 'GET /nope')).toThrow(/\[UnknownRoute\]/);
    expect(() => dev.grantInvalidateCache(role)).toThrow(
      /\[InvalidCache\] stage dev grantInvalidateCache needs a cache on the stage, got "\(every route\)"; set the cache option of addStage\('dev'\)/);
  });

  test('throws when the name is the main stage\'s, taken, invalid, or a stage too many', () => {
    const { api, fn } = gateway({ stageName: 'live' });
    api.addRoute('GET /orders', Integration.lambda(fn));
    expect(() => api.addStage('live')).toThrow(/\[DuplicateName\] addStage stageName must differ from the gateway's stageName, got "live"; give each stage its own name/);
    api.addStage('staging');
    expect(() => api.addStage('staging')).toThrow(/\[DuplicateName\] addStage stageName must name a new stage/);
    expect(() => api.addStage('Staging')).toThrow(/\[DuplicateName\] addStage stageName .*got "Staging"/);
    expect(() => api.addStage('pre prod')).toThrow(/\[InvalidStage\] addStage stageName must be 1-128 letters, digits, - or _, got "pre prod"/);
    expect(() => api.addStage(Lazy.string({ produce: () => 'qa' }))).toThrow(/\[InvalidStage\] addStage stageName must be a plain name, not a token/);
    for (let i = 2; i < 10; i++) api.addStage(`s${i}`);
    expect(() => api.addStage('s10')).toThrow(/\[LimitExceeded\] addStage stageName would be stage 11: API Gateway allows 10 stages per REST API/);
  });

  test('throws on bad options, naming the call', () => {
    const { api, fn } = gateway();
    api.addRoute('GET /orders', Integration.lambda(fn));
    expect(() => api.addStage('staging', { throttle: { rateLimit: -1, burstLimit: 1 } }))
      .toThrow(/\[InvalidThrottle\] addStage\('staging'\)\.throttle\.rateLimit/);
    expect(() => api.addStage('staging', { stageVariables: { 'bad-name': 'x' } }))
      .toThrow(/\[InvalidStage\] addStage\('staging'\)\.stageVariables names must be/);
    expect(() => api.addStage('staging', { cache: {} }))
      .toThrow(/\[InvalidCache\] addStage\('staging'\)\.cache needs the gateway's cache/);
    expect(() => api.addStage('staging', { dataTrace: true, executionLogLevel: apigw.MethodLoggingLevel.OFF }))
      .toThrow(/\[UnsupportedCombination\] addStage\('staging'\)\.dataTrace writes into the execution logs/);
    expect(() => api.addStage('staging', { accessLogs: { enabled: false, retention: 1 } }))
      .toThrow(/\[InvalidAccessLogs\] addStage\('staging'\)\.accessLogs\.enabled/);
  });
});

describe('usage plans naming stages', () => {
  test('one plan covers the stages it names, each with the per-route throttles, and refers to each (so waits for it)', () => {
    const { stack, api, fn } = gateway();
    api.addRoute('GET /reports/{id}', Integration.lambda(fn), { apiKeyRequired: true });
    api.addStage('staging', { throttle: { rateLimit: 50, burstLimit: 100 } });
    api.addUsagePlan('Gold', {
      stages: ['prod', 'staging'],
      throttle: { rateLimit: 100, burstLimit: 200 },
      routeThrottles: { 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 } },
    });
    const routeThrottle = { '/reports/{id}/GET': { RateLimit: 5, BurstLimit: 10 } };
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: [
        { ApiId: { Ref: Match.stringLikeRegexp('^Api') }, Stage: { Ref: stageNamed(stack, 'prod').id }, Throttle: routeThrottle },
        { ApiId: { Ref: Match.stringLikeRegexp('^Api') }, Stage: { Ref: stageNamed(stack, 'staging').id }, Throttle: routeThrottle },
      ],
    });
    // The plan's throttle is above staging's: the stage's limit applies first.
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp("usage plan Gold throttle .* is above the stage staging's"));
  });

  test('a plan naming only an added stage leaves the main stage out; without stages it covers the main stage as before', () => {
    const { stack, api, fn } = gateway();
    api.addRoute('GET /reports', Integration.lambda(fn), { apiKeyRequired: true });
    api.addStage('staging');
    api.addUsagePlan('Testers', { stages: ['staging'] });
    api.addUsagePlan('Gold');
    const plans = Template.fromStack(stack).findResources('AWS::ApiGateway::UsagePlan');
    const stagesOf = (prefix: string) => Object.entries(plans).find(([id]) => id.startsWith(prefix))![1]
      .Properties.ApiStages.map((s: any) => s.Stage);
    expect(stagesOf('ApiUsagePlanTesters')).toEqual([{ Ref: stageNamed(stack, 'staging').id }]);
    expect(stagesOf('ApiUsagePlanGold')).toEqual([{ Ref: stageNamed(stack, 'prod').id }]);
  });

  test('throws on unknown, repeated or no stages, naming the prop, the value and the stages there are', () => {
    const { api, fn } = gateway();
    api.addRoute('GET /reports', Integration.lambda(fn), { apiKeyRequired: true });
    api.addStage('staging');
    expect(() => api.addUsagePlan('Gold', { stages: ['prod', 'qa'] })).toThrow(
      /\[InvalidUsagePlan\] addUsagePlan\('Gold'\)\.stages\[1\] must name a stage of the gateway, got "qa"; name stages the gateway has \(prod, staging;/);
    expect(() => api.addUsagePlan('Gold', { stages: ['staging', 'staging'] })).toThrow(/\.stages\[1\] must name each stage once, got "staging"/);
    expect(() => api.addUsagePlan('Gold', { stages: [] })).toThrow(/\.stages must name at least one stage, got \[\]/);
  });

  test('a WebSocket gateway has one stage: a plan may name it, and no other', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Ws', { routes: { $connect: Integration.mock() } });
    ws.addUsagePlan('Own', { stages: ['prod'] });
    expect(() => ws.addUsagePlan('Gold', { stages: ['staging'] })).toThrow(/\[InvalidUsagePlan\] addUsagePlan\('Gold'\)\.stages\[0\] must name a stage of the gateway, got "staging"; name stages the gateway has \(prod;/);
  });
});

describe('route manifest', () => {
  test('records added stages and the stages a plan names; a gateway with one stage records as before', () => {
    const { stack, api, fn } = gateway();
    api.addRoute('GET /reports', Integration.lambda(fn), { apiKeyRequired: true });
    const before = RouteManifest.fromStacks([stack]);
    expect(before.gateways[0]).not.toHaveProperty('addedStages');
    api.addStage('staging', { throttle: { rateLimit: 50, burstLimit: 100 }, accessLogs: { enabled: false } });
    api.addUsagePlan('Gold', { stages: ['prod', 'staging'] });
    api.addUsagePlan('Silver');
    const [entry] = RouteManifest.fromStacks([stack]).gateways;
    expect(entry.addedStages).toEqual([{
      name: 'staging', throttle: { rateLimit: 50, burstLimit: 100 }, accessLogs: false, executionLogLevel: 'ERROR', tracing: true,
    }]);
    expect(entry.usagePlans.find(p => p.id === 'Gold')!.stages).toEqual(['prod', 'staging']);
    expect(entry.usagePlans.find(p => p.id === 'Silver')).not.toHaveProperty('stages');
    expect(RouteManifest.fromStacks([stack]).routesToMarkdown()).toContain('stage prod 1000/s (burst 2000) · stage staging 50/s (burst 100)');
  });

  test('the diff shows a new stage, its changes, and a plan\'s stages', () => {
    const build = (staging: boolean, logs: boolean) => {
      const { stack, api, fn } = gateway();
      api.addRoute('GET /reports', Integration.lambda(fn), { apiKeyRequired: true });
      if (staging) api.addStage('staging', { accessLogs: { enabled: logs } });
      api.addUsagePlan('Gold', staging ? { stages: ['prod', 'staging'] } : {});
      return RouteManifest.fromStacks([stack]);
    };
    const one = build(false, true);
    const two = build(true, true);
    const quiet = build(true, false);
    const added = RouteManifest.diff(one, two).map(c => `${c.severity} ${c.subject}: ${c.detail}`);
    expect(added).toEqual(expect.arrayContaining([
      'notable stage staging: added (1000/s burst 2000, access logs on)',
      'notable usage plan Gold stages: + staging',
    ]));
    expect(RouteManifest.diff(two, quiet).map(c => `${c.severity} ${c.subject}: ${c.detail}`)).toEqual(['risky stage staging access logs: on → off']);
    expect(RouteManifest.diff(two, one).map(c => `${c.subject}: ${c.detail}`)).toContain('stage staging: removed');
  });
});
