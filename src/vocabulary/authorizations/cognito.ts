import { Duration, aws_cognito as cognito } from 'aws-cdk-lib';
import { CACHE_TTL } from './cache-ttl';
import { Problem } from '../../core/errors';
import { list, optional, str, struct } from '../../core/shape';
import { USER_POOL_CLIENT } from '../../core/shapes/refs';

/** Options for `Authorization.cognito`. */
export interface CognitoAuthorizationOptions {
  /**
   * OAuth scopes the access token must carry for this route. With scopes, clients send the
   * access token; without, the ID token.
   * @default - no scope required
   */
  readonly scopes?: string[];

  /**
   * How long API Gateway caches a token's result (0 to 1 hour; 0 turns caching off).
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;

  /**
   * HTTP APIs: the app clients whose tokens the route accepts (the JWT authorizer checks the
   * token's audience). REST user pool authorizers accept every client of the pool.
   * @default - the clients added to the user pool with `addClient` (an error when there are none)
   */
  readonly userPoolClients?: cognito.IUserPoolClient[];
}

const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Scopes as a Cognito resource server defines them; every gateway checks them. */
export function cognitoScopeProblems(prop: string, options: CognitoAuthorizationOptions): Problem[] {
  return (options.scopes ?? []).filter(s => !SCOPE.test(s)).map(scope => ({
    code: 'InvalidAuthorization' as const,
    prop: `${prop} scopes`,
    rule: 'must be non-empty OAuth scopes without spaces or quotes',
    value: scope,
    fix: "use scopes as the user pool's resource server defines them, e.g. 'orders/read'",
  }));
}

// The shapes untyped (JavaScript) callers are checked against.

export const COGNITO_AUTHORIZATION_OPTIONS = struct<CognitoAuthorizationOptions>('CognitoAuthorizationOptions', {
  scopes: optional(list(str("'orders/read'"))),
  cacheTtl: CACHE_TTL,
  userPoolClients: optional(list(USER_POOL_CLIENT)),
}, "{ scopes: ['orders/read'] }");
