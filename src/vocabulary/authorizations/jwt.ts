import { RequestValue } from '../request-value';

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
