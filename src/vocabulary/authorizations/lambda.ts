import { Duration } from 'aws-cdk-lib';
import { RequestValue } from '../request-value';

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
