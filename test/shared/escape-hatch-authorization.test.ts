import {
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_apigatewayv2_integrations as integrations, aws_cognito as cognito,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

/** Methods and routes added to `gateway.api` directly get the gateway's default authorization. */
describe('RestGateway escape hatch', () => {
  function methodOf(template: Template, path: string, httpMethod: string): Record<string, any> {
    const resources = template.findResources('AWS::ApiGateway::Resource', { Properties: { PathPart: path } });
    const [resourceId] = Object.keys(resources);
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method', {
      Properties: { HttpMethod: httpMethod, ResourceId: { Ref: resourceId } },
    }));
    expect(methods).toHaveLength(1);
    return methods[0].Properties;
  }

  test('a method added through gateway.api requires IAM, the default', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /orders', Integration.mock());
    api.api.root.addResource('extra').addMethod('GET', new apigw.MockIntegration());
    // A method on a resource the gateway created, and one on the root, too.
    api.api.root.getResource('orders')!.addMethod('PATCH', new apigw.MockIntegration());
    api.api.root.addMethod('DELETE', new apigw.MockIntegration());
    const t = Template.fromStack(stack);
    expect(methodOf(t, 'extra', 'GET')).toMatchObject({ AuthorizationType: 'AWS_IAM' });
    expect(methodOf(t, 'orders', 'PATCH')).toMatchObject({ AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'DELETE', AuthorizationType: 'AWS_IAM' });
  });

  test('a Cognito default: the gateway\'s authorizer and scopes, shared with its routes', () => {
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Users');
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.cognito(pool, { scopes: ['orders/read'] }) });
    api.addRoute('GET /orders', Integration.mock());
    api.api.root.addResource('extra').addMethod('GET', new apigw.MockIntegration());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    const [authorizerId] = Object.keys(t.findResources('AWS::ApiGateway::Authorizer'));
    expect(methodOf(t, 'extra', 'GET')).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizerId }, AuthorizationScopes: ['orders/read'],
    });
    expect(methodOf(t, 'orders', 'GET')).toMatchObject({ AuthorizerId: { Ref: authorizerId } });
  });

  test('a Lambda token default: the gateway\'s custom authorizer', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.lambdaToken(handler(stack, 'Auth')) });
    api.api.root.addResource('extra').addMethod('GET', new apigw.MockIntegration());
    const t = Template.fromStack(stack);
    const [authorizerId] = Object.keys(t.findResources('AWS::ApiGateway::Authorizer'));
    expect(methodOf(t, 'extra', 'GET')).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
  });

  test('an explicit authorizationType on the method still wins (the escape hatch stays one)', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.api.root.addResource('public').addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.NONE });
    expect(methodOf(Template.fromStack(stack), 'public', 'GET')).toMatchObject({ AuthorizationType: 'NONE' });
  });

  test('the gateway\'s own routes keep exactly their authorization: no inherited authorizer or scopes, no warnings', () => {
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Users');
    const api = new RestGateway(stack, 'Api', {
      defaultAuthorization: Authorization.cognito(pool, { scopes: ['orders/read'] }),
      cors: { allowOrigins: ['https://shop.example.com'] },
    });
    api.addRoute('GET /signed', Integration.mock(), { authorization: Authorization.iam() });
    api.addRoute('GET /open', Integration.mock(), { authorization: Authorization.none() });
    api.addRoute('GET /any-token', Integration.mock(), { authorization: Authorization.cognito(pool) });
    const t = Template.fromStack(stack);
    const signed = methodOf(t, 'signed', 'GET');
    expect(signed.AuthorizationType).toBe('AWS_IAM');
    expect(signed.AuthorizerId).toBeUndefined();
    expect(signed.AuthorizationScopes).toBeUndefined();
    expect(methodOf(t, 'open', 'GET')).toEqual(expect.not.objectContaining({ AuthorizerId: expect.anything(), AuthorizationScopes: expect.anything() }));
    expect(methodOf(t, 'any-token', 'GET').AuthorizationScopes).toBeUndefined();
    const preflight = methodOf(t, 'signed', 'OPTIONS');
    expect(preflight.AuthorizationType).toBe('NONE');
    expect(preflight.AuthorizationScopes).toBeUndefined();
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('AuthorizationScopes'));
  });

  test('a default no route uses still synthesizes (its authorizer serves escape-hatch methods)', () => {
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Users');
    const api = new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.cognito(pool) });
    api.addRoute('GET /open', Integration.mock(), { authorization: Authorization.none() });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('throws when the default cannot authorize a REST API, even if every route sets its own', () => {
    const stack = testStack();
    expect(() => new RestGateway(stack, 'Api', {
      defaultAuthorization: Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['a'] }),
      routes: {},
    })).toThrow(/\[UnsupportedCombination\] defaultAuthorization cannot use Authorization\.jwt on a RestGateway/);
  });
});

describe('HttpGateway escape hatch', () => {
  const url = () => new integrations.HttpUrlIntegration('Url', 'https://backend.example.com');

  function routeOf(template: Template, routeKey: string): Record<string, any> {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
    expect(routes).toHaveLength(1);
    return routes[0].Properties;
  }

  test('a route added through gateway.api requires IAM, the default', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    api.api.addRoutes({ path: '/extra', methods: [apigwv2.HttpMethod.GET], integration: url() });
    expect(routeOf(Template.fromStack(stack), 'GET /extra')).toMatchObject({ AuthorizationType: 'AWS_IAM' });
  });

  test('a JWT default: the gateway\'s authorizer and scopes, shared with its routes', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', {
      defaultAuthorization: Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['orders'], scopes: ['orders/read'] }),
    });
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')));
    api.api.addRoutes({ path: '/extra', methods: [apigwv2.HttpMethod.GET], integration: url() });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const [authorizerId] = Object.keys(t.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(routeOf(t, 'GET /extra')).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId }, AuthorizationScopes: ['orders/read'] });
    expect(routeOf(t, 'GET /orders')).toMatchObject({ AuthorizerId: { Ref: authorizerId } });
  });

  test('a Lambda request default: the gateway\'s custom authorizer', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', {
      defaultAuthorization: Authorization.lambdaRequest(handler(stack, 'Auth'), { identitySources: [RequestValue.header('Authorization')] }),
    });
    api.api.addRoutes({ path: '/extra', methods: [apigwv2.HttpMethod.GET], integration: url() });
    expect(routeOf(Template.fromStack(stack), 'GET /extra')).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: expect.stringMatching(/^ApiAuthorizersRequest/) } });
  });

  test('an explicit authorizer on the route still wins', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    api.api.addRoutes({ path: '/public', methods: [apigwv2.HttpMethod.GET], integration: url(), authorizer: new apigwv2.HttpNoneAuthorizer() });
    expect(routeOf(Template.fromStack(stack), 'GET /public')).toMatchObject({ AuthorizationType: 'NONE' });
  });

  test('throws at synth when an escape-hatch route repeats a gateway route (a failed deploy otherwise)', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')));
    api.api.addRoutes({ path: '/orders', methods: [apigwv2.HttpMethod.GET], integration: url() });
    expect(() => Template.fromStack(stack)).toThrow(/\[DuplicateRoute\] .*GET \/orders.*gateway\.api/);
  });
});

describe('WebSocketGateway escape hatch', () => {
  test('a message route added through gateway.api is reached only through the gateway\'s authorized $connect', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat');
    ws.api.addRoute('extra', { integration: new integrations.WebSocketMockIntegration('Mock') });
    const t = Template.fromStack(stack);
    const connect = Object.values(t.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: '$connect' } }));
    expect(connect).toHaveLength(1);
    expect(connect[0].Properties.AuthorizationType).toBe('AWS_IAM');
  });

  test('throws at synth when an escape-hatch route repeats a gateway route ($connect would lose its authorization)', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat');
    ws.api.addRoute('$connect', { integration: new integrations.WebSocketMockIntegration('Mock') });
    expect(() => Template.fromStack(stack)).toThrow(/\[DuplicateRoute\] .*\$connect.*gateway\.api/);
  });
});
