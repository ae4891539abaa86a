import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { isJavaRegex } from '../../core/validation';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { cacheTtlProblems } from '../../vocabulary/authorizations/cache-ttl';
import { RequestValue } from '../../vocabulary/request-value';
import { RestMethodAuthorization, RestRouteContext } from '../rest-binding';

/** A Lambda token authorizer: the function decides from a bearer token in one header. */
export function bindLambdaTokenRest(ctx: RestRouteContext, spec: AuthorizationSpecOf<'lambdaToken'>): RestMethodAuthorization {
  const { handler, options } = spec;
  const prop = `${ctx.authorizationProp} Authorization.lambdaToken`;
  const source = options.identitySource ?? RequestValue.header('Authorization');
  const problems = [...cacheTtlProblems(`${prop} cacheTtl`, options.cacheTtl), ...source._problems(`${prop} identitySource`)];
  const regex = options.validationRegex;
  if (regex !== undefined && !Token.isUnresolved(regex) && !isJavaRegex(regex)) {
    problems.push({
      code: 'InvalidAuthorization',
      prop: `${prop} validationRegex`,
      rule: 'must be a regular expression API Gateway can compile (Java syntax)',
      value: regex,
      fix: "check its brackets, parentheses and escapes, e.g. '^Bearer [-0-9a-zA-Z._]+$'",
    });
  }
  if (source._source !== 'header') {
    problems.push({
      code: 'InvalidAuthorization',
      prop: `${prop} identitySource`,
      rule: 'must be a header for a token authorizer',
      value: source,
      fix: 'use RequestValue.header(name), or Authorization.lambdaRequest for other sources',
    });
  }
  throwIfProblems(ctx.scope, problems);
  const identitySource = source._restIdentitySource()!;
  const authorizer = ctx.sharedAuthorizer(handler, 'Token',
    { identitySource, cacheTtl: options.cacheTtl?.toSeconds(), regex: options.validationRegex },
    (scope, id) => new apigw.TokenAuthorizer(scope, id, {
      handler,
      identitySource,
      resultsCacheTtl: options.cacheTtl,
      validationRegex: options.validationRegex,
    }));
  return {
    authorizationType: apigw.AuthorizationType.CUSTOM,
    authorizer,
    caller: { by: 'Authorization.lambdaToken', identityParameters: [source._restRequestParameter()!] },
  };
}
