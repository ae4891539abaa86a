import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { rendered } from './rendered-metric';
import { Integration, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

function gateway(stack: Stack): WebSocketGateway {
  const api = new WebSocketGateway(stack, 'Chat', { connect: Integration.lambda(handler(stack, 'Connect')) });
  api.addRoute('sendMessage', Integration.sqs(queue(stack, 'Messages')), { timeout: Duration.seconds(3) });
  return api;
}

const API_ID = { Ref: Match.stringLikeRegexp('^ChatApi') };

describe('WebSocketGateway metrics', () => {
  test('stage metrics: ApiId and Stage; connects, messages and the three error counts', () => {
    const stack = testStack();
    const api = gateway(stack);
    const stage = { ApiId: stack.resolve(api.api.apiId), Stage: 'prod' };
    expect(rendered(stack, api.metrics.connects())).toEqual({ namespace: 'AWS/ApiGateway', name: 'ConnectCount', dimensions: stage, statistic: 'Sum', period: 300 });
    expect(rendered(stack, api.metrics.messages())).toMatchObject({ name: 'MessageCount', dimensions: stage, statistic: 'Sum' });
    expect(rendered(stack, api.metrics.integrationErrors())).toMatchObject({ name: 'IntegrationError', statistic: 'Sum' });
    expect(rendered(stack, api.metrics.clientErrors())).toMatchObject({ name: 'ClientError', statistic: 'Sum' });
    expect(rendered(stack, api.metrics.executionErrors())).toMatchObject({ name: 'ExecutionError', statistic: 'Sum' });
    expect(rendered(stack, api.metrics.integrationLatency())).toMatchObject({ name: 'IntegrationLatency', statistic: 'p99' });
  });

  test('route metrics: ApiId, Route and Stage', () => {
    const stack = testStack();
    const api = gateway(stack);
    expect(rendered(stack, api.metrics.integrationErrors({ routeKey: 'sendMessage', period: Duration.minutes(1) }))).toMatchObject({
      dimensions: { ApiId: stack.resolve(api.api.apiId), Route: 'sendMessage', Stage: 'prod' }, period: 60,
    });
    expect(() => api.metrics.messages({ routeKey: 'nope' })).toThrow(/\[UnknownRoute\] metrics.messages.routeKey must be a route of this gateway, got "nope"/);
  });
});

describe('WebSocketGateway.addMonitoring', () => {
  test('default: ExecutionError and ClientError rates of messages, IntegrationError and latency per route, no headroom or cache alarm', () => {
    const stack = testStack();
    const api = gateway(stack);
    api.addMonitoring();
    api.addRoute('$default', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([
        Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'ExecutionError', Dimensions: [{ Name: 'ApiId', Value: API_ID }, { Name: 'Stage', Value: 'prod' }] } }) }),
        Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'MessageCount' }), Stat: 'Sum' }) }),
      ]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ClientError' }) }) })]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IntegrationError',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'ApiId', Value: API_ID }, { Name: 'Route', Value: 'sendMessage' }, { Name: 'Stage', Value: 'prod' }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IntegrationLatency', Threshold: 2400, Dimensions: Match.arrayWith([{ Name: 'Route', Value: 'sendMessage' }]) });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IntegrationLatency', Threshold: 23200, Dimensions: Match.arrayWith([{ Name: 'Route', Value: '$connect' }]) });
    // 2 rates, 2 latencies (not the mock $default), 1 integration-error alarm.
    t.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    const dashboard = JSON.stringify(t.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard).toContain('{AWS/ApiGateway,ApiId,Route,Stage} MetricName=\\\\\\"IntegrationError\\\\\\"');
    expect(dashboard).toContain('ConnectCount');
  });

  test('throws for headroom and cache alarms', () => {
    expect(() => gateway(testStack()).addMonitoring({ throttleHeadroom: { threshold: 50 } }))
      .toThrow(/\[UnsupportedCombination\] addMonitoring.throttleHeadroom has no metric to alarm on: WebSocket APIs/);
    expect(() => gateway(testStack()).addMonitoring({ cacheHitRate: {} })).toThrow(/\[UnsupportedCombination\] addMonitoring.cacheHitRate/);
  });
});
