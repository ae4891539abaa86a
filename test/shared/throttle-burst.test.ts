import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, RouteManifest, WebSocketGateway } from '../../src';
import { burstLimitOf } from '../../src/vocabulary/throttle-settings';
import { testStack } from '../support/app';

/** A throttle given only its rate: the bucket is derived, the same way everywhere a throttle is taken. */
describe('a throttle with only rateLimit', () => {
  test.each([
    [100, 200],
    [0.5, 1],
    [0, 0],
    [2500, 5000],
    // At most API Gateway's default bucket per account and region, which would apply above it anyway.
    [4000, 5000],
  ])('rate %p makes a bucket of %p', (rateLimit, burst) => {
    expect(burstLimitOf({ rateLimit })).toBe(burst);
  });

  test('a given burstLimit is kept as it is', () => {
    expect(burstLimitOf({ rateLimit: 100, burstLimit: 7 })).toBe(7);
  });

  test('RestGateway: the stage and a route throttle', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { throttle: { rateLimit: 300 } });
    api.addRoute('GET /reports/{id}', Integration.mock(), { throttle: { rateLimit: 5 } });
    const stage = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Stage'))[0].Properties;
    const settings = Object.fromEntries(stage.MethodSettings.map((s: any) => [`${s.HttpMethod} ${s.ResourcePath}`, [s.ThrottlingRateLimit, s.ThrottlingBurstLimit]]));
    expect(settings).toEqual({ '* /*': [300, 600], 'GET /~1reports~1{id}': [5, 10] });
  });

  test('RestGateway: a usage plan and its route throttles', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /reports/{id}', Integration.mock(), { apiKeyRequired: true });
    api.addUsagePlan('Gold', { throttle: { rateLimit: 50 }, routeThrottles: { 'GET /reports/{id}': { rateLimit: 2 } } });
    const plan = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::UsagePlan'))[0].Properties;
    expect(plan.Throttle).toEqual({ RateLimit: 50, BurstLimit: 100 });
    expect(Object.values(plan.ApiStages[0].Throttle)).toEqual([{ RateLimit: 2, BurstLimit: 4 }]);
  });

  test('HttpGateway: the stage and a route throttle', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', { throttle: { rateLimit: 300 } });
    api.addRoute('GET /a', Integration.http('https://backend.example.com'), { throttle: { rateLimit: 5 } });
    const stage = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 300, ThrottlingBurstLimit: 600 });
    expect(stage.RouteSettings['GET /a']).toMatchObject({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
  });

  test('WebSocketGateway: the stage and a route throttle', () => {
    const stack = testStack();
    const api = new WebSocketGateway(stack, 'Api', { throttle: { rateLimit: 300 } });
    api.addRoute('send', Integration.mock(), { throttle: { rateLimit: 5 } });
    const stage = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 300, ThrottlingBurstLimit: 600 });
    expect(stage.RouteSettings.send).toMatchObject({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
  });

  test('a rate known only at deploy time needs its burstLimit', () => {
    const rateLimit = Lazy.number({ produce: () => 10 });
    expect(() => new RestGateway(testStack(), 'Api', { throttle: { rateLimit } }))
      .toThrow(/\[InvalidThrottle\] throttle\.burstLimit is required when rateLimit is a token \(it is derived from a known rate only\), got undefined; set the bucket size/);
  });

  test('the route manifest records the derived bucket', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { throttle: { rateLimit: 40 } });
    api.addRoute('GET /a', Integration.mock(), { throttle: { rateLimit: 3 } });
    const [gateway] = RouteManifest.fromStacks([stack]).gateways;
    expect(gateway.stage.throttle).toEqual({ rateLimit: 40, burstLimit: 80 });
    expect(gateway.routes.map(r => r.throttle)).toEqual([{ rateLimit: 3, burstLimit: 6 }]);
  });
});
