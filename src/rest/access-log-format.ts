import { aws_apigateway as apigw } from 'aws-cdk-lib';

/**
 * One JSON object per request. Field names are stable: dashboards and queries depend on
 * them. Values are strings as API Gateway substitutes them (`-` when absent).
 */
export const REST_ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  sourceIp: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  user: '$context.identity.user',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  route: '$context.httpMethod $context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  errorMessage: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

export function restAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify(REST_ACCESS_LOG_FIELDS));
}
