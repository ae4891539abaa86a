import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccessLogOptions, Authorization, HttpGateway, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

const GATEWAYS: [string, (stack: Stack, accessLogs: AccessLogOptions) => void][] = [
  ['RestGateway', (stack, accessLogs) => new RestGateway(stack, 'Api', { accessLogs, routes: { 'GET /a': Integration.mock() } })],
  ['HttpGateway', (stack, accessLogs) => new HttpGateway(stack, 'Api', { accessLogs, routes: { 'GET /a': Integration.http('https://example.org/a') } })],
  ['WebSocketGateway', (stack, accessLogs) => new WebSocketGateway(stack, 'Api', { accessLogs, authorization: Authorization.none() })],
];

/** The access log format each gateway's stage writes, parsed. */
function format(stack: Stack): Record<string, string> {
  const t = Template.fromStack(stack).toJSON();
  const stage = Object.values(t.Resources as Record<string, any>).find(r => ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'].includes(r.Type));
  // REST: AccessLogSetting; API Gateway v2: AccessLogSettings.
  return JSON.parse((stage.Properties.AccessLogSetting ?? stage.Properties.AccessLogSettings).Format);
}

describe.each(GATEWAYS)('%s accessLogs.additionalFields', (_name, build) => {
  test('adds each field after the standard ones, in name order, as its $context variable', () => {
    const plain = testStack();
    build(plain, {});
    const standard = format(plain);
    const stack = testStack();
    build(stack, { additionalFields: { wafAction: RequestValue.context('waf.status'), tenant: RequestValue.context('authorizer.tenantId') } });
    const written = format(stack);
    expect(Object.keys(written)).toEqual([...Object.keys(standard), 'tenant', 'wafAction']);
    expect(written.tenant).toBe('$context.authorizer.tenantId');
    expect(written.wafAction).toBe('$context.waf.status');
  });

  test.each<[string, AccessLogOptions, RegExp]>([
    ['a value that is not a context variable', { additionalFields: { tenant: RequestValue.header('X-Tenant') } },
      /\[InvalidAccessLogs\] accessLogs.additionalFields\['tenant'\] must be a context variable: access logs read only \$context, got header\("X-Tenant"\); use e.g. RequestValue.context\('authorizer.tenantId'\)/],
    ['a standard field replaced', { additionalFields: { requestId: RequestValue.context('authorizer.requestId') } },
      /\[InvalidAccessLogs\] accessLogs.additionalFields\['requestId'\] cannot replace a standard field: queries and dashboards read it/],
    ['a name with a space', { additionalFields: { 'tenant id': RequestValue.context('authorizer.tenantId') } },
      /\[InvalidAccessLogs\] accessLogs.additionalFields\['tenant id'\] names must be 1-64 letters, digits or _/],
    ['more than API Gateway\'s 3 KB format', { additionalFields: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field${i}`, RequestValue.context(`authorizer.claim${i}`)])) },
      /\[InvalidAccessLogs\] accessLogs.additionalFields would make the access log format \d+ bytes; API Gateway takes at most 3072/],
    ['fields with access logs off', { enabled: false, additionalFields: { tenant: RequestValue.context('authorizer.tenantId') } },
      /\[InvalidAccessLogs\] accessLogs.enabled is false, so additionalFields would be ignored/],
  ])('refuses %s', (_case, accessLogs, message) => {
    expect(() => build(testStack(), accessLogs)).toThrow(message);
  });
});
