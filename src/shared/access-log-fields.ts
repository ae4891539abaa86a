import { Problem } from '../core/errors';
import { AccessLogOptions } from '../vocabulary/access-log-options';

/**
 * Access-log fields every gateway writes, by the same names, so one dashboard or query reads
 * the logs of all three. Each gateway adds the fields its API type has.
 */
export const COMMON_ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  sourceIp: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  user: '$context.identity.user',
  requestTime: '$context.requestTime',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  errorMessage: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

/** API Gateway's quota on an access log format (the template of one entry), in bytes. */
const MAX_FORMAT_BYTES = 3 * 1024;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The JSON access log format of a gateway: its `standard` fields, then the user's
 * `additionalFields` in name order (each `$context.<variable>`).
 */
export function accessLogFormatText(standard: Record<string, string>, options: AccessLogOptions = {}): string {
  const additional = options.additionalFields ?? {};
  const extra = Object.keys(additional).sort().map(name => [name, `$context.${additional[name]._name}`]);
  return JSON.stringify({ ...standard, ...Object.fromEntries(extra) });
}

/** What API Gateway or the logs' readers would not take in `accessLogs.additionalFields`. */
export function additionalFieldProblems(standard: Record<string, string>, options: AccessLogOptions = {}): Problem[] {
  if (options.enabled === false && Object.keys(options.additionalFields ?? {}).length > 0) {
    return [{
      code: 'InvalidAccessLogs', prop: 'accessLogs.enabled', rule: 'is false, so additionalFields would be ignored', value: false, fix: 'remove additionalFields or turn access logs on',
    }];
  }
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(options.additionalFields ?? {})) {
    const prop = `accessLogs.additionalFields['${name}']`;
    if (!FIELD_NAME.test(name)) {
      problems.push({ code: 'InvalidAccessLogs', prop, rule: 'names must be 1-64 letters, digits or _, starting with a letter', value: name, fix: "use e.g. 'tenantId'" });
    } else if (name in standard) {
      problems.push({ code: 'InvalidAccessLogs', prop, rule: 'cannot replace a standard field: queries and dashboards read it', value: name, fix: 'give the field another name' });
    }
    if (value._source !== 'context') {
      problems.push({
        code: 'InvalidAccessLogs', prop, rule: 'must be a context variable: access logs read only $context', value, fix: "use e.g. RequestValue.context('authorizer.tenantId')",
      });
    } else {
      problems.push(...value._problems(prop));
    }
  }
  if (problems.length > 0) return problems;
  const bytes = Buffer.byteLength(accessLogFormatText(standard, options));
  if (bytes > MAX_FORMAT_BYTES) {
    problems.push({
      code: 'InvalidAccessLogs',
      prop: 'accessLogs.additionalFields',
      rule: `would make the access log format ${bytes} bytes; API Gateway takes at most ${MAX_FORMAT_BYTES}`,
      value: Object.keys(options.additionalFields ?? {}),
      fix: 'log fewer additional fields',
    });
  }
  return problems;
}
