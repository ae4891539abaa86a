import { RouteCheck } from './route-finding';
import { exceedsAccountDefaults } from '../../vocabulary/throttle-settings';

const ACCOUNT_LIMITS = 'API Gateway\'s default account limits (10000 requests/s, burst 5000)';
const ACCOUNT_ONLY = 'only the account\'s throttle, shared by every API of the account in the region, limits it';

/**
 * A route no throttle of its own API limits: neither the route nor the stage sets one, or the
 * route's own throttle (which replaces the stage's for that route on every API type) is above
 * the account's. A stage throttle above the account's is the gateway's
 * `ThrottleAboveAccountDefault` warning, not repeated per route. Usage-plan throttles do not
 * count: they limit each API key, and only on routes that require one.
 */
export const unthrottledRoute: RouteCheck = gateway => gateway.routes.flatMap(route => {
  if (route.throttle && exceedsAccountDefaults(route.throttle)) {
    return [{
      check: 'UnthrottledRoute',
      route: route.routeKey,
      problem: `has its own throttle, ${route.throttle.rateLimit} requests/s (burst ${route.throttle.burstLimit}), above ${ACCOUNT_LIMITS}: `
        + `it replaces the stage's throttle, so ${ACCOUNT_ONLY}; lower it, or acknowledge it where AWS raised the account's limits`,
    }];
  }
  if (!route.throttle && !gateway.stage.throttle) {
    return [{
      check: 'UnthrottledRoute',
      route: route.routeKey,
      problem: `has no throttle: neither the route nor the stage sets one, so ${ACCOUNT_ONLY}; set the route's or the gateway's throttle`,
    }];
  }
  return [];
});
