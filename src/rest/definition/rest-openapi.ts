import {
  Json, OpenApiDocument, RenderedResource, assertUniqueNames, defined, definitionProblem, refId, sortedKeys,
} from '../../shared/openapi-document';

type JsonObject = { [key: string]: Json };

const IAM_SCHEME = 'sigv4';
const API_KEY_SCHEME = 'api_key';
/**
 * The models built into every REST API, which a method names without a reference
 * (aws-cdk-lib's `Model.EMPTY_MODEL` and `Model.ERROR_MODEL`): their schemas as API Gateway
 * defines them, written into the document only when a method uses them.
 */
const BUILT_IN_MODELS: { [name: string]: JsonObject } = {
  Empty: { type: 'object', title: 'Empty Schema' },
  Error: { type: 'object', title: 'Error Schema', properties: { message: { type: 'string' } } },
};

/**
 * Writes a REST API's paths, methods, models, validators, authorizers and gateway responses,
 * as CloudFormation would create them one by one, as one OpenAPI 3 document with API
 * Gateway's extensions: the same API, imported at once. `resources` are the API's
 * definition resources by logical ID, resolved; references between them (a method's resource,
 * model, validator, authorizer) become the document's paths, `$ref`s and names.
 */
export function restOpenApiDocument(title: Json, resources: { [logicalId: string]: RenderedResource }): OpenApiDocument {
  const byType = (type: string) => Object.entries(resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}] as const);

  const paths = resourcePaths(byType('AWS::ApiGateway::Resource'));
  const models = new Map(byType('AWS::ApiGateway::Model').map(([id, p]) => [id, modelName(id, p)]));
  const validators = new Map(byType('AWS::ApiGateway::RequestValidator').map(([id, p]) => [id, { name: validatorName(id, p), props: p }]));
  const authorizers = new Map(byType('AWS::ApiGateway::Authorizer').map(([id, p]) => [id, { name: authorizerName(id, p), props: p }]));
  assertUniqueNames('model', models, Object.keys(BUILT_IN_MODELS));
  assertUniqueNames('request validator', new Map([...validators].map(([id, v]) => [id, v.name])));
  // Authorizers become security schemes, next to the library's own IAM and API key schemes.
  assertUniqueNames('authorizer', new Map([...authorizers].map(([id, a]) => [id, a.name])), [IAM_SCHEME, API_KEY_SCHEME]);

  const schemes: JsonObject = {};
  const document: { [key: string]: Json } = {};
  const pathItems: { [path: string]: JsonObject } = {};
  for (const [, method] of byType('AWS::ApiGateway::Method')) {
    const path = pathOf(method.ResourceId, paths);
    const operation = operationOf(method, { models, validators, authorizers, schemes });
    const verb = String(method.HttpMethod);
    (pathItems[path] ??= {})[verb === 'ANY' ? 'x-amazon-apigateway-any-method' : verb.toLowerCase()] = operation;
  }

  const schemas: JsonObject = {};
  for (const [id, props] of byType('AWS::ApiGateway::Model')) schemas[models.get(id)!] = openApiSchema(props.Schema);
  for (const [name, schema] of Object.entries(BUILT_IN_MODELS)) {
    if (usesModel(pathItems, name)) schemas[name] = schema;
  }

  document.openapi = '3.0.1';
  document.info = { title, version: '1.0' };
  document.paths = pathItems;
  const components: JsonObject = {};
  if (Object.keys(schemas).length > 0) components.schemas = schemas;
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
  if (Object.keys(components).length > 0) document.components = components;
  if (validators.size > 0) {
    document['x-amazon-apigateway-request-validators'] = Object.fromEntries([...validators.values()].map(v => [v.name, {
      validateRequestBody: v.props.ValidateRequestBody ?? false,
      validateRequestParameters: v.props.ValidateRequestParameters ?? false,
    }]));
  }
  const gatewayResponses = byType('AWS::ApiGateway::GatewayResponse');
  if (gatewayResponses.length > 0) {
    document['x-amazon-apigateway-gateway-responses'] = Object.fromEntries(gatewayResponses.map(([, p]) => [String(p.ResponseType), defined({
      statusCode: p.StatusCode, responseParameters: p.ResponseParameters, responseTemplates: p.ResponseTemplates,
    })]));
  }
  return sortedKeys(document) as unknown as OpenApiDocument;
}

interface References {
  readonly models: Map<string, string>;
  readonly validators: Map<string, { name: string; props: JsonObject }>;
  readonly authorizers: Map<string, { name: string; props: JsonObject }>;
  readonly schemes: JsonObject;
}

function operationOf(method: JsonObject, refs: References): JsonObject {
  const operation: JsonObject = {};
  if (method.OperationName !== undefined) operation.operationId = method.OperationName;
  const parameters = parametersOf(method.RequestParameters);
  if (parameters.length > 0) operation.parameters = parameters;
  const requestModels = method.RequestModels as JsonObject | undefined;
  if (requestModels && Object.keys(requestModels).length > 0) {
    operation.requestBody = {
      content: Object.fromEntries(Object.entries(requestModels).map(([type, ref]) => [type, { schema: schemaRef(ref, refs.models) }])),
    };
  }
  operation.responses = responsesOf(method.MethodResponses as JsonObject[] | undefined, refs.models);
  const security = securityOf(method, refs);
  if (security) operation.security = security;
  const validator = refId(method.RequestValidatorId);
  if (validator) operation['x-amazon-apigateway-request-validator'] = refs.validators.get(validator)?.name ?? unknownReference('request validator', validator);
  if (method.Integration) operation['x-amazon-apigateway-integration'] = integrationOf(method.Integration as JsonObject);
  return operation;
}

/** `method.request.path.id` → an OpenAPI parameter; sorted so the document never depends on order. */
function parametersOf(requestParameters: Json | undefined): Json[] {
  // A multi-value parameter would read as a single-valued one in the document (API Gateway
  // documents no form for it), so it is refused rather than quietly changed.
  const where: { [source: string]: string } = { path: 'path', querystring: 'query', header: 'header' };
  return Object.entries((requestParameters ?? {}) as JsonObject)
    .map(([name, required]) => {
      const [, , source, ...rest] = name.split('.');
      const inWhere = where[source];
      if (!inWhere) {
        definitionProblem({
          code: 'UnsupportedCombination',
          prop: 'definitionStyle',
          rule: 'OPENAPI writes path, query string and header request parameters only (not multi-value ones)',
          value: name,
          fix: 'remove the parameter, or set definitionStyle: DefinitionStyle.RESOURCES',
        });
      }
      return { name: rest.join('.'), in: inWhere, required: inWhere === 'path' ? true : required === true, schema: { type: 'string' } };
    })
    .sort((a, b) => `${a.in} ${a.name}`.localeCompare(`${b.in} ${b.name}`));
}

function responsesOf(methodResponses: JsonObject[] | undefined, models: Map<string, string>): JsonObject {
  // OpenAPI needs at least one response; a proxy method that declares none answers through it anyway.
  if (!methodResponses || methodResponses.length === 0) return { 200: { description: '200 response' } };
  const responses: JsonObject = {};
  for (const response of methodResponses) {
    const code = String(response.StatusCode);
    const entry: JsonObject = { description: `${code} response` };
    const headers = Object.keys((response.ResponseParameters ?? {}) as JsonObject)
      .map(name => name.replace(/^method\.response\.header\./, ''));
    if (headers.length > 0) entry.headers = Object.fromEntries(headers.sort().map(h => [h, { schema: { type: 'string' } }]));
    const responseModels = response.ResponseModels as JsonObject | undefined;
    if (responseModels && Object.keys(responseModels).length > 0) {
      entry.content = Object.fromEntries(Object.entries(responseModels).map(([type, ref]) => [type, { schema: schemaRef(ref, models) }]));
    }
    responses[code] = entry;
  }
  return responses;
}

function securityOf(method: JsonObject, refs: References): Json[] | undefined {
  const requirement: JsonObject = {};
  const type = String(method.AuthorizationType ?? 'NONE');
  if (type === 'AWS_IAM') {
    refs.schemes[IAM_SCHEME] = { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
    requirement[IAM_SCHEME] = [];
  } else if (type === 'CUSTOM' || type === 'COGNITO_USER_POOLS') {
    const id = refId(method.AuthorizerId);
    const authorizer = id ? refs.authorizers.get(id) : undefined;
    if (!authorizer) return unknownReference('authorizer', JSON.stringify(method.AuthorizerId));
    refs.schemes[authorizer.name] = authorizerScheme(authorizer.props);
    requirement[authorizer.name] = (method.AuthorizationScopes as Json[] | undefined) ?? [];
  }
  if (method.ApiKeyRequired === true) {
    refs.schemes[API_KEY_SCHEME] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
    requirement[API_KEY_SCHEME] = [];
  }
  return Object.keys(requirement).length > 0 ? [requirement] : undefined;
}

function authorizerScheme(props: JsonObject): JsonObject {
  const type = String(props.Type);
  const identitySource = typeof props.IdentitySource === 'string' ? props.IdentitySource : undefined;
  const header = identitySource?.match(/^method\.request\.header\.([^,\s]+)$/)?.[1];
  return {
    'type': 'apiKey',
    // API Gateway reads a TOKEN or Cognito authorizer's header from `name`; a REQUEST authorizer's sources from `identitySource`.
    'name': type === 'REQUEST' ? 'Unused' : header ?? 'Authorization',
    'in': 'header',
    'x-amazon-apigateway-authtype': type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom',
    'x-amazon-apigateway-authorizer': defined({
      type: type.toLowerCase(),
      authorizerUri: props.AuthorizerUri,
      authorizerCredentials: props.AuthorizerCredentials,
      authorizerResultTtlInSeconds: props.AuthorizerResultTtlInSeconds,
      identitySource: props.IdentitySource,
      identityValidationExpression: props.IdentityValidationExpression,
      providerARNs: props.ProviderARNs,
    }),
  };
}

function integrationOf(integration: JsonObject): JsonObject {
  const responses = (integration.IntegrationResponses as JsonObject[] | undefined) ?? [];
  const lower = (value: Json | undefined) => (typeof value === 'string' ? value.toLowerCase() : value);
  return defined({
    type: lower(integration.Type),
    uri: integration.Uri,
    httpMethod: integration.IntegrationHttpMethod,
    credentials: integration.Credentials,
    connectionType: integration.ConnectionType,
    connectionId: integration.ConnectionId,
    integrationTarget: integration.IntegrationTarget,
    requestParameters: integration.RequestParameters,
    requestTemplates: integration.RequestTemplates,
    passthroughBehavior: lower(integration.PassthroughBehavior),
    contentHandling: integration.ContentHandling,
    timeoutInMillis: integration.TimeoutInMillis,
    cacheNamespace: integration.CacheNamespace,
    cacheKeyParameters: integration.CacheKeyParameters,
    tlsConfig: integration.TlsConfig && defined({ insecureSkipVerification: (integration.TlsConfig as JsonObject).InsecureSkipVerification }),
    responses: responses.length === 0 ? undefined : Object.fromEntries(responses.map(r => [selectionKey(r.SelectionPattern), defined({
      statusCode: r.StatusCode,
      responseParameters: r.ResponseParameters,
      responseTemplates: r.ResponseTemplates,
      contentHandling: r.ContentHandling,
    })])),
  });
}

/** An integration response's key: its selection pattern, or `default` for none (an empty pattern is none). */
function selectionKey(pattern: Json | undefined): string {
  return pattern === undefined || pattern === null || pattern === '' ? 'default' : String(pattern);
}

/** Each resource's full path, from its `PathPart` and parent chain (the root has none). */
function resourcePaths(resources: ReadonlyArray<readonly [string, JsonObject]>): Map<string, string> {
  const byId = new Map(resources);
  const paths = new Map<string, string>();
  const pathOfResource = (id: string, seen: string[] = []): string => {
    const known = paths.get(id);
    if (known) return known;
    const props = byId.get(id);
    if (!props || seen.includes(id)) return unknownReference('resource', id);
    const parent = refId(props.ParentId);
    const parentPath = parent && byId.has(parent) ? pathOfResource(parent, [...seen, id]) : '/';
    const path = `${parentPath === '/' ? '' : parentPath}/${String(props.PathPart)}`;
    paths.set(id, path);
    return path;
  };
  for (const [id] of resources) pathOfResource(id);
  return paths;
}

/** A method's path: its resource's, or `/` for the API's root resource (`Fn::GetAtt …RootResourceId`). */
function pathOf(resourceId: Json | undefined, paths: Map<string, string>): string {
  const id = refId(resourceId);
  if (id) return paths.get(id) ?? unknownReference('resource', id);
  return '/';
}

/** A reference to a model of the API, or to a built-in model named without one. */
function schemaRef(ref: Json, models: Map<string, string>): JsonObject {
  const id = refId(ref);
  const name = id ? models.get(id) ?? unknownReference('model', id) : String(ref);
  if (!id && !Object.prototype.hasOwnProperty.call(BUILT_IN_MODELS, name)) unknownReference('model', JSON.stringify(ref));
  return { $ref: `#/components/schemas/${name}` };
}

/** A model's JSON Schema as an OpenAPI schema object: the draft it follows is the document's, not a `$schema` key. */
function openApiSchema(schema: Json | undefined): Json {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema ?? {};
  const { $schema: _draft, ...rest } = schema;
  return rest;
}

function usesModel(pathItems: { [path: string]: JsonObject }, name: string): boolean {
  return JSON.stringify(pathItems).includes(`"#/components/schemas/${name}"`);
}

/** A model's name: its own, else derived from its logical ID (models are named by letters and digits). */
function modelName(logicalId: string, props: JsonObject): string {
  return typeof props.Name === 'string' ? props.Name : logicalId.replace(/[^A-Za-z0-9]/g, '');
}

function validatorName(logicalId: string, props: JsonObject): string {
  return typeof props.Name === 'string' ? props.Name : logicalId;
}

function authorizerName(logicalId: string, props: JsonObject): string {
  return typeof props.Name === 'string' ? props.Name.replace(/[^A-Za-z0-9._-]/g, '-') : logicalId;
}

function unknownReference(what: string, id: string): never {
  return definitionProblem({
    code: 'UnsupportedCombination',
    prop: 'definitionStyle',
    rule: `OPENAPI needs every method's ${what} in the API's definition, but a method names ${id}`,
    value: 'OPENAPI',
    fix: `create the ${what} through the gateway's api (e.g. api.root.addResource), or set definitionStyle: DefinitionStyle.RESOURCES`,
  });
}
