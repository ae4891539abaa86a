import { Duration } from 'aws-cdk-lib';
import { list, optional, required, str, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';
import { CACHE_TTL } from './cache-ttl';

/** Options for `Authorization.lambdaToken`. */
export interface LambdaTokenAuthorizationOptions {
  /**
   * The header that carries the token.
   * @default RequestValue.header('Authorization')
   */
  readonly identitySource?: RequestValue;

  /**
   * How long API Gateway caches the function's answer per token (0 to 1 hour; 0 turns caching off).
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;

  /**
   * A regular expression the token must match before the function is called.
   * @default - every token is passed to the function
   */
  readonly validationRegex?: string;
}

/** Options for `Authorization.lambdaRequest`. */
export interface LambdaRequestAuthorizationOptions {
  /**
   * The request values the function decides on; they also form the cache key. Headers,
   * query strings, stage variables or context variables. Required while caching is on.
   */
  readonly identitySources: RequestValue[];

  /**
   * How long API Gateway caches the function's answer per identity (0 to 1 hour; 0 turns caching off).
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;
}

// The shapes untyped (JavaScript) callers are checked against.

export const LAMBDA_TOKEN_AUTHORIZATION_OPTIONS = struct<LambdaTokenAuthorizationOptions>('LambdaTokenAuthorizationOptions', {
  identitySource: optional(REQUEST_VALUE),
  cacheTtl: CACHE_TTL,
  validationRegex: optional(str("'^Bearer [-0-9a-zA-Z._]+$'")),
}, "{ validationRegex: '^Bearer .+$' }");

export const LAMBDA_REQUEST_AUTHORIZATION_OPTIONS = struct<LambdaRequestAuthorizationOptions>('LambdaRequestAuthorizationOptions', {
  identitySources: required(list(REQUEST_VALUE)),
  cacheTtl: CACHE_TTL,
}, "{ identitySources: [RequestValue.header('Authorization')] }");
