import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { COMMON_ACCESS_LOG_FIELDS } from '../shared/access-log-fields';

/**
 * One JSON object per request, with the REST gateway's field names where the meaning is the
 * same. Field names are stable: dashboards and queries depend on them.
 */
export const HTTP_ACCESS_LOG_FIELDS: Record<string, string> = {
  ...COMMON_ACCESS_LOG_FIELDS,
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  route: '$context.routeKey',
  integrationError: '$context.integrationErrorMessage',
};

export function httpAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify(HTTP_ACCESS_LOG_FIELDS));
}
