import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';

/**
 * The request parameters of each HTTP API integration subtype this library uses, as API
 * Gateway's integration subtype reference lists them: every required one must be mapped,
 * and no other name is accepted (a misspelt parameter fails the deploy).
 */
export const SUBTYPE_PARAMETERS: Partial<Record<apigwv2.HttpIntegrationSubtype, { required: string[]; optional: string[] }>> = {
  [apigwv2.HttpIntegrationSubtype.SQS_SEND_MESSAGE]: {
    required: ['QueueUrl', 'MessageBody'],
    optional: ['DelaySeconds', 'MessageAttributes', 'MessageDeduplicationId', 'MessageGroupId', 'MessageSystemAttributes', 'Region'],
  },
  [apigwv2.HttpIntegrationSubtype.SQS_RECEIVE_MESSAGE]: {
    required: ['QueueUrl'],
    optional: ['AttributeNames', 'MaxNumberOfMessages', 'MessageAttributeNames', 'ReceiveRequestAttemptId', 'VisibilityTimeout', 'WaitTimeSeconds', 'Region'],
  },
  [apigwv2.HttpIntegrationSubtype.SQS_DELETE_MESSAGE]: { required: ['QueueUrl', 'ReceiptHandle'], optional: ['Region'] },
  [apigwv2.HttpIntegrationSubtype.SQS_PURGE_QUEUE]: { required: ['QueueUrl'], optional: ['Region'] },
  [apigwv2.HttpIntegrationSubtype.KINESIS_PUT_RECORD]: {
    required: ['StreamName', 'Data', 'PartitionKey'],
    optional: ['SequenceNumberForOrdering', 'ExplicitHashKey', 'Region'],
  },
  [apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_START_EXECUTION]: {
    required: ['StateMachineArn'],
    optional: ['Name', 'Input', 'Region'],
  },
  [apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION]: {
    required: ['StateMachineArn'],
    optional: ['Name', 'Input', 'Region', 'TraceHeader'],
  },
  [apigwv2.HttpIntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION]: {
    required: ['ExecutionArn'],
    optional: ['Cause', 'Error', 'Region'],
  },
  [apigwv2.HttpIntegrationSubtype.EVENTBRIDGE_PUT_EVENTS]: {
    required: ['Detail', 'DetailType', 'Source'],
    optional: ['Time', 'EventBusName', 'Resources', 'Region', 'TraceHeader'],
  },
};

/** Names missing from, or unknown to, a subtype's parameters; empty when the mapping fits. */
export function subtypeParameterMismatches(subtype: apigwv2.HttpIntegrationSubtype, names: string[]): string[] {
  const spec = SUBTYPE_PARAMETERS[subtype];
  if (!spec) return [`unsupported subtype ${subtype}`];
  const missing = spec.required.filter(name => !names.includes(name)).map(name => `missing ${name}`);
  const unknown = names.filter(name => !spec.required.includes(name) && !spec.optional.includes(name)).map(name => `unknown ${name}`);
  return [...missing, ...unknown];
}
