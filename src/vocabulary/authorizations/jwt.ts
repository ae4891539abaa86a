import { list, optional, required, str, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Authorization.jwt`. */
export interface JwtAuthorizationOptions {
  /** The token issuer URL (`iss`), e.g. `https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc`. */
  readonly issuer: string;

  /** Accepted audiences (`aud`, or `client_id` for Cognito access tokens). */
  readonly audiences: string[];

  /**
   * Scopes the token must carry for the route.
   * @default - no scope required
   */
  readonly scopes?: string[];

  /**
   * Where the token is read from.
   * @default RequestValue.header('Authorization')
   */
  readonly identitySource?: RequestValue;
}

// The shapes untyped (JavaScript) callers are checked against.

export const JWT_AUTHORIZATION_OPTIONS = struct<JwtAuthorizationOptions>('JwtAuthorizationOptions', {
  issuer: required(str("'https://issuer.example.com'")),
  audiences: required(list(str("'my-client-id'"))),
  scopes: optional(list(str("'orders/read'"))),
  identitySource: optional(REQUEST_VALUE),
}, "{ issuer: 'https://issuer.example.com', audiences: ['my-client-id'] }");
