import { RouteCheck } from './route-finding';
import { describeAuthorization, perCaller } from '../manifest-diff';

/**
 * A cached route whose answer depends on the caller (an authorizer, IAM, an API key): API
 * Gateway answers from the cache whoever asks with the same cache key, for the cache's TTL.
 * The gateway keys such routes on the caller's identity where API Gateway can see one; the
 * finding lists the keys, so a reviewer confirms they tell callers apart and accepts that an
 * answer outlives a change of the caller's rights for up to the TTL.
 */
export const perCallerCachedRoute: RouteCheck = gateway => gateway.routes
  .filter(route => route.cache && perCaller(route))
  .map(route => {
    const cache = route.cache!;
    const callers = [
      route.authorization.type === 'NONE' ? undefined : describeAuthorization(route.authorization),
      route.apiKeyRequired ? 'an API key' : undefined,
    ].filter(Boolean).join(', ');
    const sameKeys = cache.keys.length ? `with the same ${cache.keys.join(', ')}` : 'whatever it holds';
    return {
      check: 'PerCallerCachedRoute',
      route: route.routeKey,
      problem: `is cached and its answer depends on the caller (${callers}): for ${cache.ttlSeconds} s every request ${sameKeys} `
        + 'gets the cached answer without the backend being called (authorization still runs); check that these keys tell callers apart '
        + 'and that an answer may outlive a change of the caller\'s rights, or set cache: { enabled: false } on the route',
    };
  });
