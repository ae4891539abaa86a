import { aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import type { CognitoAuthorizationOptions } from '../../vocabulary/authorizations/cognito';
import type { JwtAuthorizationOptions } from '../../vocabulary/authorizations/jwt';
import type { LambdaRequestAuthorizationOptions, LambdaTokenAuthorizationOptions } from '../../vocabulary/authorizations/lambda';
import { argumentChecker, args, duration, list, optional, required, str, struct } from '../../core/shape';
import { FUNCTION, USER_POOL, USER_POOL_CLIENT } from '../../core/shapes/refs';
import { REQUEST_VALUE } from './vocabulary';

// The options of every `Authorization.*` factory, and the arguments of each.

const CACHE_TTL = optional(duration('Duration.minutes(5), or Duration.seconds(0) to turn caching off'));

export const COGNITO_AUTHORIZATION_OPTIONS = struct<CognitoAuthorizationOptions>('CognitoAuthorizationOptions', {
  scopes: optional(list(str("'orders/read'"))),
  cacheTtl: CACHE_TTL,
  userPoolClients: optional(list(USER_POOL_CLIENT)),
}, "{ scopes: ['orders/read'] }");

export const LAMBDA_TOKEN_AUTHORIZATION_OPTIONS = struct<LambdaTokenAuthorizationOptions>('LambdaTokenAuthorizationOptions', {
  identitySource: optional(REQUEST_VALUE),
  cacheTtl: CACHE_TTL,
  validationRegex: optional(str("'^Bearer [-0-9a-zA-Z._]+$'")),
}, "{ validationRegex: '^Bearer .+$' }");

export const LAMBDA_REQUEST_AUTHORIZATION_OPTIONS = struct<LambdaRequestAuthorizationOptions>('LambdaRequestAuthorizationOptions', {
  identitySources: required(list(REQUEST_VALUE)),
  cacheTtl: CACHE_TTL,
}, "{ identitySources: [RequestValue.header('Authorization')] }");

export const JWT_AUTHORIZATION_OPTIONS = struct<JwtAuthorizationOptions>('JwtAuthorizationOptions', {
  issuer: required(str("'https://issuer.example.com'")),
  audiences: required(list(str("'my-client-id'"))),
  scopes: optional(list(str("'orders/read'"))),
  identitySource: optional(REQUEST_VALUE),
}, "{ issuer: 'https://issuer.example.com', audiences: ['my-client-id'] }");

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
