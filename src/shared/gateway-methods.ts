import { aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { argumentProblems, args, callName, Check, either, map, optional, optionsProblems, required, str } from '../core/shape';
import { API_KEY, GRANTABLE } from '../core/shapes/refs';
import { Integration, INTEGRATION } from '../vocabulary/integration';

// The shapes untyped (JavaScript) callers are checked against.

export const ROUTES = optional(map(INTEGRATION, "{ 'GET /orders/{id}': Integration.lambda(fn) }"));

export const STAGE_VARIABLES = optional(map(str(), "{ backend: 'v2' }"));

/** The arguments of the gateways' methods but their options (named after the call: `addRoute('GET /a').throttle`). */
export const GATEWAY_METHODS = {
  addRoute: args<{ routeKey: string; integration: Integration }>({
    routeKey: required(str("'GET /orders/{id}'")), integration: required(INTEGRATION),
  }),
  addUsagePlan: args<{ id: string }>({ id: required(str("'Gold'")) }),
  addStage: args<{ stageName: string }>({ stageName: required(str("'staging'")) }),
  addApiKey: args<{ nameOrKey: string | apigw.IApiKey }>({ nameOrKey: required(either(str("'AcmeCorp'"), API_KEY)) }),
  grantInvoke: args<{ grantee: iam.IGrantable; routeKey?: string }>({
    grantee: required(GRANTABLE), routeKey: optional(str("'GET /orders/{id}'")),
  }),
  grantInvalidateCache: args<{ grantee: iam.IGrantable; routeKey?: string }>({
    grantee: required(GRANTABLE), routeKey: optional(str("'GET /orders/{id}'")),
  }),
  grantManageConnections: args<{ grantee: iam.IGrantable }>({ grantee: required(GRANTABLE) }),
  grantConnect: args<{ grantee: iam.IGrantable }>({ grantee: required(GRANTABLE) }),
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
