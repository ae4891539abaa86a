import { Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { HTTP_RESPONSE_MAPPING, HttpResponseMapping, mappedHeaderProblems, mappedQueryStringProblems } from './backend-mapping';
import { TIMEOUT } from './service-integration-options';
import { fail, throwIfProblems } from '../../core/errors';
import { HttpRouteKey, pathParameterNames, ROUTE_METHODS } from '../../core/route-key';
import { list, map, optional, str, struct } from '../../core/shape';
import { integrationUrlProblems, URL_PLACEHOLDER, warnOnPlainHttp } from '../integration-url';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.http`. */
export interface HttpProxyIntegrationOptions {
  /**
   * The method used to call the backend.
   * @default - the route's method (`ANY` forwards the client's method)
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 29 s; longer only on regional and
   * private REST APIs after a quota increase).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;

  /**
   * Headers set on the request to the backend, each replacing the client's header of that
   * name: e.g. the caller's identity from the authorizer, or a fixed value. Headers API
   * Gateway manages (Host, Authorization, X-Forwarded-*, …) are refused. On a RestGateway a
   * value is a path parameter, query string, header, context or stage variable value, or a
   * literal; an HttpGateway also maps the body and its JSON paths. A value read from the
   * request that the request lacks may leave the client's own header of that name in place:
   * for a header the backend trusts, use a value every request has (context, a literal).
   * @default - the client's headers as they are
   */
  readonly requestHeaders?: { [name: string]: RequestValue };

  /**
   * Query strings set on the request to the backend, each replacing the client's of that
   * name (the same values as `requestHeaders`).
   * @default - the client's query strings as they are
   */
  readonly requestQueryStrings?: { [name: string]: RequestValue };

  /**
   * The path of the request to the backend, replacing the route's (HttpGateway only: on a
   * RestGateway the URL's path, with `{name}` placeholders, is the backend's path). A literal
   * starts with `/`.
   * @default - the path of the URL, placeholders filled
   */
  readonly requestPath?: RequestValue;

  /**
   * Changes to the backend's answers of given statuses: headers set or removed, a status
   * replaced (HttpGateway only: a RestGateway's HTTP proxy passes answers through).
   * @default - answers as the backend sent them
   */
  readonly responseMappings?: HttpResponseMapping[];
}

/** Checks of `Integration.http` that hold on every gateway: the URL and the method. */
export function checkHttpProxy(scope: Construct, prop: string, url: string, options: HttpProxyIntegrationOptions): void {
  throwIfProblems(scope, integrationUrlProblems(`${prop} Integration.http url`, url));
  throwIfProblems(scope, [
    ...Object.keys(options.requestHeaders ?? {}).flatMap(name => mappedHeaderProblems(`${prop} Integration.http requestHeaders`, name)),
    ...Object.keys(options.requestQueryStrings ?? {}).flatMap(name => mappedQueryStringProblems(`${prop} Integration.http requestQueryStrings`, name)),
  ]);
  warnOnPlainHttp(scope, prop, url);
  const method = options.method;
  if (method !== undefined && !(ROUTE_METHODS as readonly string[]).includes(method)) {
    fail(scope, {
      code: 'InvalidIntegration',
      prop: `${prop} Integration.http method`,
      rule: `must be one of ${ROUTE_METHODS.join(', ')}`,
      value: method,
      fix: 'use an upper-case HTTP method',
    });
  }
}

/** The `{name}` placeholders of a URL (none when the URL is a token). */
export function urlPlaceholders(url: string): string[] {
  return Token.isUnresolved(url) ? [] : [...url.matchAll(URL_PLACEHOLDER)].map(m => m[1]);
}

/** The URL's placeholders, each one a path parameter the route receives (else a synth-time error). */
export function placeholdersFromRoute(scope: Construct, prop: string, url: string, route: HttpRouteKey): string[] {
  const placeholders = urlPlaceholders(url);
  const received = pathParameterNames(route);
  const unknown = placeholders.find(name => !received.includes(name));
  if (unknown) {
    fail(scope, {
      code: 'InvalidIntegration',
      prop: `${prop} Integration.http url`,
      rule: `uses {${unknown}}, which the route does not receive`,
      value: url,
      fix: `use one of the route's path parameters (${received.map(n => `{${n}}`).join(', ') || 'none'})`,
    });
  }
  return placeholders;
}

// The shapes untyped (JavaScript) callers are checked against.

export const HTTP_PROXY_INTEGRATION_OPTIONS = struct<HttpProxyIntegrationOptions>('HttpProxyIntegrationOptions', {
  method: optional(str("'GET'")),
  timeout: TIMEOUT,
  requestHeaders: optional(map(REQUEST_VALUE, "{ 'X-Caller': RequestValue.context('identity.caller') }")),
  requestQueryStrings: optional(map(REQUEST_VALUE, "{ tenant: RequestValue.header('X-Tenant') }")),
  requestPath: optional(REQUEST_VALUE),
  responseMappings: optional(list(HTTP_RESPONSE_MAPPING)),
}, "{ method: 'GET' }");
