import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { accessLogFormatText } from '../shared/access-log-fields';
import { AccessLogOptions } from '../vocabulary/access-log-options';

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

/** The gateway's format: its standard fields and the user's `additionalFields`. */
export function webSocketAccessLogFormat(options?: AccessLogOptions): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(accessLogFormatText(WEBSOCKET_ACCESS_LOG_FIELDS, options));
}
