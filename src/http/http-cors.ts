import { aws_apigateway as apigw, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { CorsOptions } from '../vocabulary/cors-options';

/**
 * The HTTP API's own CORS configuration from ours: API Gateway answers preflights itself
 * (without authorization) and adds the headers to every response, errors included.
 */
export function toHttpCors(cors: CorsOptions): apigwv2.CorsPreflightOptions {
  return {
    allowOrigins: cors.allowOrigins,
    allowMethods: (cors.allowMethods ?? ['ANY']).map(m => (m === 'ANY' ? apigwv2.CorsHttpMethod.ANY : m as apigwv2.CorsHttpMethod)),
    allowHeaders: cors.allowHeaders ?? apigw.Cors.DEFAULT_HEADERS,
    exposeHeaders: cors.exposeHeaders,
    allowCredentials: cors.allowCredentials,
    maxAge: cors.maxAge,
  };
}
