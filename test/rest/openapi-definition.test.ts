import * as fs from 'fs';
import * as path from 'path';
import { CfnOutput, Duration, Stack, aws_apigateway as apigw, aws_cognito as cognito, aws_iam as iam, aws_sqs as sqs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, DefinitionStyle, Integration, RestGateway } from '../../src';
import { GOLDEN_STACKS } from '../snapshot/golden-stacks';
import { testApp, testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { DEFINITION_TYPES, danglingReferences, validateOpenApi } from '../support/openapi';

const OPENAPI = { definitionStyle: DefinitionStyle.OPENAPI };

function bodyOf(stack: Stack): any {
  const apis = Template.fromStack(stack).findResources('AWS::ApiGateway::RestApi');
  return Object.values(apis)[0].Properties.Body;
}

/** A gateway with most of what a route can be: Lambda, Cognito, a token authorizer, an API key, SQS, a mock, CORS, a schema. */
function richGateway(stack: Stack, options: { reversed?: boolean; timeout?: Duration; style?: DefinitionStyle } = {}): RestGateway {
  const gateway = new RestGateway(stack, 'Api', { definitionStyle: options.style ?? DefinitionStyle.OPENAPI, cors: { allowOrigins: ['https://shop.example.com'] } });
  const pool = new cognito.UserPool(stack, 'Users');
  const fn = handler(stack, 'Orders');
  const auth = handler(stack, 'Auth');
  const queue = new sqs.Queue(stack, 'Queue');
  const schema = { type: apigw.JsonSchemaType.OBJECT, required: ['sku'] };
  const routes: Array<() => void> = [
    () => gateway.addRoute('GET /orders/{id}', Integration.lambda(fn, { timeout: options.timeout })),
    () => gateway.addRoute('POST /orders', Integration.sqs(queue), { requestSchema: schema }),
    () => gateway.addRoute('PUT /orders/{id}', Integration.lambda(fn), {
      requestSchema: schema, authorization: Authorization.cognito(pool, { scopes: ['orders/write'] }),
    }),
    () => gateway.addRoute('GET /me', Integration.lambda(fn), { authorization: Authorization.lambdaToken(auth), apiKeyRequired: true }),
    () => gateway.addRoute('GET /health', Integration.mock({ body: '{"ok":true}' }), { authorization: Authorization.none() }),
  ];
  (options.reversed ? [...routes].reverse() : routes).forEach(add => add());
  return gateway;
}

describe('RestGateway with DefinitionStyle.OPENAPI', () => {
  test('the definition is one OpenAPI body: no path, method, model, validator, authorizer or gateway response resources', () => {
    const stack = testStack();
    richGateway(stack);
    const template = Template.fromStack(stack);
    for (const type of DEFINITION_TYPES) template.resourceCountIs(type, 0);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { FailOnWarnings: true });
    expect(danglingReferences(template.toJSON() as any)).toEqual([]);
    const body = bodyOf(stack);
    expect(body.openapi).toBe('3.0.1');
    expect(Object.keys(body.paths).sort()).toEqual(['/health', '/me', '/orders', '/orders/{id}']);
  });

  test('routes: IAM by default, Cognito with scopes, a token authorizer with an API key, none', () => {
    const stack = testStack();
    richGateway(stack);
    const body = bodyOf(stack);
    expect(body.paths['/orders/{id}'].get.security).toEqual([{ sigv4: [] }]);
    expect(body.components.securitySchemes.sigv4).toEqual({ 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
    const [cognitoRequirement] = body.paths['/orders/{id}'].put.security;
    const [cognitoScheme] = Object.keys(cognitoRequirement);
    expect(cognitoRequirement[cognitoScheme]).toEqual(['orders/write']);
    expect(body.components.securitySchemes[cognitoScheme]).toMatchObject({
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [{ 'Fn::GetAtt': [expect.stringMatching(/^Users/), 'Arn'] }] },
    });
    const [tokenRequirement] = body.paths['/me'].get.security;
    expect(tokenRequirement.api_key).toEqual([]);
    const tokenScheme = body.components.securitySchemes[Object.keys(tokenRequirement).find(k => k !== 'api_key')!];
    expect(tokenScheme).toMatchObject({
      'name': 'Authorization',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'token', identitySource: 'method.request.header.Authorization', authorizerResultTtlInSeconds: 300 },
    });
    expect(body.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
    expect(body.paths['/health'].get.security).toBeUndefined();
  });

  test('integrations: Lambda proxy, SQS through its role with templates per selection pattern, a mock, the CORS preflight', () => {
    const stack = testStack();
    richGateway(stack, { timeout: Duration.seconds(5) });
    const body = bodyOf(stack);
    expect(body.paths['/orders/{id}'].get['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws_proxy', httpMethod: 'POST', timeoutInMillis: 5000,
    });
    const sqsIntegration = body.paths['/orders'].post['x-amazon-apigateway-integration'];
    expect(sqsIntegration).toMatchObject({ type: 'aws', httpMethod: 'POST', passthroughBehavior: 'never', credentials: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
    expect(Object.keys(sqsIntegration.responses).sort()).toEqual(['4\\d{2}', '5\\d{2}', 'default']);
    expect(sqsIntegration.responses['4\\d{2}'].statusCode).toBe('400');
    expect(body.paths['/health'].get['x-amazon-apigateway-integration']).toMatchObject({ type: 'mock' });
    expect(body.paths['/orders'].options['x-amazon-apigateway-integration']).toMatchObject({ type: 'mock' });
    expect(body.paths['/orders'].options.security).toBeUndefined();
    expect(body['x-amazon-apigateway-gateway-responses']).toHaveProperty('DEFAULT_4XX');
  });

  test('identical request schemas share one model; every method uses the one validator; path parameters are required', () => {
    const stack = testStack();
    richGateway(stack);
    const body = bodyOf(stack);
    expect(Object.keys(body.components.schemas)).toHaveLength(1);
    const [model] = Object.keys(body.components.schemas);
    for (const op of [body.paths['/orders'].post, body.paths['/orders/{id}'].put]) {
      expect(op.requestBody.content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${model}` });
      expect(op['x-amazon-apigateway-request-validator']).toBe('body-and-parameters');
    }
    expect(body['x-amazon-apigateway-request-validators']).toEqual({ 'body-and-parameters': { validateRequestBody: true, validateRequestParameters: true } });
    expect(body.paths['/orders/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('one Lambda permission per function per API; an authorizer\'s permission names any authorizer of the API (its ID exists only after import)', () => {
    const stack = testStack();
    richGateway(stack);
    const template = Template.fromStack(stack);
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).map(p => JSON.stringify(p.Properties.SourceArn));
    expect(permissions).toHaveLength(2);
    expect(permissions.filter(arn => arn.includes('/authorizers/*'))).toHaveLength(1);
  });

  test('the deployment changes exactly when the definition changes, never on route order', () => {
    const deploymentId = (options: { reversed?: boolean; timeout?: Duration }) => {
      const stack = testStack();
      richGateway(stack, options);
      return Object.keys(Template.fromStack(stack).findResources('AWS::ApiGateway::Deployment'));
    };
    expect(deploymentId({ reversed: true })).toEqual(deploymentId({}));
    expect(deploymentId({ timeout: Duration.seconds(5) })).not.toEqual(deploymentId({}));
  });

  test('what stays a resource keeps the logical IDs of the resources style (permissions, roles, stage, API)', () => {
    const ids = (style: DefinitionStyle) => {
      const stack = testStack();
      richGateway(stack, { style });
      return Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>)
        .filter(([, r]) => !DEFINITION_TYPES.includes(r.Type) && r.Type !== 'AWS::ApiGateway::Deployment')
        .map(([id]) => id).sort();
    };
    const openapi = ids(DefinitionStyle.OPENAPI);
    expect(openapi.length).toBeGreaterThan(10);
    expect(openapi).toEqual(ids(DefinitionStyle.RESOURCES));
  });

  test('escape hatches: a method added through api and a property override are written into the document', () => {
    const stack = testStack();
    const gateway = richGateway(stack);
    gateway.api.root.addResource('legacy').addMethod('GET', new apigw.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }],
    }), { methodResponses: [{ statusCode: '200' }] });
    const method = gateway.addRoute('DELETE /orders/{id}', Integration.lambda(handler(stack, 'Delete')));
    (method.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.TimeoutInMillis', 7000);
    const body = bodyOf(stack);
    expect(body.paths['/legacy'].get['x-amazon-apigateway-integration']).toMatchObject({ type: 'mock' });
    expect(body.paths['/legacy'].get.security).toEqual([{ sigv4: [] }]);
    expect(body.paths['/orders/{id}'].delete['x-amazon-apigateway-integration'].timeoutInMillis).toBe(7000);
  });

  test('a function in another stack is exported and imported as it would be by a method resource', () => {
    const app = testApp();
    const backend = testStack(app, 'Backend');
    const fn = handler(backend, 'Fn');
    const front = testStack(app, 'Front');
    new RestGateway(front, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.lambda(fn) } });
    const assembly = app.synth();
    const resources = Object.values(assembly.getStackByName('Front').template.Resources as Record<string, any>);
    const body = JSON.stringify(resources.find(r => r.Type === 'AWS::ApiGateway::RestApi').Properties.Body);
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

  test('the cloud assembly holds one OpenAPI file per gateway, named after the stack and the gateway path', () => {
    const app = testApp();
    const stack = testStack(app, 'Shop');
    const gateway = richGateway(stack);
    const outdir = app.synth().directory;
    const file = path.join(outdir, 'Shop.Api.openapi.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(gateway.openApiDefinition()));
  });

  test('the resources style writes the same file (the document its resources amount to)', () => {
    const app = testApp();
    const stack = testStack(app, 'Shop');
    new RestGateway(stack, 'Api', { routes: { 'GET /x': Integration.lambda(handler(stack, 'Fn')) } });
    const outdir = app.synth().directory;
    const document = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.Api.openapi.json'), 'utf8'));
    expect(Object.keys(document.paths)).toEqual(['/x']);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Method', 1);
  });

  test('the context value @cdk-gatehouse:definitionStyle sets the style of gateways that do not set one', () => {
    const app = testApp();
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'OPENAPI');
    const stack = testStack(app);
    const gateway = new RestGateway(stack, 'Api', { routes: { 'GET /x': Integration.mock() } });
    expect(gateway.definitionStyle).toBe(DefinitionStyle.OPENAPI);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Method', 0);
  });

  test('throws when the context value is not a style', () => {
    const app = testApp();
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'openapi3');
    expect(() => new RestGateway(testStack(app), 'Api')).toThrow(/\[InvalidType\] context '@cdk-gatehouse:definitionStyle' must be one of OPENAPI, RESOURCES, got "openapi3"/);
  });
});

describe('a REST API at API Gateway\'s resource quota (the golden stack)', () => {
  test('300 API Gateway resources deploy as fewer than 500 CloudFormation resources and well under 1 MB; its document validates', async () => {
    const app = testApp();
    const stack = GOLDEN_STACKS.restAtResourceQuota(app);
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.keys(template.Resources).length).toBeLessThan(500);
    expect(Buffer.byteLength(JSON.stringify(template, undefined, 1))).toBeLessThan(1_000_000);
    const body = Object.values(template.Resources as Record<string, any>).find(r => r.Type === 'AWS::ApiGateway::RestApi').Properties.Body;
    expect(Object.keys(body.paths)).toHaveLength(150);
    expect(Object.keys(body.components.schemas)).toHaveLength(1);
    await validateOpenApi(body);
  });
});

describe('a REST API of 120 DynamoDB routes (the golden stack)', () => {
  test('fits one template CloudFormation accepts; every operation carries its own templates; its document validates', async () => {
    const app = testApp();
    const stack = GOLDEN_STACKS.restWithDynamoDbRoutes(app);
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.keys(template.Resources).length).toBeLessThan(500);
    // CloudFormation's 1 MB, for the file as aws-cdk-lib writes it (indented) and `cdk deploy` uploads it.
    expect(Buffer.byteLength(JSON.stringify(template, undefined, 1))).toBeLessThan(1_000_000);
    const body = Object.values(template.Resources as Record<string, any>).find(r => r.Type === 'AWS::ApiGateway::RestApi').Properties.Body;
    const operations = Object.values(body.paths as Record<string, Record<string, any>>).flatMap(item => Object.values(item));
    expect(operations).toHaveLength(120);
    for (const operation of operations) {
      const integration = operation['x-amazon-apigateway-integration'];
      expect(integration.uri).toMatch(/^arn:aws:apigateway:eu-west-1:dynamodb:action\/(GetItem|PutItem|UpdateItem|DeleteItem)$/);
      expect(JSON.stringify(integration.requestTemplates['application/json'])).toContain('{"Ref":"Items5C12978B"}');
    }
    await validateOpenApi(body);
  });
});

describe('RestGateway with DefinitionStyle.RESOURCES over CloudFormation\'s resource limit', () => {
  test('fails at synth naming the definition style as the fix', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const fn = handler(stack, 'Fn');
    for (let i = 0; i < 130; i++) {
      api.addRoute(`GET /orders${i}/{id}`, Integration.lambda(fn));
      api.addRoute(`POST /orders${i}/{id}`, Integration.lambda(fn));
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] definitionStyle would make 5\d\d CloudFormation resources in stack Test, 5\d\d of them this API's paths, methods, models and authorizers; CloudFormation allows 500, got "RESOURCES"; set definitionStyle: DefinitionStyle\.OPENAPI/);
  });

  test('the same API as an OpenAPI body fits', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', OPENAPI);
    const fn = handler(stack, 'Fn');
    for (let i = 0; i < 130; i++) {
      api.addRoute(`GET /orders${i}/{id}`, Integration.lambda(fn));
      api.addRoute(`POST /orders${i}/{id}`, Integration.lambda(fn));
    }
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources).length).toBeLessThan(30);
  });
});

describe('a definition larger than a CloudFormation template can hold', () => {
  test.each([DefinitionStyle.OPENAPI, DefinitionStyle.RESOURCES])('fails at synth in the %s style', (definitionStyle) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { definitionStyle });
    // Mock bodies of 10 KB: 110 routes make over 1 MB of definition in fewer than 500 resources.
    for (let i = 0; i < 110; i++) api.addRoute(`GET /r${i}`, Integration.mock({ body: `{"padding":"${'x'.repeat(10_000)}"}` }));
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] routes would make this API's definition \d{7} bytes; a CloudFormation template holds at most 1000000 bytes, got "110 methods"; split the routes over several gateways/);
  });
});

describe('a definition measured as the template file holds it', () => {
  // Mock bodies of 10 KB: 94 routes are about 982 KB as compact JSON, 1,013 KB as aws-cdk-lib writes the file (indented).
  const nearTheLimit = (stack: Stack) => {
    const api = new RestGateway(stack, 'Api', OPENAPI);
    for (let i = 0; i < 94; i++) api.addRoute(`GET /r${i}`, Integration.mock({ body: `{"padding":"${'x'.repeat(10_000)}"}` }));
  };

  test('indented, as written by default, it is over the limit', () => {
    const stack = testStack();
    nearTheLimit(stack);
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] routes would make this API's definition 10\d{5} bytes; a CloudFormation template holds at most 1000000 bytes, got "94 methods"/);
  });

  test('a stack that suppresses indentation fits it', () => {
    const stack = new Stack(testApp(), 'Compact', { env: { account: '111111111111', region: 'eu-west-1' }, suppressTemplateIndentation: true });
    nearTheLimit(stack);
    expect(Template.fromStack(stack).findResources('AWS::ApiGateway::RestApi')).toBeDefined();
  });
});

describe('what a document cannot hold', () => {
  const withOutsideAuthorizer = (definitionStyle: DefinitionStyle) => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { definitionStyle, routes: { 'GET /x': Integration.mock() } });
    // An authorizer created outside the gateway's api: aws-cdk-lib deploys it, a document cannot name it.
    const authorizer = new apigw.TokenAuthorizer(stack, 'Outside', { handler: handler(stack, 'Auth') });
    gateway.api.root.addResource('legacy').addMethod('GET', new apigw.MockIntegration(), { authorizer, authorizationType: apigw.AuthorizationType.CUSTOM });
    return stack;
  };

  test('the resources style still deploys it and only leaves out the OpenAPI file, with a warning', () => {
    const stack = withOutsideAuthorizer(DefinitionStyle.RESOURCES);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Method', 2);
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('no OpenAPI file is written for this gateway'));
    expect(warnings).toHaveLength(1);
  });

  test('the OpenAPI style refuses it at synth', () => {
    expect(() => Template.fromStack(withOutsideAuthorizer(DefinitionStyle.OPENAPI))).toThrow(/\[UnsupportedCombination\] definitionStyle/);
  });
});

describe('names and forms a document keys differently from resources', () => {
  /** A gateway whose API gets a method through the escape hatch, shaped by `options`. */
  const withEscapeHatchMethod = (options: apigw.MethodOptions, responses: apigw.IntegrationResponse[] = [{ statusCode: '200' }]) => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    gateway.api.root.addResource('legacy').addMethod('GET', new apigw.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: responses,
    }), { methodResponses: [{ statusCode: '200' }], ...options });
    return { stack, gateway };
  };

  /** Token authorizers of the API's own (the escape hatch), named `names`, each on a method. */
  const withNamedAuthorizers = (...names: string[]) => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    names.forEach((authorizerName, i) => {
      const authorizer = new apigw.TokenAuthorizer(gateway.api, `Auth${i}`, { handler: handler(stack, `AuthFn${i}`), authorizerName });
      gateway.api.root.addResource(`r${i}`).addMethod('GET', new apigw.MockIntegration(), { authorizer, authorizationType: apigw.AuthorizationType.CUSTOM });
    });
    return stack;
  };

  test('two authorizers whose names become one scheme name fail at synth, naming both', () => {
    expect(() => Template.fromStack(withNamedAuthorizers('orders auth', 'orders-auth'))).toThrow(
      /\[DuplicateName\] definitionStyle OPENAPI names each authorizer by its name in the document, and ApiAuth0\w+ and ApiAuth1\w+ would both be "orders-auth", got "orders-auth"; give each authorizer of the API a distinct name/);
  });

  test('an authorizer named like the IAM scheme fails at synth', () => {
    expect(() => Template.fromStack(withNamedAuthorizers('sigv4'))).toThrow(/\[DuplicateName\] definitionStyle OPENAPI names each authorizer by its name in the document, and the document's own sigv4 and ApiAuth0\w+ would both be "sigv4"/);
  });

  test('distinct authorizer names pass', () => {
    const body = bodyOf(withNamedAuthorizers('orders', 'billing'));
    expect(Object.keys(body.components.securitySchemes).sort()).toEqual(['billing', 'orders', 'sigv4']);
  });

  test('two models of one name fail at synth', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    gateway.api.addModel('A', { modelName: 'Order', schema: { type: apigw.JsonSchemaType.OBJECT } });
    gateway.api.addModel('B', { modelName: 'Order', schema: { type: apigw.JsonSchemaType.STRING } });
    expect(() => Template.fromStack(stack)).toThrow(/\[DuplicateName\] definitionStyle OPENAPI names each model by its name in the document, and \w+ and \w+ would both be "Order"/);
  });

  test('the built-in Error model, named without a reference, is written into the document', async () => {
    const { stack } = withEscapeHatchMethod({ methodResponses: [{ statusCode: '200', responseModels: { 'application/json': apigw.Model.ERROR_MODEL } }] });
    const body = bodyOf(stack);
    expect(body.paths['/legacy'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(body.components.schemas.Error).toEqual({ type: 'object', title: 'Error Schema', properties: { message: { type: 'string' } } });
    expect(danglingReferences(Template.fromStack(stack).toJSON() as any)).toEqual([]);
    await validateOpenApi(body);
  });

  test('a model named without a reference that API Gateway does not build in fails at synth', () => {
    const { stack } = withEscapeHatchMethod({
      methodResponses: [{ statusCode: '200', responseModels: { 'application/json': apigw.Model.fromModelName(new Stack(), 'M', 'Elsewhere') } }],
    });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI needs every method's model in the API's definition, but a method names "Elsewhere"/);
  });

  test('a multi-value parameter is refused rather than written as a single-valued one', () => {
    const { stack } = withEscapeHatchMethod({ requestParameters: { 'method.request.multivaluequerystring.tag': false } });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI writes path, query string and header request parameters only \(not multi-value ones\), got "method.request.multivaluequerystring.tag"/);
  });

  test('an integration response with an empty selection pattern is the default response', () => {
    const { stack } = withEscapeHatchMethod({}, [{ statusCode: '200', selectionPattern: '' }]);
    expect(Object.keys(bodyOf(stack).paths['/legacy'].get['x-amazon-apigateway-integration'].responses)).toEqual(['default']);
  });
});

describe('references to what the document holds', () => {
  test('an output of a folded method\'s ID fails at synth instead of at deploy, naming both', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', OPENAPI);
    const method = gateway.addRoute('GET /x', Integration.mock());
    new CfnOutput(stack, 'MethodId', { value: method.methodId });
    expect(() => Template.fromStack(stack)).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI folds Test\/Api\/Api\/Default\/x\/GET\/Resource \(ApixGET\w+\) into the API's Body, yet Test\/MethodId still refers to it, got "OPENAPI"; refer to the API or its stage instead/);
  });

  test('another stack that uses a folded resource fails at synth (its export would name nothing)', () => {
    const app = testApp();
    const stack = testStack(app, 'Api');
    const gateway = new RestGateway(stack, 'Api', OPENAPI);
    const resource = gateway.api.root.addResource('legacy');
    resource.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }), { methodResponses: [{ statusCode: '200' }] });
    gateway.addRoute('GET /x', Integration.mock());
    const other = testStack(app, 'Other');
    new CfnOutput(other, 'LegacyId', { value: resource.resourceId });
    expect(() => app.synth()).toThrow(/\[UnsupportedCombination\] definitionStyle OPENAPI folds Api\/Api\/Api\/Default\/legacy\/Resource \(\w+\) into the API's Body, yet Api\/\S+ still refers to it/);
  });

  test('the same references pass in the resources style', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api');
    new CfnOutput(stack, 'MethodId', { value: gateway.addRoute('GET /x', Integration.mock()).methodId });
    expect(Template.fromStack(stack).toJSON().Outputs.MethodId.Value).toEqual({ Ref: expect.stringMatching(/^ApixGET/) });
  });
});

describe('grants with an OpenAPI definition', () => {
  /** The stack's policies, without the account logs role's (a custom resource of every REST gateway). */
  const policies = (stack: Stack) => Object.fromEntries(Object.entries(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
    .filter(([id]) => !id.startsWith('GatehouseAccountLogsRole')));

  test('a route\'s function may call its own API: the grant is a policy of the gateway, so no circle forms (strict validator)', () => {
    const app = testApp({ strictValidation: true });
    const stack = testStack(app);
    const gateway = new RestGateway(stack, 'Api', OPENAPI);
    const fn = handler(stack, 'Fn');
    gateway.addRoute('GET /orders/{id}', Integration.lambda(fn));
    gateway.addRoute('GET /items', Integration.lambda(fn));
    gateway.grantInvoke(fn, 'GET /orders/{id}');
    gateway.grantInvoke(fn, 'GET /items');
    const template = app.synth().getStackByName(stack.stackName).template;
    const own = Object.entries(template.Resources as Record<string, any>).filter(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith('ApiGrants'));
    expect(own).toHaveLength(1);
    const [[id, policy]] = own;
    // Named after the identity's construct path: stable, whatever else is granted.
    expect(id).toBe('ApiGrantsTestFnServiceRoleCF7D198127261596');
    expect(policy.Properties.Roles).toEqual([{ Ref: expect.stringMatching(/^FnServiceRole/) }]);
    const [statement] = policy.Properties.PolicyDocument.Statement;
    expect(statement.Action).toBe('execute-api:Invoke');
    expect(statement.Resource.map((arn: any) => arn['Fn::Join'][1][2]).sort()).toEqual(['/prod/GET/items', '/prod/GET/orders/*']);
    // The function's own default policy does not name the API.
    const defaults = Object.entries(template.Resources as Record<string, any>).filter(([rid]) => rid.startsWith('FnServiceRoleDefaultPolicy'));
    expect(JSON.stringify(defaults)).not.toContain('"Ref":"ApiCD79AAA0"');
  });

  test('the resources style keeps the statement in the identity\'s default policy (templates unchanged)', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api');
    const fn = handler(stack, 'Fn');
    gateway.addRoute('GET /items', Integration.lambda(fn));
    gateway.grantInvoke(fn, 'GET /items');
    expect(Object.keys(policies(stack))).toEqual([expect.stringMatching(/^FnServiceRoleDefaultPolicy/)]);
  });

  test('a grant to a role stays in the role\'s default policy (its logical ID is the same in both styles)', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    gateway.grantInvoke(new iam.Role(stack, 'BackOffice', { assumedBy: new iam.AccountRootPrincipal() }));
    expect(Object.keys(policies(stack))).toEqual([expect.stringMatching(/^BackOfficeDefaultPolicy/)]);
  });

  test('a function of another stack keeps the grant in its own default policy (no circle between the stacks)', () => {
    const app = testApp();
    const stack = testStack(app, 'Api');
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    const other = testStack(app, 'Worker');
    const fn = handler(other, 'Fn');
    gateway.grantInvoke(fn);
    expect(Object.keys(policies(stack))).toEqual([]);
    expect(Object.keys(Template.fromStack(other).findResources('AWS::IAM::Policy'))).toEqual([expect.stringMatching(/^FnServiceRoleDefaultPolicy/)]);
  });

  test('a principal that holds no policies (an account) is granted as before', () => {
    const stack = testStack();
    const gateway = new RestGateway(stack, 'Api', { ...OPENAPI, routes: { 'GET /x': Integration.mock() } });
    const grant = gateway.grantInvoke(new iam.AccountPrincipal('222222222222'));
    expect(grant.success).toBe(false);
    expect(Object.keys(policies(stack))).toEqual([]);
  });
});
