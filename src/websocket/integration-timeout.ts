import { Duration, Token } from 'aws-cdk-lib';
import { WebSocketRouteContext } from './websocket-binding';
import { fail } from '../core/errors';

const MIN_MS = 50;
const MAX_MS = 29_000;

/**
 * The integration timeout of a WebSocket route in milliseconds: the route's, else the
 * integration's, else API Gateway's default (29 s, left unset). WebSocket APIs take 50 ms
 * to 29 s, with no quota to raise.
 */
export function webSocketIntegrationTimeout(ctx: WebSocketRouteContext, integrationTimeout?: Duration): number | undefined {
  const timeout = ctx.routeTimeout ?? integrationTimeout;
  if (timeout === undefined) return undefined;
  const ms = timeout.toMilliseconds({ integral: false });
  if (Token.isUnresolved(ms)) return ms;
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    fail(ctx.scope, {
      code: 'InvalidTimeout',
      prop: ctx.routeTimeout ? `${ctx.prop}.timeout` : `${ctx.prop} integration timeout`,
      rule: `must be whole milliseconds from ${MIN_MS} to ${MAX_MS} on a WebSocket API`,
      value: timeout,
      fix: 'use Duration.millis(50) up to Duration.seconds(29)',
    });
  }
  return ms;
}
