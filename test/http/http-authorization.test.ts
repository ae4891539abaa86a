import { Duration, aws_cognito as cognito } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RequestValue } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

function setup() {
  const stack = testStack();
  return { stack, api: new HttpGateway(stack, 'Api'), fn: handler(stack, 'Fn') };
}

const JWT = { issuer: 'https://issuer.example.com', audiences: ['orders'] };

describe('Authorization on HttpGateway', () => {
  test('none and iam', () => {
    const { stack, api, fn } = setup();
    api.addRoute('GET /open', Integration.lambda(fn), { authorization: Authorization.none() });
    api.addRoute('GET /signed', Integration.lambda(fn), { authorization: Authorization.iam() });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /open', AuthorizationType: 'NONE' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /signed', AuthorizationType: 'AWS_IAM' });
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  test('jwt: one authorizer per issuer and audiences, scopes per route', () => {
    const { stack, api, fn } = setup();
    api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.jwt({ ...JWT, scopes: ['orders/read'] }) });
    api.addRoute('POST /a', Integration.lambda(fn), { authorization: Authorization.jwt({ ...JWT, scopes: ['orders/write'] }) });
    api.addRoute('GET /b', Integration.lambda(fn), { authorization: Authorization.jwt({ ...JWT, identitySource: RequestValue.queryString('token') }) });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 2);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: JWT.issuer, Audience: ['orders'] },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { IdentitySource: ['$request.querystring.token'] });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /a', AuthorizationType: 'JWT', AuthorizerId: { Ref: Match.stringLikeRegexp('Jwt') }, AuthorizationScopes: ['orders/write'] });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /b', AuthorizationScopes: Match.absent() });
  });

  test('jwt as the default authorization', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', { defaultAuthorization: Authorization.jwt(JWT) });
    api.addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'JWT' });
  });

  test.each<[string, object, RegExp]>([
    ['issuer', { issuer: 'http://insecure.example.com' }, /issuer must be an https:\/\/ URL/],
    ['audiences', { audiences: [] }, /audiences must name at least one audience/],
    ['scopes', { scopes: ['has space'] }, /scopes must be non-empty OAuth scopes/],
    ['identitySource', { identitySource: RequestValue.context('requestId') }, /identitySource must be a header or query string/],
  ])('jwt throws for a bad %s', (_name, override, message) => {
    const { api, fn } = setup();
    expect(() => api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.jwt({ ...JWT, ...override }) }))
      .toThrow(new RegExp(`\\[InvalidAuthorization\\] addRoute\\('GET /a'\\)\\.authorization Authorization\\.jwt ${message.source}`));
  });

  test('cognito: a JWT authorizer with the pool issuer and its clients, scopes per route, one per pool', () => {
    const { stack, api, fn } = setup();
    const pool = new cognito.UserPool(stack, 'Users');
    pool.addClient('Web');
    api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.cognito(pool, { scopes: ['orders/read'] }) });
    api.addRoute('GET /b', Integration.lambda(fn), { authorization: Authorization.cognito(pool) });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-1.amazonaws.com/', { Ref: Match.stringLikeRegexp('^Users') }]] },
        Audience: [{ Ref: Match.stringLikeRegexp('^UsersWeb') }],
      },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /a', AuthorizationType: 'JWT', AuthorizationScopes: ['orders/read'] });
  });

  test('cognito: explicit userPoolClients; none found is an error', () => {
    const { stack, api, fn } = setup();
    const pool = new cognito.UserPool(stack, 'Users');
    const client = new cognito.UserPoolClient(stack, 'Mobile', { userPool: pool });
    expect(() => api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.cognito(pool) }))
      .toThrow(/\[InvalidAuthorization\].*userPoolClients must name the app clients/);
    api.addRoute('GET /b', Integration.lambda(fn), { authorization: Authorization.cognito(pool, { userPoolClients: [client] }) });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('^Mobile') }] } });
  });

  test('lambdaRequest: simple responses, identity sources, caching; one authorizer and one permission per function', () => {
    const { stack, api, fn } = setup();
    const authFn = handler(stack, 'Auth');
    const auth = Authorization.lambdaRequest(authFn, { identitySources: [RequestValue.header('X-Tenant'), RequestValue.queryString('token')], cacheTtl: Duration.minutes(2) });
    api.addRoute('GET /a', Integration.lambda(fn), { authorization: auth });
    api.addRoute('GET /b', Integration.lambda(fn), { authorization: auth });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      AuthorizerResultTtlInSeconds: 120,
      IdentitySource: ['$request.header.X-Tenant', '$request.querystring.token'],
      AuthorizerUri: { 'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Auth'), 'Arn'] }, '/invocations']] },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /a', AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: Match.stringLikeRegexp('Request') } });
    t.resourceCountIs('AWS::Lambda::Permission', 2); // the route function and the authorizer function
  });

  test('lambdaRequest: caching off allows no identity sources; conflicting options are an error', () => {
    const { stack, api, fn } = setup();
    const authFn = handler(stack, 'Auth');
    api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.lambdaRequest(authFn, { identitySources: [], cacheTtl: Duration.seconds(0) }) });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerResultTtlInSeconds: 0 });
    expect(() => api.addRoute('GET /b', Integration.lambda(fn), { authorization: Authorization.lambdaRequest(authFn, { identitySources: [RequestValue.header('X')] }) }))
      .toThrow(/\[ConflictingAuthorizer\]/);
    expect(() => api.addRoute('GET /c', Integration.lambda(fn), { authorization: Authorization.lambdaRequest(handler(stack, 'Other'), { identitySources: [] }) }))
      .toThrow(/\[InvalidAuthorization\].*identitySources must name at least one value while caching is on/);
    expect(() => api.addRoute('GET /d', Integration.lambda(fn), { authorization: Authorization.lambdaRequest(handler(stack, 'Third'), { identitySources: [RequestValue.body()] }) }))
      .toThrow(/\[InvalidAuthorization\].*must be a header, query string, stage variable or context variable/);
  });

  test('lambdaToken is an error naming lambdaRequest', () => {
    const { api, fn } = setup();
    expect(() => api.addRoute('GET /a', Integration.lambda(fn), { authorization: Authorization.lambdaToken(fn) }))
      .toThrow(/\[UnsupportedCombination\] addRoute\('GET \/a'\)\.authorization cannot use Authorization\.lambdaToken on an HttpGateway.*Authorization\.lambdaRequest/);
  });
});
