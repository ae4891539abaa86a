import { Duration, aws_cognito as cognito } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { Authorization, HttpGateway, Integration, RequestValue, RestGateway, RouteOptions } from '../../../src';
import { testStack } from '../../support/app';
import { handler } from '../../support/fixtures';

/** What the request-authorizer tests need of either gateway. */
interface IGatewayLike {
  addRoute(routeKey: string, integration: Integration, options?: RouteOptions): unknown;
}

describe('Authorization on RestGateway', () => {
  test('none and iam', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /open', Integration.mock(), { authorization: Authorization.none() });
    api.addRoute('GET /signed', Integration.mock(), { authorization: Authorization.iam() });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE', ResourceId: { Ref: Match.stringLikeRegexp('open') } });
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM', ResourceId: { Ref: Match.stringLikeRegexp('signed') } });
  });

  test('cognito: one authorizer per user pool, scopes per route', () => {
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.cognito(pool) });
    api.addRoute('GET /orders', Integration.mock());
    api.addRoute('POST /orders', Integration.mock(), { authorization: Authorization.cognito(pool, { scopes: ['orders/write'] }) });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    t.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Pool'), 'Arn'] }],
      IdentitySource: 'method.request.header.Authorization',
    });
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: ['orders/write'] });
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: Match.absent() });
  });

  test('lambdaToken: header identity source and cache TTL', () => {
    const stack = testStack();
    const fn = handler(stack, 'Auth');
    const api = new RestGateway(stack, 'Api');
    const auth = Authorization.lambdaToken(fn, { identitySource: RequestValue.header('X-Token'), cacheTtl: Duration.minutes(1), validationRegex: '^Bearer .+$' });
    api.addRoute('GET /a', Integration.mock(), { authorization: auth });
    api.addRoute('GET /b', Integration.mock(), { authorization: Authorization.lambdaToken(fn, { identitySource: RequestValue.header('X-Token'), cacheTtl: Duration.minutes(1), validationRegex: '^Bearer .+$' }) });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    t.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'TOKEN', IdentitySource: 'method.request.header.X-Token', AuthorizerResultTtlInSeconds: 60, IdentityValidationExpression: '^Bearer .+$',
    });
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: Match.stringLikeRegexp('AuthorizersToken') } });
  });

  test('lambdaRequest: identity sources from query string, header, stage and context variables', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.mock(), {
      authorization: Authorization.lambdaRequest(handler(stack, 'Auth'), {
        identitySources: [RequestValue.queryString('token'), RequestValue.header('X-Tenant'), RequestValue.stageVariable('env'), RequestValue.context('identity.sourceIp')],
      }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.querystring.token,method.request.header.X-Tenant,stageVariables.env,context.identity.sourceIp',
    });
  });

  test('lambdaRequest without identity sources is fine once caching is off', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.mock(), {
      authorization: Authorization.lambdaRequest(handler(stack, 'Auth'), { identitySources: [], cacheTtl: Duration.seconds(0) }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 });
  });

  describe('throws when', () => {
    function route(authorization: Authorization) {
      const api = new RestGateway(testStack(), 'Api');
      return () => api.addRoute('GET /a', Integration.mock(), { authorization });
    }

    test('jwt is used on a REST API', () => {
      expect(route(Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['a'] })))
        .toThrow(/\[UnsupportedCombination\] addRoute\('GET \/a'\).authorization cannot use Authorization.jwt on a RestGateway, got "GET \/a"; .*move the route to HttpGateway/);
    });

    test('a token authorizer reads a query string', () => {
      const stack = testStack();
      expect(route(Authorization.lambdaToken(handler(stack, 'F'), { identitySource: RequestValue.queryString('t') })))
        .toThrow(/\[InvalidAuthorization\] .*identitySource must be a header for a token authorizer, got queryString\("t"\)/);
    });

    test('a request authorizer caches without identity sources', () => {
      const stack = testStack();
      expect(route(Authorization.lambdaRequest(handler(stack, 'F'), { identitySources: [] })))
        .toThrow(/\[InvalidAuthorization\] .*identitySources must name at least one value while caching is on, got \[\]/);
    });

    test.each<[string, (scope: Construct) => IGatewayLike]>([
      ['RestGateway', scope => new RestGateway(scope, 'Api')],
      ['HttpGateway', scope => new HttpGateway(scope, 'Api')],
    ])('a caching request authorizer on a %s names only stage variables (one caller\'s decision would serve all)', (_name, gateway) => {
      const stack = testStack();
      const api = gateway(stack);
      const auth = Authorization.lambdaRequest(handler(stack, 'F'), { identitySources: [RequestValue.stageVariable('env')] });
      expect(() => api.addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')), { authorization: auth }))
        .toThrow(/\[InvalidAuthorization\] .*identitySources must include a header, query string or context variable while caching is on \(stage variables are the same for every caller, so one caller's result would be reused for all\), got \[stageVariable\("env"\)\]; add e\.g\. RequestValue\.header\('Authorization'\), or set cacheTtl: Duration\.seconds\(0\)/);
    });

    test('a request authorizer reads the body', () => {
      const stack = testStack();
      expect(route(Authorization.lambdaRequest(handler(stack, 'F'), { identitySources: [RequestValue.body()] })))
        .toThrow(/identitySources\[0\] must be a header, query string, stage variable or context variable, got body\(\)/);
    });

    test.each([Duration.hours(2), Duration.millis(1500)])('the cache TTL is %s', (cacheTtl) => {
      const stack = testStack();
      expect(route(Authorization.lambdaToken(handler(stack, 'F'), { cacheTtl })))
        .toThrow(/\[InvalidAuthorization\] .*cacheTtl must be whole seconds from 0 to 3600/);
    });

    // Java refuses a '{' that does not start a quantifier ("Illegal repetition"); JavaScript takes it literally.
    test.each(['^Bearer (', '[A-Z', '*token', '^Bearer {token}$', 'a{,3}', 'a{'])('the token validation regex %s does not compile', (validationRegex) => {
      const stack = testStack();
      expect(route(Authorization.lambdaToken(handler(stack, 'F'), { validationRegex })))
        .toThrow(new RegExp(`\\[InvalidAuthorization\\] .*validationRegex must be a regular expression API Gateway can compile \\(Java syntax\\), got ${JSON.stringify(validationRegex).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    });

    test.each(['^Bearer [-0-9a-zA-Z._]+$', '^[A-Za-z0-9]++$', '(?i)^bearer .+$', '^[a-z]{1,64}\\.[a-z]{2,}$', '^\\{[0-9]+\\}$', '^[{}]+$', '^\\Q{x}\\E$', '^\\p{Alpha}+\\x{2D}\\p{Digit}{2}$'])(
      'a Java regex %s is accepted', (validationRegex) => {
        const stack = testStack();
        expect(route(Authorization.lambdaToken(handler(stack, 'F'), { validationRegex }))).not.toThrow();
      });

    test('a cognito scope has a space', () => {
      const stack = testStack();
      expect(route(Authorization.cognito(new cognito.UserPool(stack, 'P'), { scopes: ['orders write'] })))
        .toThrow(/scopes must be non-empty OAuth scopes without spaces or quotes, got "orders write"/);
    });

    test('one function is used as two differently configured authorizers', () => {
      const stack = testStack();
      const fn = handler(stack, 'F');
      const api = new RestGateway(stack, 'Api');
      api.addRoute('GET /a', Integration.mock(), { authorization: Authorization.lambdaToken(fn) });
      expect(() => api.addRoute('GET /b', Integration.mock(), { authorization: Authorization.lambdaToken(fn, { cacheTtl: Duration.seconds(0) }) }))
        .toThrow(/\[ConflictingAuthorizer\] addRoute\('GET \/b'\).authorization must use the same options as addRoute\('GET \/a'\)/);
    });
  });
});
