import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { bool, optional, struct } from '../core/shape';
import { ROUTE_OPTION_FIELDS, RouteOptions } from '../vocabulary/route-options';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/**
 * Options of one WebSocket route: only what a WebSocket API can do per route. Authorization
 * belongs to `$connect` alone (the gateway's `authorization`).
 *
 * API Gateway's limits apply to every route: a frame is at most 32 KB and a message at most
 * 128 KB; idle connections close after 10 minutes and every connection after 2 hours.
 */
export interface WebSocketRouteOptions {
  /**
   * Throttling for this route alone, below the stage's.
   * @default - the stage's throttle
   */
  readonly throttle?: ThrottleSettings;

  /**
   * JSON Schema (draft 4) the message must match; API Gateway refuses other messages before
   * the integration runs. Message routes only (not `$connect` and `$disconnect`).
   * @default - the integration's own schema (service integrations check the values they read), else none
   */
  readonly requestSchema?: apigw.JsonSchema;

  /**
   * Integration timeout for this route; wins over the integration's own (50 ms to 29 s).
   * @default - the integration's timeout
   */
  readonly timeout?: Duration;

  /**
   * Make the route two-way: the integration's answer is sent back to the client as a
   * message (a Lambda function's `body`, a service's answer as plain JSON with errors as
   * `{"message": …, "status": …}`, a mock's `body`). Not on `$connect` and `$disconnect`.
   * @default false - one-way: the client gets nothing back (functions can still post to
   * the connection through the callback URL)
   */
  readonly returnResponse?: boolean;
}

/**
 * Route options that always fail on a WebSocket route. They are not in the public type, but
 * plain JavaScript callers may still pass them: they get the coded error that says why.
 */
export type RefusedWebSocketRouteOptions = Pick<RouteOptions, 'authorization' | 'apiKeyRequired' | 'cache' | 'requiredParameters' | 'cors'>;

// The shapes untyped (JavaScript) callers are checked against.

export const WEBSOCKET_ROUTE_OPTIONS = struct<WebSocketRouteOptions & RefusedWebSocketRouteOptions>('WebSocketRouteOptions', {
  ...ROUTE_OPTION_FIELDS,
  returnResponse: optional(bool()),
}, '{ returnResponse: true }');
