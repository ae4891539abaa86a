import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { cacheTtlProblems } from '../../vocabulary/authorizations/cache-ttl';
import { cognitoScopeProblems } from '../../vocabulary/authorizations/cognito';
import { RestMethodAuthorization, RestRouteContext } from '../rest-binding';

/** A Cognito user pool authorizer, one per pool and settings. */
export function bindCognitoRest(ctx: RestRouteContext, spec: AuthorizationSpecOf<'cognito'>): RestMethodAuthorization {
  const { userPool, options } = spec;
  const prop = `${ctx.authorizationProp} Authorization.cognito`;
  throwIfProblems(ctx.scope, [...cacheTtlProblems(`${prop} cacheTtl`, options.cacheTtl), ...cognitoScopeProblems(prop, options)]);
  const authorizer = ctx.sharedAuthorizer(userPool, 'Cognito', { cacheTtl: options.cacheTtl?.toSeconds() },
    (scope, id) => new apigw.CognitoUserPoolsAuthorizer(scope, id, {
      cognitoUserPools: [userPool],
      resultsCacheTtl: options.cacheTtl,
    }));
  const scopes = options.scopes ?? [];
  return {
    authorizationType: apigw.AuthorizationType.COGNITO,
    authorizer,
    authorizationScopes: scopes.length > 0 ? scopes : undefined,
    // The token in the Authorization header, the user pool authorizer's identity source.
    caller: { by: 'Authorization.cognito', identityParameters: ['method.request.header.Authorization'] },
  };
}
