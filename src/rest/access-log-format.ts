import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { accessLogFormatText, COMMON_ACCESS_LOG_FIELDS } from '../shared/access-log-fields';
import { AccessLogOptions } from '../vocabulary/access-log-options';

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

/** The gateway's format: its standard fields and the user's `additionalFields`. */
export function restAccessLogFormat(options?: AccessLogOptions): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(accessLogFormatText(REST_ACCESS_LOG_FIELDS, options));
}
