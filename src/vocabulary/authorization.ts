import { aws_apigateway as apigw, aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import { AuthorizationStrategy, RestMethodAuthorization } from './authorization-strategy';
import { CognitoAuthorizationOptions, CognitoStrategy } from './authorizations/cognito';
import { JwtAuthorizationOptions, JwtStrategy } from './authorizations/jwt';
import {
  LambdaRequestAuthorizationOptions, LambdaRequestStrategy, LambdaTokenAuthorizationOptions, LambdaTokenStrategy,
} from './authorizations/lambda';
import { HttpRouteAuthorization, HttpRouteContext } from '../http/http-binding';
import { fail } from '../core/errors';
import { brand } from '../core/shape';
import { checkAuthorizationArguments } from '../private/shapes/authorization';
import { RestRouteContext } from '../rest/rest-binding';
import { WebSocketRouteAuthorization, WebSocketRouteContext } from '../websocket/websocket-binding';

/**
 * Who may call a route. Every route requires IAM unless the route or gateway says
 * otherwise; `Authorization.none()` is the explicit opt-out.
 *
 * @example
 * import { Authorization, Integration, RequestValue, RestGateway } from 'cdk-gatehouse';
 *
 * const portal = new RestGateway(this, 'Portal', { defaultAuthorization: Authorization.cognito(userPool) });
 * portal.addRoute('GET /me', Integration.lambda(fn));
 * portal.addRoute('GET /partners/{id}', Integration.lambda(fn), {
 *   authorization: Authorization.lambdaRequest(authFn, { identitySources: [RequestValue.header('X-Partner-Token')] }),
 * });
 * portal.addRoute('GET /health', Integration.mock(), { authorization: Authorization.none() });
 */
export class Authorization {
  /** Anyone may call the route. */
  public static none(): Authorization {
    return new Authorization({
      factory: 'Authorization.none',
      bindRest: () => ({ authorizationType: apigw.AuthorizationType.NONE }),
      bindWebSocket: () => ({ authorizationType: 'NONE' }),
      bindHttp: () => ({ authorizationType: 'NONE' }),
    });
  }

  /** Callers sign requests with SigV4 and need `execute-api:Invoke` (see `grantInvoke`). */
  public static iam(): Authorization {
    return new Authorization({
      factory: 'Authorization.iam',
      bindRest: () => ({
        authorizationType: apigw.AuthorizationType.IAM,
        caller: { by: 'Authorization.iam() (SigV4 signs every request differently)', identityParameters: [] },
      }),
      bindWebSocket: () => ({ authorizationType: 'AWS_IAM' }),
      bindHttp: () => ({ authorizationType: 'AWS_IAM' }),
    });
  }

  /** Callers present a token issued by a Cognito user pool. */
  public static cognito(userPool: cognito.IUserPool, options: CognitoAuthorizationOptions = {}): Authorization {
    checkAuthorizationArguments('Authorization.cognito', { userPool, options });
    return new Authorization(new CognitoStrategy(userPool, options));
  }

  /** A Lambda function decides from a bearer token in one header. */
  public static lambdaToken(handler: lambda.IFunction, options: LambdaTokenAuthorizationOptions = {}): Authorization {
    checkAuthorizationArguments('Authorization.lambdaToken', { handler, options });
    return new Authorization(new LambdaTokenStrategy(handler, options));
  }

  /** A Lambda function decides from headers, query strings, stage and context variables. */
  public static lambdaRequest(handler: lambda.IFunction, options: LambdaRequestAuthorizationOptions): Authorization {
    checkAuthorizationArguments('Authorization.lambdaRequest', { handler, options });
    return new Authorization(new LambdaRequestStrategy(handler, options));
  }

  /** Callers present a JWT from any OpenID Connect issuer (HTTP APIs). */
  public static jwt(options: JwtAuthorizationOptions): Authorization {
    checkAuthorizationArguments('Authorization.jwt', { options });
    return new Authorization(new JwtStrategy(options));
  }

  private readonly strategy: AuthorizationStrategy;

  private constructor(strategy: AuthorizationStrategy) {
    brand(this, 'Authorization');
    this.strategy = strategy;
  }

  /** @internal */
  public _bindRest(ctx: RestRouteContext): RestMethodAuthorization {
    if (!this.strategy.bindRest) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.authorizationProp,
        rule: `cannot use ${this.strategy.factory} on a RestGateway`,
        value: ctx.route.key,
        fix: this.strategy.factory === 'Authorization.jwt'
          ? 'use Authorization.cognito or a Lambda authorizer on RestGateway, or move the route to HttpGateway, which has JWT authorizers'
          : 'use an authorization the REST API supports',
      });
    }
    return this.strategy.bindRest(ctx);
  }

  /** @internal */
  public _bindWebSocket(ctx: WebSocketRouteContext): WebSocketRouteAuthorization {
    if (!this.strategy.bindWebSocket) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.authorizationProp,
        rule: `cannot use ${this.strategy.factory} on a WebSocketGateway (WebSocket APIs authorize with IAM or a Lambda request authorizer)`,
        value: ctx.route.key,
        fix: "use Authorization.lambdaRequest(fn, { identitySources: [RequestValue.queryString('token')] }) (browsers cannot set headers on WebSocket connections), Authorization.iam() or Authorization.none()",
      });
    }
    return this.strategy.bindWebSocket(ctx);
  }

  /** @internal */
  public _bindHttp(ctx: HttpRouteContext): HttpRouteAuthorization {
    if (!this.strategy.bindHttp) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.authorizationProp,
        rule: `cannot use ${this.strategy.factory} on an HttpGateway`,
        value: ctx.route.key,
        fix: this.strategy.factory === 'Authorization.lambdaToken'
          ? "use Authorization.lambdaRequest(fn, { identitySources: [RequestValue.header('Authorization')] }) (HTTP APIs have request authorizers only), or keep the route on RestGateway"
          : 'keep the route on RestGateway, which supports it',
      });
    }
    return this.strategy.bindHttp(ctx);
  }
}
