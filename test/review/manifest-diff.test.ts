import { Duration, Stack, aws_apigateway as apigw, aws_certificatemanager as acm, aws_cognito as cognito, aws_ec2 as ec2, aws_sqs as sqs } from 'aws-cdk-lib';
import {
  ApiAccess, Authorization, ChangeSeverity, Endpoint, HttpGateway, Integration, QuotaPeriod, RequestValue, RestGateway, RestGatewayProps,
  RouteManifest, RouteOptions, Waf, WebSocketGateway,
} from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

type Version = 'before' | 'after';
/** Builds one side of a pair: the same app, before and after one change. */
type Build = (stack: Stack, v: Version) => void;

const pick = <T>(v: Version, before: T, after: T): T => (v === 'before' ? before : after);

/** A REST gateway with one Lambda route: gateway props and route options per version. */
function rest(props: (v: Version, stack: Stack) => RestGatewayProps, options: (v: Version, stack: Stack) => RouteOptions = () => ({})): Build {
  return (stack, v) => new RestGateway(stack, 'Orders', props(v, stack)).addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn')), options(v, stack));
}

const route = (options: (v: Version, stack: Stack) => RouteOptions) => rest(() => ({}), options);
const pool = (stack: Stack) => new cognito.UserPool(stack, 'Pool');
const certificate = (stack: Stack) => acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
const vpcEndpoint = (stack: Stack) => ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'Vpce', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });

function changes(build: Build) {
  const manifest = (v: Version) => {
    const stack = testStack();
    build(stack, v);
    return RouteManifest.fromStacks([stack]);
  };
  return RouteManifest.diff(manifest('before'), manifest('after'));
}

const CASES: Array<[string, ChangeSeverity, RegExp, Build]> = [
  // Risky: wider access, weaker limits, less visibility.
  ['a route opened', ChangeSeverity.RISKY, /authorization: IAM → NONE \(route opened\)/,
    route(v => ({ authorization: pick(v, Authorization.iam(), Authorization.none()) }))],
  ['an authorizer replaced', ChangeSeverity.RISKY, /authorization: COGNITO Test\/Pool → IAM \(authorizer changed\)/,
    route((v, s) => ({ authorization: pick(v, Authorization.cognito(pool(s)), Authorization.iam()) }))],
  ['the API key requirement removed', ChangeSeverity.RISKY, /API key: required → not required/,
    rest(() => ({}), v => ({ apiKeyRequired: pick(v, true, false) }))],
  ['scopes dropped', ChangeSeverity.RISKY, /scopes: - orders\/admin \(scopes dropped\)/,
    route((v, s) => ({ authorization: Authorization.cognito(pool(s), { scopes: pick(v, ['orders/read', 'orders/admin'], ['orders/read']) }) }))],
  ['a route throttle raised', ChangeSeverity.RISKY, /route throttle: 10\/s burst 20 → 100\/s burst 200 \(raised\)/,
    route(v => ({ throttle: pick(v, { rateLimit: 10, burstLimit: 20 }, { rateLimit: 100, burstLimit: 200 }) }))],
  ['a route throttle removed', ChangeSeverity.RISKY, /route throttle: 10\/s burst 20 → none \(throttle removed\)/,
    route(v => ({ throttle: pick(v, { rateLimit: 10, burstLimit: 20 }, undefined) }))],
  ['the stage throttle raised', ChangeSeverity.RISKY, /stage throttle: 500\/s burst 1000 → 5000\/s burst 5000 \(raised\)/,
    rest(v => ({ throttle: pick(v, { rateLimit: 500, burstLimit: 1000 }, { rateLimit: 5000, burstLimit: 5000 }) }))],
  ['cache keys reduced on a per-caller route', ChangeSeverity.RISKY, /cache keys: - method\.request\.querystring\.month \(cache keys reduced on a per-caller route\)/,
    rest(() => ({ cache: {} }), (v, s) => ({
      authorization: Authorization.lambdaToken(handler(s, 'Auth')),
      cache: { enabled: true, keyParameters: pick(v, [RequestValue.queryString('month')], []) },
    }))],
  ['a per-caller route newly cached', ChangeSeverity.RISKY, /cache: off → on, keyed on .*Authorization.* \(per-caller route now cached\)/,
    rest(() => ({ cache: {} }), (v, s) => ({
      authorization: Authorization.lambdaToken(handler(s, 'Auth')),
      cache: pick(v, undefined, { enabled: true, keyParameters: [] }),
    }))],
  ['the resource policy admitting more source IPs', ChangeSeverity.RISKY, /resource policy: \+ aws:SourceIp 198\.51\.100\.0\/24 \(widened\)/,
    rest(v => ({ allowOnly: [ApiAccess.fromSourceIps(pick(v, ['203.0.113.0/24'], ['203.0.113.0/24', '198.51.100.0/24']))] }))],
  ['a resource policy restriction lifted', ChangeSeverity.RISKY, /resource policy: .*- aws:SourceIp 203\.0\.113\.0\/24 \(widened\)/,
    rest(v => ({ allowOnly: pick(v, [ApiAccess.fromSourceIps(['203.0.113.0/24'])], undefined) }))],
  ['another account admitted', ChangeSeverity.RISKY, /resource policy: .*333333333333.*\(widened\)/,
    rest(v => ({ allowOnly: [ApiAccess.fromAccounts(pick(v, ['222222222222'], ['222222222222', '333333333333']))] }))],
  ["a route's own CORS widening its origins", ChangeSeverity.RISKY, /route CORS origins: \+ https:\/\/partner\.example\.com \(widened\)/,
    rest(() => ({ cors: { allowOrigins: ['https://a.example.com'] } }), v => ({
      cors: pick(v, undefined, { allowOrigins: ['https://a.example.com', 'https://partner.example.com'] }),
    }))],
  ["a route's own CORS allowing credentials", ChangeSeverity.RISKY, /route CORS credentials: not allowed → allowed/,
    route(v => ({ cors: { allowOrigins: ['https://a.example.com'], allowCredentials: pick(v, false, true) } }))],
  ['CORS origins widened', ChangeSeverity.RISKY, /CORS origins: \+ https:\/\/b\.example\.com \(widened\)/,
    rest(v => ({ cors: { allowOrigins: pick(v, ['https://a.example.com'], ['https://a.example.com', 'https://b.example.com']) } }))],
  ['the WAF removed', ChangeSeverity.RISKY, /WAF: managed → none \(WAF removed\)/,
    rest(v => ({ waf: pick(v, Waf.managed(), undefined) }))],
  ['the endpoint made public', ChangeSeverity.RISKY, /endpoint: PRIVATE → REGIONAL \(made public\)/,
    rest((v, s) => ({ endpoint: pick(v, Endpoint.privateInVpc({ vpcEndpoints: [vpcEndpoint(s)] }), Endpoint.regional()) }))],
  ['access logs turned off', ChangeSeverity.RISKY, /access logs: on → off/,
    rest(v => ({ accessLogs: { enabled: pick(v, true, false) } }))],
  ['execution logs turned off', ChangeSeverity.RISKY, /execution logs: ERROR → OFF \(turned off\)/,
    rest(v => ({ executionLogLevel: pick(v, apigw.MethodLoggingLevel.ERROR, apigw.MethodLoggingLevel.OFF) }))],
  ['tracing turned off', ChangeSeverity.RISKY, /tracing: on → off/,
    rest(v => ({ tracing: pick(v, true, false) }))],
  ['data trace turned on', ChangeSeverity.RISKY, /data trace: off → on \(full requests and responses in the logs\)/,
    rest(v => ({ dataTrace: pick(v, false, true) }))],
  ['data trace turned on for WebSocket messages', ChangeSeverity.RISKY, /data trace: off → on/,
    (stack, v) => new WebSocketGateway(stack, 'Chat', { dataTrace: pick(v, false, true) })
      .addRoute('send', Integration.lambda(handler(stack, 'Fn')))],
  ['the TLS policy weakened', ChangeSeverity.RISKY, /TLS policy: TLS_1_2 → TLS_1_0 \(weakened\)/,
    rest((v, s) => ({ domain: { domainName: 'api.example.com', certificate: certificate(s), securityPolicy: pick(v, apigw.SecurityPolicy.TLS_1_2, apigw.SecurityPolicy.TLS_1_0) } }))],
  ['a usage plan quota raised', ChangeSeverity.RISKY, /usage plan Gold quota: 100 per DAY → 1000 per DAY \(raised or removed\)/,
    (stack, v) => {
      const api = new RestGateway(stack, 'Orders');
      api.addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn')), { apiKeyRequired: true });
      api.addUsagePlan('Gold', { quota: { limit: pick(v, 100, 1000), period: QuotaPeriod.DAY } }).addApiKey('Acme');
    }],
  ['an HTTP route opened', ChangeSeverity.RISKY, /authorization: JWT https:\/\/auth\.example\.com\/ \[orders\/read\] → NONE \(route opened\)/,
    (stack, v) => new HttpGateway(stack, 'Shop').addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')), {
      authorization: pick(v, Authorization.jwt({ issuer: 'https://auth.example.com/', audiences: ['shop'], scopes: ['orders/read'] }), Authorization.none()),
    })],
  ['a WebSocket gateway opened', ChangeSeverity.RISKY, /`\$connect` — authorization: IAM → NONE \(route opened\)/,
    (stack, v) => new WebSocketGateway(stack, 'Chat', { authorization: pick(v, Authorization.iam(), Authorization.none()) })],

  // Notable: what the API does changes.
  ['a route added', ChangeSeverity.NOTABLE, /`POST \/orders` — route: added \(IAM, sqs\)/,
    (stack, v) => {
      const api = new RestGateway(stack, 'Orders');
      api.addRoute('GET /orders/{id}', Integration.mock());
      if (v === 'after') api.addRoute('POST /orders', Integration.sqs(new sqs.Queue(stack, 'Queue', { enforceSSL: true })));
    }],
  ['a route removed', ChangeSeverity.NOTABLE, /`GET \/legacy` — route: removed/,
    (stack, v) => {
      const api = new RestGateway(stack, 'Orders');
      api.addRoute('GET /orders/{id}', Integration.mock());
      if (v === 'before') api.addRoute('GET /legacy', Integration.mock());
    }],
  ['the integration target changed', ChangeSeverity.NOTABLE, /integration: lambda Test\/V1 → lambda Test\/V2/,
    (stack, v) => new RestGateway(stack, 'Orders').addRoute('GET /orders/{id}', Integration.lambda(handler(stack, pick(v, 'V1', 'V2'))))],
  ['the timeout changed', ChangeSeverity.NOTABLE, /timeout: 29000 ms → 10000 ms/,
    route(v => ({ timeout: pick(v, undefined, Duration.seconds(10)) }))],

  // Neutral: narrower or tighter.
  ['a route throttle lowered', ChangeSeverity.NEUTRAL, /route throttle: 100\/s burst 200 → 10\/s burst 20 \(lowered\)/,
    route(v => ({ throttle: pick(v, { rateLimit: 100, burstLimit: 200 }, { rateLimit: 10, burstLimit: 20 }) }))],
  ['a CORS origin removed', ChangeSeverity.NEUTRAL, /CORS origins: - https:\/\/b\.example\.com \(narrowed\)/,
    rest(v => ({ cors: { allowOrigins: pick(v, ['https://a.example.com', 'https://b.example.com'], ['https://a.example.com']) } }))],
  ['a route closed', ChangeSeverity.NEUTRAL, /authorization: NONE → IAM/,
    route(v => ({ authorization: pick(v, Authorization.none(), Authorization.iam()) }))],
];

describe('RouteManifest.diff classifies each change', () => {
  test.each(CASES)('%s: %s', (_name, severity, detail, build) => {
    const found = changes(build);
    const text = RouteManifest.changesToMarkdown(found);
    expect(found.filter(c => c.severity === severity).map(c => `\`${c.route ?? ''}\` — ${c.subject}: ${c.detail}`).join('\n')).toMatch(detail);
    expect(text).toMatch(detail);
    // A change that is not risky must not be reported as risky by a side effect.
    if (severity !== ChangeSeverity.RISKY) expect(found.filter(c => c.severity === ChangeSeverity.RISKY)).toEqual([]);
  });

  test('a new route with CORS of its own is risky for the origins the gateway does not list', () => {
    const found = changes((stack, v) => {
      const api = new RestGateway(stack, 'Orders', { cors: { allowOrigins: ['https://a.example.com'] } });
      api.addRoute('GET /orders', Integration.mock());
      if (v === 'after') api.addRoute('GET /partner', Integration.mock(), { cors: { allowOrigins: ['https://partner.example.com'] } });
    });
    expect(found.filter(c => c.severity === ChangeSeverity.RISKY).map(c => `${c.route} ${c.subject}: ${c.detail}`)).toEqual([
      expect.stringMatching(/^GET \/partner route CORS origins: .*\+ https:\/\/partner\.example\.com \(widened\)$/),
    ]);
  });

  test('the same app twice has no changes', () => {
    expect(changes(rest(() => ({ cors: { allowOrigins: ['https://a.example.com'] } }), () => ({ throttle: { rateLimit: 5, burstLimit: 5 } })))).toEqual([]);
  });

  test('risky changes come first', () => {
    const found = changes((stack, v) => {
      const api = new RestGateway(stack, 'Orders');
      api.addRoute('GET /orders/{id}', Integration.mock(), { authorization: pick(v, Authorization.iam(), Authorization.none()) });
      if (v === 'after') api.addRoute('GET /new', Integration.mock());
    });
    expect(found.map(c => c.severity)).toEqual([ChangeSeverity.RISKY, ChangeSeverity.NOTABLE]);
  });
});
