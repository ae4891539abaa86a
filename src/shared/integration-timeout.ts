import { Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fail } from '../core/errors';

const MIN_MS = 50;
const MAX_MS = 29_000;

/** What a route context tells about timeouts. */
export interface TimeoutSite {
  readonly scope: Construct;
  readonly prop: string;
  /** The route's own `timeout`, which wins over the integration's. */
  readonly routeTimeout?: Duration;
}

/**
 * The integration timeout of an HTTP or WebSocket route: the route's, else the integration's,
 * else API Gateway's default (29 s, left unset). 50 ms to 29 s: these API types have no quota
 * to raise. `where` and `fix` say it in the gateway's words.
 */
export function v2IntegrationTimeout(
  ctx: TimeoutSite, integrationTimeout: Duration | undefined, where: string, fix: string,
): Duration | undefined {
  const timeout = ctx.routeTimeout ?? integrationTimeout;
  if (timeout === undefined) return undefined;
  const ms = timeout.toMilliseconds({ integral: false });
  if (Token.isUnresolved(ms)) return timeout;
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    fail(ctx.scope, {
      code: 'InvalidTimeout',
      prop: ctx.routeTimeout ? `${ctx.prop}.timeout` : `${ctx.prop} integration timeout`,
      rule: `must be whole milliseconds from ${MIN_MS} to ${MAX_MS} ${where}`,
      value: timeout,
      fix,
    });
  }
  return timeout;
}
