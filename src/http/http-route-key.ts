import { Problem } from '../core/errors';
import { HTTP_PATH_RULES, HttpRouteKey, parseHttpRouteKey } from '../core/route-key';

/** The catch-all route of an HTTP API: requests no other route matches. */
export const DEFAULT_ROUTE_KEY = '$default';

/**
 * Parses an HTTP API route key: the REST syntax (`GET /orders/{id}`) or `$default`, which
 * is represented as method ANY with no path segments (it receives no path parameters).
 */
export function parseHttpApiRouteKey(prop: string, key: string): HttpRouteKey | Problem[] {
  if (key === DEFAULT_ROUTE_KEY) return { key, method: 'ANY', path: DEFAULT_ROUTE_KEY, segments: [] };
  return parseHttpRouteKey(prop, key, HTTP_PATH_RULES);
}
