import { Names, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { digest } from './http-ids';
import { AuthorizerRegistry } from '../shared/authorizer-registry';

/**
 * An HTTP API's authorizers: a function's or user pool's named after it, a JWT authorizer
 * after everything it checks (issuer, audiences, identity source).
 */
export class HttpAuthorizers extends AuthorizerRegistry<apigwv2.HttpAuthorizer> {
  protected nameOf(owner: IConstruct | string, rendered: string): string {
    return typeof owner === 'string' ? digest(rendered) : Names.nodeUniqueId(owner.node);
  }

  protected ownerNote(): string {
    return '';
  }
}
