import * as fs from 'fs';
import * as path from 'path';
import {
  CfnOutput, Duration, Stack, aws_apigatewayv2 as apigwv2, aws_apigatewayv2_authorizers as authorizers,
  aws_apigatewayv2_integrations as integrations, aws_route53 as route53,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, DefinitionStyle, HttpGateway, Integration, RequestValue } from '../../src';
import { httpOpenApiDocument } from '../../src/http/definition/http-openapi';
import { testApp, testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { HTTP_DEFINITION_TYPES, danglingReferences, documentOfHttpResources, validateOpenApi } from '../support/openapi';
import { queue } from '../support/service-fixtures';

const OPENAPI = { definitionStyle: DefinitionStyle.OPENAPI };
const INTEGRATIONS = '#/components/x-amazon-apigateway-integrations/';

function apiOf(stack: Stack): { id: string; properties: any } {
  const [[id, api]] = Object.entries(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Api'));
  return { id, properties: api.Properties };
}

function bodyOf(stack: Stack): any {
  return apiOf(stack).properties.Body;
}

/** The integration a route's `$ref` names in the document. */
function integrationOf(body: any, operation: any): any {
  const ref: string = operation['x-amazon-apigateway-integration'].$ref;
  return body.components['x-amazon-apigateway-integrations'][ref.slice(INTEGRATIONS.length)];
}

/** An HTTP gateway with what a route can be: Lambda (shared), JWT with scopes, a Lambda authorizer, IAM, none, SQS, an HTTP proxy, `$default`. */
function richGateway(stack: Stack, options: { reversed?: boolean; timeout?: Duration; style?: DefinitionStyle } = {}): HttpGateway {
  const gateway = new HttpGateway(stack, 'Api', {
    definitionStyle: options.style ?? DefinitionStyle.OPENAPI,
    cors: { allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) },
    description: 'The shop',
  });
  const fn = handler(stack, 'Orders');
  const auth = handler(stack, 'Auth');
  const orders = queue(stack, 'OrderQueue');
  const routes: Array<() => void> = [
    () => gateway.addRoute('GET /orders/{id}', Integration.lambda(fn, { timeout: options.timeout }), { throttle: { rateLimit: 5, burstLimit: 10 } }),
    () => gateway.addRoute('GET /orders', Integration.lambda(fn, { timeout: options.timeout })),
    () => gateway.addRoute('POST /orders', Integration.sqs(orders), {
      authorization: Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['shop'], scopes: ['orders/write'] }),
    }),
    () => gateway.addRoute('GET /reports', Integration.lambda(fn, { timeout: options.timeout }), {
      authorization: Authorization.lambdaRequest(auth, { identitySources: [RequestValue.header('X-Tenant')] }),
    }),
    () => gateway.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}')),
    () => gateway.addRoute('GET /health', Integration.http('https://status.example.com/health'), { authorization: Authorization.none() }),
    () => gateway.addRoute('$default', Integration.lambda(fn, { timeout: options.timeout })),
  ];
  (options.reversed ? [...routes].reverse() : routes).forEach(add => add());
  return gateway;
}

describe('HttpGateway with DefinitionStyle.OPENAPI', () => {
  test('the routes are one OpenAPI body: no route, integration or authorizer resources; FailOnWarnings', () => {
    const stack = testStack();
    richGateway(stack);
    const template = Template.fromStack(stack);
    for (const type of HTTP_DEFINITION_TYPES) template.resourceCountIs(type, 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { FailOnWarnings: true, ProtocolType: Match.absent() });
    expect(danglingReferences(template.toJSON() as any)).toEqual([]);
    const body = bodyOf(stack);
    expect(body.openapi).toBe('3.0.1');
    expect(Object.keys(body.paths).sort()).toEqual(['/$default', '/health', '/legacy/{proxy+}', '/orders', '/orders/{id}', '/reports']);
  });

  test('name, description, CORS and the endpoint setting move into the document (API Gateway refuses them next to a Body)', () => {
    const stack = testStack();
    richGateway(stack);
    const { properties } = apiOf(stack);
    for (const redundant of ['Name', 'ProtocolType', 'Description', 'CorsConfiguration', 'DisableExecuteApiEndpoint']) expect(properties).not.toHaveProperty(redundant);
    expect(properties.Body.info).toEqual({ title: 'Test/Api', description: 'The shop', version: '1.0' });
    expect(properties.Body['x-amazon-apigateway-cors']).toEqual({
      allowOrigins: ['https://shop.example.com'],
      allowCredentials: true,
      allowMethods: ['*'],
      allowHeaders: expect.arrayContaining(['Content-Type', 'Authorization']),
      maxAge: 600,
    });
    expect(properties.Body.servers).toBeUndefined();
  });

  test('a custom domain turns the execute-api endpoint off in the document too (on a server object, as OpenAPI 3 holds it)', () => {
    const stack = testStack();
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
    new HttpGateway(stack, 'Api', { ...OPENAPI, domain: { domainName: 'shop.example.com', hostedZone: zone }, routes: { 'GET /x': Integration.http('https://x.example.com') } });
    const { properties } = apiOf(stack);
    expect(properties).not.toHaveProperty('DisableExecuteApiEndpoint');
    expect(properties.Body.servers).toEqual([{ 'url': '/', 'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true } }]);
  });

  test('routes: IAM by default (sigv4), JWT with scopes, a Lambda request authorizer, none; $default is the any-method of /$default', () => {
    const stack = testStack();
    richGateway(stack);
    const body = bodyOf(stack);
    expect(body.paths['/orders/{id}'].get.security).toEqual([{ sigv4: [] }]);
    expect(body.components.securitySchemes.sigv4).toEqual({ 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });

    const [jwtRequirement] = body.paths['/orders'].post.security;
    const [jwtScheme] = Object.keys(jwtRequirement);
    expect(jwtRequirement[jwtScheme]).toEqual(['orders/write']);
    expect(body.components.securitySchemes[jwtScheme]).toEqual({
      'type': 'oauth2',
      'flows': {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: { issuer: 'https://issuer.example.com', audience: ['shop'] },
        identitySource: '$request.header.Authorization',
      },
    });

    const [requestRequirement] = body.paths['/reports'].get.security;
    const [requestScheme] = Object.keys(requestRequirement);
    expect(requestRequirement[requestScheme]).toEqual([]);
    expect(body.components.securitySchemes[requestScheme]).toMatchObject({
      'type': 'apiKey',
      'name': 'X-Tenant',
      'in': 'header',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        identitySource: '$request.header.X-Tenant',
        authorizerPayloadFormatVersion: '2.0',
        enableSimpleResponses: true,
        authorizerResultTtlInSeconds: 300,
        authorizerUri: { 'Fn::Join': ['', [expect.stringContaining(':lambda:path/2015-03-31/functions/'), { 'Fn::GetAtt': [expect.stringMatching(/^Auth/), 'Arn'] }, '/invocations']] },
      },
    });
    expect(body.paths['/health'].get.security).toBeUndefined();

    const defaultRoute = body.paths['/$default']['x-amazon-apigateway-any-method'];
    expect(defaultRoute.isDefaultRoute).toBe(true);
    expect(body.paths['/legacy/{proxy+}']['x-amazon-apigateway-any-method'].isDefaultRoute).toBeUndefined();
    expect(body.paths['/legacy/{proxy+}']['x-amazon-apigateway-any-method'].parameters).toEqual([{ name: 'proxy+', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('integrations: Lambda proxy through its invocation URI, SQS by subtype with its role and parameters, an HTTP proxy; shared ones written once', () => {
    const stack = testStack();
    richGateway(stack, { timeout: Duration.seconds(5) });
    const body = bodyOf(stack);
    const lambda = integrationOf(body, body.paths['/orders/{id}'].get);
    expect(lambda).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      payloadFormatVersion: '2.0',
      timeoutInMillis: 5000,
      uri: {
        'Fn::Join': ['', [
          'arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': [expect.stringMatching(/^Orders/), 'Arn'] }, '/invocations',
        ]],
      },
    });
    // Four Lambda routes, one integration.
    const lambdaRef = body.paths['/orders/{id}'].get['x-amazon-apigateway-integration'];
    for (const op of [body.paths['/orders'].get, body.paths['/reports'].get, body.paths['/$default']['x-amazon-apigateway-any-method']]) {
      expect(op['x-amazon-apigateway-integration']).toEqual(lambdaRef);
    }
    expect(Object.keys(body.components['x-amazon-apigateway-integrations'])).toHaveLength(4);

    const sqs = integrationOf(body, body.paths['/orders'].post);
    expect(sqs).toMatchObject({
      type: 'aws_proxy',
      integrationSubtype: 'SQS-SendMessage',
      payloadFormatVersion: '1.0',
      credentials: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
      requestParameters: { QueueUrl: expect.anything(), MessageBody: '$request.body' },
    });
    expect(sqs.uri).toBeUndefined();
    expect(integrationOf(body, body.paths['/legacy/{proxy+}']['x-amazon-apigateway-any-method'])).toEqual({
      type: 'http_proxy', httpMethod: 'ANY', uri: 'https://legacy.example.com/{proxy}', payloadFormatVersion: '1.0',
    });
  });

  test('an integration\'s VPC link, TLS server name, parameter mappings and response parameters are written as the extension names them', () => {
    const document: any = httpOpenApiDocument({ title: 'Shop' }, {
      Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { RouteKey: 'GET /stock/{sku}', Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'Private' }]] } } },
      Private: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          IntegrationType: 'HTTP_PROXY',
          IntegrationUri: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/shop/1/2',
          IntegrationMethod: 'GET',
          ConnectionType: 'VPC_LINK',
          ConnectionId: { Ref: 'Link' },
          PayloadFormatVersion: '1.0',
          RequestParameters: { 'overwrite:path': '$request.path' },
          ResponseParameters: { 404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '410' }] } },
          TlsConfig: { ServerNameToVerify: 'stock.internal' },
          TimeoutInMillis: 10000,
        },
      },
    });
    expect(document.components['x-amazon-apigateway-integrations'].Private).toEqual({
      type: 'http_proxy',
      uri: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/shop/1/2',
      httpMethod: 'GET',
      connectionType: 'VPC_LINK',
      connectionId: { Ref: 'Link' },
      payloadFormatVersion: '1.0',
      requestParameters: { 'overwrite:path': '$request.path' },
      responseParameters: { 404: { 'overwrite:statuscode': '410' } },
      tlsConfig: { serverNameToVerify: 'stock.internal' },
      timeoutInMillis: 10000,
    });
    expect(document.paths['/stock/{sku}'].get.security).toBeUndefined();
  });

  test('a throttled route: the stage that waited for the route waits for the API, which holds it', () => {
    const stack = testStack();
    richGateway(stack);
    const template = Template.fromStack(stack).toJSON();
    const [stage] = Object.values(template.Resources as Record<string, any>).filter(r => r.Type === 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.RouteSettings['GET /orders/{id}']).toMatchObject({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    expect(stage.DependsOn).toEqual([apiOf(Stack.of(stack)).id]);
  });

  test('one Lambda permission per function per API, covering every route and authorizer of the API', () => {
    const stack = testStack();
    richGateway(stack);
    const permissions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(2);
    for (const permission of permissions) {
      expect(JSON.stringify(permission.Properties.SourceArn)).toContain('/*"');
    }
  });

  test('route order never changes the body text', () => {
    const bodyText = (options: { reversed?: boolean; timeout?: Duration }) => {
      const stack = testStack();
      richGateway(stack, options);
      return JSON.stringify(bodyOf(stack));
    };
    expect(bodyText({ reversed: true })).toBe(bodyText({}));
    expect(bodyText({ timeout: Duration.seconds(5) })).not.toBe(bodyText({}));
  });

  test('what stays a resource keeps the logical IDs of the resources style (API, stage, permissions, roles, logs)', () => {
    const ids = (style: DefinitionStyle) => {
      const stack = testStack();
      richGateway(stack, { style });
      return Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>)
        .filter(([, r]) => !HTTP_DEFINITION_TYPES.includes(r.Type))
        .map(([id]) => id).sort();
    };
    const openapi = ids(DefinitionStyle.OPENAPI);
    expect(openapi.length).toBeGreaterThan(8);
    expect(openapi).toEqual(ids(DefinitionStyle.RESOURCES));
  });

  test('the body is the document the resources style\'s routes, integrations and authorizers amount to', () => {
    const body = bodyOf((() => { const s = testStack(); richGateway(s); return s; })());
    const resourcesStack = testStack();
    richGateway(resourcesStack, { style: DefinitionStyle.RESOURCES });
    const template = Template.fromStack(resourcesStack).toJSON() as any;
    expect(body).toEqual(documentOfHttpResources(template, apiOf(resourcesStack).id));
  });

  test('escape hatches: a route added through api and a property override are written into the document', () => {
    const stack = testStack();
    const gateway = richGateway(stack);
    gateway.api.addRoutes({
      path: '/status',
      methods: [apigwv2.HttpMethod.GET],
      integration: new integrations.HttpUrlIntegration('Status', 'https://status.example.com'),
    });
    const route = gateway.addRoute('DELETE /orders/{id}', Integration.lambda(handler(stack, 'Delete')));
    route.addPropertyOverride('OperationName', 'deleteOrder');
    const body = bodyOf(stack);
    expect(integrationOf(body, body.paths['/status'].get)).toMatchObject({ type: 'http_proxy', uri: 'https://status.example.com' });
    // The gateway's default authorization is the api's default authorizer.
    expect(body.paths['/status'].get.security).toEqual([{ sigv4: [] }]);
    expect(body.paths['/orders/{id}'].delete.operationId).toBe('deleteOrder');
  });

  test('throws when an escape-hatch route repeats a gateway route', () => {
    const stack = testStack();
    const gateway = richGateway(stack);
    gateway.api.addRoutes({ path: '/orders', methods: [apigwv2.HttpMethod.GET], integration: new integrations.HttpUrlIntegration('Again', 'https://x.example.com') });
    expect(() => Template.fromStack(stack)).toThrow(/\[DuplicateRoute\] route GET \/orders is on the API twice \(.* added through gateway\.api/);
  });

  test('throws when two authorizers of the API would have one scheme name', () => {
    const stack = testStack();
    const gateway = new HttpGateway(stack, 'Api', OPENAPI);
    const fn = handler(stack, 'Fn');
    ['orders auth', 'orders-auth'].forEach((authorizerName, i) => gateway.api.addRoutes({
      path: `/r${i}`,
      methods: [apigwv2.HttpMethod.GET],
      integration: new integrations.HttpLambdaIntegration(`R${i}`, fn),
      authorizer: new authorizers.HttpLambdaAuthorizer(authorizerName, handler(stack, `Auth${i}`), { authorizerName }),
    }));
    expect(() => Template.fromStack(stack)).toThrow(/\[DuplicateName\] definitionStyle OPENAPI names each authorizer by its name in the document, and \w+ and \w+ would both be "orders-auth"/);
  });

  test('throws when something else in the stack refers to a folded route', () => {
    const stack = testStack();
    const gateway = new HttpGateway(stack, 'Api', OPENAPI);
    const route = gateway.addRoute('GET /orders', Integration.lambda(handler(stack, 'Fn')));
    new CfnOutput(stack, 'RouteId', { value: route.ref });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI folds \S+ \(\w+\) into the API's Body, yet Test\/RouteId still refers to it/);
  });

  test('throws when a route names an integration that is not in the API\'s definition', () => {
    const stack = testStack();
    const gateway = new HttpGateway(stack, 'Api', OPENAPI);
    new apigwv2.CfnRoute(stack, 'Typed', { apiId: gateway.api.apiId, routeKey: 'GET /typed', target: 'integrations/abc1234' });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI needs every route's integration in the API's definition .*; create the integration for gateway\.api/);
  });

  test('a function in another stack is exported and imported as it would be by an integration resource', () => {
    const app = testApp();
    const backend = testStack(app, 'Backend');
    const fn = handler(backend, 'Fn');
    const front = testStack(app, 'Front');
    new HttpGateway(front, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.lambda(fn) } });
    const assembly = app.synth();
    const resources = Object.values(assembly.getStackByName('Front').template.Resources as Record<string, any>);
    const body = JSON.stringify(resources.find(r => r.Type === 'AWS::ApiGatewayV2::Api').Properties.Body);
    const permission = JSON.stringify(resources.find(r => r.Type === 'AWS::Lambda::Permission').Properties.FunctionName);
    // The same cross-stack reference (an output of the backend stack) as the permission's.
    const output = permission.match(/"OutputName":"([^"]+)"|"Fn::ImportValue":"([^"]+)"/)!;
    expect(output).not.toBeNull();
    expect(body).toContain(output[1] ?? output[2]);
    expect(Object.keys(assembly.getStackByName('Backend').template.Outputs)).toHaveLength(1);
  });

  test('openApiDefinition() is the body, and without extensions a document for API docs and client generators; both validate', async () => {
    const stack = testStack();
    const gateway = richGateway(stack);
    const full = JSON.parse(gateway.openApiDefinition());
    expect(full).toEqual(bodyOf(stack));
    const plain = gateway.openApiDefinition({ apiGatewayExtensions: false });
    expect(plain).not.toContain('x-amazon-apigateway');
    await validateOpenApi(full);
    await validateOpenApi(JSON.parse(plain));
  });

  test('the cloud assembly holds one OpenAPI file per HTTP gateway, named after the stack and the gateway path, in both styles', () => {
    const app = testApp();
    const stack = testStack(app, 'Shop');
    const openapi = richGateway(stack);
    const resources = new HttpGateway(stack, 'Internal', { routes: { 'GET /x': Integration.http('https://x.example.com') } });
    const outdir = app.synth().directory;
    expect(JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.Api.openapi.json'), 'utf8'))).toEqual(JSON.parse(openapi.openApiDefinition()));
    const internal = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.Internal.openapi.json'), 'utf8'));
    expect(Object.keys(internal.paths)).toEqual(['/x']);
    expect(resources.definitionStyle).toBe(DefinitionStyle.RESOURCES);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Route', 1);
  });

  test('the context value @cdk-gatehouse:definitionStyle sets the style of HTTP gateways that do not set one', () => {
    const app = testApp();
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'OPENAPI');
    const stack = testStack(app);
    const gateway = new HttpGateway(stack, 'Api', { routes: { 'GET /x': Integration.http('https://x.example.com') } });
    expect(gateway.definitionStyle).toBe(DefinitionStyle.OPENAPI);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Route', 0);
  });

  test('throws when the context value is not a style', () => {
    const app = testApp();
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'swagger');
    expect(() => new HttpGateway(testStack(app), 'Api')).toThrow(/\[InvalidType\] context '@cdk-gatehouse:definitionStyle' must be one of OPENAPI, RESOURCES, got "swagger"/);
  });
});

test('with an OpenAPI definition, a route\'s function may call its own API: no circle forms (strict validator)', () => {
  const app = testApp({ strictValidation: true });
  const stack = testStack(app);
  const gateway = new HttpGateway(stack, 'Api', OPENAPI);
  const fn = handler(stack, 'Fn');
  gateway.addRoute('GET /orders/{id}', Integration.lambda(fn));
  gateway.grantInvoke(fn, 'GET /orders/{id}');
  const template = app.synth().getStackByName(stack.stackName).template;
  expect(template.Resources.ApiGrantsTestFnServiceRoleCF7D198127261596.Properties.PolicyDocument.Statement).toEqual([
    expect.objectContaining({ Action: 'execute-api:Invoke' }),
  ]);
});
