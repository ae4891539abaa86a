import { Arn, ArnFormat, Stack, Token, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem, warn } from '../core/errors';
import { AccessLogOptions } from '../vocabulary/access-log-options';

const PROP = 'accessLogs.encryptionKey';

/**
 * What is wrong with `accessLogs.encryptionKey`: it must be a key the gateway can use for the
 * log group it creates, in that group's Region (CloudWatch Logs uses no other).
 */
export function accessLogKeyProblems(scope: Construct, options: AccessLogOptions = {}): Problem[] {
  const key = options.encryptionKey;
  if (key === undefined) return [];
  const problems: Problem[] = [];
  if (options.logGroup) {
    problems.push({
      code: 'InvalidAccessLogs',
      prop: PROP,
      rule: 'only applies to the log group the gateway creates',
      value: key.keyArn,
      fix: 'encrypt your own log group with it, or drop accessLogs.logGroup',
    });
  }
  if (options.enabled === false) {
    problems.push({ code: 'InvalidAccessLogs', prop: PROP, rule: 'would be ignored: access logs are off', value: key.keyArn, fix: 'remove it or turn access logs on' });
  }
  const region = Stack.of(scope).region;
  const keyRegion = Token.isUnresolved(key.keyArn) ? undefined : Arn.split(key.keyArn, ArnFormat.SLASH_RESOURCE_NAME).region;
  if (keyRegion && !Token.isUnresolved(region) && keyRegion !== region) {
    problems.push({ code: 'InvalidAccessLogs', prop: PROP, rule: `must be in ${region}, the log group's Region`, value: key.keyArn, fix: `use a key made in ${region}` });
  }
  return problems;
}

/**
 * `key`, with the statement CloudWatch Logs needs added to its policy (as aws-cdk-lib does for
 * ECS's encrypted log groups): the service in the log group's Region may use the key for log
 * groups of that account and Region. Scoped to the account rather than to the one log group,
 * whose ARN would make the key depend on the group that depends on the key.
 */
export function keyForAccessLogs(scope: Construct, key: kms.IKey): kms.IKey {
  const stack = Stack.of(scope);
  const statement = new iam.PolicyStatement({
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` } },
  });
  if (!key.addToResourcePolicy(statement).statementAdded) {
    warn(scope, 'AccessLogKeyPolicyNotUpdated',
      `${PROP} ${key.keyArn} is imported, so its key policy cannot be changed here: it must allow ${JSON.stringify(stack.resolve(statement.toStatementJson()))}, or creating the access-log group fails`);
  }
  return key;
}

/** The access-log group of a gateway: the one given, else one it creates, none when turned off. */
export function accessLogGroup(scope: Construct, options: AccessLogOptions = {}): logs.ILogGroup | undefined {
  if (options.enabled === false) return undefined;
  return options.logGroup ?? new logs.LogGroup(scope, 'AccessLogs', {
    retention: options.retention ?? logs.RetentionDays.ONE_YEAR,
    encryptionKey: options.encryptionKey && keyForAccessLogs(scope, options.encryptionKey),
  });
}

/** Access-log options that contradict each other, the same on every gateway. */
export function accessLogOptionProblems(options: AccessLogOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (options.logGroup && options.retention !== undefined) {
    problems.push({
      code: 'InvalidAccessLogs',
      prop: 'accessLogs.retention',
      rule: 'only applies to the log group the gateway creates',
      value: options.retention,
      fix: 'set the retention on your own log group, or drop accessLogs.logGroup',
    });
  }
  if (options.enabled === false && (options.logGroup || options.retention !== undefined)) {
    problems.push({
      code: 'InvalidAccessLogs',
      prop: 'accessLogs.enabled',
      rule: 'is false, so logGroup and retention would be ignored',
      value: false,
      fix: 'remove logGroup/retention or turn access logs on',
    });
  }
  return problems;
}
