import { Duration, RemovalPolicy, Validations, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeDeployHelper } from './nag-acknowledgements';

/** What differs between the library's custom resource functions. */
export interface InlineHandlerProps {
  /** The handler's source, `exports.handler = async (event) => …`. */
  readonly source: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
}

/**
 * The function behind one of the library's custom resources: an inline Node.js handler (no
 * asset, so the library ships no bundle; it uses the AWS SDK v3 the runtime includes), with
 * its own log group kept a year, and the acknowledgements every such function needs.
 */
export function inlineHandlerFunction(scope: Construct, id: string, props: InlineHandlerProps): lambda.Function {
  const handlerLogs = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(props.source),
    timeout: props.timeout,
    memorySize: props.memorySize,
    logGroup: handlerLogs,
    description: props.description,
  });
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'the minimal policy for the handler to write its own logs',
    },
    { id: 'AwsSolutions-L1', reason: 'pinned to a Node.js runtime known to ship AWS SDK v3 for the inline handler' },
    { id: 'Serverless-LambdaDLQ', reason: 'a CloudFormation custom resource is invoked synchronously; a DLQ would never receive events' },
    { id: 'Serverless-LambdaTracing', reason: 'a one-shot deployment helper; tracing adds cost without insight' },
    { id: 'Serverless-LambdaLatestVersion', reason: 'pinned runtime, see AwsSolutions-L1' },
  );
  // The NIST, HIPAA and PCI packs' findings on every deploy-time helper, with their reasons.
  acknowledgeDeployHelper(fn, `the deploy-time helper (${props.description})`);
  return fn;
}
