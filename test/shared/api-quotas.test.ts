import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

/** API Gateway's per-API quotas, checked as API Gateway counts them, raisable with `quotas`. */
describe('REST: resources per API', () => {
  test('300 resources with their methods fit: 150 two-segment paths × GET and POST', () => {
    const api = new RestGateway(testStack(), 'Api');
    for (let i = 0; i < 150; i++) {
      api.addRoute(`GET /orders${i}/{id}`, Integration.mock());
      api.addRoute(`POST /orders${i}/{id}`, Integration.mock());
    }
    expect(() => api.addRoute('GET /orders0', Integration.mock())).not.toThrow();
    expect(() => api.addRoute('GET /one-more', Integration.mock()))
      .toThrow(/\[LimitExceeded\] addRoute\('GET \/one-more'\) would make 301 resources \(adding \/one-more\); API Gateway's quota "Resources per API" is 300, got "GET \/one-more"; .*set quotas\.resourcesPerApi/);
  });

  test('methods are not what is limited: more than 300 routes on fewer resources fit', () => {
    const api = new RestGateway(testStack(), 'Api');
    for (let i = 0; i < 80; i++) {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) api.addRoute(`${method} /items${i}`, Integration.mock());
    }
    expect(() => api.addRoute('POST /items0', Integration.mock())).not.toThrow();
  });

  test('deep paths count every segment: 80 four-segment routes need 320 resources', () => {
    const api = new RestGateway(testStack(), 'Api');
    const add = (i: number) => api.addRoute(`GET /a${i}/b/c/d`, Integration.mock());
    for (let i = 0; i < 75; i++) add(i);
    expect(() => add(75)).toThrow(/would make 304 resources \(adding \/a75, \/a75\/b, \/a75\/b\/c, \/a75\/b\/c\/d\)/);
  });

  test('quotas.resourcesPerApi raises the limit for an API whose quota AWS raised', () => {
    const api = new RestGateway(testStack(), 'Api', { quotas: { resourcesPerApi: 320 } });
    for (let i = 0; i < 80; i++) api.addRoute(`GET /a${i}/b/c/d`, Integration.mock());
    expect(() => api.addRoute('GET /a80/b/c/d', Integration.mock())).toThrow(/would make 324 resources .* is 320/);
  });

  test('quotas are checked', () => {
    expect(() => new RestGateway(testStack(), 'Api', { quotas: { resourcesPerApi: 0 } })).toThrow(/\[InvalidType\] quotas\.resourcesPerApi must be a whole number of at least 1, got 0/);
    expect(() => new RestGateway(testStack(), 'Api', { quotas: { routesPerApi: 500 } }))
      .toThrow(/\[UnsupportedCombination\] quotas\.routesPerApi does not apply to a RestGateway \(a REST API counts resources, not routes\), got 500; set quotas\.resourcesPerApi instead/);
    expect(() => new HttpGateway(testStack(), 'Api', { quotas: { resourcesPerApi: 500 } })).toThrow(/\[UnsupportedCombination\] quotas\.resourcesPerApi does not apply to an HttpGateway/);
  });
});

describe.each([
  ['HttpGateway', (q?: number) => {
    const stack = testStack();
    const fn = handler(stack, 'Fn');
    const api = new HttpGateway(stack, 'Api', { quotas: q ? { routesPerApi: q } : undefined });
    return (i: number) => api.addRoute(`GET /r${i}`, Integration.lambda(fn));
  }],
  ['WebSocketGateway', (q?: number) => {
    // $connect is a route too: 299 more make 300.
    const api = new WebSocketGateway(testStack(), 'Api', { quotas: q ? { routesPerApi: q } : undefined });
    return (i: number) => api.addRoute(i === 0 ? 'r0' : `r${i}`, Integration.mock());
  }],
])('%s: routes per API', (name, build) => {
  const firstOver = name === 'HttpGateway' ? 300 : 299;

  test('the 301st route is refused, naming the quota', () => {
    const add = build();
    for (let i = 0; i < firstOver; i++) add(i);
    expect(() => add(firstOver)).toThrow(/\[LimitExceeded\] .*would make route 301; API Gateway's quota "Routes per API" is 300, got .*; .*quotas\.routesPerApi/);
  });

  test('quotas.routesPerApi raises it', () => {
    const add = build(310);
    for (let i = 0; i < firstOver + 10; i++) add(i);
    expect(() => add(firstOver + 10)).toThrow(/would make route 311; .* is 310/);
  });
});

describe('authorizers per API', () => {
  const tokenRoutes = (count: number, authorizersPerApi?: number) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { quotas: authorizersPerApi ? { authorizersPerApi } : undefined });
    for (let i = 0; i < count; i++) api.addRoute(`GET /r${i}`, Integration.mock(), { authorization: Authorization.lambdaToken(handler(stack, `Auth${i}`)) });
    return stack;
  };

  test('an 11th authorizer is refused; routes sharing one count once', () => {
    expect(() => tokenRoutes(11)).toThrow(/\[LimitExceeded\] addRoute\('GET \/r10'\)\.authorization would make authorizer 11 of this API; API Gateway's quota "Authorizers per API" is 10/);
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const auth = Authorization.lambdaToken(handler(stack, 'Auth'));
    for (let i = 0; i < 20; i++) api.addRoute(`GET /r${i}`, Integration.mock(), { authorization: auth });
    Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Authorizer', 1);
  });

  test('quotas.authorizersPerApi raises it', () => {
    Template.fromStack(tokenRoutes(12, 12)).resourceCountIs('AWS::ApiGateway::Authorizer', 12);
  });
});

describe('HTTP quotas AWS does not raise', () => {
  test('integrations per API: the 301st is refused, whatever quotas.routesPerApi says; routes sharing one count once', () => {
    const api = new HttpGateway(testStack(), 'Api', { quotas: { routesPerApi: 400 } });
    for (let i = 0; i < 300; i++) api.addRoute(`GET /r${i}`, Integration.http(`https://backend${i}.example.com/`));
    expect(() => api.addRoute('GET /again', Integration.http('https://backend0.example.com/'))).not.toThrow();
    expect(() => api.addRoute('GET /r300', Integration.http('https://backend300.example.com/')))
      .toThrow(/\[LimitExceeded\] addRoute\('GET \/r300'\) would make 301 integrations; API Gateway's quota "Integrations per API" is 300 and cannot be raised, got "integration 301"; share integrations/);
  });

  const jwt = (audiences: number, scopes: number) => {
    const api = new HttpGateway(testStack(), 'Api');
    api.addRoute('GET /r', Integration.http('https://backend.example.com/'), {
      authorization: Authorization.jwt({
        issuer: 'https://issuer.example.com',
        audiences: Array.from({ length: audiences }, (_, i) => `client${i}`),
        scopes: Array.from({ length: scopes }, (_, i) => `orders/s${i}`),
      }),
    });
  };

  test('audiences per authorizer (50) and scopes per route (10)', () => {
    expect(() => jwt(50, 10)).not.toThrow();
    expect(() => jwt(51, 1)).toThrow(/\[LimitExceeded\] .*Authorization\.jwt audiences would make 51 audiences on one authorizer; API Gateway's quota "Audiences per authorizer" is 50 and cannot be raised/);
    expect(() => jwt(1, 11)).toThrow(/\[LimitExceeded\] .*Authorization\.jwt scopes would make 11 scopes on one route; API Gateway's quota "Scopes per route" is 10 and cannot be raised/);
  });
});
