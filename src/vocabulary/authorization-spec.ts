import { aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import type { CognitoAuthorizationOptions } from './authorizations/cognito';
import type { JwtAuthorizationOptions } from './authorizations/jwt';
import type { LambdaRequestAuthorizationOptions, LambdaTokenAuthorizationOptions } from './authorizations/lambda';

/**
 * What an `Authorization.*` factory produced, as plain data: the kind (the factory's name)
 * and its arguments. Gateways read it and bind it their own way.
 */
export type AuthorizationSpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'iam' }
  | { readonly kind: 'cognito'; readonly userPool: cognito.IUserPool; readonly options: CognitoAuthorizationOptions }
  | { readonly kind: 'lambdaToken'; readonly handler: lambda.IFunction; readonly options: LambdaTokenAuthorizationOptions }
  | { readonly kind: 'lambdaRequest'; readonly handler: lambda.IFunction; readonly options: LambdaRequestAuthorizationOptions }
  | { readonly kind: 'jwt'; readonly options: JwtAuthorizationOptions };

/** Every authorization kind: the name of the factory that makes it. */
export type AuthorizationKind = AuthorizationSpec['kind'];

/** The spec of one kind. */
export type AuthorizationSpecOf<K extends AuthorizationKind> = Extract<AuthorizationSpec, { readonly kind: K }>;

/** Every kind, in the order README lists them; the compiler refuses a list that forgets one. */
export const AUTHORIZATION_KINDS = Object.keys({
  none: 1, iam: 1, cognito: 1, lambdaToken: 1, lambdaRequest: 1, jwt: 1,
} satisfies Record<AuthorizationKind, 1>) as readonly AuthorizationKind[];

/** How users wrote it, for messages: `Authorization.cognito`. */
export function authorizationFactory(kind: AuthorizationKind): string {
  return `Authorization.${kind}`;
}
