import { createHash } from 'crypto';
import { CfnElement, CfnResource, Lazy, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** REST API parts whose change only reaches clients through a new deployment. */
const DEPLOYED_TYPES = [
  apigw.CfnResource, apigw.CfnMethod, apigw.CfnAuthorizer, apigw.CfnModel,
  apigw.CfnRequestValidator, apigw.CfnGatewayResponse,
] as const;

/**
 * The single owner of "does the stage need a new deployment?". Adds to the deployment's
 * logical ID a digest of every deployed part of the API under `roots`, rendered as
 * CloudFormation and sorted by logical ID: any change to a method, integration,
 * authorizer, model, validator, gateway response or CORS preflight gives a new deployment,
 * while the order in which routes were added gives none. (The REST API resource itself,
 * policy included, is already hashed by aws-cdk-lib.)
 */
export function hashDeployedParts(deployment: apigw.Deployment, roots: IConstruct[]): void {
  deployment.addToLogicalId(Lazy.string({
    produce: () => {
      const stack = Stack.of(deployment);
      const parts = roots
        .flatMap(root => root.node.findAll())
        .filter((c): c is CfnResource => DEPLOYED_TYPES.some(type => c instanceof type))
        .map(c => [stack.resolve((c as CfnElement).logicalId) as string, stack.resolve(c._toCloudFormation())] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
    },
  }));
}
