import { aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import type { RouteOptions } from '../../vocabulary/route-options';
import type { HttpGatewayProps } from '../../http/http-gateway';
import type { Integration } from '../../vocabulary/integration';
import type { RestGatewayProps } from '../../rest/rest-gateway';
import type { WebSocketGatewayProps } from '../../websocket/websocket-gateway';
import type { WebSocketRouteOptions } from '../../websocket/websocket-route-options';
import { Problem } from '../../core/errors';
import { restOnlyProps } from '../../shared/unsupported-options';
import {
  argumentProblems, args, bool, callName, Check, duration, either, list, map, optional, optionsProblems, required, Shape, size, str, struct,
} from '../../core/shape';
import {
  ACCESS_LOG_OPTIONS, CACHE_OPTIONS, URL_OUTPUT_OPTIONS, CANARY_OPTIONS, CORS_OPTIONS, DOMAIN_OPTIONS, ROUTE_CACHE_OPTIONS, THROTTLE_SETTINGS,
} from './options';
import { API_KEY, GRANTABLE } from '../../core/shapes/refs';
import {
  API_ACCESS, API_KEY_SOURCE, AUTHORIZATION, CLIENT_CERTIFICATE, ENDPOINT, INTEGRATION, JSON_SCHEMA, METHOD_LOGGING_LEVEL, POLICY_DOCUMENT,
  REQUEST_VALUE, WAF,
} from './vocabulary';

// The props of each gateway, the options of their methods, and the methods' arguments.

const ROUTES = optional(map(INTEGRATION, "{ 'GET /orders/{id}': Integration.lambda(fn) }"));
const STAGE_VARIABLES = optional(map(str(), "{ backend: 'v2' }"));

const ROUTE_OPTION_FIELDS: Shape<RouteOptions> = {
  authorization: optional(AUTHORIZATION),
  apiKeyRequired: optional(bool()),
  throttle: optional(THROTTLE_SETTINGS),
  cache: optional(ROUTE_CACHE_OPTIONS),
  requestSchema: optional(JSON_SCHEMA),
  requiredParameters: optional(list(REQUEST_VALUE)),
  timeout: optional(duration('Duration.seconds(10)')),
};

export const ROUTE_OPTIONS = struct<RouteOptions>('RouteOptions', ROUTE_OPTION_FIELDS, '{ authorization: Authorization.none() }');

export const WEBSOCKET_ROUTE_OPTIONS = struct<WebSocketRouteOptions>('WebSocketRouteOptions', {
  ...ROUTE_OPTION_FIELDS,
  returnResponse: optional(bool()),
}, '{ returnResponse: true }');

export const REST_GATEWAY_PROPS = struct<RestGatewayProps>('RestGatewayProps', {
  routes: ROUTES,
  defaultAuthorization: optional(AUTHORIZATION),
  throttle: optional(THROTTLE_SETTINGS),
  endpoint: optional(ENDPOINT),
  cors: optional(CORS_OPTIONS),
  stageName: optional(str("'prod'")),
  stageVariables: STAGE_VARIABLES,
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  executionLogLevel: optional(METHOD_LOGGING_LEVEL),
  tracing: optional(bool()),
  manageAccountLogsRole: optional(bool()),
  binaryMediaTypes: optional(list(str("'image/png'"))),
  minCompressionSize: optional(size()),
  policy: optional(POLICY_DOCUMENT),
  allowOnly: optional(list(API_ACCESS)),
  domain: optional(DOMAIN_OPTIONS),
  waf: optional(WAF),
  cache: optional(CACHE_OPTIONS),
  canary: optional(CANARY_OPTIONS),
  pinnedVersion: optional(str('the DeploymentVersion output of the version to serve')),
  apiKeySource: optional(API_KEY_SOURCE),
  apiName: optional(str("'orders'")),
  description: optional(str()),
  clientCertificate: optional(CLIENT_CERTIFICATE),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
}, '{ throttle: { rateLimit: 500, burstLimit: 1000 } }');

export const HTTP_GATEWAY_PROPS = struct<HttpGatewayProps>('HttpGatewayProps', {
  routes: ROUTES,
  defaultAuthorization: optional(AUTHORIZATION),
  throttle: optional(THROTTLE_SETTINGS),
  cors: optional(CORS_OPTIONS),
  stageName: optional(str("'$default'")),
  stageVariables: STAGE_VARIABLES,
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  domain: optional(DOMAIN_OPTIONS),
  apiName: optional(str("'orders'")),
  description: optional(str()),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
}, '{ throttle: { rateLimit: 500, burstLimit: 1000 } }', restOnlyProps('an HttpGateway', 'HTTP APIs'));

export const WEBSOCKET_GATEWAY_PROPS = struct<WebSocketGatewayProps>('WebSocketGatewayProps', {
  connect: optional(INTEGRATION),
  disconnect: optional(INTEGRATION),
  defaultRoute: optional(INTEGRATION),
  routes: optional(map(INTEGRATION, '{ sendMessage: Integration.lambda(fn) }')),
  authorization: optional(AUTHORIZATION),
  routeSelectionExpression: optional(str("'$request.body.action'")),
  throttle: optional(THROTTLE_SETTINGS),
  stageName: optional(str("'prod'")),
  stageVariables: STAGE_VARIABLES,
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  executionLogLevel: optional(METHOD_LOGGING_LEVEL),
  manageAccountLogsRole: optional(bool()),
  apiName: optional(str("'chat'")),
  description: optional(str()),
  clientCertificate: optional(CLIENT_CERTIFICATE),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
  callbackUrlOutput: optional(URL_OUTPUT_OPTIONS),
}, '{ authorization: Authorization.none() }', restOnlyProps('a WebSocketGateway', 'WebSocket APIs'));

/** The arguments of the gateways' methods but their options (named after the call: `addRoute('GET /a').throttle`). */
export const GATEWAY_METHODS = {
  addRoute: args<{ routeKey: string; integration: Integration }>({
    routeKey: required(str("'GET /orders/{id}'")), integration: required(INTEGRATION),
  }),
  addUsagePlan: args<{ id: string }>({ id: required(str("'Gold'")) }),
  addApiKey: args<{ nameOrKey: string | apigw.IApiKey }>({ nameOrKey: required(either(str("'AcmeCorp'"), API_KEY)) }),
  grantInvoke: args<{ grantee: iam.IGrantable; routeKey?: string }>({
    grantee: required(GRANTABLE), routeKey: optional(str("'GET /orders/{id}'")),
  }),
  grantInvalidateCache: args<{ grantee: iam.IGrantable; routeKey?: string }>({
    grantee: required(GRANTABLE), routeKey: optional(str("'GET /orders/{id}'")),
  }),
  grantManageConnections: args<{ grantee: iam.IGrantable }>({ grantee: required(GRANTABLE) }),
};

/** Problems with the arguments of a gateway method, e.g. `addRoute routeKey`. */
export function methodProblems<K extends keyof typeof GATEWAY_METHODS>(
  method: K, given: { readonly [P in keyof (typeof GATEWAY_METHODS)[K]]-?: unknown },
): Problem[] {
  return argumentProblems(method, GATEWAY_METHODS[method], given);
}

/** Problems with `addRoute`'s arguments and options (`routeOptions` of the gateway), and the route's name in messages. */
export function addRouteProblems(
  routeKey: unknown, integration: unknown, options: unknown, routeOptions: Check<any>,
): { call: string; problems: Problem[] } {
  const call = callName('addRoute', routeKey);
  return { call, problems: [...methodProblems('addRoute', { routeKey, integration }), ...optionsProblems(routeOptions, options, call)] };
}
