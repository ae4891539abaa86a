import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { allowedOriginOverride } from '../templates/cors-origin';
import { CorsOptions } from '../vocabulary/cors-options';

/** aws-cdk-lib's CORS options from ours; the defaults are documented on `CorsOptions`. */
export function toApigwCors(cors: CorsOptions): apigw.CorsOptions {
  return {
    allowOrigins: cors.allowOrigins,
    allowMethods: cors.allowMethods ?? apigw.Cors.ALL_METHODS,
    allowHeaders: cors.allowHeaders ?? apigw.Cors.DEFAULT_HEADERS,
    exposeHeaders: cors.exposeHeaders,
    allowCredentials: cors.allowCredentials,
    maxAge: cors.maxAge,
  };
}

/**
 * CORS on the responses a gateway's own mapping templates write (service and mock
 * integrations). Not exported.
 */
export interface RestCorsResponse {
  /** Literal headers every such response carries. */
  readonly headers: Record<string, string>;
  /**
   * Starts every such response template: with several origins it sends
   * `Access-Control-Allow-Origin` to a caller whose `Origin` is one of them; empty otherwise.
   */
  readonly templatePrelude: string;
}

/** No CORS: no headers, nothing in templates. */
export const NO_CORS_RESPONSE: RestCorsResponse = { headers: {}, templatePrelude: '' };

/** Several origins: no literal `Access-Control-Allow-Origin` fits every caller. */
function severalOrigins(cors: CorsOptions): boolean {
  return cors.allowOrigins.length > 1;
}

/**
 * CORS on responses of service and mock integrations. One origin (or `*`) is a literal
 * header; with several, the template echoes the caller's origin only when it is listed.
 */
export function corsResponse(cors: CorsOptions): RestCorsResponse {
  const several = severalOrigins(cors);
  const headers: Record<string, string> = {};
  if (!several) headers['Access-Control-Allow-Origin'] = cors.allowOrigins[0];
  if (several || cors.allowOrigins[0] !== '*') headers.Vary = 'Origin';
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  if (cors.exposeHeaders && cors.exposeHeaders.length > 0) headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(',');
  return { headers, templatePrelude: several ? allowedOriginOverride(cors.allowOrigins) : '' };
}

/**
 * Method request parameters a cached route's answer depends on because of CORS: with several
 * origins the answer carries the caller's origin (service and mock templates echo it, and a
 * proxy backend must), so `Origin` is a cache key.
 */
export function corsCacheKeys(cors: CorsOptions): string[] {
  return severalOrigins(cors) ? ['method.request.header.Origin'] : [];
}

/**
 * Integration response parameters for `headers` (literal values) and the method response
 * headers to declare, including `Access-Control-Allow-Origin` when a template sets it.
 */
export function responseHeaderParameters(
  cors: RestCorsResponse, headers: Record<string, string>,
): { responseParameters?: Record<string, string>; declared?: Record<string, boolean> } {
  const responseParameters: Record<string, string> = {};
  const declared: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(headers)) {
    responseParameters[`method.response.header.${name}`] = `'${value}'`;
    declared[`method.response.header.${name}`] = true;
  }
  if (cors.templatePrelude) declared['method.response.header.Access-Control-Allow-Origin'] = true;
  return {
    responseParameters: Object.keys(responseParameters).length > 0 ? responseParameters : undefined,
    declared: Object.keys(declared).length > 0 ? declared : undefined,
  };
}

/**
 * CORS headers on API Gateway's own answers, so browsers can read the errors. A gateway
 * response cannot hold a condition (its template is not Velocity), so with several origins it
 * carries no `Access-Control-Allow-Origin` and no `Allow-Credentials`: echoing the request's
 * `Origin` would allow every site, and one listed origin fits only its own callers.
 */
export function corsGatewayResponseHeaders(cors: CorsOptions): Record<string, string> {
  return Object.fromEntries(Object.entries(corsResponse(cors).headers)
    .filter(([name]) => !(severalOrigins(cors) && name === 'Access-Control-Allow-Credentials')));
}

/**
 * A response's own fixed headers next to the CORS headers. A `Vary` of its own is joined
 * with CORS's `Vary: Origin`, never in place of it: shared caches must keep one origin's
 * answer from another's.
 */
export function withCorsHeaders(corsHeaders: Record<string, string>, own: Record<string, string> = {}): Record<string, string> {
  const headers = { ...corsHeaders };
  for (const [name, value] of Object.entries(own)) {
    const corsVary = name.toLowerCase() === 'vary' ? Object.keys(headers).find(n => n.toLowerCase() === 'vary') : undefined;
    if (corsVary === undefined || Token.isUnresolved(value)) {
      headers[name] = value;
      continue;
    }
    const values = [...headers[corsVary].split(','), ...value.split(',')].map(v => v.trim()).filter(v => v !== '');
    delete headers[corsVary];
    const unique = values.filter((v, i) => values.findIndex(w => w.toLowerCase() === v.toLowerCase()) === i);
    headers[name] = unique.join(', ');
  }
  return headers;
}
