import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { rendered } from './rendered-metric';
import { HttpGateway, Integration } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

function gateway(stack: Stack): HttpGateway {
  const api = new HttpGateway(stack, 'Orders', { stageName: 'live' });
  api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn')));
  return api;
}

const API_ID = { Ref: Match.stringLikeRegexp('^OrdersApi') };

describe('HttpGateway metrics', () => {
  test('stage metrics: AWS/ApiGateway, ApiId and Stage; 4xx, 5xx and DataProcessed', () => {
    const stack = testStack();
    const api = gateway(stack);
    const apiId = stack.resolve(api.api.apiId);
    const stage = { ApiId: apiId, Stage: 'live' };
    expect(rendered(stack, api.metrics.requests())).toEqual({ namespace: 'AWS/ApiGateway', name: 'Count', dimensions: stage, statistic: 'SampleCount', period: 300 });
    expect(rendered(stack, api.metrics.clientErrors())).toMatchObject({ name: '4xx', dimensions: stage, statistic: 'Sum' });
    expect(rendered(stack, api.metrics.serverErrors())).toMatchObject({ name: '5xx', dimensions: stage, statistic: 'Sum' });
    expect(rendered(stack, api.metrics.latency())).toMatchObject({ name: 'Latency', statistic: 'p99' });
    expect(rendered(stack, api.metrics.integrationLatency({ statistic: 'p90' }))).toMatchObject({ name: 'IntegrationLatency', statistic: 'p90' });
    expect(rendered(stack, api.metrics.dataProcessed())).toMatchObject({ name: 'DataProcessed', dimensions: stage, statistic: 'Sum' });
  });

  test('route metrics: ApiId, Method, Resource and Stage, as the HTTP API metric documentation lists them', () => {
    const stack = testStack();
    const api = gateway(stack);
    expect(rendered(stack, api.metrics.serverErrors({ routeKey: 'GET /orders/{id}' }))).toMatchObject({
      name: '5xx', dimensions: { ApiId: stack.resolve(api.api.apiId), Method: 'GET', Resource: '/orders/{id}', Stage: 'live' },
    });
  });

  test('throws for the $default route, which has no per-route metrics', () => {
    const stack = testStack();
    const api = gateway(stack);
    api.addRoute('$default', Integration.lambda(handler(stack, 'Default')));
    expect(() => api.metrics.latency({ routeKey: '$default' })).toThrow(/\[InvalidMonitoring\] metrics.latency.routeKey has no per-route metrics/);
  });
});

describe('HttpGateway.addMonitoring', () => {
  test('default: 4xx/5xx rates, headroom, latency per route at 80 % of the 30 s default timeout, no cache alarm', () => {
    const stack = testStack();
    const api = gateway(stack);
    api.addRoute('POST /orders', Integration.sqs(queue(stack, 'Queue')), { timeout: Duration.seconds(5) });
    api.addRoute('$default', Integration.lambda(handler(stack, 'Default')));
    api.addMonitoring();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([Match.objectLike({
        Id: 'errors',
        MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: API_ID }, { Name: 'Stage', Value: 'live' }] }, Period: 60, Stat: 'Sum' },
      })]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '4xx' }) }) })]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IntegrationLatency',
      ExtendedStatistic: 'p99',
      Threshold: 24000,
      Dimensions: [{ Name: 'ApiId', Value: API_ID }, { Name: 'Method', Value: 'GET' }, { Name: 'Resource', Value: '/orders/{id}' }, { Name: 'Stage', Value: 'live' }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IntegrationLatency', Threshold: 4000, Dimensions: Match.arrayWith([{ Name: 'Resource', Value: '/orders' }]) });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5xx', Statistic: 'Sum', ComparisonOperator: 'GreaterThanOrEqualToThreshold', Dimensions: Match.arrayWith([{ Name: 'Method', Value: 'POST' }]) });
    const alarms = JSON.stringify(t.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).not.toContain('$default');
    expect(alarms).not.toContain('Cache');
    // 2 rates, headroom, 2 latencies, 1 integration-error alarm.
    t.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    const dashboard = JSON.stringify(t.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard).toContain('DataProcessed');
    expect(dashboard).toContain('{AWS/ApiGateway,ApiId,Method,Resource,Stage} MetricName=\\\\\\"5xx\\\\\\"');
  });

  test('throws for a cache alarm', () => {
    expect(() => gateway(testStack()).addMonitoring({ cacheHitRate: {} }))
      .toThrow(/\[UnsupportedCombination\] addMonitoring.cacheHitRate has no metric to alarm on: HTTP APIs have no cache/);
    expect(() => gateway(testStack()).addMonitoring({ cacheHitRate: { enabled: false } })).not.toThrow();
  });
});
