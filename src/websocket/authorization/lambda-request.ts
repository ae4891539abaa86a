import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { lambdaInvocationUri } from '../../shared/lambda-invocation';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { RequestValue } from '../../vocabulary/request-value';
import { WebSocketRouteAuthorization, WebSocketRouteContext } from '../websocket-binding';

/** The identity-source expression of a WebSocket request authorizer, if `value` can be one. */
function identitySource(value: RequestValue): string | undefined {
  switch (value._source) {
    case 'header': return `route.request.header.${value._name}`;
    case 'queryString': return `route.request.querystring.${value._name}`;
    case 'stageVariable': return `stageVariables.${value._name}`;
    case 'context': return `context.${value._name}`;
    default: return undefined;
  }
}

/**
 * A Lambda request authorizer on a WebSocket API's `$connect` route. API Gateway refuses a
 * connection that lacks any of the identity sources (401) without calling the function.
 * WebSocket authorizers have no result cache, so `cacheTtl` is refused.
 */
export function webSocketRequestAuthorizer(ctx: WebSocketRouteContext, spec: AuthorizationSpecOf<'lambdaRequest'>): WebSocketRouteAuthorization {
  const { handler, options } = spec;
  const prop = `${ctx.authorizationProp} Authorization.lambdaRequest`;
  const problems: Problem[] = [];
  if (options.cacheTtl !== undefined) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} cacheTtl`,
      rule: 'cannot be set on a WebSocketGateway (WebSocket authorizers run once per connection and cache nothing)',
      value: options.cacheTtl,
      fix: 'remove cacheTtl',
    });
  }
  options.identitySources.forEach((source, i) => {
    problems.push(...source._problems(`${prop} identitySources[${i}]`));
    if (identitySource(source) === undefined) {
      problems.push({
        code: 'InvalidAuthorization',
        prop: `${prop} identitySources[${i}]`,
        rule: 'must be a header, query string, stage variable or context variable',
        value: source,
        fix: "use e.g. RequestValue.queryString('token') (browsers cannot set headers on a WebSocket connection)",
      });
    }
  });
  throwIfProblems(ctx.scope, problems);

  ctx.grantInvoke(handler);
  const sources = options.identitySources.map(source => identitySource(source)!);
  const authorizer = new apigwv2.CfnAuthorizer(ctx.scope, 'ConnectAuthorizer', {
    apiId: ctx.api.apiId,
    name: 'connect',
    authorizerType: 'REQUEST',
    authorizerUri: lambdaInvocationUri(ctx.scope, handler),
    identitySource: sources.length > 0 ? sources : undefined,
  });
  return { authorizationType: 'CUSTOM', authorizer };
}
