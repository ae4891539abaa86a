import { createHash } from 'crypto';
import { CfnElement, CfnResource, Lazy, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';

/**
 * The single owner of "does the stage need a new deployment?". Adds to the deployment's
 * logical ID a digest of every part of the API's definition (`parts`, read at synth),
 * rendered as CloudFormation and sorted by logical ID: any change to a method, integration,
 * authorizer, model, validator, gateway response or CORS preflight gives a new deployment,
 * while the order in which routes were added gives none. The same parts are hashed whether
 * they deploy as resources or folded into an OpenAPI document.
 */
export function hashDeployedParts(deployment: apigw.Deployment, parts: () => CfnResource[]): void {
  deployment.addToLogicalId(Lazy.string({
    produce: () => {
      const stack = Stack.of(deployment);
      const rendered = parts()
        .map(c => [stack.resolve((c as CfnElement).logicalId) as string, stack.resolve(c._toCloudFormation())] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return createHash('sha256').update(JSON.stringify(rendered)).digest('hex');
    },
  }));
}
