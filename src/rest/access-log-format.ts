import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { COMMON_ACCESS_LOG_FIELDS } from '../shared/access-log-fields';

/**
 * One JSON object per request. Field names are stable: dashboards and queries depend on
 * them. Values are strings as API Gateway substitutes them (`-` when absent).
 */
export const REST_ACCESS_LOG_FIELDS: Record<string, string> = {
  ...COMMON_ACCESS_LOG_FIELDS,
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  route: '$context.httpMethod $context.resourcePath',
};

export function restAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify(REST_ACCESS_LOG_FIELDS));
}
