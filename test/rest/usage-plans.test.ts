import { aws_apigateway as apigw, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ApiKeyValue, Integration, QuotaPeriod, RestGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function gatewayWithRoutes() {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { throttle: { rateLimit: 500, burstLimit: 1000 } });
  const fn = handler(stack, 'Fn');
  api.addRoute('GET /reports/{id}', Integration.lambda(fn), { apiKeyRequired: true });
  api.addRoute('GET /', Integration.lambda(fn), { apiKeyRequired: true });
  return { stack, api };
}

describe('usage plans', () => {
  test('a plan on the stage with throttle, quota and per-route throttles by route key', () => {
    const { stack, api } = gatewayWithRoutes();
    api.addUsagePlan('Gold', {
      throttle: { rateLimit: 100, burstLimit: 200 },
      quota: { limit: 100_000, period: QuotaPeriod.MONTH },
      routeThrottles: { 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 }, 'GET /': { rateLimit: 1, burstLimit: 2 } },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'Gold',
      Throttle: { RateLimit: 100, BurstLimit: 200 },
      Quota: { Limit: 100000, Period: 'MONTH' },
      ApiStages: [{
        ApiId: { Ref: Match.stringLikeRegexp('^Api') },
        Stage: { Ref: Match.stringLikeRegexp('^ApiStage') },
        Throttle: { '//GET': { RateLimit: 1, BurstLimit: 2 }, '/reports/{id}/GET': { RateLimit: 5, BurstLimit: 10 } },
      }],
    });
  });

  test('keys: generated or from a secret (a dynamic reference, never plain text), or existing ones', () => {
    const { stack, api } = gatewayWithRoutes();
    const secret = new secretsmanager.Secret(stack, 'PartnerKey');
    const gold = api.addUsagePlan('Gold');
    const silver = api.addUsagePlan('Silver');
    gold.addApiKey('AcmeCorp', { outputKeyId: true });
    gold.addApiKey('Partner', { value: ApiKeyValue.fromSecret(secret, 'key') });
    silver.addApiKey(apigw.ApiKey.fromApiKeyId(stack, 'Legacy', 'abc123'));
    const template = Template.fromStack(stack);
    const keys = template.findResources('AWS::ApiGateway::ApiKey');
    expect(Object.keys(keys).sort()).toEqual([expect.stringMatching(/^ApiApiKeyAcmeCorp/), expect.stringMatching(/^ApiApiKeyPartner/)]);
    const values = Object.values(keys).map(k => JSON.stringify(k.Properties.Value ?? null));
    expect(values).toEqual(expect.arrayContaining(['null', expect.stringContaining('{{resolve:secretsmanager:')]));
    expect(Object.keys(template.findResources('AWS::ApiGateway::UsagePlanKey')).sort()).toEqual([
      expect.stringMatching(/^ApiUsagePlanGoldKeyAcmeCorp/),
      expect.stringMatching(/^ApiUsagePlanGoldKeyPartner/),
      expect.stringMatching(/^ApiUsagePlanSilverKeyLegacy/),
    ]);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyId: 'abc123', KeyType: 'API_KEY' });
    template.hasOutput('*', { Value: { Ref: Match.stringLikeRegexp('^ApiApiKeyAcmeCorp') } });
  });

  test('one key in plans of two gateways (each has its own stage)', () => {
    const { stack, api } = gatewayWithRoutes();
    const other = new RestGateway(stack, 'Other');
    other.addRoute('GET /a', Integration.mock(), { apiKeyRequired: true });
    const acme = api.addUsagePlan('Gold').addApiKey('AcmeCorp');
    other.addUsagePlan('Gold').addApiKey(acme);
    const legacy = apigw.ApiKey.fromApiKeyId(stack, 'Legacy', 'abc123');
    api.addUsagePlan('Silver').addApiKey(legacy);
    other.addUsagePlan('Silver').addApiKey(legacy);
    const planKeys = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::UsagePlanKey'));
    expect(planKeys).toHaveLength(4);
  });

  describe('a key is in at most one plan of a gateway (API Gateway refuses a key in two plans of one stage)', () => {
    test.each<[string, (api: RestGateway) => void]>([
      ['a key the gateway created', api => { const k = api.addUsagePlan('Gold').addApiKey('AcmeCorp'); api.addUsagePlan('Trial').addApiKey(k); }],
      ['an imported key', api => {
        const k = apigw.ApiKey.fromApiKeyId(api, 'Legacy', 'abc123');
        api.addUsagePlan('Gold').addApiKey(k);
        api.addUsagePlan('Trial').addApiKey(k);
      }],
      ['one key ID imported twice', api => {
        api.addUsagePlan('Gold').addApiKey(apigw.ApiKey.fromApiKeyId(api, 'LegacyA', 'abc123'));
        api.addUsagePlan('Trial').addApiKey(apigw.ApiKey.fromApiKeyId(api, 'LegacyB', 'abc123'));
      }],
    ])('throws for %s', (_what, build) => {
      const { api } = gatewayWithRoutes();
      expect(() => build(api)).toThrow(/\[DuplicateApiKey\] usage plan Trial addApiKey\(.*\) must add a key that no other plan of this gateway has, got "\w+"; it is in usage plan Gold/);
    });

    test('the fix says how to move a key between plans: two deploys', () => {
      const { api } = gatewayWithRoutes();
      const k = api.addUsagePlan('Gold').addApiKey('AcmeCorp');
      expect(() => api.addUsagePlan('Trial').addApiKey(k)).toThrow(/remove it from Gold and deploy, then add it to Trial and deploy again/);
    });
  });

  describe('renaming a plan', () => {
    const synth = (name?: string) => {
      const { stack, api } = gatewayWithRoutes();
      const gold = api.addUsagePlan('Gold', { name, quota: { limit: 1000, period: QuotaPeriod.DAY } });
      gold.addApiKey('AcmeCorp');
      gold.addApiKey(apigw.ApiKey.fromApiKeyId(stack, 'Legacy', 'abc123'));
      return Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };

    test('the name API Gateway shows defaults to the id', () => {
      const plans = Object.values(synth()).filter(r => r.Type === 'AWS::ApiGateway::UsagePlan');
      expect(plans.map(p => p.Properties.UsagePlanName)).toEqual(['Gold']);
    });

    test('a new name is an in-place update: every logical ID and every key association stays', () => {
      const before = synth();
      const after = synth('Gold (2025 pricing)');
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [id, resource] of Object.entries(before)) {
        if (resource.Type === 'AWS::ApiGateway::UsagePlan') {
          // UsagePlanName is updated without replacement, so the plan keeps its ID and its keys.
          expect(after[id].Properties).toEqual({ ...resource.Properties, UsagePlanName: 'Gold (2025 pricing)' });
        } else {
          expect(after[id]).toEqual(resource);
        }
      }
      const associations = Object.entries(after).filter(([, r]) => r.Type === 'AWS::ApiGateway::UsagePlanKey');
      expect(associations.map(([id]) => id).sort()).toEqual([
        expect.stringMatching(/^ApiUsagePlanGoldKeyAcmeCorp/), expect.stringMatching(/^ApiUsagePlanGoldKeyLegacy/),
      ]);
    });

    test('throws when the name is empty', () => {
      const { api } = gatewayWithRoutes();
      expect(() => api.addUsagePlan('Gold', { name: '' })).toThrow(/\[InvalidUsagePlan\] addUsagePlan\('Gold'\)\.name must not be empty/);
    });
  });

  test('removing one key or plan changes no other logical ID', () => {
    const synth = (withSilver: boolean, withPartner: boolean) => {
      const { stack, api } = gatewayWithRoutes();
      const gold = api.addUsagePlan('Gold');
      gold.addApiKey('AcmeCorp');
      if (withPartner) gold.addApiKey('Partner');
      gold.addApiKey('Zeta');
      if (withSilver) api.addUsagePlan('Silver').addApiKey('Beta');
      return Object.keys(Template.fromStack(stack).toJSON().Resources);
    };
    const all = synth(true, true);
    const withoutPartner = synth(true, false);
    const withoutSilver = synth(false, true);
    expect(all.filter(id => !withoutPartner.includes(id)).sort()).toEqual([
      expect.stringMatching(/^ApiApiKeyPartner/), expect.stringMatching(/^ApiUsagePlanGoldKeyPartner/),
    ]);
    expect(all.filter(id => !withoutSilver.includes(id)).sort()).toEqual([
      expect.stringMatching(/^ApiApiKeyBeta/), expect.stringMatching(/^ApiUsagePlanSilver/), expect.stringMatching(/^ApiUsagePlanSilverKeyBeta/),
    ]);
    expect(withoutPartner.filter(id => !all.includes(id))).toEqual([]);
  });

  test('API key routes warn without a usage plan, and stop warning with one', () => {
    const { stack } = gatewayWithRoutes();
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('require an API key but no usage plan'));
    const other = gatewayWithRoutes();
    other.api.addUsagePlan('Gold').addApiKey('A');
    Annotations.fromStack(other.stack).hasNoWarning('*', Match.stringLikeRegexp('require an API key'));
  });

  test('a plan throttle above the stage throttle warns', () => {
    const { stack, api } = gatewayWithRoutes();
    api.addUsagePlan('Huge', { throttle: { rateLimit: 600, burstLimit: 100 } });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp("usage plan Huge throttle .* is above the stage's"));
  });

  test('a route throttle on a route that requires no API key warns: API Gateway never applies it', () => {
    const { stack, api } = gatewayWithRoutes();
    api.addRoute('GET /open', Integration.mock());
    api.addUsagePlan('Gold', { routeThrottles: { 'GET /open': { rateLimit: 5, burstLimit: 10 }, 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 } } });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-gatehouse:RouteThrottleWithoutApiKey'));
    expect(warnings.map(w => [w.id, String(w.entry.data)])).toEqual([[
      '/Test/Api/UsagePlanGold',
      expect.stringMatching(/^usage plan Gold routeThrottles\['GET \/open'\] limits callers by their API key, but GET \/open requires none \(apiKeyRequired\), so API Gateway never applies it: set apiKeyRequired: true on the route/),
    ]]);
  });

  test('the API key source is configurable', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { apiKeySource: apigw.ApiKeySourceType.AUTHORIZER }).addRoute('GET /a', Integration.mock());
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'AUTHORIZER' });
  });

  test.each<[string, (api: RestGateway) => void, RegExp]>([
    ['a negative quota', api => api.addUsagePlan('P', { quota: { limit: -1, period: QuotaPeriod.DAY } }),
      /\[InvalidUsagePlan\] addUsagePlan\('P'\)\.quota\.limit must be a whole number >= 0, got -1/],
    ['a week offset of 7', api => api.addUsagePlan('P', { quota: { limit: 1, period: QuotaPeriod.WEEK, offset: 7 } }),
      /quota\.offset must be a whole number from 0 to 6 for period WEEK, got 7/],
    ['a bad plan throttle', api => api.addUsagePlan('P', { throttle: { rateLimit: -1, burstLimit: 1 } }),
      /\[InvalidThrottle\] addUsagePlan\('P'\)\.throttle\.rateLimit must be a number >= 0/],
    ['an ANY route throttle', api => api.addUsagePlan('P', { routeThrottles: { 'ANY /x': { rateLimit: 1, burstLimit: 1 } } }),
      /cannot throttle an ANY route per method/],
    ['a bad plan name', api => api.addUsagePlan('Gold plan'), /names must be 1-64 letters, digits, _ or -, got "Gold plan"/],
    ['a duplicate plan', api => { api.addUsagePlan('P'); api.addUsagePlan('P'); }, /must name a new plan, got "P"/],
    ['a duplicate key name', api => { api.addUsagePlan('P').addApiKey('K'); api.addUsagePlan('Q').addApiKey('K'); },
      /\[DuplicateApiKey\] .*must name a new key, got "K"; pass the key object/],
    ['a key twice in a plan', api => { const p = api.addUsagePlan('P'); const k = p.addApiKey('K'); p.addApiKey(k); },
      /is already in this plan/],
  ])('refuses %s', (_name, build, message) => {
    const { api } = gatewayWithRoutes();
    expect(() => build(api)).toThrow(message);
  });

  test('a route throttle for a route that does not exist fails synthesis', () => {
    const { stack, api } = gatewayWithRoutes();
    api.addUsagePlan('P', { routeThrottles: { 'GET /nope': { rateLimit: 1, burstLimit: 1 } } });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnknownRoute\] addUsagePlan\('P'\)\.routeThrottles must name routes of the gateway, got "GET \/nope"/);
  });

  test('a key in more than 10 plans fails synthesis (API Gateway\'s limit per key, counted across the app\'s gateways)', () => {
    const { stack, api } = gatewayWithRoutes();
    const key = api.addUsagePlan('P0').addApiKey('Shared');
    for (let i = 1; i <= 10; i++) {
      const other = new RestGateway(stack, `Api${i}`);
      other.addRoute('GET /a', Integration.mock());
      other.addUsagePlan(`P${i}`).addApiKey(key);
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] API key Shared is in 11 usage plans \(Test\/Api\/UsagePlanP0, Test\/Api1\/UsagePlanP1, .*\); API Gateway allows 10 per key/);
  });
});
