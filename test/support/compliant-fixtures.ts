import {
  ArnFormat, Duration, Stack, Validations, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_sqs as sqs,
  aws_stepfunctions as sfn, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Backends of the golden stacks, written as a careful user writes them: they meet the
 * Serverless and AWS Solutions rules, and what they cannot meet is acknowledged with a reason.
 */

/** A function that meets the Serverless and AWS Solutions rules. */
export function compliantFunction(stack: Stack, id: string): lambda.Function {
  const fn = new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "{}" });'),
    memorySize: 512,
    timeout: Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
  });
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'the minimal policy for writing the function\'s own logs',
    },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray accepts trace segments only on *' },
    { id: 'AwsSolutions-L1', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaLatestVersion', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaDLQ', reason: 'invoked synchronously by API Gateway; a DLQ applies to asynchronous invocations only' },
  );
  return fn;
}

/** A state machine of one Pass state with logs and tracing. */
export function compliantStateMachine(stack: Stack, id: string, type: sfn.StateMachineType): sfn.StateMachine {
  const machine = new sfn.StateMachine(stack, id, {
    stateMachineType: type,
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${id}Pass`)),
    tracingEnabled: true,
    logs: { destination: new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR }), level: sfn.LogLevel.ALL },
  });
  Validations.of(machine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray and CloudWatch Logs delivery accept only * (the state machine\'s own role, not the gateway\'s)',
  });
  return machine;
}

/**
 * Backends of the compliance golden stacks (NIST 800-53 R5, HIPAA Security, PCI DSS 3.2.1 on
 * top of the packs above), written as a careful user in a regulated account writes them.
 */

/**
 * A customer managed key for the stack's logs and queues, rotated yearly, whose policy lets
 * CloudWatch Logs in this account and Region use it (what the gateways add for their own
 * access logs, written out because the user's log groups use it too).
 */
export function regulatedKey(stack: Stack, id: string): kms.Key {
  const key = new kms.Key(stack, id, { enableKeyRotation: true, description: 'Logs and queues of this stack' });
  key.addToResourcePolicy(new iam.PolicyStatement({
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` } },
  }));
  return key;
}

/** A function with reserved concurrency and a log group encrypted with `key`. */
export function regulatedFunction(stack: Stack, id: string, key: kms.IKey): lambda.Function {
  const fn = new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "{}" });'),
    memorySize: 512,
    timeout: Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
    reservedConcurrentExecutions: 20,
    logGroup: new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key }),
  });
  const synchronous = 'invoked synchronously by API Gateway; a DLQ applies to asynchronous invocations only';
  const noVpc = 'it reaches AWS APIs only, no resource in a VPC: there is no private network to place it in';
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'the minimal policy for writing the function\'s own logs',
    },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray accepts trace segments only on *' },
    { id: 'AwsSolutions-L1', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaLatestVersion', reason: 'pinned to an LTS Node.js runtime on purpose' },
    { id: 'Serverless-LambdaDLQ', reason: synchronous },
    { id: 'NIST.800.53.R5-LambdaDLQ', reason: synchronous },
    { id: 'HIPAA.Security-LambdaDLQ', reason: synchronous },
    { id: 'NIST.800.53.R5-LambdaInsideVPC', reason: noVpc },
    { id: 'HIPAA.Security-LambdaInsideVPC', reason: noVpc },
    { id: 'PCI.DSS.321-LambdaInsideVPC', reason: noVpc },
  );
  acknowledgeInlineRolePolicy(fn, 'the function\'s own role: CDK writes the X-Ray grant as an inline policy of that role');
  return fn;
}

/** A queue encrypted with `key`, with a dead-letter queue. */
export function regulatedQueue(stack: Stack, id: string, key: kms.IKey): sqs.Queue {
  const deadLetters = new sqs.Queue(stack, `${id}DeadLetters`, { encryptionMasterKey: key, enforceSSL: true });
  Validations.of(deadLetters).acknowledge(
    { id: 'AwsSolutions-SQS3', reason: 'this is the dead-letter queue' },
    { id: 'Serverless-SQSRedrivePolicy', reason: 'this is the dead-letter queue' },
  );
  return new sqs.Queue(stack, id, { encryptionMasterKey: key, enforceSSL: true, deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 } });
}

/** A state machine of one Pass state, logging to a log group encrypted with `key`. */
export function regulatedStateMachine(stack: Stack, id: string, key: kms.IKey): sfn.StateMachine {
  const machine = new sfn.StateMachine(stack, id, {
    stateMachineType: sfn.StateMachineType.STANDARD,
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${id}Pass`)),
    tracingEnabled: true,
    logs: {
      destination: new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key }),
      level: sfn.LogLevel.ALL,
    },
  });
  Validations.of(machine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray and CloudWatch Logs delivery accept only * (the state machine\'s own role, not the gateway\'s)',
  });
  acknowledgeInlineRolePolicy(machine, 'the state machine\'s own role: CDK writes its logging and tracing grants as an inline policy of that role');
  return machine;
}

/**
 * A regional web ACL of the user's own (AWS's common rule set), logging to a log group
 * encrypted with `key`: what `Waf.fromWebAclArn` associates.
 */
export function loggedWebAcl(stack: Stack, id: string, key: kms.IKey): wafv2.CfnWebACL {
  const acl = new wafv2.CfnWebACL(stack, id, {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: id, sampledRequestsEnabled: true },
    rules: [{
      name: 'CommonRuleSet',
      priority: 0,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'CommonRuleSet', sampledRequestsEnabled: true },
    }],
  });
  // WAF logs only to log groups named aws-waf-logs-…, given by an ARN without the trailing :*.
  const logGroupName = `aws-waf-logs-${id.toLowerCase()}`;
  const logGroup = new logs.LogGroup(stack, `${id}Logs`, { logGroupName, retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
  new wafv2.CfnLoggingConfiguration(stack, `${id}Logging`, {
    resourceArn: acl.attrArn,
    logDestinationConfigs: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  });
  return acl;
}

/** Acknowledges IAMNoInlinePolicy on a construct's own role in the packs that have the rule. */
function acknowledgeInlineRolePolicy(scope: IConstruct, reason: string): void {
  Validations.of(scope).acknowledge(...['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'].map(pack => ({ id: `${pack}-IAMNoInlinePolicy`, reason })));
}
