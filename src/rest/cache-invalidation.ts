import { createHash } from 'crypto';
import { Lazy, Stack, Validations, aws_apigateway as apigw, aws_iam as iam, custom_resources as cr } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeDeployHelper } from '../shared/nag-acknowledgements';
import { UnauthorizedInvalidation } from '../vocabulary/cache-options';

/** The construct ID aws-cdk-lib gives its singleton SDK-call function. */
const SDK_CALL_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * CloudFormation's stage method settings cannot express the invalidation policy, so when it
 * differs from API Gateway's default a custom resource patches the stage: the stage-wide
 * setting and each cached route's. Its properties carry the stage's method settings, so it
 * applies the policy again whenever CloudFormation rewrites them.
 */
export function applyInvalidationPolicy(
  scope: Construct, api: apigw.RestApi, stage: apigw.Stage, policy: UnauthorizedInvalidation,
  cachedPaths: () => string[],
): void {
  const cfnStage = stage.node.defaultChild as apigw.CfnStage;
  const operations = Lazy.any({
    produce: () => ['/*/*', ...cachedPaths()].flatMap(path => [
      { op: 'replace', path: `${path}/caching/requireAuthorizationForCacheControl`, value: String(policy !== UnauthorizedInvalidation.ALLOW) },
      ...(policy === UnauthorizedInvalidation.ALLOW ? [] : [
        { op: 'replace', path: `${path}/caching/unauthorizedCacheControlHeaderStrategy`, value: policy },
      ]),
    ]),
  });
  // A digest of the stage's method settings in the physical ID: when they change, the call
  // runs again (the old physical ID is dropped, which needs no call).
  const settingsDigest = Lazy.string({
    produce: () => createHash('sha256').update(JSON.stringify(Stack.of(scope).resolve(cfnStage.methodSettings))).digest('hex').slice(0, 16),
  });
  const call: cr.AwsSdkCall = {
    service: 'APIGateway',
    action: 'updateStage',
    parameters: { restApiId: api.restApiId, stageName: stage.stageName, patchOperations: operations },
    physicalResourceId: cr.PhysicalResourceId.of(`cache-invalidation-${settingsDigest}`),
  };
  const resource = new cr.AwsCustomResource(scope, 'CacheInvalidationPolicy', {
    resourceType: 'Custom::ApiGatewayCacheInvalidationPolicy',
    onCreate: call,
    onUpdate: call,
    // API Gateway's IAM actions are HTTP verbs on resource paths: UpdateStage is PATCH.
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({ actions: ['apigateway:PATCH'], resources: [stage.stageArn] }),
    ]),
    installLatestAwsSdk: false,
  });
  resource.node.addDependency(stage);
  acknowledgeDeployHelper(resource, 'the deploy-time call that sets the stage\'s cache invalidation policy');
  // aws-cdk-lib runs every SDK call of a stack through one function it owns, at the stack's root.
  const provider = Stack.of(scope).node.tryFindChild(SDK_CALL_PROVIDER_ID);
  if (provider) {
    const reason = (why: string) => `aws-cdk-lib's shared SDK-call function (runs once per deploy to patch the stage): ${why}`;
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: reason('the managed policy only lets it write its own logs'),
      },
      { id: 'AwsSolutions-L1', reason: reason('its runtime is chosen by aws-cdk-lib') },
      { id: 'Serverless-LambdaDLQ', reason: reason('CloudFormation invokes it synchronously; a DLQ applies to asynchronous invocations') },
      { id: 'Serverless-LambdaDefaultMemorySize', reason: reason('its memory is set by aws-cdk-lib') },
      { id: 'Serverless-LambdaTracing', reason: reason('a one-call deploy helper; tracing it adds nothing') },
    );
    acknowledgeDeployHelper(provider, 'aws-cdk-lib\'s shared SDK-call function (runs once per deploy to patch the stage)');
  }
}
