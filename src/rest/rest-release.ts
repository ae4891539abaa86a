import { CfnElement, CfnOutput, Lazy, Stack, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CanaryOptions } from './canary-options';
import { ReleaseGuard } from './release-guard';
import { Problem } from '../core/errors';

/** The deployments' description; a pinned deployment must repeat it to stay untouched. */
export const DEPLOYMENT_DESCRIPTION = 'Managed by cdk-gatehouse: replaced whenever the API changes';

const VERSION = /^[0-9a-f]{32}$/;

/**
 * Which deployments the stage serves. A deployment is a snapshot of the API taken when its
 * resource is created; the latest one's logical ID ends in a digest of the API (its
 * "version"), so it is replaced whenever the API changes. To keep serving an older version,
 * the template declares that version's deployment again, unchanged: same logical ID, same
 * properties, so CloudFormation leaves it (and its snapshot) alone.
 *
 * - no `canary`, no `pinnedVersion`: the stage serves the latest version.
 * - `canary`: the stage serves `canary.stableVersion`; the latest gets `trafficPercent`.
 * - `pinnedVersion`: the stage serves that version only (a rolled-back canary).
 */
export class RestRelease {
  /** The latest version: the digest in the latest deployment's logical ID. */
  public readonly latestVersion: string;
  private readonly prefix: string;
  private readonly latest: CfnElement;

  constructor(private readonly scope: Construct, deployment: apigw.Deployment) {
    this.latest = deployment.node.defaultChild as CfnElement;
    // getLogicalId gives the ID before aws-cdk-lib appends the digest.
    this.prefix = Stack.of(scope).getLogicalId(this.latest);
    this.latestVersion = Lazy.string({ produce: () => this.resolvedLatestId().slice(this.prefix.length) });
    new CfnOutput(scope, 'DeploymentVersion', {
      value: this.latestVersion,
      description: 'The version this deploy made; pass it as canary.stableVersion before changing the API under a canary',
    });
  }

  /** Points the stage at the stable deployment and the canary at the latest, as asked. */
  public apply(
    api: apigw.RestApi, stage: apigw.Stage, stageName: string, canary: CanaryOptions | undefined, pinnedVersion: string | undefined,
  ): void {
    const stableVersion = canary?.stableVersion ?? pinnedVersion;
    if (stableVersion === undefined) return;
    const stable = new apigw.CfnDeployment(this.scope, 'StableDeployment', {
      restApiId: api.restApiId,
      description: DEPLOYMENT_DESCRIPTION,
    });
    stable.overrideLogicalId(`${this.prefix}${stableVersion}`);
    // A version no longer in the stack would be made anew from the current code: fail the deploy then.
    ReleaseGuard.guard(this.scope, api, stage, stageName, stable, stableVersion, canary ? 'canary.stableVersion' : 'pinnedVersion');
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.deploymentId = stable.ref;
    if (canary) {
      cfnStage.canarySetting = {
        deploymentId: (this.latest as apigw.CfnDeployment).ref,
        percentTraffic: canary.trafficPercent,
        stageVariableOverrides: canary.stageVariableOverrides,
        useStageCache: canary.useStageCache ?? false,
      };
    }
    this.scope.node.addValidation({
      validate: () => (this.resolvedLatestId() === `${this.prefix}${stableVersion}`
        ? [`[InvalidCanary] ${canary ? 'canary.stableVersion' : 'pinnedVersion'} is the latest version ${stableVersion}: `
          + 'nothing has changed since it was deployed; remove canary/pinnedVersion to deploy normally']
        : []),
    });
  }

  private resolvedLatestId(): string {
    return Stack.of(this.scope).resolve(this.latest.logicalId) as string;
  }
}

/** Problems with the release props. */
export function releaseProblems(canary: CanaryOptions | undefined, pinnedVersion: string | undefined): Problem[] {
  const problems: Problem[] = [];
  if (canary && pinnedVersion !== undefined) {
    problems.push({
      code: 'InvalidCanary',
      prop: 'pinnedVersion',
      rule: 'cannot be set with canary',
      value: pinnedVersion,
      fix: 'use canary to split traffic, or pinnedVersion alone to serve one version (a rollback)',
    });
  }
  for (const [prop, version] of [['canary.stableVersion', canary?.stableVersion], ['pinnedVersion', pinnedVersion]] as const) {
    if (version !== undefined && !VERSION.test(version)) {
      problems.push({
        code: 'InvalidCanary',
        prop,
        rule: 'must be a deployment version: 32 hexadecimal digits',
        value: version,
        fix: 'copy the DeploymentVersion output of the deploy you want to keep serving',
      });
    }
  }
  // Its type and presence are checked with the other props (InvalidType).
  const percent = canary?.trafficPercent;
  if (percent !== undefined && !Token.isUnresolved(percent) && !(percent >= 0 && percent <= 100)) {
    problems.push({
      code: 'InvalidCanary',
      prop: 'canary.trafficPercent',
      rule: 'must be a number from 0 to 100',
      value: percent,
      fix: 'use e.g. 10 to send a tenth of requests to the latest version',
    });
  }
  return problems;
}
