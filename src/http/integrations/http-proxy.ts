import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { HttpResponseMapping, responseMappingProblems } from '../../vocabulary/integrations/backend-mapping';
import { checkHttpProxy, HttpProxyIntegrationOptions, placeholdersFromRoute } from '../../vocabulary/integrations/http-proxy';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';
import { HttpRouteValues } from '../http-route-values';

/**
 * HTTP proxy on an HTTP API: `{name}` in the URL receives the route's path parameter of that
 * name (API Gateway substitutes it); headers, query strings and the path can be set on the
 * request, and answers changed by status. One integration per URL, method, timeout and
 * mapping.
 */
export function bindHttpProxyHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'http'>): HttpIntegrationBinding {
  const { url, options } = spec;
  checkHttpProxy(ctx.scope, ctx.prop, url, options);
  placeholdersFromRoute(ctx.scope, ctx.prop, url, ctx.route);
  const prop = `${ctx.prop} Integration.http`;
  const { mapping, problems } = requestMapping(ctx, prop, options);
  const responses = options.responseMappings ?? [];
  throwIfProblems(ctx.scope, [...problems, ...responseMappingProblems(`${prop} responseMappings`, responses)]);
  return {
    integration: ctx.integration(url, {
      integrationType: apigwv2.HttpIntegrationType.HTTP_PROXY,
      integrationUri: url,
      method: (options.method ?? ctx.route.method) as apigwv2.HttpMethod,
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
      timeout: httpIntegrationTimeout(ctx, options.timeout),
      parameterMapping: mapping,
      responseParameters: responses.length > 0 ? responseParameters(responses) : undefined,
    }),
  };
}

/** The request parameter mapping of `requestHeaders`, `requestQueryStrings` and `requestPath`, if any. */
function requestMapping(ctx: HttpRouteContext, prop: string, options: HttpProxyIntegrationOptions) {
  const values = new HttpRouteValues(ctx);
  const problems: Problem[] = [];
  const mapping = new apigwv2.ParameterMapping();
  let mapped = false;
  for (const [name, value] of Object.entries(options.requestHeaders ?? {})) {
    mapping.overwriteHeader(name, apigwv2.MappingValue.custom(values.use(value, `${prop} requestHeaders['${name}']`)));
    mapped = true;
  }
  for (const [name, value] of Object.entries(options.requestQueryStrings ?? {})) {
    mapping.overwriteQueryString(name, apigwv2.MappingValue.custom(values.use(value, `${prop} requestQueryStrings['${name}']`)));
    mapped = true;
  }
  if (options.requestPath) {
    const path = options.requestPath;
    if (path._source === 'literal' && !path._name.startsWith('/')) {
      problems.push({
        code: 'InvalidIntegration', prop: `${prop} requestPath`, rule: 'must start with / when it is a literal', value: path, fix: "write e.g. RequestValue.literal('/v2/orders')",
      });
    }
    mapping.overwritePath(apigwv2.MappingValue.custom(values.use(path, `${prop} requestPath`)));
    mapped = true;
  }
  return { mapping: mapped ? mapping : undefined, problems: [...problems, ...values.problems] };
}

type ResponseParameters = Record<string, { ResponseParameters: { Destination: string; Source: string }[] }>;

/**
 * An HTTP API's response parameters in CloudFormation's shape: per status, a list of
 * destinations and sources (CloudFormation refuses the API's own `{"append:header.x": …}` maps).
 */
function responseParameters(mappings: readonly HttpResponseMapping[]): ResponseParameters {
  const result: ResponseParameters = {};
  for (const m of mappings) {
    result[String(m.statusCode)] = {
      ResponseParameters: [
        ...Object.entries(m.headers ?? {}).map(([name, value]) => ({ Destination: `overwrite:header.${name}`, Source: value })),
        // API Gateway takes a value for a removal and ignores it.
        ...(m.removeHeaders ?? []).map(name => ({ Destination: `remove:header.${name}`, Source: "''" })),
        ...(m.newStatusCode !== undefined ? [{ Destination: 'overwrite:statuscode', Source: String(m.newStatusCode) }] : []),
      ],
    };
  }
  return result;
}
