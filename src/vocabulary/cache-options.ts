import { Duration } from 'aws-cdk-lib';
import { RequestValue, REQUEST_VALUE } from './request-value';
import { bool, duration, enumOf, list, optional, struct } from '../core/shape';

/**
 * What API Gateway does with a per-key invalidation (`Cache-Control: max-age=0`) from a
 * caller who may not invalidate the cache (`execute-api:InvalidateCache`).
 */
export enum UnauthorizedInvalidation {
  /** Answer from the cache and add a warning header (API Gateway's default). */
  SUCCEED_WITH_RESPONSE_HEADER = 'SUCCEED_WITH_RESPONSE_HEADER',
  /** Answer from the cache without a warning. */
  SUCCEED_WITHOUT_RESPONSE_HEADER = 'SUCCEED_WITHOUT_RESPONSE_HEADER',
  /** Refuse the request with 403. */
  FAIL_WITH_403 = 'FAIL_WITH_403',
  /** Let anyone invalidate: no authorization is required (not recommended). */
  ALLOW = 'ALLOW',
}

/** The stage cache sizes API Gateway offers, in GB. */
export enum CacheSize {
  GB_0_5 = '0.5',
  GB_1_6 = '1.6',
  GB_6_1 = '6.1',
  GB_13_5 = '13.5',
  GB_28_4 = '28.4',
  GB_58_2 = '58.2',
  GB_118 = '118',
  GB_237 = '237',
}

/**
 * The stage cache of a REST gateway: a cache cluster in front of every cached route. Which
 * routes are cached and what their cache keys are is decided per route (`RouteCacheOptions`):
 * only the routes that opt in.
 */
export interface CacheOptions {
  /**
   * Size of the cache cluster (billed per hour while it exists).
   * @default CacheSize.GB_0_5
   */
  readonly size?: CacheSize;

  /**
   * How long responses stay cached, 0 to 3600 seconds; a route may set its own.
   * @default Duration.minutes(5)
   */
  readonly ttl?: Duration;

  /**
   * Encrypt cached responses.
   * @default true
   */
  readonly encrypted?: boolean;

  /**
   * What happens to a per-key invalidation (`Cache-Control: max-age=0`) from a caller without
   * `execute-api:InvalidateCache` (see `grantInvalidateCache`). Other than the default, a
   * custom resource sets it, because CloudFormation cannot.
   * @default UnauthorizedInvalidation.SUCCEED_WITH_RESPONSE_HEADER (authorization required)
   */
  readonly unauthorizedInvalidation?: UnauthorizedInvalidation;
}

/**
 * Caching of one route, with the gateway's stage cache. A route is cached only when its
 * options have `cache` (an empty `{}` caches with the stage's TTL): nothing is served from the
 * cache by default. A cached route is keyed on every request parameter it declares: its path
 * parameters, the parameters its integration reads, its `requiredParameters`,
 * `keyParameters`, and the caller's identity.
 */
export interface RouteCacheOptions {
  /**
   * Cache this route's responses. A route with an authorizer, IAM or an API key is cached
   * per caller (see `sharedAcrossCallers`). `false` keeps a route uncached while its other
   * options stay written (they are then refused: they only apply to a cached route).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * How long this route's responses stay cached, 0 to 3600 seconds.
   * @default - the gateway cache's ttl
   */
  readonly ttl?: Duration;

  /**
   * Request values that make a response distinct in the cache, beyond those the route
   * declares anyway (path parameters, values its integration reads, `requiredParameters`):
   * query strings and headers a proxy backend (Lambda, HTTP) reads. They become optional
   * request parameters. Without them every request of the route with the same declared
   * parameters shares one cached response.
   * @default - no keys beyond those the route declares
   */
  readonly keyParameters?: RequestValue[];

  /**
   * Serve one cached answer to every caller of a route whose answer could depend on the
   * caller: the caller's identity is left out of the cache key, so caller B may get the
   * response cached for caller A. Required to cache a route whose caller API Gateway cannot
   * put in a cache key (IAM authorization; a request authorizer whose identity sources are
   * only context or stage variables; API keys from a Lambda authorizer on a route without
   * one); other per-caller routes are keyed on the caller's token, identity sources or API key.
   * @default false
   */
  readonly sharedAcrossCallers?: boolean;
}

// The shapes untyped (JavaScript) callers are checked against.

export const CACHE_SIZE = enumOf<CacheSize>('CacheSize', () => CacheSize);

export const UNAUTHORIZED_INVALIDATION = enumOf<UnauthorizedInvalidation>('UnauthorizedInvalidation', () => UnauthorizedInvalidation);

export const CACHE_OPTIONS = struct<CacheOptions>('CacheOptions', {
  size: optional(CACHE_SIZE),
  ttl: optional(duration('Duration.minutes(5)')),
  encrypted: optional(bool()),
  unauthorizedInvalidation: optional(UNAUTHORIZED_INVALIDATION),
}, '{ size: CacheSize.GB_0_5 }');

export const ROUTE_CACHE_OPTIONS = struct<RouteCacheOptions>('RouteCacheOptions', {
  enabled: optional(bool()),
  ttl: optional(duration('Duration.minutes(1)')),
  keyParameters: optional(list(REQUEST_VALUE)),
  sharedAcrossCallers: optional(bool()),
}, "{ keyParameters: [RequestValue.queryString('lang')] }");
