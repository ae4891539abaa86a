import { Aws, CustomResource, Duration, Stack, aws_apigateway as apigw, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RESPOND_SOURCE } from '../shared/custom-resource-response';
import { inlineHandlerFunction } from '../shared/inline-handler-function';

const SINGLETON_ID = 'GatehouseReleaseGuard';

/**
 * Fails a deploy whose canary (or pinned) stable version is not one the stage serves.
 *
 * The stable side of a canary is the deployment of that version, declared again unchanged so
 * that CloudFormation keeps it. A version no longer in the stack (mistyped, from an older
 * deploy, or promoted since) is a new resource to CloudFormation: it creates it, and a new
 * deployment is a snapshot of the API as it is now, so the "stable" side would serve the new
 * code. No synth-time check can see what is deployed; this guard can. It reads the stage
 * before the stage changes (the stage depends on it) and accepts the stable deployment only
 * when the stage serves it already, as its deployment or its canary's. Otherwise it fails,
 * and CloudFormation rolls the deploy back, removing the deployment it made.
 *
 * The guard runs whenever the stable deployment's ID changes, which is exactly when
 * CloudFormation created a new one. One function per stack, allowed to read the guarded
 * stages only.
 */
export class ReleaseGuard extends Construct {
  /**
   * Guards `stable`, the deployment `stage` is about to serve as the stable version.
   * `stageName` is the literal name: the stage's own attribute would make a dependency cycle.
   */
  public static guard(
    gateway: Construct, api: apigw.RestApi, stage: apigw.Stage, stageName: string, stable: apigw.CfnDeployment, version: string, prop: string,
  ): CustomResource {
    const stack = Stack.of(gateway);
    const singleton = (stack.node.tryFindChild(SINGLETON_ID) as ReleaseGuard) ?? new ReleaseGuard(stack, SINGLETON_ID);
    singleton.handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['apigateway:GET'],
      resources: [`arn:${Aws.PARTITION}:apigateway:${stack.region}::/restapis/${api.restApiId}/stages/${stageName}`],
    }));
    const guard = new CustomResource(gateway, 'ReleaseGuard', {
      serviceToken: singleton.handler.functionArn,
      resourceType: 'Custom::GatehouseReleaseGuard',
      properties: {
        RestApiId: api.restApiId,
        StageName: stageName,
        StableDeploymentId: stable.ref,
        StableVersion: version,
        Prop: prop,
      },
    });
    stage.node.addDependency(guard);
    return guard;
  }

  private readonly handler: lambda.Function;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.handler = inlineHandlerFunction(this, 'Handler', {
      source: GUARD_HANDLER_SOURCE,
      timeout: Duration.minutes(1),
      memorySize: 128,
      description: 'Fails a deploy whose canary stable version is not one the REST stage serves',
    });
  }
}

/**
 * The guard's handler (see `inlineHandlerFunction`). Its messages start with the library's
 * error code: they are what CloudFormation shows for the failed resource.
 */
export const GUARD_HANDLER_SOURCE = `
const { APIGatewayClient, GetStageCommand } = require('@aws-sdk/client-api-gateway');
const https = require('https');

async function check(props) {
  let stage;
  try {
    stage = await new APIGatewayClient({}).send(new GetStageCommand({ restApiId: props.RestApiId, stageName: props.StageName }));
  } catch (e) {
    if (e.name !== 'NotFoundException') throw e;
    throw new Error('[InvalidCanary] stage ' + props.StageName + ' does not exist yet, so it serves no version to keep serving: '
      + 'deploy once without canary or pinnedVersion, then set ' + props.Prop + ' to the DeploymentVersion output of that deploy');
  }
  const serving = [stage.deploymentId, stage.canarySettings && stage.canarySettings.deploymentId].filter(Boolean);
  if (serving.includes(props.StableDeploymentId)) return;
  throw new Error('[InvalidCanary] ' + props.Prop + ' ' + props.StableVersion + ' is not a version stage ' + props.StageName
    + ' serves (it serves deployment ' + serving.join(' and ') + '): CloudFormation made it now, from the current code, '
    + 'so it would not be the stable version. Set ' + props.Prop + ' to the DeploymentVersion output of the deploy the stage serves');
}

${RESPOND_SOURCE}
exports.handler = async (event) => {
  const props = event.ResourceProperties;
  const physicalId = props.RestApiId + '/' + props.StageName;
  try {
    if (event.RequestType !== 'Delete') await check(props);
    await respond(event, 'SUCCESS', 'OK', physicalId);
  } catch (e) {
    console.error(e);
    await respond(event, 'FAILED', e && e.message || e, physicalId);
  }
};
`;
