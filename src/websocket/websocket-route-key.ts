import { Problem } from '../core/errors';

/** The route keys API Gateway reserves: connection opened, connection closed, no other route matched. */
export const RESERVED_ROUTE_KEYS = ['$connect', '$disconnect', '$default'] as const;
export type ReservedRouteKey = typeof RESERVED_ROUTE_KEYS[number];

/** A validated WebSocket route key. */
export interface WebSocketRouteKey {
  readonly key: string;
  /** `connect`, `disconnect`, `default` for the reserved keys, `message` for custom ones. */
  readonly kind: 'connect' | 'disconnect' | 'default' | 'message';
}

/** Custom keys: the value the route selection expression yields, e.g. `sendMessage`, `chat.send`. */
const CUSTOM_KEY = /^[A-Za-z0-9_.:~-]{1,128}$/;

/** Parses a WebSocket route key; returns the route or the problem with it. */
export function parseWebSocketRouteKey(prop: string, key: string): WebSocketRouteKey | Problem {
  if ((RESERVED_ROUTE_KEYS as readonly string[]).includes(key)) {
    return { key, kind: key.slice(1) as 'connect' | 'disconnect' | 'default' };
  }
  if (key.startsWith('$')) {
    return {
      code: 'InvalidRouteKey',
      prop,
      rule: `must be ${RESERVED_ROUTE_KEYS.join(', ')} or a custom key without $ (API Gateway reserves the $ prefix)`,
      value: key,
      fix: `use one of the reserved keys, or drop the $: '${key.slice(1)}'`,
    };
  }
  if (/^[A-Z]+ \//.test(key)) {
    return {
      code: 'InvalidRouteKey',
      prop,
      rule: 'must be a message action, not METHOD /path (WebSocket routes are selected by the message, not by a path)',
      value: key,
      fix: "use e.g. 'sendMessage' and send {\"action\":\"sendMessage\"}, or put HTTP routes on a RestGateway or HttpGateway",
    };
  }
  if (!CUSTOM_KEY.test(key)) {
    return {
      code: 'InvalidRouteKey',
      prop,
      rule: 'must be 1-128 letters, digits, _ . : ~ or -',
      value: key,
      fix: "use the value your clients send in the route selection field, e.g. 'sendMessage'",
    };
  }
  return { key, kind: 'message' };
}

/** Whether the route's requests carry a message body (`$connect` and `$disconnect` have none). */
export function hasMessageBody(route: WebSocketRouteKey): boolean {
  return route.kind === 'message' || route.kind === 'default';
}
