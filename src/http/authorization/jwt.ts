import { Token, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Problem, throwIfProblems } from '../../core/errors';
import { fixedQuotaProblem } from '../../shared/api-quota';
import { AuthorizationSpecOf } from '../../vocabulary/authorization-spec';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpRouteAuthorization, HttpRouteContext } from '../http-binding';
import { httpIdentitySource, httpMappingProblems } from '../parameter-mapping';

/** What a JWT authorizer checks, from `Authorization.jwt` or `Authorization.cognito`. */
export interface JwtAuthorizerSpec {
  /** How errors name the authorization, e.g. `addRoute('GET /a').authorization Authorization.jwt`. */
  readonly prop: string;
  /** What the authorizer is named after: the user pool, or the issuer URL. */
  readonly owner: IConstruct | string;
  /** `Jwt` or `Cognito`. */
  readonly kind: string;
  readonly issuer: string;
  readonly audiences: string[];
  readonly scopes?: string[];
  readonly identitySource?: RequestValue;
}

/** OAuth scope tokens (RFC 6749): printable ASCII without spaces, `"` or `\`. */
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** A JWT authorizer for any OpenID Connect issuer. */
export function bindJwtHttp(ctx: HttpRouteContext, spec: AuthorizationSpecOf<'jwt'>): HttpRouteAuthorization {
  return bindJwtAuthorizer(ctx, {
    prop: `${ctx.authorizationProp} Authorization.jwt`, owner: spec.options.issuer, kind: 'Jwt', ...spec.options,
  });
}

/** A route authorized by an HTTP API JWT authorizer, created once per API per issuer and audiences. */
export function bindJwtAuthorizer(ctx: HttpRouteContext, spec: JwtAuthorizerSpec): HttpRouteAuthorization {
  const source = spec.identitySource ?? RequestValue.header('Authorization');
  throwIfProblems(ctx.scope, jwtProblems(spec, source));
  const identitySource = httpIdentitySource(source)!;
  const settings = { issuer: spec.issuer, audiences: spec.audiences, identitySource };
  const authorizer = ctx.sharedAuthorizer(spec.owner, spec.kind, settings,
    (scope, id) => new apigwv2.HttpAuthorizer(scope, id, {
      httpApi: ctx.api,
      type: apigwv2.HttpAuthorizerType.JWT,
      identitySource: [identitySource],
      jwtIssuer: spec.issuer,
      jwtAudience: spec.audiences,
    }));
  const scopes = spec.scopes ?? [];
  return { authorizationType: 'JWT', authorizer, authorizationScopes: scopes.length > 0 ? scopes : undefined };
}

/** HTTP API quotas that AWS does not raise. */
const MAX_AUDIENCES = 50;
const MAX_SCOPES = 10;

function jwtProblems(spec: JwtAuthorizerSpec, source: RequestValue): Problem[] {
  const problems: Problem[] = [...httpMappingProblems(source, `${spec.prop} identitySource`)];
  if (source._source !== 'header' && source._source !== 'queryString') {
    problems.push({
      code: 'InvalidAuthorization',
      prop: `${spec.prop} identitySource`,
      rule: 'must be a header or query string (where the token is)',
      value: source,
      fix: "use RequestValue.header('Authorization') or RequestValue.queryString(name)",
    });
  }
  if (!Token.isUnresolved(spec.issuer) && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(spec.issuer)) {
    problems.push({
      code: 'InvalidAuthorization',
      prop: `${spec.prop} issuer`,
      rule: 'must be an https:// URL (the tokens\' iss claim)',
      value: spec.issuer,
      fix: "pass e.g. 'https://issuer.example.com'",
    });
  }
  if (spec.audiences.length === 0) {
    problems.push({
      code: 'InvalidAuthorization',
      prop: `${spec.prop} audiences`,
      rule: 'must name at least one audience (API Gateway refuses tokens whose aud or client_id is not listed)',
      value: [],
      fix: 'list the app client IDs or audiences your tokens carry',
    });
  }
  if (spec.audiences.length > MAX_AUDIENCES) {
    problems.push(fixedQuotaProblem(`${spec.prop} audiences`, `${spec.audiences.length} audiences`, `${spec.audiences.length} audiences on one authorizer`,
      'Audiences per authorizer', MAX_AUDIENCES, 'split the clients across authorizers (e.g. one issuer per client group)'));
  }
  if ((spec.scopes ?? []).length > MAX_SCOPES) {
    problems.push(fixedQuotaProblem(`${spec.prop} scopes`, spec.scopes, `${spec.scopes!.length} scopes on one route`,
      'Scopes per route', MAX_SCOPES, 'require fewer scopes (a token needs only one of them), e.g. one scope per resource server'));
  }
  for (const scope of spec.scopes ?? []) {
    if (!Token.isUnresolved(scope) && !SCOPE.test(scope)) {
      problems.push({
        code: 'InvalidAuthorization',
        prop: `${spec.prop} scopes`,
        rule: 'must be non-empty OAuth scopes without spaces or quotes',
        value: scope,
        fix: "use scopes as the issuer defines them, e.g. 'orders/read'",
      });
    }
  }
  return problems;
}
