import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { accessLogFormatText, COMMON_ACCESS_LOG_FIELDS } from '../shared/access-log-fields';
import { AccessLogOptions } from '../vocabulary/access-log-options';

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

/** The gateway's format: its standard fields and the user's `additionalFields`. */
export function httpAccessLogFormat(options?: AccessLogOptions): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(accessLogFormatText(HTTP_ACCESS_LOG_FIELDS, options));
}
