import { Duration, Stack, aws_apigateway as apigw, aws_cognito as cognito, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, CanaryOptions, DynamoDbAction, Integration, RequestValue, RestGateway, RestGatewayProps, RouteOptions,
  SortKeyCondition,
} from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { simpleTable, table } from '../support/service-fixtures';

const PUBLIC = Authorization.none();

/** One route on a gateway with a stage cache, open to everyone unless the props say otherwise. */
function oneRoute(
  routeKey: string,
  integration: (stack: Stack) => Integration,
  options: RouteOptions = { cache: {} },
  props: RestGatewayProps = {},
): { template: Template; stack: Stack; api: RestGateway } {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { cache: {}, defaultAuthorization: PUBLIC, ...props });
  api.addRoute(routeKey, integration(stack), options);
  return { template: Template.fromStack(stack), stack, api };
}

function methodOf(template: Template, httpMethod = 'GET'): any {
  const methods = Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: httpMethod } }));
  expect(methods).toHaveLength(1);
  return (methods[0] as any).Properties;
}

function cacheKeysOf(template: Template, httpMethod = 'GET'): string[] | undefined {
  return methodOf(template, httpMethod).Integration.CacheKeyParameters;
}

/** The route's own method setting: [CachingEnabled, CacheTtlInSeconds]. */
function routeSetting(template: Template, httpMethod = 'GET'): [boolean, number | undefined] | undefined {
  const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0] as any;
  const setting = stage.Properties.MethodSettings.find((s: any) => s.HttpMethod === httpMethod);
  return setting && [setting.CachingEnabled, setting.CacheTtlInSeconds];
}

const lambda = (stack: Stack) => Integration.lambda(handler(stack, 'Fn'));

describe('RestGateway cache keys', () => {
  test('a DynamoDB query is keyed on the query strings of its sort-key condition', () => {
    const { template } = oneRoute('GET /customers/{id}/orders', stack => Integration.dynamoDb(table(stack), DynamoDbAction.QUERY, {
      key: { customerId: RequestValue.pathParameter('id') },
      indexName: 'byCustomer',
      sortKeyCondition: SortKeyCondition.between('createdAt', RequestValue.queryString('from'), RequestValue.queryString('to')),
    }));
    expect(cacheKeysOf(template)).toEqual([
      'method.request.path.id', 'method.request.querystring.from', 'method.request.querystring.to',
    ]);
  });

  test('a header a service integration reads is a key', () => {
    const { template } = oneRoute('GET /cart', stack => Integration.dynamoDb(simpleTable(stack), DynamoDbAction.GET_ITEM, {
      key: { pk: RequestValue.header('X-Tenant') },
    }));
    expect(cacheKeysOf(template)).toEqual(['method.request.header.X-Tenant']);
  });

  test('required parameters are keys', () => {
    const { template } = oneRoute('GET /search', lambda, {
      requiredParameters: [RequestValue.queryString('q'), RequestValue.header('Accept-Language')],
      cache: { keyParameters: [] },
    });
    expect(cacheKeysOf(template)).toEqual(['method.request.header.Accept-Language', 'method.request.querystring.q']);
  });

  test('keyParameters add to the path parameters, never replace them', () => {
    const { template } = oneRoute('GET /products/{id}', lambda, { cache: { keyParameters: [RequestValue.queryString('lang')] } });
    expect(cacheKeysOf(template)).toEqual(['method.request.path.id', 'method.request.querystring.lang']);
  });

  test('every key is a declared request parameter; keys that are not required stay optional', () => {
    const { template } = oneRoute('GET /products/{id}', lambda, {
      requiredParameters: [RequestValue.queryString('q')],
      cache: { keyParameters: [RequestValue.header('Accept-Language')] },
    });
    const method = methodOf(template);
    expect(method.RequestParameters).toEqual({
      'method.request.path.id': true,
      'method.request.querystring.q': true,
      'method.request.header.Accept-Language': false,
    });
    expect(method.Integration.CacheKeyParameters).toEqual(Object.keys(method.RequestParameters).sort());
  });

  test('with several CORS origins a cached route is keyed on Origin (its answer carries the caller\'s origin)', () => {
    const cors = { allowOrigins: ['https://a.example.com', 'https://b.example.com'] };
    const { template } = oneRoute('GET /products/{id}', lambda, { cache: { keyParameters: [] } }, { cors });
    expect(cacheKeysOf(template)).toEqual(['method.request.header.Origin', 'method.request.path.id']);
    const single = oneRoute('GET /products/{id}', lambda, { cache: { keyParameters: [] } }, { cors: { allowOrigins: ['https://a.example.com'] } });
    expect(cacheKeysOf(single.template)).toEqual(['method.request.path.id']);
  });

  describe('proxy integrations receive the whole request', () => {
    test('a cached proxy route keyed only by default warns to list what the backend reads', () => {
      const { stack } = oneRoute('GET /search', lambda);
      Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp(
        'GET /search is cached and its proxy integration receives the whole request.*cache.keyParameters.*ProxyRouteCacheKeys'));
    });

    test.each<[string, (stack: Stack) => Integration, RouteOptions]>([
      ['an explicit keyParameters list', lambda, { cache: { keyParameters: [RequestValue.queryString('q')] } }],
      ['an uncached route', lambda, { cache: { enabled: false } }],
      ['a service integration (its keys are known)', stack => Integration.dynamoDb(simpleTable(stack), DynamoDbAction.GET_ITEM, {
        key: { pk: RequestValue.queryString('id') },
      }), { cache: {} }],
    ])('no warning with %s', (_name, integration, options) => {
      const { stack } = oneRoute('GET /search', integration, options);
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('ProxyRouteCacheKeys'));
    });
  });
});

describe('RestGateway caching of per-caller routes', () => {
  const pool = (stack: Stack) => new cognito.UserPool(stack, 'Pool');
  const authorizer = (stack: Stack) => handler(stack, 'Authorizer');
  const perCaller: [string, (stack: Stack) => RouteOptions][] = [
    ['IAM', () => ({ authorization: Authorization.iam() })],
    ['Cognito', stack => ({ authorization: Authorization.cognito(pool(stack)) })],
    ['a token authorizer', stack => ({ authorization: Authorization.lambdaToken(authorizer(stack)) })],
    ['a request authorizer', stack => ({
      authorization: Authorization.lambdaRequest(authorizer(stack), { identitySources: [RequestValue.header('X-Session')] }),
    })],
    ['an API key', () => ({ apiKeyRequired: true })],
  ];

  test.each(perCaller)('a GET route with %s is not cached unless it opts in, and says so in its method setting', (_name, options) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {}, defaultAuthorization: PUBLIC });
    api.addRoute('GET /me', Integration.mock(), options(stack));
    const template = Template.fromStack(stack);
    expect(routeSetting(template)).toEqual([false, undefined]);
    expect(cacheKeysOf(template)).toBeUndefined();
  });

  test('IAM is per caller when it is the gateway\'s default', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { cache: {} }).addRoute('GET /me', Integration.mock());
    expect(routeSetting(Template.fromStack(stack))).toEqual([false, undefined]);
  });

  test.each<[string, (stack: Stack) => RouteOptions, string[]]>([
    ['Cognito: the Authorization header', stack => ({ authorization: Authorization.cognito(pool(stack)) }), ['method.request.header.Authorization']],
    ['a token authorizer: its token header', stack => ({
      authorization: Authorization.lambdaToken(authorizer(stack), { identitySource: RequestValue.header('X-Token') }),
    }), ['method.request.header.X-Token']],
    ['a request authorizer: its header and query-string sources', stack => ({
      authorization: Authorization.lambdaRequest(authorizer(stack), {
        identitySources: [RequestValue.header('X-Session'), RequestValue.queryString('tenant'), RequestValue.context('identity.sourceIp')],
      }),
    }), ['method.request.header.X-Session', 'method.request.querystring.tenant']],
    ['an API key: the x-api-key header', () => ({ apiKeyRequired: true }), ['method.request.header.x-api-key']],
    ['an API key and Cognito: both', stack => ({ apiKeyRequired: true, authorization: Authorization.cognito(pool(stack)) }),
      ['method.request.header.Authorization', 'method.request.header.x-api-key']],
  ])('opted in, %s is a cache key', (_name, options, identity) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {}, defaultAuthorization: PUBLIC });
    api.addRoute('GET /me/{id}', Integration.mock(), { ...options(stack), cache: { enabled: true } });
    const template = Template.fromStack(stack);
    expect(routeSetting(template)).toEqual([true, 300]);
    expect(cacheKeysOf(template)).toEqual([...identity, 'method.request.path.id'].sort());
    for (const key of identity) expect(methodOf(template).RequestParameters[key]).toBe(false);
  });

  test('an API key a Lambda authorizer supplies is covered by the authorizer\'s identity source', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {}, apiKeySource: apigw.ApiKeySourceType.AUTHORIZER });
    api.addRoute('GET /me', Integration.mock(), {
      apiKeyRequired: true, authorization: Authorization.lambdaToken(handler(stack, 'Authorizer')), cache: { enabled: true },
    });
    expect(cacheKeysOf(Template.fromStack(stack))).toEqual(['method.request.header.Authorization']);
  });

  test.each<[string, (stack: Stack) => RouteOptions, RestGatewayProps, RegExp]>([
    ['IAM', () => ({ authorization: Authorization.iam() }), {}, /Authorization\.iam\(\)/],
    ['a request authorizer of context and stage variables only', stack => ({
      authorization: Authorization.lambdaRequest(authorizer(stack), {
        identitySources: [RequestValue.context('identity.sourceIp'), RequestValue.stageVariable('env')],
      }),
    }), {}, /Authorization\.lambdaRequest with only context or stage variable identity sources/],
    ['API keys from an authorizer without a Lambda authorizer', () => ({ apiKeyRequired: true }),
      { apiKeySource: apigw.ApiKeySourceType.AUTHORIZER }, /apiKeyRequired with apiKeySource AUTHORIZER/],
  ])('throws when a route with %s opts in without sharedAcrossCallers', (_name, options, props, who) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {}, defaultAuthorization: PUBLIC, ...props });
    const route = options(stack);
    let error: unknown;
    try {
      api.addRoute('GET /me', Integration.mock(), { ...route, cache: { enabled: true } });
    } catch (e) {
      error = e;
    }
    const add = () => { throw error; };
    expect(add).toThrow(/\[InvalidCache\] addRoute\('GET \/me'\)\.cache\.sharedAcrossCallers must be true to cache a route whose callers API Gateway cannot tell apart in a cache key/);
    expect(add).toThrow(who);
    expect(add).toThrow(/got undefined; set cache\.sharedAcrossCallers: true if every caller may get the same cached answer, or cache\.enabled: false/);
  });

  test('sharedAcrossCallers: true caches one answer for every caller (no identity in the key)', () => {
    for (const authorization of [(_: Stack) => Authorization.iam(), (stack: Stack) => Authorization.cognito(pool(stack))]) {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api', { cache: {} });
      api.addRoute('GET /catalog/{id}', Integration.mock(), { authorization: authorization(stack), cache: { enabled: true, sharedAcrossCallers: true } });
      const template = Template.fromStack(stack);
      expect(routeSetting(template)).toEqual([true, 300]);
      expect(cacheKeysOf(template)).toEqual(['method.request.path.id']);
    }
  });

  test.each<[string, RouteOptions, RegExp]>([
    ['ttl on a route that is not cached', { cache: { enabled: false, ttl: Duration.minutes(1) } },
      /\[InvalidCache\] addRoute\('GET \/me'\)\.cache\.ttl only applies to a cached route, got 1 minute; remove ttl or enabled: false/],
    ['keyParameters on a route that is not cached', { apiKeyRequired: true, cache: { enabled: false, keyParameters: [RequestValue.queryString('q')] } },
      /\[InvalidCache\] addRoute\('GET \/me'\)\.cache\.keyParameters only apply to a cached route.*remove keyParameters or enabled: false/],
    ['only a ttl on an IAM route (the caller cannot be a cache key)', { authorization: Authorization.iam(), cache: { ttl: Duration.minutes(1) } },
      /\[InvalidCache\] addRoute\('GET \/me'\)\.cache\.sharedAcrossCallers must be true to cache a route whose callers API Gateway cannot tell apart/],
    ['sharedAcrossCallers on a route that is not cached', { authorization: Authorization.iam(), cache: { enabled: false, sharedAcrossCallers: true } },
      /\[InvalidCache\] addRoute\('GET \/me'\)\.cache\.sharedAcrossCallers only applies to a cached route, got true; remove sharedAcrossCallers or enabled: false/],
  ])('throws when %s', (_name, options, message) => {
    const api = new RestGateway(testStack(), 'Api', { cache: {}, defaultAuthorization: PUBLIC });
    expect(() => api.addRoute('GET /me', Integration.mock(), options)).toThrow(message);
  });

  test('a route that stops opting in stops being cached: its method setting turns caching off explicitly', () => {
    // CloudFormation leaves a method setting in place when its entry disappears, so the
    // setting of every route of a cached stage is written out.
    const setting = (options: RouteOptions) => routeSetting(oneRoute('GET /me', () => Integration.mock(), options).template);
    expect(setting({ cache: {} })).toEqual([true, 300]);
    expect(setting({})).toEqual([false, undefined]);
    expect(setting({ cache: { enabled: false } })).toEqual([false, undefined]);
  });

  test('a per-caller route that opts in with only a ttl is cached per caller', () => {
    const { template } = oneRoute('GET /me', () => Integration.mock(), { apiKeyRequired: true, cache: { ttl: Duration.minutes(1) } });
    expect(routeSetting(template)).toEqual([true, 60]);
    expect(cacheKeysOf(template)).toEqual(['method.request.header.x-api-key']);
  });

  test('a stage cache that no route uses is warned about (it is billed by the hour)', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { cache: {} }).addRoute('GET /me', Integration.mock());
    Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('no route is cached.*StageCacheUnused'));
  });
});

describe('RestGateway cache siblings', () => {
  test('throws when a canary uses the stage cache and there is none', () => {
    const canary: CanaryOptions = { stableVersion: '0123456789abcdef0123456789abcdef', trafficPercent: 10, useStageCache: true };
    expect(() => new RestGateway(testStack(), 'Api', { canary }))
      .toThrow(/\[InvalidCanary\] canary\.useStageCache needs a stage cache, got true; set the gateway's cache option, or remove useStageCache/);
  });

  test('throws when grantInvalidateCache names a route that is not cached, or the stage has no cache', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {} });
    api.addRoute('GET /me', Integration.mock());
    const role = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => api.grantInvalidateCache(role, 'GET /me'))
      .toThrow(/\[InvalidCache\] grantInvalidateCache routeKey must be a cached route, got "GET \/me"/);
    const uncached = new RestGateway(stack, 'Other');
    expect(() => uncached.grantInvalidateCache(role)).toThrow(/\[InvalidCache\] grantInvalidateCache needs a stage cache/);
  });
});
