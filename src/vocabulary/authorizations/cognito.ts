import { Duration, aws_apigateway as apigw, aws_cognito as cognito } from 'aws-cdk-lib';
import { AuthorizationStrategy, RestMethodAuthorization } from '../authorization-strategy';
import { cacheTtlProblems } from './cache-ttl';
import { bindCognitoHttp } from '../../http/authorization/cognito';
import { HttpRouteAuthorization, HttpRouteContext } from '../../http/http-binding';
import { Problem, throwIfProblems } from '../../core/errors';
import { RestRouteContext } from '../../rest/rest-binding';

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

export class CognitoStrategy implements AuthorizationStrategy {
  public readonly factory = 'Authorization.cognito';

  constructor(private readonly userPool: cognito.IUserPool, private readonly options: CognitoAuthorizationOptions) {}

  public bindRest(ctx: RestRouteContext): RestMethodAuthorization {
    const prop = `${ctx.authorizationProp} Authorization.cognito`;
    throwIfProblems(ctx.scope, [...cacheTtlProblems(`${prop} cacheTtl`, this.options.cacheTtl), ...this.scopeProblems(prop)]);
    const authorizer = ctx.sharedAuthorizer(this.userPool, 'Cognito', { cacheTtl: this.options.cacheTtl?.toSeconds() },
      (scope, id) => new apigw.CognitoUserPoolsAuthorizer(scope, id, {
        cognitoUserPools: [this.userPool],
        resultsCacheTtl: this.options.cacheTtl,
      }));
    const scopes = this.options.scopes ?? [];
    return {
      authorizationType: apigw.AuthorizationType.COGNITO,
      authorizer,
      authorizationScopes: scopes.length > 0 ? scopes : undefined,
      // The token in the Authorization header, the user pool authorizer's identity source.
      caller: { by: this.factory, identityParameters: ['method.request.header.Authorization'] },
    };
  }

  public bindHttp(ctx: HttpRouteContext): HttpRouteAuthorization {
    return bindCognitoHttp(ctx, this.userPool, this.options);
  }

  private scopeProblems(prop: string): Problem[] {
    return (this.options.scopes ?? []).filter(s => !SCOPE.test(s)).map(scope => ({
      code: 'InvalidAuthorization' as const,
      prop: `${prop} scopes`,
      rule: 'must be non-empty OAuth scopes without spaces or quotes',
      value: scope,
      fix: "use scopes as the user pool's resource server defines them, e.g. 'orders/read'",
    }));
  }
}
