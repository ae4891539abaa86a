import { Duration } from 'aws-cdk-lib';
import { bool, duration, list, optional, required, str, struct } from '../core/shape';

/** Cross-origin resource sharing for browser clients. */
export interface CorsOptions {
  /**
   * Origins allowed to call the API, e.g. `['https://app.example.com']`, or `['*']`. With
   * several, a response allows only the caller's own origin, and only when it is in the list
   * exactly as written (browsers send origins in lowercase).
   */
  readonly allowOrigins: string[];

  /**
   * Methods allowed in cross-origin requests.
   * @default - every method
   */
  readonly allowMethods?: string[];

  /**
   * Request headers allowed in cross-origin requests.
   * @default - Content-Type, X-Amz-Date, Authorization, X-Api-Key, X-Amz-Security-Token, X-Amz-User-Agent
   */
  readonly allowHeaders?: string[];

  /**
   * Response headers the browser exposes to scripts.
   * @default - none beyond the CORS-safelisted headers
   */
  readonly exposeHeaders?: string[];

  /**
   * Allow cookies and HTTP authentication (not allowed with the `*` origin).
   * @default false
   */
  readonly allowCredentials?: boolean;

  /**
   * How long browsers may cache a preflight answer.
   * @default - the browser's default (5 seconds in most browsers)
   */
  readonly maxAge?: Duration;
}

// The shapes untyped (JavaScript) callers are checked against.

export const CORS_OPTIONS = struct<CorsOptions>('CorsOptions', {
  allowOrigins: required(list(str("'https://app.example.com'"))),
  allowMethods: optional(list(str("'GET'"))),
  allowHeaders: optional(list(str("'Content-Type'"))),
  exposeHeaders: optional(list(str("'X-Request-Id'"))),
  allowCredentials: optional(bool()),
  maxAge: optional(duration('Duration.minutes(10)')),
}, "{ allowOrigins: ['https://app.example.com'] }");
