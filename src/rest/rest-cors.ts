import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { CorsOptions } from '../common/cors-options';

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
 * Literal CORS headers for responses API Gateway makes itself. With several origins no
 * literal fits every caller, so the response echoes the caller's `Origin` (gateway
 * responses) or carries none (mock integrations, which cannot read request headers).
 */
export function corsHeaderValues(cors: CorsOptions): { literal: Record<string, string>; gatewayResponse: Record<string, string> } {
  const single = cors.allowOrigins.length === 1 ? cors.allowOrigins[0] : undefined;
  const literal: Record<string, string> = {};
  const gatewayResponse: Record<string, string> = {};
  if (single !== undefined) {
    literal['Access-Control-Allow-Origin'] = single;
    gatewayResponse['Access-Control-Allow-Origin'] = `'${single}'`;
  } else {
    gatewayResponse['Access-Control-Allow-Origin'] = 'method.request.header.Origin';
  }
  if (single !== '*') {
    literal.Vary = 'Origin';
    gatewayResponse.Vary = "'Origin'";
  }
  if (cors.allowCredentials) {
    literal['Access-Control-Allow-Credentials'] = 'true';
    gatewayResponse['Access-Control-Allow-Credentials'] = "'true'";
  }
  if (cors.exposeHeaders && cors.exposeHeaders.length > 0) {
    literal['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(',');
    gatewayResponse['Access-Control-Expose-Headers'] = `'${cors.exposeHeaders.join(',')}'`;
  }
  return { literal, gatewayResponse };
}

/** CORS headers on API Gateway's own 4XX/5XX answers, so browsers can read the errors. */
export function addCorsGatewayResponses(api: apigw.RestApi, cors: CorsOptions): void {
  const headers = corsHeaderValues(cors).gatewayResponse;
  api.addGatewayResponse('Default4xx', { type: apigw.ResponseType.DEFAULT_4XX, responseHeaders: headers });
  api.addGatewayResponse('Default5xx', { type: apigw.ResponseType.DEFAULT_5XX, responseHeaders: headers });
}

/**
 * Method request parameters a cached route's answer depends on because of CORS: with several
 * origins the answer carries the caller's origin (a proxy backend must echo it), so `Origin`
 * is a cache key.
 */
export function corsCacheKeys(cors: CorsOptions): string[] {
  return cors.allowOrigins.length > 1 ? ['method.request.header.Origin'] : [];
}
