import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { pathParameterNames } from '../../core/route-key';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { checkHttpProxy, HttpProxyIntegrationOptions, placeholdersFromRoute } from '../../vocabulary/integrations/http-proxy';
import { unknownPathParameter } from '../../vocabulary/path-parameters';
import { RequestValue } from '../../vocabulary/request-value';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';

/**
 * HTTP proxy: the request goes to the URL as it came, `{name}` placeholders filled from the
 * path, with the headers and query strings the route sets.
 */
export function bindHttpProxyRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'http'>): RestIntegrationBinding {
  const { url, options } = spec;
  checkHttpProxy(ctx.scope, ctx.prop, url, options);
  const placeholders = placeholdersFromRoute(ctx.scope, ctx.prop, url, ctx.route);
  const requestParameters: Record<string, string> = {};
  for (const name of placeholders) requestParameters[`integration.request.path.${name}`] = `method.request.path.${name}`;
  const mapped = mappedParameters(ctx, `${ctx.prop} Integration.http`, options);
  Object.assign(requestParameters, mapped.integration);
  return {
    integration: new apigw.HttpIntegration(url, {
      proxy: true,
      httpMethod: options.method ?? ctx.route.method,
      options: {
        timeout: restIntegrationTimeout(ctx, options.timeout),
        requestParameters: Object.keys(requestParameters).length > 0 ? requestParameters : undefined,
      },
    }),
    requestParameters: Object.keys(mapped.method).length > 0 ? mapped.method : undefined,
  };
}

/**
 * The integration request parameters of `requestHeaders` and `requestQueryStrings`, and the
 * method request parameters they read (optional: a missing one maps to nothing).
 */
function mappedParameters(ctx: RestRouteContext, prop: string, options: HttpProxyIntegrationOptions) {
  const problems: Problem[] = [];
  for (const name of ['requestPath', 'responseMappings'] as const) {
    if (options[name] !== undefined) {
      problems.push({
        code: 'UnsupportedCombination',
        prop: `${prop} ${name}`,
        rule: 'is only supported on an HttpGateway',
        value: options[name],
        fix: name === 'requestPath' ? 'put the backend path in the URL, with {name} placeholders for path parameters' : 'set the headers in the backend, or use an HttpGateway',
      });
    }
  }
  const integration: Record<string, string> = {};
  const method: Record<string, boolean> = {};
  const pathParameters = new Set(pathParameterNames(ctx.route));
  const map = (kind: 'header' | 'querystring', name: string, value: RequestValue, at: string) => {
    const source = restSource(value, at, problems);
    const unknown = unknownPathParameter(at, value, pathParameters);
    if (unknown) problems.push(unknown);
    // Path parameters are declared by the route; headers and query strings are optional here.
    const parameter = value._source === 'pathParameter' ? undefined : value._restRequestParameter();
    if (parameter) method[parameter] = method[parameter] ?? false;
    if (source) integration[`integration.request.${kind}.${name}`] = source;
  };
  for (const [name, value] of Object.entries(options.requestHeaders ?? {})) map('header', name, value, `${prop} requestHeaders['${name}']`);
  for (const [name, value] of Object.entries(options.requestQueryStrings ?? {})) map('querystring', name, value, `${prop} requestQueryStrings['${name}']`);
  throwIfProblems(ctx.scope, problems);
  return { integration, method };
}

/** A REST integration request parameter's source for `value`, or a problem. */
function restSource(value: RequestValue, prop: string, problems: Problem[]): string | undefined {
  const own = value._problems(prop);
  if (own.length > 0) {
    problems.push(...own);
    return undefined;
  }
  // The expressions a REST mapping reads: the request's parameters, context and stage variables.
  const expression = value._restIdentitySource() ?? value._restRequestParameter();
  if (expression) return expression;
  switch (value._source) {
    case 'literal':
      if (value._name === '' || value._name.includes("'")) {
        problems.push({ code: 'InvalidRequestValue', prop, rule: "must not be empty or contain ' on a RestGateway (a mapped literal is quoted)", value, fix: "drop the ', or leave the mapping out" });
        return undefined;
      }
      return `'${value._name}'`;
    default:
      problems.push({
        code: 'UnsupportedCombination',
        prop,
        rule: 'must be a path parameter, query string, header, context or stage variable value, or a literal on a RestGateway',
        value,
        fix: 'read it from the request another way, or use an HttpGateway, which maps the body and its JSON paths',
      });
      return undefined;
  }
}
