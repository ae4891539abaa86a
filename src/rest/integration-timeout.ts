import { Duration, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { RestRouteContext } from './rest-binding';
import { fail, warn } from '../core/errors';

const MIN_MS = 50;
const DEFAULT_MAX_MS = 29_000;

/**
 * The integration timeout a REST route uses: the route's, else the integration's, else
 * API Gateway's default (29 s, left unset). 50 ms to 29 s; regional and private APIs may
 * go higher once the account's quota is raised, edge-optimized APIs may not.
 */
export function restIntegrationTimeout(ctx: RestRouteContext, integrationTimeout?: Duration): Duration | undefined {
  const timeout = ctx.routeTimeout ?? integrationTimeout;
  if (timeout === undefined) return undefined;
  const prop = ctx.routeTimeout ? `${ctx.prop}.timeout` : `${ctx.prop} integration timeout`;
  const ms = timeout.toMilliseconds({ integral: false });
  if (Token.isUnresolved(ms)) return timeout;
  if (!Number.isInteger(ms) || ms < MIN_MS) {
    fail(ctx.scope, {
      code: 'InvalidTimeout',
      prop,
      rule: `must be whole milliseconds >= ${MIN_MS}`,
      value: timeout,
      fix: 'use Duration.millis(50) up to Duration.seconds(29)',
    });
  }
  if (ms > DEFAULT_MAX_MS) {
    if (ctx.endpointType === apigw.EndpointType.EDGE) {
      fail(ctx.scope, {
        code: 'InvalidTimeout',
        prop,
        rule: 'must be at most 29 seconds on an edge-optimized API',
        value: timeout,
        fix: 'lower it to 29 seconds or use Endpoint.regional()',
      });
    }
    warn(ctx.scope, 'TimeoutNeedsQuotaIncrease',
      `${prop} is ${timeout.toHumanString()}: above 29 s API Gateway needs a raised "Maximum integration timeout" quota for this account and region, or the deploy fails`);
  }
  return timeout;
}
