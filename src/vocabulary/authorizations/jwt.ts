import { AuthorizationStrategy } from '../authorization-strategy';
import { RequestValue } from '../request-value';
import { bindJwtAuthorizer } from '../../http/authorization/jwt';
import { HttpRouteAuthorization, HttpRouteContext } from '../../http/http-binding';

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

/** JWT authorizers exist on HTTP APIs only; the REST binder is absent on purpose. */
export class JwtStrategy implements AuthorizationStrategy {
  public readonly factory = 'Authorization.jwt';
  constructor(public readonly options: JwtAuthorizationOptions) {}

  public bindHttp(ctx: HttpRouteContext): HttpRouteAuthorization {
    return bindJwtAuthorizer(ctx, {
      prop: `${ctx.authorizationProp} Authorization.jwt`, owner: this.options.issuer, kind: 'Jwt', ...this.options,
    });
  }
}
