import { Duration, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { CanaryOptions } from './canary-options';
import { RestMethodAuthorization } from './rest-binding';
import { Problem } from '../core/errors';
import { HttpRouteKey, pathParameterNames } from '../core/route-key';
import { CacheOptions, RouteCacheOptions } from '../vocabulary/cache-options';
import { unknownPathParameter } from '../vocabulary/path-parameters';
import { RequestValue } from '../vocabulary/request-value';

const DEFAULT_TTL = Duration.minutes(5);
const MAX_TTL_SECONDS = 3600;

/** How one route is cached, once its options are checked. */
export interface RouteCaching {
  readonly enabled: boolean;
  readonly ttlSeconds: number;
  /** The route's own TTL in seconds (`cache.ttl`), when it sets one: each stage's cache TTL applies otherwise. */
  readonly routeTtlSeconds?: number;
  /**
   * Request parameters the route declares (optional) only to key its cache: `keyParameters`
   * and the caller's identity. Every parameter the route declares is a cache key.
   */
  readonly extraKeys: string[];
}

/** What tells a route's callers apart, so that no caller gets another's cached answer. */
export interface RouteCallers {
  /** How messages name what makes the route per caller; empty when anyone may call. */
  readonly by: string[];
  /** Method request parameters that carry the caller's identity. */
  readonly identityParameters: string[];
  /** What tells callers apart but cannot be a cache key, for messages. */
  readonly unkeyable: string[];
}

const API_KEY_HEADER = 'method.request.header.x-api-key';

/**
 * The route's callers as its authorization and API key see them. An API key read from the
 * `x-api-key` header is a cache key; one a Lambda authorizer supplies follows from the
 * authorizer's identity sources, which are keys already.
 */
export function routeCallers(
  auth: RestMethodAuthorization, apiKeyRequired: boolean, apiKeySource: apigw.ApiKeySourceType | undefined,
): RouteCallers {
  const by: string[] = [];
  const identityParameters: string[] = [];
  const unkeyable: string[] = [];
  const caller = auth.caller;
  if (caller) {
    by.push(caller.by);
    if (caller.identityParameters.length > 0) identityParameters.push(...caller.identityParameters);
    else unkeyable.push(caller.by);
  }
  if (apiKeyRequired && apiKeySource !== apigw.ApiKeySourceType.AUTHORIZER) {
    by.push('apiKeyRequired');
    identityParameters.push(API_KEY_HEADER);
  } else if (apiKeyRequired) {
    const what = 'apiKeyRequired with apiKeySource AUTHORIZER';
    by.push(what);
    const fromKeyedAuthorizer = auth.authorizationType === apigw.AuthorizationType.CUSTOM && identityParameters.length > 0;
    if (!fromKeyedAuthorizer) unkeyable.push(what);
  }
  return { by, identityParameters, unkeyable };
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
 * How `route` is cached: with a stage cache, a route is cached when it opts in (it has
 * cache options, and not `enabled: false`); nothing is cached by default, so no answer is
 * served from the cache that its author did not mean to share. A per-caller route is keyed on the caller's identity, or shares its answers among callers
 * only when it says so. Key parameters must be path parameters of the route, query strings
 * or headers (the only request values API Gateway can key its cache on).
 */
export function routeCaching(
  prop: string, route: HttpRouteKey, stageCache: CacheOptions | undefined, options: RouteCacheOptions | undefined,
  callers: RouteCallers,
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
  const enabled = options !== undefined && options.enabled !== false;
  const shared = options?.sharedAcrossCallers === true;
  const problems = ttlProblems(`${prop}.cache.ttl`, options?.ttl);
  if (!enabled) {
    problems.push(...uncachedOptionProblems(prop, options ?? {}));
  } else if (!shared && callers.unkeyable.length > 0) {
    problems.push({
      code: 'InvalidCache',
      prop: `${prop}.cache.sharedAcrossCallers`,
      rule: `must be true to cache a route whose callers API Gateway cannot tell apart in a cache key (${callers.unkeyable.join('; ')})`,
      value: options?.sharedAcrossCallers,
      fix: 'set cache.sharedAcrossCallers: true if every caller may get the same cached answer, or cache.enabled: false',
    });
  }
  const pathParameters = pathParameterNames(route);
  const keys = options?.keyParameters ?? [];
  keys.forEach((key, i) => problems.push(...keyProblems(`${prop}.cache.keyParameters[${i}]`, key, pathParameters)));
  // A TTL of fractional seconds is a problem above, not an exception from ttlSeconds.
  if (problems.length > 0) return { problems };
  const extraKeys = enabled
    ? [...keys.map(key => key._restRequestParameter()).filter((p): p is string => p !== undefined), ...(shared ? [] : callers.identityParameters)]
    : [];
  return {
    caching: {
      enabled, ttlSeconds: ttlSeconds(options?.ttl ?? stageCache.ttl), routeTtlSeconds: options?.ttl && ttlSeconds(options.ttl), extraKeys,
    },
    problems,
  };
}

/** Options that mean something only on a cached route, set with `enabled: false`. */
function uncachedOptionProblems(prop: string, options: RouteCacheOptions): Problem[] {
  const fix = (name: string) => `remove ${name} or enabled: false`;
  const set: [string, unknown, string][] = [
    ['keyParameters', options.keyParameters, 'only apply to a cached route'],
    ['ttl', options.ttl, 'only applies to a cached route'],
    ['sharedAcrossCallers', options.sharedAcrossCallers || undefined, 'only applies to a cached route'],
  ];
  return set.filter(([, value]) => value !== undefined).map(([name, value, rule]) => ({
    code: 'InvalidCache' as const, prop: `${prop}.cache.${name}`, rule, value, fix: fix(name),
  }));
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

/** Integration types that hand the backend the whole request. */
const PROXY_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];

/**
 * Whether `method` is a cached proxy route whose cache keys nobody wrote out: its backend
 * reads the whole request, so only the user knows which query strings and headers its
 * answer depends on.
 */
export function proxyKeysUnchecked(method: apigw.Method, options: RouteCacheOptions | undefined): boolean {
  const integration = (method.node.defaultChild as apigw.CfnMethod).integration as apigw.CfnMethod.IntegrationProperty | undefined;
  return options?.keyParameters === undefined && PROXY_TYPES.includes(integration?.type ?? '');
}

/** A canary that reads and writes the stage cache needs one. */
export function canaryCacheProblems(cache: CacheOptions | undefined, canary: CanaryOptions | undefined): Problem[] {
  if (cache || !canary?.useStageCache) return [];
  return [{
    code: 'InvalidCanary',
    prop: 'canary.useStageCache',
    rule: 'needs a stage cache',
    value: true,
    fix: "set the gateway's cache option, or remove useStageCache",
  }];
}

/** `grantInvalidateCache` means something only for a stage cache and, when it names one, a cached route. */
export function invalidationGrantProblems(cache: CacheOptions | undefined, routeKey: string | undefined, cached: boolean): Problem[] {
  if (!cache) {
    return [{
      code: 'InvalidCache',
      prop: 'grantInvalidateCache',
      rule: 'needs a stage cache',
      value: routeKey ?? '(every route)',
      fix: "set the gateway's cache option, or remove the grant",
    }];
  }
  if (routeKey === undefined || cached) return [];
  return [{
    code: 'InvalidCache',
    prop: 'grantInvalidateCache routeKey',
    rule: 'must be a cached route',
    value: routeKey,
    fix: 'cache the route (RouteOptions.cache), or grant every route by leaving routeKey out',
  }];
}
