import { aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import { AuthorizationSpec } from './authorization-spec';
import { CognitoAuthorizationOptions, COGNITO_AUTHORIZATION_OPTIONS } from './authorizations/cognito';
import { JwtAuthorizationOptions, JWT_AUTHORIZATION_OPTIONS } from './authorizations/jwt';
import { brand, argumentChecker, args, madeBy, optional, required } from '../core/shape';
import { LambdaRequestAuthorizationOptions, LambdaTokenAuthorizationOptions, LAMBDA_REQUEST_AUTHORIZATION_OPTIONS, LAMBDA_TOKEN_AUTHORIZATION_OPTIONS } from './authorizations/lambda';
import { FUNCTION, USER_POOL } from '../core/shapes/refs';

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
    return new Authorization({ kind: 'none' });
  }

  /** Callers sign requests with SigV4 and need `execute-api:Invoke` (see `grantInvoke`). */
  public static iam(): Authorization {
    return new Authorization({ kind: 'iam' });
  }

  /** Callers present a token issued by a Cognito user pool. */
  public static cognito(userPool: cognito.IUserPool, options: CognitoAuthorizationOptions = {}): Authorization {
    checkAuthorizationArguments('Authorization.cognito', { userPool, options });
    return new Authorization({ kind: 'cognito', userPool, options });
  }

  /** A Lambda function decides from a bearer token in one header. */
  public static lambdaToken(handler: lambda.IFunction, options: LambdaTokenAuthorizationOptions = {}): Authorization {
    checkAuthorizationArguments('Authorization.lambdaToken', { handler, options });
    return new Authorization({ kind: 'lambdaToken', handler, options });
  }

  /** A Lambda function decides from headers, query strings, stage and context variables. */
  public static lambdaRequest(handler: lambda.IFunction, options: LambdaRequestAuthorizationOptions): Authorization {
    checkAuthorizationArguments('Authorization.lambdaRequest', { handler, options });
    return new Authorization({ kind: 'lambdaRequest', handler, options });
  }

  /** Callers present a JWT from any OpenID Connect issuer (HTTP APIs). */
  public static jwt(options: JwtAuthorizationOptions): Authorization {
    checkAuthorizationArguments('Authorization.jwt', { options });
    return new Authorization({ kind: 'jwt', options });
  }

  /** @internal What the factory made: the kind and its arguments, for gateways to bind. */
  public readonly _spec: AuthorizationSpec;

  private constructor(spec: AuthorizationSpec) {
    brand(this, 'Authorization');
    this._spec = spec;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const AUTHORIZATION = madeBy<Authorization>('Authorization', 'Authorization.iam()');

/** The arguments of each `Authorization.*` factory that takes any. */
export const AUTHORIZATION_FACTORIES = {
  'Authorization.cognito': args<{ userPool: cognito.IUserPool; options?: CognitoAuthorizationOptions }>({
    userPool: required(USER_POOL), options: optional(COGNITO_AUTHORIZATION_OPTIONS),
  }),
  'Authorization.lambdaToken': args<{ handler: lambda.IFunction; options?: LambdaTokenAuthorizationOptions }>({
    handler: required(FUNCTION), options: optional(LAMBDA_TOKEN_AUTHORIZATION_OPTIONS),
  }),
  'Authorization.lambdaRequest': args<{ handler: lambda.IFunction; options: LambdaRequestAuthorizationOptions }>({
    handler: required(FUNCTION), options: required(LAMBDA_REQUEST_AUTHORIZATION_OPTIONS),
  }),
  'Authorization.jwt': args<{ options: JwtAuthorizationOptions }>({ options: required(JWT_AUTHORIZATION_OPTIONS) }),
};

export const checkAuthorizationArguments = argumentChecker(AUTHORIZATION_FACTORIES);
