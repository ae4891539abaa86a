import { Duration, Stack, aws_cloudwatch_actions as cloudwatch_actions, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { rendered } from './rendered-metric';
import { Integration, RestGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

function gateway(stack: Stack, props = {}): RestGateway {
  const api = new RestGateway(stack, 'Orders', { apiName: 'orders', ...props });
  api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(10) }));
  return api;
}

describe('RestGateway metrics', () => {
  test('stage metrics: AWS/ApiGateway, ApiName and Stage, documented statistics, five minutes', () => {
    const stack = testStack();
    const api = gateway(stack);
    const stage = { ApiName: 'orders', Stage: 'prod' };
    expect(rendered(stack, api.metrics.requests())).toEqual({ namespace: 'AWS/ApiGateway', name: 'Count', dimensions: stage, statistic: 'SampleCount', period: 300 });
    expect(rendered(stack, api.metrics.clientErrors())).toMatchObject({ name: '4XXError', dimensions: stage, statistic: 'Sum' });
    expect(rendered(stack, api.metrics.serverErrors())).toMatchObject({ name: '5XXError', dimensions: stage, statistic: 'Sum' });
    expect(rendered(stack, api.metrics.latency())).toMatchObject({ name: 'Latency', dimensions: stage, statistic: 'p99' });
    expect(rendered(stack, api.metrics.integrationLatency({ statistic: 'p50' }))).toMatchObject({ name: 'IntegrationLatency', statistic: 'p50' });
    expect(rendered(stack, api.metrics.cacheHits())).toMatchObject({ name: 'CacheHitCount', statistic: 'Sum' });
    expect(rendered(stack, api.metrics.cacheMisses({ period: Duration.minutes(1) }))).toMatchObject({ name: 'CacheMissCount', period: 60 });
  });

  test('route metrics: ApiName, Method, Resource and Stage', () => {
    const stack = testStack();
    const api = gateway(stack);
    expect(rendered(stack, api.metrics.latency({ routeKey: 'GET /orders/{id}', statistic: 'p90' }))).toMatchObject({
      name: 'Latency',
      dimensions: { ApiName: 'orders', Method: 'GET', Resource: '/orders/{id}', Stage: 'prod' },
      statistic: 'p90',
    });
  });

  test('throws when the route is unknown, the statistic or the period is wrong', () => {
    const api = gateway(testStack());
    expect(() => api.metrics.latency({ routeKey: 'GET /nope' })).toThrow(/\[UnknownRoute\] metrics.latency.routeKey must be a route of this gateway, got "GET \/nope"/);
    expect(() => api.metrics.latency({ statistic: 'median' })).toThrow(/\[InvalidMonitoring\] metrics.latency.statistic must be a CloudWatch statistic, got "median"/);
    expect(() => api.metrics.requests({ period: Duration.seconds(90) })).toThrow(/\[InvalidMonitoring\] metrics.requests.period must be whole minutes/);
  });
});

describe('RestGateway.addMonitoring', () => {
  test('default: error-rate alarms, headroom, a latency alarm per route sized by its timeout, a dashboard', () => {
    const stack = testStack();
    const api = gateway(stack);
    api.addRoute('POST /orders', Integration.sqs(queue(stack, 'Queue')));
    api.addRoute('GET /health', Integration.mock());
    const monitoring = api.addMonitoring();
    const t = Template.fromStack(stack);

    // 5XX rate: 100 * 5XXError (Sum) / Count (SampleCount) per minute, above 1 % in 3 of 5.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: '100 * errors / requests', ReturnData: true }),
        Match.objectLike({
          Id: 'errors',
          MetricStat: {
            Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions: Match.arrayWith([{ Name: 'ApiName', Value: 'orders' }, { Name: 'Stage', Value: 'prod' }]) },
            Period: 60,
            Stat: 'Sum',
          },
          ReturnData: false,
        }),
        Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'Count' }), Stat: 'SampleCount', Period: 60 }) }),
      ]),
    });
    // 4XX rate, sustained: above 10 % in 3 of 3 five-minute periods.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10,
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '4XXError' }), Period: 300 }) })]),
    });
    // p99 IntegrationLatency of the route, above 80 % of its 10 s timeout.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IntegrationLatency',
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Period: 60,
      Threshold: 8000,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        { Name: 'ApiName', Value: 'orders' }, { Name: 'Method', Value: 'GET' }, { Name: 'Resource', Value: '/orders/{id}' }, { Name: 'Stage', Value: 'prod' },
      ],
    });
    // The SQS route: API Gateway's 29 s default, and its own 5XX as integration errors.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IntegrationLatency', Threshold: 23200, Dimensions: Match.arrayWith([{ Name: 'Resource', Value: '/orders' }]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5XXError',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: Match.arrayWith([{ Name: 'Method', Value: 'POST' }, { Name: 'Resource', Value: '/orders' }]),
    });
    // Throttle headroom: 80 % of the default 1,000 requests/s over a minute.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Count', Statistic: 'SampleCount', Period: 60, Threshold: 48000, Dimensions: [{ Name: 'ApiName', Value: 'orders' }, { Name: 'Stage', Value: 'prod' }],
    });
    // No latency alarm on the mock route, no cache alarm without a cache.
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Alarm'))).not.toContain('/health');
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Alarm'))).not.toContain('CacheHitCount');
    // 2 rates, headroom, 2 latencies, 1 integration-error alarm.
    expect(monitoring.alarms).toHaveLength(6);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    t.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(Object.values(t.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardName).toBeUndefined();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('with a stage cache: the hit-rate alarm comes with the first cached route', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Orders', { apiName: 'orders', cache: {} });
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')));
    const monitoring = api.addMonitoring();
    expect(monitoring.node.tryFindChild('CacheHitRate')).toBeUndefined();
    api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Get')), { cache: { ttl: Duration.minutes(1), sharedAcrossCallers: true } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 50,
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: '100 * hits / (hits + misses)' }),
        Match.objectLike({ Id: 'hits', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'CacheHitCount' }), Period: 900, Stat: 'Sum' }) }),
        Match.objectLike({ Id: 'misses', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'CacheMissCount' }) }) }),
      ]),
    });
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Dashboard'))).toContain('CacheHitCount');
  });

  test('with options: thresholds, alarms off, a topic, a dashboard name', () => {
    const stack = testStack();
    const api = gateway(stack, { throttle: { rateLimit: 100 } });
    api.addRoute('GET /slow', Integration.lambda(handler(stack, 'Slow')), { throttle: { rateLimit: 10 } });
    const topic = new sns.Topic(stack, 'OnCall');
    api.addMonitoring({
      serverErrors: { threshold: 5, evaluationPeriods: 2 },
      clientErrors: { enabled: false },
      latency: { threshold: 90, period: Duration.minutes(5) },
      alarmTopic: topic,
      dashboardName: 'orders-prod',
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5, EvaluationPeriods: 2, DatapointsToAlarm: 2, AlarmActions: [{ Ref: Match.stringLikeRegexp('OnCall') }], OKActions: [{ Ref: Match.stringLikeRegexp('OnCall') }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IntegrationLatency', Period: 300, Threshold: 9000 });
    // The route's own throttle: 80 % of 10 requests/s over a minute; the stage's: of 100.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Count', Threshold: 480, Dimensions: Match.arrayWith([{ Name: 'Resource', Value: '/slow' }]) });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Count', Threshold: 4800 });
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Alarm'))).not.toContain('4XXError');
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'orders-prod' });
  });

  test('with alarmActions, and without a dashboard', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Pager');
    gateway(stack).addMonitoring({ alarmActions: [new cloudwatch_actions.SnsAction(topic)], dashboard: false });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('Pager') }], OKActions: Match.absent() });
    t.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  test('with every alarm off: a dashboard without the alarm widget', () => {
    const stack = testStack();
    const off = { enabled: false };
    const monitoring = gateway(stack).addMonitoring({
      serverErrors: off, clientErrors: off, latency: off, throttleHeadroom: off, integrationErrors: off, cacheHitRate: off,
    });
    expect(monitoring.alarms).toEqual([]);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Dashboard'))).not.toContain('\\"type\\":\\"alarm\\"');
    expect(JSON.stringify(t.findResources('AWS::CloudWatch::Dashboard'))).toContain('\\"type\\":\\"metric\\"');
  });

  test('the dashboard shows the alarms of routes added after it, at most 100 per alarm widget (CloudWatch\'s limit)', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { routes: { 'GET /first': Integration.mock() } });
    const off = { enabled: false };
    const monitoring = api.addMonitoring({ serverErrors: off, clientErrors: off, throttleHeadroom: off });
    const fn = handler(stack, 'Fn');
    for (let i = 0; i < 130; i++) api.addRoute(`GET /items${i}`, Integration.lambda(fn));
    expect(monitoring.alarms.length).toBeGreaterThan(100);
    const body = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody;
    // The body joins text and references (alarm ARNs, the region): each reference read as x.
    const text = (body['Fn::Join'][1] as unknown[]).map(part => (typeof part === 'string' ? part : 'x')).join('');
    const widgets = (JSON.parse(text) as {
      widgets: { type: string; y: number; properties: { alarms?: unknown[]; title?: string } }[];
    }).widgets.filter(w => w.type === 'alarm');
    expect(widgets.map(w => w.properties.alarms!.length)).toEqual([100, monitoring.alarms.length - 100]);
    expect(widgets.map(w => w.properties.title)).toEqual(['Alarms (1 of 2)', 'Alarms (2 of 2)']);
    expect(widgets[1].y).toBe(widgets[0].y + 4);
  });

  test('the dashboard ranks routes with search expressions over the per-method metrics', () => {
    const stack = testStack();
    gateway(stack).addMonitoring();
    const body = JSON.stringify(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'));
    expect(body).toContain('SORT(SEARCH(\'{AWS/ApiGateway,ApiName,Method,Resource,Stage} MetricName=\\\\\\"5XXError\\\\\\" ApiName=\\\\\\"orders\\\\\\" Stage=\\\\\\"prod\\\\\\"\', \'Sum\', 60), SUM, DESC, 10)');
    expect(body).toContain('MetricName=\\\\\\"Latency\\\\\\"');
    expect(body).not.toContain('DataProcessed');
  });

  test('logical IDs: adding a route keeps every alarm\'s', () => {
    const ids = (extra: boolean): string[] => {
      const stack = testStack();
      const api = gateway(stack);
      if (extra) api.addRoute('GET /aaa', Integration.sqs(queue(stack, 'Q1')));
      api.addRoute('POST /orders', Integration.sqs(queue(stack, 'Q2')));
      api.addMonitoring();
      return Object.keys(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));
    };
    const before = ids(false);
    const after = ids(true);
    expect(after.length).toBe(before.length + 2);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(before).toContainEqual(expect.stringMatching(/^OrdersMonitoringServerErrors[0-9A-F]{8}$/));
  });

  test('throws on bad options', () => {
    const call = (options: object) => () => gateway(testStack()).addMonitoring(options);
    expect(call({ serverErrors: { threshold: 0 } })).toThrow(/\[InvalidMonitoring\] addMonitoring.serverErrors.threshold must be a number > 0 \(a percentage\), got 0/);
    expect(call({ latency: { threshold: 150 } })).toThrow(/\[InvalidMonitoring\] addMonitoring.latency.threshold must be a percentage, at most 100, got 150/);
    expect(call({ clientErrors: { evaluationPeriods: 0 } })).toThrow(/addMonitoring.clientErrors.evaluationPeriods must be a whole number >= 1, got 0/);
    expect(call({ clientErrors: { datapointsToAlarm: 4 } })).toThrow(/addMonitoring.clientErrors.datapointsToAlarm must be at most evaluationPeriods \(3\), got 4/);
    expect(call({ serverErrors: { period: Duration.hours(1), evaluationPeriods: 25 } })).toThrow(/at most one day/);
    expect(call({ cacheHitRate: { threshold: 20 } })).toThrow(/\[UnsupportedCombination\] addMonitoring.cacheHitRate has no metric to alarm on: the gateway has no stage cache/);
    expect(call({ dashboardName: 'orders prod' })).toThrow(/\[InvalidMonitoring\] addMonitoring.dashboardName must be 1 to 255 letters, digits, - and _, got "orders prod"/);
    expect(call({ latency: { threshold: NaN } })).toThrow(/\[InvalidType\] addMonitoring.latency.threshold must be a number, got NaN/);
    const api = gateway(testStack());
    api.addMonitoring();
    expect(() => api.addMonitoring()).toThrow(/\[InvalidMonitoring\] addMonitoring may be called once per gateway/);
  });
});
