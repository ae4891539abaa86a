import { bool, optional, struct } from '../core/shape';
import { RouteOptions, ROUTE_OPTION_FIELDS } from '../vocabulary/route-options';

/**
 * Options of one WebSocket route. Of the shared `RouteOptions`, WebSocket routes take
 * `throttle`, `timeout` and `requestSchema`; authorization belongs to `$connect` alone
 * (the gateway's `authorization`).
 *
 * API Gateway's limits apply to every route: a frame is at most 32 KB and a message at most
 * 128 KB; idle connections close after 10 minutes and every connection after 2 hours.
 */
export interface WebSocketRouteOptions extends RouteOptions {
  /**
   * Make the route two-way: the integration's answer is sent back to the client as a
   * message (a Lambda function's `body`, a service's answer as plain JSON with errors as
   * `{"message": …, "status": …}`, a mock's `body`). Not on `$connect` and `$disconnect`.
   * @default false - one-way: the client gets nothing back (functions can still post to
   * the connection through the callback URL)
   */
  readonly returnResponse?: boolean;
}

// The shapes untyped (JavaScript) callers are checked against.

export const WEBSOCKET_ROUTE_OPTIONS = struct<WebSocketRouteOptions>('WebSocketRouteOptions', {
  ...ROUTE_OPTION_FIELDS,
  returnResponse: optional(bool()),
}, '{ returnResponse: true }');
