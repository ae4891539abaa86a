import { aws_cognito as cognito } from 'aws-cdk-lib';
import { bindJwtAuthorizer } from './jwt';
import { fail } from '../../core/errors';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { HttpRouteAuthorization, HttpRouteContext } from '../http-binding';

/**
 * A Cognito user pool on an HTTP API: a JWT authorizer with the pool's issuer and its app
 * clients as audiences (HTTP APIs check `aud`, or `client_id` for access tokens).
 */
export function bindCognitoHttp(ctx: HttpRouteContext, spec: AuthorizationSpecOf<'cognito'>): HttpRouteAuthorization {
  const { userPool, options } = spec;
  const prop = `${ctx.authorizationProp} Authorization.cognito`;
  const clients = options.userPoolClients
    ?? userPool.node.children.filter((c): c is cognito.UserPoolClient => c instanceof cognito.UserPoolClient);
  if (clients.length === 0) {
    fail(ctx.scope, {
      code: 'InvalidAuthorization',
      prop: `${prop} userPoolClients`,
      rule: 'must name the app clients whose tokens the route accepts (an HTTP API checks the audience)',
      value: [],
      fix: 'pass userPoolClients: [client], or add the client to the pool (userPool.addClient) before the route',
    });
  }
  return bindJwtAuthorizer(ctx, {
    prop,
    owner: userPool,
    kind: 'Cognito',
    issuer: `https://cognito-idp.${userPool.env.region}.amazonaws.com/${userPool.userPoolId}`,
    audiences: clients.map(c => c.userPoolClientId),
    scopes: options.scopes,
  });
}
