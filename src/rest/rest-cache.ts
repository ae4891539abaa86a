import { Duration, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { CacheOptions, RouteCacheOptions } from './cache-options';
import { RequestValue } from '../common/request-value';
import { Problem } from '../private/errors';
import { unknownPathParameter } from '../private/path-parameters';
import { HttpRouteKey, pathParameterNames } from '../private/route-key';

const DEFAULT_TTL = Duration.minutes(5);
const MAX_TTL_SECONDS = 3600;

/** How one route is cached, once its options are checked. */
export interface RouteCaching {
  readonly enabled: boolean;
  readonly ttlSeconds: number;
  /** `method.request.path.id`, … : what varies the cached response. */
  readonly keyParameters: string[];
}

export function stageCacheProblems(cache: CacheOptions | undefined): Problem[] {
  return cache ? ttlProblems('cache.ttl', cache.ttl) : [];
}

/** The TTL of a cache, in whole seconds; API Gateway's default is 300. */
export function ttlSeconds(ttl: Duration | undefined): number {
  return (ttl ?? DEFAULT_TTL).toSeconds();
}

function ttlProblems(prop: string, ttl: Duration | undefined): Problem[] {
  if (ttl === undefined) return [];
  const seconds = ttl.toSeconds({ integral: false });
  if (Token.isUnresolved(seconds) || (Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_TTL_SECONDS)) return [];
  return [{
    code: 'InvalidCache',
    prop,
    rule: `must be whole seconds from 0 to ${MAX_TTL_SECONDS}`,
    value: ttl,
    fix: 'use e.g. Duration.minutes(5), at most Duration.hours(1)',
  }];
}

/**
 * How `route` is cached: with a stage cache, GET routes are cached unless they opt out, other
 * routes only when they opt in. Key parameters must be path parameters of the route, query
 * strings or headers (the only request values API Gateway can key its cache on).
 */
export function routeCaching(
  prop: string, route: HttpRouteKey, stageCache: CacheOptions | undefined, options: RouteCacheOptions | undefined,
): { caching?: RouteCaching; problems: Problem[] } {
  if (!stageCache) {
    const problems: Problem[] = options === undefined ? [] : [{
      code: 'InvalidCache',
      prop: `${prop}.cache`,
      rule: 'needs a stage cache',
      value: route.key,
      fix: "set the gateway's cache option, e.g. cache: { size: CacheSize.GB_0_5 }",
    }];
    return { problems };
  }
  const enabled = options?.enabled ?? route.method === 'GET';
  const problems = ttlProblems(`${prop}.cache.ttl`, options?.ttl);
  if (!enabled && options?.keyParameters) {
    problems.push({
      code: 'InvalidCache',
      prop: `${prop}.cache.keyParameters`,
      rule: 'only apply to a cached route',
      value: options.keyParameters,
      fix: route.method === 'GET' ? 'remove keyParameters or enabled: false' : 'set cache.enabled: true to cache this route',
    });
  }
  const pathParameters = pathParameterNames(route);
  const keys = options?.keyParameters ?? pathParameters.map(name => RequestValue.pathParameter(name));
  keys.forEach((key, i) => problems.push(...keyProblems(`${prop}.cache.keyParameters[${i}]`, key, pathParameters)));
  // A TTL of fractional seconds is a problem above, not an exception from ttlSeconds.
  if (problems.length > 0) return { problems };
  return {
    caching: {
      enabled,
      ttlSeconds: ttlSeconds(options?.ttl ?? stageCache.ttl),
      keyParameters: enabled ? keys.map(key => key._restRequestParameter()).filter((p): p is string => p !== undefined) : [],
    },
    problems,
  };
}

function keyProblems(prop: string, key: RequestValue, pathParameters: string[]): Problem[] {
  const problems = key._problems(prop);
  if (!['pathParameter', 'queryString', 'header'].includes(key._source)) {
    problems.push({
      code: 'InvalidCache',
      prop,
      rule: 'must be a path parameter, query string or header (API Gateway keys its cache on request parameters only)',
      value: key,
      fix: "use e.g. RequestValue.queryString('lang')",
    });
  } else {
    const unknown = unknownPathParameter(prop, key, pathParameters);
    if (unknown) problems.push(unknown);
  }
  return problems;
}

/**
 * Makes the method's integration key its cache on `keyParameters`: without this API Gateway
 * ignores parameters when it looks up the cache, a common silent bug. Set on the L1 method
 * because the integration is built by the route's target.
 */
export function applyCacheKeys(method: apigw.Method, keyParameters: string[]): void {
  if (keyParameters.length === 0) return;
  const cfn = method.node.defaultChild as apigw.CfnMethod;
  const integration = cfn.integration as apigw.CfnMethod.IntegrationProperty;
  cfn.integration = { ...integration, cacheKeyParameters: [...keyParameters].sort() };
}
