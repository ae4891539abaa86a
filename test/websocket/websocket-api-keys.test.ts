import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Integration, QuotaPeriod, RestGateway, WebSocketGateway } from '../../src';
import { RouteManifest } from '../../src/review/route-manifest';
import { testStack } from '../support/app';

function chat(apiKeyRequired?: boolean) {
  const stack = testStack();
  const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none(), apiKeyRequired, routes: { send: Integration.mock() } });
  return { stack, ws };
}

describe('WebSocketGateway API keys and usage plans', () => {
  test('apiKeyRequired: the x-api-key header on $connect only; a plan on the stage with its key', () => {
    const { stack, ws } = chat(true);
    const gold = ws.addUsagePlan('Gold', { throttle: { rateLimit: 5 }, quota: { limit: 1_000, period: QuotaPeriod.DAY } });
    gold.addApiKey('Acme');
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', ApiKeySelectionExpression: '$request.header.x-api-key' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', ApiKeyRequired: true });
    const send = Object.values(t.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: 'send' } }))[0];
    expect(send.Properties.ApiKeyRequired).toBeUndefined();
    t.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'Gold',
      Throttle: { RateLimit: 5, BurstLimit: 10 },
      Quota: { Limit: 1000, Period: 'DAY' },
      ApiStages: [{ ApiId: { Ref: Match.stringLikeRegexp('^ChatApi') }, Stage: 'prod' }],
    });
    // The stage is named, not referenced: the plan waits for it.
    t.hasResource('AWS::ApiGateway::UsagePlan', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^ChatStage')]) });
    t.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyType: 'API_KEY', UsagePlanId: { Ref: Match.stringLikeRegexp('^ChatUsagePlanGold') } });
    t.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('ApiKeyRouteWithoutUsagePlan|UsagePlanWithoutApiKey'));
  });

  test('without apiKeyRequired nothing changes on the API or its routes', () => {
    const { stack } = chat();
    const t = Template.fromStack(stack);
    expect(Object.values(t.findResources('AWS::ApiGatewayV2::Api'))[0].Properties.ApiKeySelectionExpression).toBeUndefined();
    for (const route of Object.values(t.findResources('AWS::ApiGatewayV2::Route'))) expect(route.Properties.ApiKeyRequired).toBeUndefined();
  });

  test('the manifest shows the plans and the key on every route (messages arrive on a keyed connection)', () => {
    const { stack, ws } = chat(true);
    ws.addUsagePlan('Gold', { quota: { limit: 1_000, period: QuotaPeriod.DAY } }).addApiKey('Acme');
    const [gateway] = RouteManifest.fromStacks([stack]).gateways;
    expect(gateway.usagePlans).toEqual([{ id: 'Gold', quotaLimit: 1000, quotaPeriod: 'DAY', apiKeys: ['Acme'] }]);
    expect(gateway.routes.map(r => [r.routeKey, r.apiKeyRequired]).sort()).toEqual([['$connect', true], ['send', true]]);
  });

  test('a key shared with a REST gateway\'s plan is one key in two plans', () => {
    const { stack, ws } = chat(true);
    const rest = new RestGateway(stack, 'Rest', { routes: { 'GET /a': Integration.mock() } });
    const key = rest.addUsagePlan('Gold').addApiKey('Acme');
    ws.addUsagePlan('Gold').addApiKey(key);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    t.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 2);
  });

  test('warns about a key nobody can get, and a plan no key reaches', () => {
    const keyed = chat(true);
    Annotations.fromStack(keyed.stack).hasWarning('/Test/Chat', Match.stringLikeRegexp('apiKeyRequired is set but no usage plan grants a key.*ApiKeyRouteWithoutUsagePlan'));
    const unkeyed = chat(false);
    unkeyed.ws.addUsagePlan('Gold');
    Annotations.fromStack(unkeyed.stack).hasWarning('/Test/Chat', Match.stringLikeRegexp('usage plans Gold meter callers by API key, but the gateway requires none.*UsagePlanWithoutApiKey'));
  });

  test.each<[string, (ws: WebSocketGateway) => void, RegExp]>([
    ['route throttles (a WebSocket key is read on $connect only)', ws => ws.addUsagePlan('Gold', { routeThrottles: { send: { rateLimit: 1 } } }),
      /\[UnsupportedCombination\] addUsagePlan\('Gold'\)\.routeThrottles cannot be set: API Gateway reads a WebSocket API key on \$connect only, so a plan meters connections, not routes, got \["send"\]; remove routeThrottles/],
    ['a plan name twice', ws => { ws.addUsagePlan('Gold'); ws.addUsagePlan('Gold'); }, /\[InvalidUsagePlan\] addUsagePlan\('Gold'\) must name a new plan/],
    ['a bad plan name', ws => ws.addUsagePlan('Gold plan'), /\[InvalidUsagePlan\] addUsagePlan\('Gold plan'\) names must be 1-64 letters, digits, _ or -/],
    ['a key twice in one plan', ws => { const plan = ws.addUsagePlan('Gold'); plan.addApiKey('Acme'); plan.addApiKey('Acme'); }, /\[DuplicateApiKey\]/],
    ['apiKeyRequired on a route', ws => ws.addRoute('other', Integration.mock(), { apiKeyRequired: true } as never),
      /\[UnsupportedCombination\] addRoute\('other'\)\.apiKeyRequired cannot be set on a WebSocket route: API Gateway checks a WebSocket API key once, on \$connect.*set the gateway's apiKeyRequired prop/],
  ])('refuses %s', (_name, act, message) => {
    const { ws } = chat(true);
    expect(() => act(ws)).toThrow(message);
  });
});
