import { aws_apigateway as apigw } from 'aws-cdk-lib';

/**
 * One JSON object per WebSocket event (connect, message, disconnect). Field names are
 * stable: dashboards and queries depend on them. Values are strings as API Gateway
 * substitutes them (`-` when absent).
 */
export const WEBSOCKET_ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  connectionId: '$context.connectionId',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  messageId: '$context.messageId',
  status: '$context.status',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  integrationLatency: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  integrationError: '$context.integration.error',
  errorMessage: '$context.error.message',
  errorResponseType: '$context.error.responseType',
  authorizerError: '$context.authorizer.error',
};

export function webSocketAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify(WEBSOCKET_ACCESS_LOG_FIELDS));
}
