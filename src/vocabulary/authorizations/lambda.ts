import { Duration, Token, aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { AuthorizationStrategy, RestMethodAuthorization } from '../authorization-strategy';
import { cacheTtlProblems, identityCacheProblems } from './cache-ttl';
import { RequestValue } from '../request-value';
import { bindLambdaRequestHttp } from '../../http/authorization/lambda-request';
import { HttpRouteAuthorization, HttpRouteContext } from '../../http/http-binding';
import { Problem, throwIfProblems } from '../../core/errors';
import { isJavaRegex } from '../../core/validation';
import { RestRouteContext } from '../../rest/rest-binding';
import { webSocketRequestAuthorizer } from '../../websocket/authorization/lambda-request';
import { WebSocketRouteAuthorization, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Authorization.lambdaToken`. */
export interface LambdaTokenAuthorizationOptions {
  /**
   * The header that carries the token.
   * @default RequestValue.header('Authorization')
   */
  readonly identitySource?: RequestValue;

  /**
   * How long API Gateway caches the function's answer per token (0 to 1 hour; 0 turns caching off).
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;

  /**
   * A regular expression the token must match before the function is called.
   * @default - every token is passed to the function
   */
  readonly validationRegex?: string;
}

/** Options for `Authorization.lambdaRequest`. */
export interface LambdaRequestAuthorizationOptions {
  /**
   * The request values the function decides on; they also form the cache key. Headers,
   * query strings, stage variables or context variables. Required while caching is on.
   */
  readonly identitySources: RequestValue[];

  /**
   * How long API Gateway caches the function's answer per identity (0 to 1 hour; 0 turns caching off).
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;
}

export class LambdaTokenStrategy implements AuthorizationStrategy {
  public readonly factory = 'Authorization.lambdaToken';

  constructor(private readonly handler: lambda.IFunction, private readonly options: LambdaTokenAuthorizationOptions) {}

  public bindRest(ctx: RestRouteContext): RestMethodAuthorization {
    const prop = `${ctx.authorizationProp} Authorization.lambdaToken`;
    const source = this.options.identitySource ?? RequestValue.header('Authorization');
    const problems = [...cacheTtlProblems(`${prop} cacheTtl`, this.options.cacheTtl), ...source._problems(`${prop} identitySource`)];
    const regex = this.options.validationRegex;
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
    const authorizer = ctx.sharedAuthorizer(this.handler, 'Token',
      { identitySource, cacheTtl: this.options.cacheTtl?.toSeconds(), regex: this.options.validationRegex },
      (scope, id) => new apigw.TokenAuthorizer(scope, id, {
        handler: this.handler,
        identitySource,
        resultsCacheTtl: this.options.cacheTtl,
        validationRegex: this.options.validationRegex,
      }));
    return {
      authorizationType: apigw.AuthorizationType.CUSTOM,
      authorizer,
      caller: { by: this.factory, identityParameters: [source._restRequestParameter()!] },
    };
  }
}

export class LambdaRequestStrategy implements AuthorizationStrategy {
  public readonly factory = 'Authorization.lambdaRequest';

  constructor(private readonly handler: lambda.IFunction, private readonly options: LambdaRequestAuthorizationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketRouteAuthorization {
    return webSocketRequestAuthorizer(ctx, this.handler, this.options);
  }

  public bindRest(ctx: RestRouteContext): RestMethodAuthorization {
    const prop = `${ctx.authorizationProp} Authorization.lambdaRequest`;
    throwIfProblems(ctx.scope, this.problems(prop));
    const identitySources = this.options.identitySources.map(v => v._restIdentitySource()!);
    const authorizer = ctx.sharedAuthorizer(this.handler, 'Request',
      { identitySources, cacheTtl: this.options.cacheTtl?.toSeconds() },
      (scope, id) => new apigw.RequestAuthorizer(scope, id, {
        handler: this.handler,
        identitySources,
        resultsCacheTtl: this.options.cacheTtl,
      }));
    // Headers and query strings can be cache keys; context and stage variables cannot.
    const identityParameters = this.options.identitySources.map(v => v._restRequestParameter()).filter((p): p is string => p !== undefined);
    return {
      authorizationType: apigw.AuthorizationType.CUSTOM,
      authorizer,
      caller: {
        by: identityParameters.length > 0 ? this.factory : `${this.factory} with only context or stage variable identity sources`,
        identityParameters,
      },
    };
  }

  public bindHttp(ctx: HttpRouteContext): HttpRouteAuthorization {
    return bindLambdaRequestHttp(ctx, this.handler, this.options);
  }

  private problems(prop: string): Problem[] {
    const sources = this.options.identitySources;
    const problems: Problem[] = [
      ...cacheTtlProblems(`${prop} cacheTtl`, this.options.cacheTtl),
      ...identityCacheProblems(`${prop} identitySources`, sources, this.options.cacheTtl),
    ];
    sources.forEach((source, i) => {
      problems.push(...source._problems(`${prop} identitySources[${i}]`));
      if (source._restIdentitySource() === undefined) {
        problems.push({
          code: 'InvalidAuthorization',
          prop: `${prop} identitySources[${i}]`,
          rule: 'must be a header, query string, stage variable or context variable',
          value: source,
          fix: "use e.g. RequestValue.queryString('token')",
        });
      }
    });
    return problems;
  }
}
