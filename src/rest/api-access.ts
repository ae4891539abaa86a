import { aws_iam as iam } from 'aws-cdk-lib';
import { brand } from '../private/shape';
import { checkValueArguments } from '../private/shapes/factories';

/**
 * A restriction on who may call a REST API, enforced by its resource policy: requests that
 * do not meet it are denied, whatever their authorization. Several restrictions must all hold.
 */
export class ApiAccess {
  /** Only requests from these public source IP ranges (CIDR); not seen through VPC endpoints. */
  public static fromSourceIps(cidrs: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromSourceIps', { cidrs });
    return new ApiAccess('fromSourceIps', 'NotIpAddress', 'aws:SourceIp', cidrs);
  }

  /** Only requests through VPC endpoints in these VPCs. */
  public static fromVpcs(vpcIds: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromVpcs', { vpcIds });
    return new ApiAccess('fromVpcs', 'StringNotEquals', 'aws:SourceVpc', vpcIds);
  }

  /** Only requests through these VPC endpoints. */
  public static fromVpcEndpoints(vpcEndpointIds: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromVpcEndpoints', { vpcEndpointIds });
    return new ApiAccess('fromVpcEndpoints', 'StringNotEquals', 'aws:SourceVpce', vpcEndpointIds);
  }

  /** Only signed requests by principals of this AWS organization (IAM-authorized routes). */
  public static fromOrganization(organizationId: string): ApiAccess {
    checkValueArguments('ApiAccess.fromOrganization', { organizationId });
    return new ApiAccess('fromOrganization', 'StringNotEquals', 'aws:PrincipalOrgID', [organizationId]);
  }

  /** @internal The factory that made it, for messages. */
  public readonly _factory: string;
  /** @internal The values it allows. */
  public readonly _values: string[];

  private constructor(factory: string, private readonly operator: string, private readonly key: string, values: string[]) {
    brand(this, 'ApiAccess');
    this._factory = factory;
    this._values = values;
  }

  /** @internal The deny statement that enforces it. */
  public _denyStatement(): iam.PolicyStatement {
    return denyInvokeUnless(this.operator, this.key, this._values);
  }
}

/** Denies `execute-api:Invoke` on the whole API when `operator` holds for `key` and `values`. */
export function denyInvokeUnless(operator: string, key: string, values: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['execute-api:Invoke'],
    resources: ['execute-api:/*'],
    conditions: { [operator]: { [key]: values } },
  });
}
