import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Authorization, AUTHORIZATION } from './authorization';
import { RouteCacheOptions, ROUTE_CACHE_OPTIONS } from './cache-options';
import { CORS_OPTIONS, CorsOptions } from './cors-options';
import { RequestValue, REQUEST_VALUE } from './request-value';
import { ThrottleSettings, THROTTLE_SETTINGS } from './throttle-settings';
import { bool, duration, list, optional, Shape, struct } from '../core/shape';
import { JSON_SCHEMA } from '../core/shapes/aws';

/** Per-route settings, shared by every gateway (each rejects what its API type cannot do). */
export interface RouteOptions {
  /**
   * Who may call the route.
   * @default - the gateway's `defaultAuthorization`, which defaults to `Authorization.iam()`
   */
  readonly authorization?: Authorization;

  /**
   * Callers must send an API key of a usage plan (REST).
   * @default false
   */
  readonly apiKeyRequired?: boolean;

  /**
   * Throttling for this route alone, below the stage's.
   * @default - the stage's throttle
   */
  readonly throttle?: ThrottleSettings;

  /**
   * Response caching of this route (REST, with the gateway's `cache`), keyed on every request
   * parameter the route declares: giving these options caches the route (unless `enabled`
   * is false).
   * @default - not cached
   */
  readonly cache?: RouteCacheOptions;

  /**
   * JSON Schema (draft 4) the JSON request body must match; API Gateway rejects other
   * bodies with 400 before the integration runs (REST).
   * @default - the body is not checked
   */
  readonly requestSchema?: apigw.JsonSchema;

  /**
   * Query-string parameters and headers that must be present; API Gateway rejects requests
   * without them with 400 (REST). Path parameters are always required.
   * @default - none
   */
  readonly requiredParameters?: RequestValue[];

  /**
   * Integration timeout for this route; wins over the integration's own (50 ms to 29 s).
   * @default - the integration's timeout
   */
  readonly timeout?: Duration;

  /**
   * CORS for this route's path, in place of the gateway's `cors` (RestGateway): its
   * preflight and the headers of its mock and service answers. Every route of a path must
   * agree, as one preflight answers the path. API Gateway's own error answers keep the
   * gateway's `cors`.
   * @default - the gateway's `cors`
   */
  readonly cors?: CorsOptions;
}

// The shapes untyped (JavaScript) callers are checked against.

export const ROUTE_OPTION_FIELDS: Shape<RouteOptions> = {
  authorization: optional(AUTHORIZATION),
  apiKeyRequired: optional(bool()),
  throttle: optional(THROTTLE_SETTINGS),
  cache: optional(ROUTE_CACHE_OPTIONS),
  requestSchema: optional(JSON_SCHEMA),
  requiredParameters: optional(list(REQUEST_VALUE)),
  timeout: optional(duration('Duration.seconds(10)')),
  cors: optional(CORS_OPTIONS),
};

export const ROUTE_OPTIONS = struct<RouteOptions>('RouteOptions', ROUTE_OPTION_FIELDS, '{ authorization: Authorization.none() }');
