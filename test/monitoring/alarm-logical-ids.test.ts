import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

/** Each gateway with a fixed route, a service route, and (maybe) one more route added first. */
const GATEWAYS: Array<[string, (stack: Stack, extra: boolean) => void]> = [
  ['RestGateway', (stack, extra) => {
    const api = new RestGateway(stack, 'Api', { cache: {} });
    if (extra) api.addRoute('GET /aaa/{id}', Integration.lambda(handler(stack, 'Extra')), { cache: { sharedAcrossCallers: true, keyParameters: [] } });
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(5) }), { throttle: { rateLimit: 10 } });
    api.addMonitoring();
    api.addRoute('POST /orders', Integration.sqs(queue(stack, 'Queue')));
  }],
  ['HttpGateway', (stack, extra) => {
    const api = new HttpGateway(stack, 'Api');
    if (extra) api.addRoute('GET /aaa/{id}', Integration.sqs(queue(stack, 'Extra')));
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')), { throttle: { rateLimit: 10 } });
    api.addMonitoring();
    api.addRoute('POST /orders', Integration.sqs(queue(stack, 'Queue')));
  }],
  ['WebSocketGateway', (stack, extra) => {
    const api = new WebSocketGateway(stack, 'Api', { connect: Integration.lambda(handler(stack, 'Connect')) });
    if (extra) api.addRoute('aaa', Integration.sqs(queue(stack, 'Extra')));
    api.addMonitoring();
    api.addRoute('sendMessage', Integration.sqs(queue(stack, 'Queue')));
  }],
];

function alarmIds(build: (stack: Stack, extra: boolean) => void, extra: boolean): string[] {
  const stack = testStack();
  build(stack, extra);
  return Object.keys(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).sort();
}

describe.each(GATEWAYS)('%s alarm logical IDs', (_name, build) => {
  test('adding a route (before or after addMonitoring) keeps every alarm\'s logical ID', () => {
    const before = alarmIds(build, false);
    const after = alarmIds(build, true);
    expect(before.length).toBeGreaterThan(3);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  test('IDs come from the gateway, the metric and the route key', () => {
    for (const id of alarmIds(build, true)) {
      expect(id).toMatch(/^ApiMonitoring(ServerErrors|ClientErrors|ThrottleHeadroom|CacheHitRate|(Latency|IntegrationErrors|ThrottleHeadroom)[A-Za-z0-9]+[0-9A-F]{8})[0-9A-F]{8}$/);
    }
  });
});
