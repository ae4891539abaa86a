import {
  Json, OpenApiDocument, RenderedResource, assertUniqueNames, defined, definitionProblem, refId, sortedKeys,
} from '../../shared/openapi-document';

type JsonObject = { [key: string]: Json };

/** The API's own settings an import reads from the document (and would otherwise reset). */
export interface HttpApiSettings {
  readonly title: Json;
  readonly description?: Json;
  /** `CorsConfiguration` with the property names of `x-amazon-apigateway-cors` (camelCase). */
  readonly cors?: Json;
  readonly disableExecuteApiEndpoint?: Json;
}

const IAM_SCHEME = 'sigv4';
const DEFAULT_ROUTE = '$default';
const INTEGRATIONS = 'x-amazon-apigateway-integrations';

/**
 * Writes an HTTP API's routes, integrations and authorizers, as CloudFormation would create
 * them one by one, as one OpenAPI 3 document with API Gateway's HTTP API extensions: the same
 * API, imported at once. `resources` are the API's definition resources by logical ID,
 * resolved; a route's `Target` and `AuthorizerId` become `$ref`s to the integration (written
 * once in `components`, however many routes share it) and security requirements.
 */
export function httpOpenApiDocument(api: HttpApiSettings, resources: { [logicalId: string]: RenderedResource }): OpenApiDocument {
  const byType = (type: string) => Object.entries(resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}] as const);

  const integrations = new Map(byType('AWS::ApiGatewayV2::Integration').map(([id, p]) => [id, integrationOf(p)]));
  const authorizers = new Map(byType('AWS::ApiGatewayV2::Authorizer').map(([id, p]) => [id, { name: schemeName(id, p), props: p }]));
  // Authorizers become security schemes, next to the library's own IAM scheme.
  assertUniqueNames('authorizer', new Map([...authorizers].map(([id, a]) => [id, a.name])), [IAM_SCHEME]);
  const schemes: JsonObject = {};
  const paths: { [path: string]: JsonObject } = {};
  for (const [id, route] of byType('AWS::ApiGatewayV2::Route')) {
    const { path, operation: key } = operationKey(String(route.RouteKey));
    const item = (paths[path] ??= {});
    if (item[key] !== undefined) {
      definitionProblem({
        code: 'DuplicateRoute',
        prop: `route ${String(route.RouteKey)}`,
        rule: `is on the API twice (${id} repeats it: one of them added through gateway.api or as a CfnRoute)`,
        value: route.RouteKey,
        fix: 'API Gateway refuses two routes with one key: keep only one of them',
      });
    }
    item[key] = operationOf(route, path, integrations, authorizers, schemes);
  }

  const document: JsonObject = {
    openapi: '3.0.1',
    info: defined({ title: api.title, description: api.description, version: '1.0' }),
    paths,
  };
  const components: JsonObject = {};
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
  if (integrations.size > 0) components[INTEGRATIONS] = Object.fromEntries(integrations);
  if (Object.keys(components).length > 0) document.components = components;
  if (api.cors !== undefined) document['x-amazon-apigateway-cors'] = api.cors;
  // OpenAPI 3 holds the endpoint configuration on a server object (the extension's page says so).
  if (api.disableExecuteApiEndpoint !== undefined) {
    document.servers = [{ 'url': '/', 'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: api.disableExecuteApiEndpoint } }];
  }
  return sortedKeys(document) as unknown as OpenApiDocument;
}

/** `CorsConfiguration` as CloudFormation renders it → `x-amazon-apigateway-cors`. */
export function corsExtension(rendered: Json | undefined): Json | undefined {
  if (rendered === undefined || rendered === null || typeof rendered !== 'object' || Array.isArray(rendered)) return rendered;
  return Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
}

/** `GET /orders/{id}` → `/orders/{id}` and `get`; `ANY` and `$default` → the any-method extension. */
function operationKey(routeKey: string): { path: string; operation: string } {
  if (routeKey === DEFAULT_ROUTE) return { path: `/${DEFAULT_ROUTE}`, operation: 'x-amazon-apigateway-any-method' };
  const [method, path] = routeKey.split(' ');
  return { path, operation: method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase() };
}

function operationOf(
  route: JsonObject, path: string, integrations: Map<string, JsonObject>,
  authorizers: Map<string, { name: string; props: JsonObject }>, schemes: JsonObject,
): JsonObject {
  const operation: JsonObject = {
    responses: { default: { description: `Default response for ${String(route.RouteKey)}` } },
  };
  if (route.RouteKey === DEFAULT_ROUTE) operation.isDefaultRoute = true;
  if (route.OperationName !== undefined) operation.operationId = route.OperationName;
  const parameters = pathParameters(path);
  if (parameters.length > 0) operation.parameters = parameters;
  const security = securityOf(route, authorizers, schemes);
  if (security) operation.security = security;
  const integration = integrationIdOf(route.Target);
  if (integration) {
    if (!integrations.has(integration)) unknownReference('integration', integration);
    operation['x-amazon-apigateway-integration'] = { $ref: `#/components/${INTEGRATIONS}/${integration}` };
  }
  return operation;
}

/** Each `{name}` or greedy `{name+}` of the path, as OpenAPI requires every template parameter declared. */
function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(m => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function securityOf(route: JsonObject, authorizers: Map<string, { name: string; props: JsonObject }>, schemes: JsonObject): Json[] | undefined {
  const type = String(route.AuthorizationType ?? 'NONE');
  if (type === 'NONE') return undefined;
  if (type === 'AWS_IAM') {
    schemes[IAM_SCHEME] = { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
    return [{ [IAM_SCHEME]: [] }];
  }
  const id = refId(route.AuthorizerId);
  const authorizer = id ? authorizers.get(id) : undefined;
  if (!authorizer) return unknownReference('authorizer', JSON.stringify(route.AuthorizerId));
  schemes[authorizer.name] = authorizerScheme(authorizer.props);
  return [{ [authorizer.name]: (route.AuthorizationScopes as Json[] | undefined) ?? [] }];
}

function authorizerScheme(props: JsonObject): JsonObject {
  const sources = (props.IdentitySource as Json[] | undefined) ?? [];
  const identitySource = sources.length > 0 ? sources.map(String).join(', ') : undefined;
  if (props.AuthorizerType === 'JWT') {
    const jwt = (props.JwtConfiguration ?? {}) as JsonObject;
    return {
      'type': 'oauth2',
      'flows': {},
      'x-amazon-apigateway-authorizer': defined({
        type: 'jwt',
        jwtConfiguration: defined({ issuer: jwt.Issuer, audience: jwt.Audience }),
        identitySource,
      }),
    };
  }
  const header = sources.map(String).map(s => s.match(/^\$request\.header\.(.+)$/)?.[1]).find(h => h !== undefined);
  return {
    'type': 'apiKey',
    // A request authorizer reads its sources from identitySource; `name` only has to be a header.
    'name': header ?? 'Unused',
    'in': 'header',
    'x-amazon-apigateway-authorizer': defined({
      type: 'request',
      authorizerUri: props.AuthorizerUri,
      authorizerCredentials: props.AuthorizerCredentialsArn,
      authorizerPayloadFormatVersion: props.AuthorizerPayloadFormatVersion,
      enableSimpleResponses: props.EnableSimpleResponses,
      authorizerResultTtlInSeconds: props.AuthorizerResultTtlInSeconds,
      identitySource,
    }),
  };
}

function integrationOf(props: JsonObject): JsonObject {
  const type = String(props.IntegrationType);
  // A Lambda proxy: API Gateway's import takes the function's invocation URI, called with POST.
  const lambda = type === 'AWS_PROXY' && props.IntegrationSubtype === undefined;
  const responses = props.ResponseParameters as { [status: string]: { ResponseParameters?: Array<{ Destination: Json; Source: Json }> } } | undefined;
  return defined({
    type: type.toLowerCase(),
    integrationSubtype: props.IntegrationSubtype,
    uri: lambda ? lambdaInvocationUri(props.IntegrationUri) : props.IntegrationUri,
    httpMethod: props.IntegrationMethod ?? (lambda ? 'POST' : undefined),
    payloadFormatVersion: props.PayloadFormatVersion,
    connectionType: props.ConnectionType,
    connectionId: props.ConnectionId,
    credentials: props.CredentialsArn,
    requestParameters: props.RequestParameters,
    responseParameters: responses && Object.fromEntries(Object.entries(responses).map(([status, list]) => [
      status, Object.fromEntries((list.ResponseParameters ?? []).map(p => [String(p.Destination), p.Source])),
    ])),
    timeoutInMillis: props.TimeoutInMillis,
    tlsConfig: props.TlsConfig && defined({ serverNameToVerify: (props.TlsConfig as JsonObject).ServerNameToVerify }),
  });
}

/** A function ARN → `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`. */
function lambdaInvocationUri(uri: Json | undefined): Json | undefined {
  if (uri === undefined || (typeof uri === 'string' && uri.includes(':apigateway:'))) return uri;
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', uri, '/invocations',
    ]],
  };
}

/** The integration a route's `Target` (`integrations/<id>`) names. */
function integrationIdOf(target: Json | undefined): string | undefined {
  if (target === undefined) return undefined;
  const join = (target as JsonObject)['Fn::Join'] as [string, Json[]] | undefined;
  if (join && join[0] === '' && join[1].length === 2 && join[1][0] === 'integrations/') {
    const id = refId(join[1][1]);
    if (id) return id;
  }
  return unknownReference('integration', JSON.stringify(target));
}

/** A security scheme's name: the authorizer's, in the letters OpenAPI allows, else its logical ID. */
function schemeName(logicalId: string, props: JsonObject): string {
  return typeof props.Name === 'string' ? props.Name.replace(/[^A-Za-z0-9._-]/g, '-') : logicalId;
}

/** A route names an integration or authorizer the document cannot hold (another stack's, an ID typed in). */
function unknownReference(what: string, id: string): never {
  return definitionProblem({
    code: 'UnsupportedCombination',
    prop: 'definitionStyle',
    rule: `OPENAPI needs every route's ${what} in the API's definition (created for gateway.api in the gateway's stack), but a route names ${id}`,
    value: 'OPENAPI',
    fix: `create the ${what} for gateway.api in the gateway's stack, or set definitionStyle: DefinitionStyle.RESOURCES`,
  });
}
