import { aws_apigateway as apigw, aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import { AuthorizationStrategy, RestMethodAuthorization } from './authorization-strategy';
import { CognitoAuthorizationOptions, CognitoStrategy } from './cognito-authorization';
import { JwtAuthorizationOptions, JwtStrategy } from './jwt-authorization';
import {
  LambdaRequestAuthorizationOptions, LambdaRequestStrategy, LambdaTokenAuthorizationOptions, LambdaTokenStrategy,
} from './lambda-authorization';
import { fail } from '../private/errors';
import { RestRouteContext } from '../rest/rest-binding';

/**
 * Who may call a route. Every route requires IAM unless the route or gateway says
 * otherwise; `Authorization.none()` is the explicit opt-out.
 */
export class Authorization {
  /** Anyone may call the route. */
  public static none(): Authorization {
    return new Authorization({ factory: 'Authorization.none', bindRest: () => ({ authorizationType: apigw.AuthorizationType.NONE }) });
  }

  /** Callers sign requests with SigV4 and need `execute-api:Invoke` (see `grantInvoke`). */
  public static iam(): Authorization {
    return new Authorization({ factory: 'Authorization.iam', bindRest: () => ({ authorizationType: apigw.AuthorizationType.IAM }) });
  }

  /** Callers present a token issued by a Cognito user pool. */
  public static cognito(userPool: cognito.IUserPool, options: CognitoAuthorizationOptions = {}): Authorization {
    return new Authorization(new CognitoStrategy(userPool, options));
  }

  /** A Lambda function decides from a bearer token in one header. */
  public static lambdaToken(handler: lambda.IFunction, options: LambdaTokenAuthorizationOptions = {}): Authorization {
    return new Authorization(new LambdaTokenStrategy(handler, options));
  }

  /** A Lambda function decides from headers, query strings, stage and context variables. */
  public static lambdaRequest(handler: lambda.IFunction, options: LambdaRequestAuthorizationOptions): Authorization {
    return new Authorization(new LambdaRequestStrategy(handler, options));
  }

  /** Callers present a JWT from any OpenID Connect issuer (HTTP APIs). */
  public static jwt(options: JwtAuthorizationOptions): Authorization {
    return new Authorization(new JwtStrategy(options));
  }

  private readonly strategy: AuthorizationStrategy;

  private constructor(strategy: AuthorizationStrategy) {
    this.strategy = strategy;
  }

  /** @internal */
  public _bindRest(ctx: RestRouteContext): RestMethodAuthorization {
    if (!this.strategy.bindRest) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: `${ctx.prop}.authorization`,
        rule: `cannot use ${this.strategy.factory} on a RestGateway`,
        value: ctx.route.key,
        fix: this.strategy.factory === 'Authorization.jwt'
          ? 'use Authorization.cognito or a Lambda authorizer on RestGateway, or move the route to HttpGateway, which has JWT authorizers'
          : 'use an authorization the REST API supports',
      });
    }
    return this.strategy.bindRest(ctx);
  }
}
