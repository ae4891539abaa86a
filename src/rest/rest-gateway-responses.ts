import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { corsGatewayResponseHeaders, withCorsHeaders } from './rest-cors';
import { CorsOptions } from '../vocabulary/cors-options';
import { GatewayResponseOptions, gatewayResponseId, GatewayResponseType } from '../vocabulary/gateway-responses';

/**
 * API Gateway's own answers: those the gateway shapes (`gatewayResponses`), and with CORS the
 * 4XX and 5XX defaults. A response of its own replaces its type's default, headers included,
 * so with CORS every one carries the CORS headers, or browsers could not read it.
 * IDs come from the type (`Unauthorized`, `Default4xx`), never from order.
 */
export function addGatewayResponses(api: apigw.RestApi, shaped: readonly GatewayResponseOptions[], cors: CorsOptions | undefined): void {
  const corsHeaders = cors ? corsGatewayResponseHeaders(cors) : {};
  const byType = new Map<GatewayResponseType, GatewayResponseOptions>();
  if (cors) for (const type of [GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX]) byType.set(type, { type });
  for (const response of shaped) byType.set(response.type, response);
  for (const [type, response] of byType) {
    const headers = withCorsHeaders(corsHeaders, response.headers);
    api.addGatewayResponse(gatewayResponseId(type), {
      type: apigw.ResponseType.of(type),
      statusCode: response.statusCode === undefined ? undefined : String(response.statusCode),
      responseHeaders: Object.keys(headers).length > 0
        ? Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, `'${value}'`]))
        : undefined,
      templates: response.body === undefined ? undefined : { 'application/json': response.body },
    });
  }
}
