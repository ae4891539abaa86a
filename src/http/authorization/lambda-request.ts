import { Duration, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { lambdaInvocationUri } from '../../shared/lambda-invocation';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { cacheTtlProblems, identityCacheProblems } from '../../vocabulary/authorizations/cache-ttl';
import { LambdaRequestAuthorizationOptions } from '../../vocabulary/authorizations/lambda';
import { HttpRouteAuthorization, HttpRouteContext } from '../http-binding';
import { httpIdentitySource, httpMappingProblems } from '../parameter-mapping';

/**
 * A Lambda request authorizer on an HTTP API: simple responses (`{ "isAuthorized": true }`,
 * payload 2.0), the identity sources as cache key, one per function per API. The function's
 * one invoke permission for the API also covers the authorizer.
 */
export function bindLambdaRequestHttp(ctx: HttpRouteContext, spec: AuthorizationSpecOf<'lambdaRequest'>): HttpRouteAuthorization {
  const { handler, options } = spec;
  const prop = `${ctx.authorizationProp} Authorization.lambdaRequest`;
  throwIfProblems(ctx.scope, problems(prop, options));
  const identitySource = options.identitySources.map(v => httpIdentitySource(v)!);
  const cacheTtl = options.cacheTtl ?? Duration.minutes(5);
  ctx.grantInvoke(handler);
  const authorizer = ctx.sharedAuthorizer(handler, 'Request', { identitySource, cacheTtl: cacheTtl.toSeconds() },
    (scope, id) => new apigwv2.HttpAuthorizer(scope, id, {
      httpApi: ctx.api,
      type: apigwv2.HttpAuthorizerType.LAMBDA,
      identitySource,
      authorizerUri: lambdaInvocationUri(ctx.scope, handler),
      enableSimpleResponses: true,
      payloadFormatVersion: apigwv2.AuthorizerPayloadVersion.VERSION_2_0,
      resultsCacheTtl: cacheTtl,
    }));
  return { authorizationType: 'CUSTOM', authorizer };
}

function problems(prop: string, options: LambdaRequestAuthorizationOptions): Problem[] {
  const sources = options.identitySources;
  const found: Problem[] = [
    ...cacheTtlProblems(`${prop} cacheTtl`, options.cacheTtl),
    ...identityCacheProblems(`${prop} identitySources`, sources, options.cacheTtl),
  ];
  sources.forEach((source, i) => {
    const at = `${prop} identitySources[${i}]`;
    found.push(...httpMappingProblems(source, at));
    if (httpIdentitySource(source) === undefined) {
      found.push({
        code: 'InvalidAuthorization',
        prop: at,
        rule: 'must be a header, query string, stage variable or context variable',
        value: source,
        fix: "use e.g. RequestValue.header('Authorization')",
      });
    }
  });
  return found;
}
