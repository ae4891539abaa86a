import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { cacheTtlProblems, identityCacheProblems } from '../../vocabulary/authorizations/cache-ttl';
import { LambdaRequestAuthorizationOptions } from '../../vocabulary/authorizations/lambda';
import { RestMethodAuthorization, RestRouteContext } from '../rest-binding';

const FACTORY = 'Authorization.lambdaRequest';

/** A Lambda request authorizer: the function decides from headers, query strings, stage and context variables. */
export function bindLambdaRequestRest(ctx: RestRouteContext, spec: AuthorizationSpecOf<'lambdaRequest'>): RestMethodAuthorization {
  const { handler, options } = spec;
  const prop = `${ctx.authorizationProp} ${FACTORY}`;
  throwIfProblems(ctx.scope, problems(prop, options));
  const identitySources = options.identitySources.map(v => v._restIdentitySource()!);
  const authorizer = ctx.sharedAuthorizer(handler, 'Request',
    { identitySources, cacheTtl: options.cacheTtl?.toSeconds() },
    (scope, id) => new apigw.RequestAuthorizer(scope, id, {
      handler,
      identitySources,
      resultsCacheTtl: options.cacheTtl,
    }));
  // Headers and query strings can be cache keys; context and stage variables cannot.
  const identityParameters = options.identitySources.map(v => v._restRequestParameter()).filter((p): p is string => p !== undefined);
  return {
    authorizationType: apigw.AuthorizationType.CUSTOM,
    authorizer,
    caller: {
      by: identityParameters.length > 0 ? FACTORY : `${FACTORY} with only context or stage variable identity sources`,
      identityParameters,
    },
  };
}

function problems(prop: string, options: LambdaRequestAuthorizationOptions): Problem[] {
  const sources = options.identitySources;
  const found: Problem[] = [
    ...cacheTtlProblems(`${prop} cacheTtl`, options.cacheTtl),
    ...identityCacheProblems(`${prop} identitySources`, sources, options.cacheTtl),
  ];
  sources.forEach((source, i) => {
    found.push(...source._problems(`${prop} identitySources[${i}]`));
    if (source._restIdentitySource() === undefined) {
      found.push({
        code: 'InvalidAuthorization',
        prop: `${prop} identitySources[${i}]`,
        rule: 'must be a header, query string, stage variable or context variable',
        value: source,
        fix: "use e.g. RequestValue.queryString('token')",
      });
    }
  });
  return found;
}
