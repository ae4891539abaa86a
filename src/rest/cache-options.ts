import { Duration } from 'aws-cdk-lib';
import { UnauthorizedInvalidation } from './cache-invalidation';
import { RequestValue } from '../common/request-value';

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

/** The stage cache of a REST gateway: a cache cluster in front of every cached route. */
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
 * Caching of one route. With a stage cache, `GET` routes are cached and other routes are
 * not unless they set `enabled: true`.
 */
export interface RouteCacheOptions {
  /**
   * Cache this route's responses.
   * @default - true for GET routes when the gateway has a cache, false otherwise
   */
  readonly enabled?: boolean;

  /**
   * How long this route's responses stay cached, 0 to 3600 seconds.
   * @default - the gateway cache's ttl
   */
  readonly ttl?: Duration;

  /**
   * Request values that make a response distinct in the cache: path parameters, query
   * strings and headers the route receives (they become declared request parameters).
   * Without them every request of the route shares one cached response.
   * @default - the route's path parameters
   */
  readonly keyParameters?: RequestValue[];
}
