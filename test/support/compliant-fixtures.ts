import { Duration, Stack, Validations, aws_lambda as lambda, aws_logs as logs, aws_stepfunctions as sfn } from 'aws-cdk-lib';

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
