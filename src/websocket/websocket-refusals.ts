import { Refusal } from '../shared/unsupported-options';

const ON_WEBSOCKET = (name: string, why: string): Refusal => ({ rule: `cannot be set on a WebSocket route (${why})`, fix: `remove ${name}` });

/** The route options a WebSocketGateway refuses, with why. */
export const WEBSOCKET_REFUSED_ROUTE_OPTIONS: Record<string, Refusal> = {
  authorization: {
    rule: 'cannot be set on a WebSocket route: API Gateway authorizes a WebSocket connection once, on $connect',
    fix: "set the gateway's authorization prop; it applies to $connect",
  },
  apiKeyRequired: {
    rule: 'cannot be set on a WebSocket route: API Gateway checks a WebSocket API key once, on $connect',
    fix: "set the gateway's apiKeyRequired prop; it applies to $connect",
  },
  requiredParameters: ON_WEBSOCKET('requiredParameters', 'WebSocket messages have no query strings or headers to require'),
  cache: ON_WEBSOCKET('cache', 'response caching is a RestGateway feature'),
  cors: ON_WEBSOCKET('cors', 'browsers do not send CORS preflights for WebSocket connections'),
};
