import { Duration, aws_iam as iam } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, CacheSize, Integration, RequestValue, RestGateway, RestGatewayProps, UnauthorizedInvalidation } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

/** Routes open to every caller unless the props say otherwise, so GET routes are cached by default. */
function synth(props: RestGatewayProps, routes: (api: RestGateway, fn: ReturnType<typeof handler>) => void) {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none(), ...props });
  routes(api, handler(stack, 'Fn'));
  return Template.fromStack(stack);
}

function methodSettings(template: Template): any[] {
  return (Object.values(template.findResources('AWS::ApiGateway::Stage'))[0] as any).Properties.MethodSettings;
}

function integrationOf(template: Template, method: string): any {
  return (Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: method } }))[0] as any).Properties;
}

describe('stage cache', () => {
  test('a cache cluster, encrypted, 300 s; routes that opt in cached and keyed on their path parameters; every route\'s setting written out', () => {
    const template = synth({ cache: { size: CacheSize.GB_1_6 } }, (api, fn) => {
      api.addRoute('GET /products/{id}', Integration.lambda(fn), { cache: { keyParameters: [] } });
      api.addRoute('POST /products', Integration.lambda(fn));
      api.addRoute('GET /products', Integration.lambda(fn));
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { CacheClusterEnabled: true, CacheClusterSize: '1.6' });
    expect(methodSettings(template)).toEqual([
      expect.objectContaining({ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: false, CacheTtlInSeconds: 300, CacheDataEncrypted: true }),
      expect.objectContaining({ ResourcePath: '/~1products', HttpMethod: 'GET', CachingEnabled: false }),
      expect.objectContaining({ ResourcePath: '/~1products~1{id}', HttpMethod: 'GET', CachingEnabled: true, CacheTtlInSeconds: 300, CacheDataEncrypted: true }),
      expect.objectContaining({ ResourcePath: '/~1products', HttpMethod: 'POST', CachingEnabled: false }),
    ]);
    expect(integrationOf(template, 'GET').Integration.CacheKeyParameters).toEqual(['method.request.path.id']);
    expect(integrationOf(template, 'POST').Integration.CacheKeyParameters).toBeUndefined();
  });

  test('route options: own TTL and key parameters (declared as request parameters), opt-out, opt-in', () => {
    const template = synth({ cache: { ttl: Duration.minutes(1), encrypted: false } }, (api, fn) => {
      api.addRoute('GET /products/{id}', Integration.lambda(fn), {
        cache: { ttl: Duration.minutes(10), keyParameters: [RequestValue.pathParameter('id'), RequestValue.queryString('lang'), RequestValue.header('Accept-Language')] },
      });
      api.addRoute('GET /cart', Integration.lambda(fn), { cache: { enabled: false } });
      api.addRoute('POST /search', Integration.lambda(fn), { cache: { enabled: true, keyParameters: [RequestValue.queryString('q')] } });
    });
    expect(methodSettings(template).map((s: any) => [s.ResourcePath, s.HttpMethod, s.CachingEnabled, s.CacheTtlInSeconds])).toEqual([
      ['/*', '*', false, 60],
      ['/~1cart', 'GET', false, undefined],
      ['/~1products~1{id}', 'GET', true, 600],
      ['/~1search', 'POST', true, 60],
    ]);
    const get = integrationOf(template, 'GET');
    expect(Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'GET' } }))
      .map((m: any) => m.Properties.Integration.CacheKeyParameters)).toEqual(expect.arrayContaining([
      ['method.request.header.Accept-Language', 'method.request.path.id', 'method.request.querystring.lang'],
    ]));
    expect(get).toBeDefined();
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.path.id': true, 'method.request.querystring.lang': false, 'method.request.header.Accept-Language': false },
    });
    expect(integrationOf(template, 'POST').Integration.CacheKeyParameters).toEqual(['method.request.querystring.q']);
  });

  test('without a cache the stage says so explicitly (turning it off in code turns it off)', () => {
    const template = synth({}, (api, fn) => api.addRoute('GET /a', Integration.lambda(fn)));
    template.hasResourceProperties('AWS::ApiGateway::Stage', { CacheClusterEnabled: false, CacheClusterSize: Match.absent() });
    expect(methodSettings(template)[0]).toEqual(expect.objectContaining({ CachingEnabled: false }));
  });

  test('adding another route never drops a route\'s cache keys', () => {
    const keysOf = (extra: boolean) => {
      const template = synth({ cache: {} }, (api, fn) => {
        api.addRoute('GET /products/{id}', Integration.lambda(fn), { cache: { keyParameters: [RequestValue.queryString('lang'), RequestValue.pathParameter('id')] } });
        if (extra) api.addRoute('GET /other/{x}', Integration.lambda(fn));
      });
      return template.findResources('AWS::ApiGateway::Method', { Properties: { ResourceId: { Ref: Match.stringLikeRegexp('productsid') } } });
    };
    expect(keysOf(true)).toEqual(keysOf(false));
  });

  test.each<[string, RestGatewayProps, (api: RestGateway, fn: any) => void, RegExp]>([
    ['a stage TTL over an hour', { cache: { ttl: Duration.hours(2) } }, () => undefined, /\[InvalidCache\] cache\.ttl must be whole seconds from 0 to 3600, got 2 hours/],
    ['route cache options without a stage cache', {}, (api, fn) => api.addRoute('GET /a', Integration.lambda(fn), { cache: { ttl: Duration.minutes(1) } }),
      /\[InvalidCache\] addRoute\('GET \/a'\)\.cache needs a stage cache/],
    ['a key parameter the route does not receive', { cache: {} }, (api, fn) => api.addRoute('GET /a/{id}', Integration.lambda(fn), {
      cache: { keyParameters: [RequestValue.pathParameter('sku')] },
    }), /\[InvalidRequestValue\] .*cache\.keyParameters\[0\] must name a path parameter of the route, got "sku"; use one of: id/],
    ['a body cache key', { cache: {} }, (api, fn) => api.addRoute('GET /a', Integration.lambda(fn), { cache: { keyParameters: [RequestValue.jsonPath('$.x')] } }),
      /must be a path parameter, query string or header/],
    ['key parameters on a route that opts out', { cache: {} }, (api, fn) => api.addRoute('POST /a', Integration.lambda(fn), {
      cache: { enabled: false, keyParameters: [RequestValue.queryString('q')] },
    }), /cache\.keyParameters only apply to a cached route.*remove keyParameters or enabled: false/],
  ])('refuses %s', (_name, props, routes, message) => {
    expect(() => synth(props, routes)).toThrow(message);
  });
});

describe('canary releases', () => {
  const STABLE = '0123456789abcdef0123456789abcdef';
  /** The deployment's logical ID before the version (derived from its construct path). */
  const PREFIX = 'ApiDeploymentB17BE62D';

  function release(props: RestGatewayProps, routes: string[]) {
    return synth(props, (api, fn) => routes.forEach(r => api.addRoute(r, Integration.lambda(fn))));
  }
  const deployments = (t: Template) => Object.keys(t.findResources('AWS::ApiGateway::Deployment')).sort();
  const stageOf = (t: Template) => (Object.values(t.findResources('AWS::ApiGateway::Stage'))[0] as any).Properties;

  test('the version is an output and the suffix of the deployment\'s logical ID', () => {
    const t = release({}, ['GET /a']);
    const [id] = deployments(t);
    expect(id).toMatch(new RegExp(`^${PREFIX}[0-9a-f]{32}$`));
    expect(Object.values(t.findOutputs('*', { Description: Match.stringLikeRegexp('canary.stableVersion') })).map(o => o.Value))
      .toEqual([id.slice(PREFIX.length)]);
  });

  test('with a canary the stage serves the stable deployment, the latest is the canary', () => {
    const t = release({ canary: { stableVersion: STABLE, trafficPercent: 10, stageVariableOverrides: { flag: 'on' } } }, ['GET /a']);
    const ids = deployments(t);
    expect(ids).toHaveLength(2);
    const stable = `${PREFIX}${STABLE}`;
    const canary = ids.find(id => id !== stable)!;
    expect(ids).toContain(stable);
    expect(t.toJSON().Resources[stable].Properties).toEqual({
      RestApiId: { Ref: expect.stringMatching(/^Api/) }, Description: 'Managed by cdk-gatehouse: replaced whenever the API changes',
    });
    expect(stageOf(t)).toEqual(expect.objectContaining({
      DeploymentId: { Ref: stable },
      CanarySetting: { DeploymentId: { Ref: canary }, PercentTraffic: 10, StageVariableOverrides: { flag: 'on' }, UseStageCache: false },
    }));
  });

  test('changing a route under a canary changes only the canary deployment', () => {
    const props = { canary: { stableVersion: STABLE, trafficPercent: 10 } };
    const before = deployments(release(props, ['GET /a']));
    const after = deployments(release(props, ['GET /a', 'POST /a']));
    const stable = `${PREFIX}${STABLE}`;
    expect([before.includes(stable), after.includes(stable)]).toEqual([true, true]);
    expect(before.filter(id => id !== stable)).not.toEqual(after.filter(id => id !== stable));
  });

  test('promote: remove canary; the canary deployment becomes the stage\'s, the stable one goes', () => {
    const routes = ['GET /a', 'POST /a'];
    const underCanary = release({ canary: { stableVersion: STABLE, trafficPercent: 10 } }, routes);
    const promoted = release({}, routes);
    const canaryId = stageOf(underCanary).CanarySetting.DeploymentId.Ref;
    expect(deployments(promoted)).toEqual([canaryId]);
    expect(stageOf(promoted).DeploymentId).toEqual({ Ref: canaryId });
    expect(stageOf(promoted).CanarySetting).toBeUndefined();
  });

  test('roll back: pinnedVersion serves the stable deployment alone, untouched', () => {
    const underCanary = release({ canary: { stableVersion: STABLE, trafficPercent: 10 } }, ['GET /a', 'POST /a']);
    const rolledBack = release({ pinnedVersion: STABLE }, ['GET /a', 'POST /a']);
    const stable = `${PREFIX}${STABLE}`;
    expect(stageOf(rolledBack).DeploymentId).toEqual({ Ref: stable });
    expect(stageOf(rolledBack).CanarySetting).toBeUndefined();
    expect(rolledBack.toJSON().Resources[stable]).toEqual(underCanary.toJSON().Resources[stable]);
  });

  test.each<[string, RestGatewayProps, RegExp]>([
    ['a percent over 100', { canary: { stableVersion: STABLE, trafficPercent: 101 } }, /\[InvalidCanary\] canary\.trafficPercent must be a number from 0 to 100, got 101/],
    ['a version that is not one', { canary: { stableVersion: 'v41', trafficPercent: 5 } }, /canary\.stableVersion must be a deployment version: 32 hexadecimal digits, got "v41"/],
    ['canary with pinnedVersion', { canary: { stableVersion: STABLE, trafficPercent: 5 }, pinnedVersion: STABLE }, /pinnedVersion cannot be set with canary/],
  ])('refuses %s', (_name, props, message) => {
    expect(() => release(props, ['GET /a'])).toThrow(message);
  });

  test('a canary of the very version the stage serves is refused at synth', () => {
    const latest = deployments(release({}, ['GET /a']))[0].slice(PREFIX.length);
    expect(() => release({ pinnedVersion: latest }, ['GET /a'])).toThrow(/\[InvalidCanary\] pinnedVersion is the latest version .*nothing has changed/);
  });
});

describe('cache invalidation', () => {
  test('API Gateway\'s default needs no custom resource', () => {
    const template = synth({ cache: {} }, (api, fn) => api.addRoute('GET /a', Integration.lambda(fn)));
    template.resourceCountIs('Custom::ApiGatewayCacheInvalidationPolicy', 0);
  });

  test('another policy is patched onto the stage-wide and every cached route\'s settings', () => {
    const template = synth({ cache: { unauthorizedInvalidation: UnauthorizedInvalidation.FAIL_WITH_403 } }, (api, fn) => {
      api.addRoute('GET /products/{id}', Integration.lambda(fn), { cache: { keyParameters: [] } });
      api.addRoute('POST /orders', Integration.lambda(fn));
    });
    const resource = Object.values(template.findResources('Custom::ApiGatewayCacheInvalidationPolicy'))[0] as any;
    const create = (resource.Properties.Create['Fn::Join'][1] as unknown[]).filter(p => typeof p === 'string').join('');
    for (const path of ['/*/*', '/~1products~1{id}/GET']) {
      expect(create).toContain(`{"op":"replace","path":"${path}/caching/requireAuthorizationForCacheControl","value":"true"}`);
      expect(create).toContain(`{"op":"replace","path":"${path}/caching/unauthorizedCacheControlHeaderStrategy","value":"FAIL_WITH_403"}`);
    }
    expect(create).not.toContain('orders');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'apigateway:PATCH', Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/restapis/')])] } })] },
    });
  });

  test('the policy is applied again whenever the method settings change', () => {
    const physicalId = (ttl: number) => {
      const template = synth({ cache: { unauthorizedInvalidation: UnauthorizedInvalidation.ALLOW } }, (api, fn) =>
        api.addRoute('GET /a', Integration.lambda(fn), { cache: { ttl: Duration.seconds(ttl) } }));
      const resource = Object.values(template.findResources('Custom::ApiGatewayCacheInvalidationPolicy'))[0] as any;
      return JSON.stringify(resource.Properties.Update).match(/cache-invalidation-[0-9a-f]+/)![0];
    };
    expect(physicalId(60)).not.toEqual(physicalId(120));
    expect(physicalId(60)).toEqual(physicalId(60));
  });

  test('grantInvalidateCache: execute-api:InvalidateCache on the stage or one route', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cache: {}, defaultAuthorization: Authorization.none() });
    api.addRoute('GET /products/{id}', Integration.mock(), { cache: {} });
    const role = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvalidateCache(role, 'GET /products/{id}');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:InvalidateCache',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/prod/GET/products/\\*$')])] },
        }],
      },
    });
    expect(() => api.grantInvalidateCache(role, 'GET /nope')).toThrow(/\[UnknownRoute\] grantInvalidateCache routeKey must be a route of this gateway/);
  });
});
