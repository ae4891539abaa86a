import { Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { TIMEOUT } from './service-integration-options';
import { fail, throwIfProblems } from '../../core/errors';
import { HttpRouteKey, pathParameterNames, ROUTE_METHODS } from '../../core/route-key';
import { optional, str, struct } from '../../core/shape';
import { integrationUrlProblems, URL_PLACEHOLDER, warnOnPlainHttp } from '../integration-url';

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
}

/** Checks of `Integration.http` that hold on every gateway: the URL and the method. */
export function checkHttpProxy(scope: Construct, prop: string, url: string, options: HttpProxyIntegrationOptions): void {
  throwIfProblems(scope, integrationUrlProblems(`${prop} Integration.http url`, url));
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
}, "{ method: 'GET' }");
