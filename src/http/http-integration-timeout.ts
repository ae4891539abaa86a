import { Duration, Token } from 'aws-cdk-lib';
import { HttpRouteContext } from './http-binding';
import { fail } from '../core/errors';

const MIN_MS = 50;
const MAX_MS = 29_000;

/**
 * The integration timeout an HTTP API route uses: the route's, else the integration's, else
 * API Gateway's default (29 s, left unset). 50 ms to 29 s: HTTP APIs have no quota increase
 * for longer integrations.
 */
export function httpIntegrationTimeout(ctx: HttpRouteContext, integrationTimeout?: Duration): Duration | undefined {
  const timeout = ctx.routeTimeout ?? integrationTimeout;
  if (timeout === undefined) return undefined;
  const ms = timeout.toMilliseconds({ integral: false });
  if (Token.isUnresolved(ms)) return timeout;
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    fail(ctx.scope, {
      code: 'InvalidTimeout',
      prop: ctx.routeTimeout ? `${ctx.prop}.timeout` : `${ctx.prop} integration timeout`,
      rule: `must be whole milliseconds from ${MIN_MS} to ${MAX_MS} on an HttpGateway`,
      value: timeout,
      fix: 'use Duration.millis(50) up to Duration.seconds(29); longer integrations need a regional RestGateway and a quota increase',
    });
  }
  return timeout;
}
