import { Names, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { AuthorizerRegistry } from '../shared/authorizer-registry';

/** A REST API's authorizers: each named after its function or user pool. */
export class RestAuthorizers extends AuthorizerRegistry<apigw.IAuthorizer> {
  protected nameOf(owner: IConstruct | string): string {
    return typeof owner === 'string' ? owner : Names.nodeUniqueId(owner.node);
  }

  protected ownerNote(owner: IConstruct | string): string {
    return typeof owner === 'string' ? '' : ` (${owner.node.id})`;
  }
}
