import { Duration, aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { RestCorsResponse } from './rest-cors';
import { HttpRouteKey } from '../core/route-key';
import { ServiceRole } from '../shared/service-roles';

/**
 * What a REST gateway hands an integration or authorization when a route binds it.
 * Not exported from the package: integrations and authorizations are only ever bound by
 * the gateways of this library.
 */
export interface RestRouteContext {
  /** The gateway: the scope for anything the binding creates once per API. */
  readonly scope: Construct;
  readonly api: apigw.RestApi;
  readonly route: HttpRouteKey;
  /** How errors name the route, e.g. `routes['GET /orders/{id}']`. */
  readonly prop: string;
  /** How errors name the route's authorization, e.g. `routes['GET /a'].authorization` or `defaultAuthorization`. */
  readonly authorizationProp: string;
  readonly endpointType: apigw.EndpointType;
  /** The content types the API treats as binary (`binaryMediaTypes`). */
  readonly binaryMediaTypes: readonly string[];
  /** The route's own `timeout`, which wins over the integration's. */
  readonly routeTimeout?: Duration;
  /** CORS on responses whose templates the library writes (service and mock integrations). */
  readonly cors: RestCorsResponse;
  /** Lets API Gateway invoke a function from this API: one permission per function per API. */
  grantInvoke(fn: lambda.IFunction): void;
  /**
   * The role API Gateway assumes to call `target` (a queue, table, …) for this API: one per
   * target, shared by every route on it.
   */
  serviceRole(target: IConstruct, description: string): ServiceRole;
  /**
   * The API's authorizer of `kind` for `target` (a function or user pool), created on first
   * use. A second use with different `settings` is an error: one authorizer per target.
   */
  sharedAuthorizer(
    target: IConstruct, kind: string, settings: object,
    create: (scope: Construct, id: string) => apigw.IAuthorizer,
  ): apigw.IAuthorizer;
}

/** How an integration renders on a REST method. */
export interface RestIntegrationBinding {
  readonly integration: apigw.Integration;
  readonly methodResponses?: apigw.MethodResponse[];
  /** Method request parameters the integration reads (`method.request.path.id` → required). */
  readonly requestParameters?: Record<string, boolean>;
  /**
   * The body the integration needs (e.g. a JSON object), checked by the request validator
   * when the route sets no `requestSchema` of its own.
   */
  readonly requestSchema?: apigw.JsonSchema;
  /**
   * Why the route must not be cached, when it must not: its service call changes something
   * (a message sent, received or deleted, a record or item written, a workflow started) or
   * must be fresh, and a cached answer would stand in for it.
   */
  readonly uncacheable?: string;
  /** Changes to the method's L1 that aws-cdk-lib's integration classes cannot express. */
  readonly patchMethod?: (method: apigw.Method) => void;
}

/** How a route's authorization renders on a REST method. */
export interface RestMethodAuthorization {
  readonly authorizationType: apigw.AuthorizationType;
  readonly authorizer?: apigw.IAuthorizer;
  readonly authorizationScopes?: string[];
  /** Who the caller is, for the stage cache; absent when anyone may call. */
  readonly caller?: RestCallerIdentity;
}

/**
 * What tells a route's callers apart, so a cached answer is never served to another caller.
 * Not exported.
 */
export interface RestCallerIdentity {
  /** How messages name it, e.g. `Authorization.cognito`. */
  readonly by: string;
  /**
   * Method request parameters that carry the caller's identity (`method.request.header.Authorization`);
   * empty when API Gateway cannot key a cache on it (SigV4 signs every request differently).
   */
  readonly identityParameters: string[];
}
