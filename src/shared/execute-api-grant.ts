import { Names, Stack, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { DefinitionStyle } from '../vocabulary/definition-style';

/** What a gateway's `grant…` methods give: actions on execute-api ARNs of the gateway. */
export interface ExecuteApiGrant {
  readonly grantee: iam.IGrantable;
  readonly actions: string[];
  readonly resourceArns: string[];
}

/** An identity that can take a policy of its own: a role, a user or a group. */
type PolicyHolder = iam.IPrincipal & { attachInlinePolicy(policy: iam.Policy): void };

/**
 * Grants execute-api actions on a gateway. With an OpenAPI definition the API's `Body` names
 * its routes' functions, so the API depends on them; a function's own role policy naming the
 * API (a function that calls its own API) would close a circle, since a function waits for its
 * role's default policy. A grant to a function of the gateway's stack then goes into a policy
 * of the gateway's own, attached to the function's role, which the function does not wait for. Every other grant,
 * and every grant with resources, stays in the identity's default policy.
 */
export function grantExecuteApi(gateway: Construct, style: DefinitionStyle, grant: ExecuteApiGrant): iam.Grant {
  const principal = grant.grantee.grantPrincipal;
  // Only a role of this stack the gateway may attach a policy to: an imported role would ignore
  // it, and a role in another stack would make the two stacks depend on each other.
  const mayCloseCircle = style === DefinitionStyle.OPENAPI && grant.grantee instanceof lambda.FunctionBase
    && principal instanceof iam.Role && Stack.of(principal) === Stack.of(gateway);
  if (!mayCloseCircle || !holdsPolicies(principal)) return iam.Grant.addToPrincipal(grant);
  const throughGatewayPolicy = new GatewayPolicyPrincipal(principal, gatewayPolicy(gateway, principal));
  return iam.Grant.addToPrincipal({ ...grant, grantee: { grantPrincipal: throughGatewayPolicy } });
}

function holdsPolicies(principal: iam.IPrincipal): principal is PolicyHolder {
  return principal instanceof Construct && typeof (principal as Partial<PolicyHolder>).attachInlinePolicy === 'function';
}

/** The gateway's policy for one identity, named after the identity's construct path (stable). */
function gatewayPolicy(gateway: Construct, principal: PolicyHolder): iam.Policy {
  const id = `Grants${Names.nodeUniqueId((principal as unknown as Construct).node)}`;
  const existing = gateway.node.tryFindChild(id);
  if (existing) return existing as iam.Policy;
  const policy = new iam.Policy(gateway, id);
  principal.attachInlinePolicy(policy);
  return policy;
}

/** The identity, except that statements granted to it go into the gateway's policy. */
class GatewayPolicyPrincipal implements iam.IPrincipal {
  public readonly grantPrincipal: iam.IPrincipal = this;
  public readonly assumeRoleAction: string;
  public readonly policyFragment: iam.PrincipalPolicyFragment;
  public readonly principalAccount?: string;

  constructor(private readonly principal: iam.IPrincipal, private readonly policy: iam.Policy) {
    this.assumeRoleAction = principal.assumeRoleAction;
    this.policyFragment = principal.policyFragment;
    this.principalAccount = principal.principalAccount;
  }

  public addToPolicy(statement: iam.PolicyStatement): boolean {
    return this.addToPrincipalPolicy(statement).statementAdded;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    const dependable: IDependable = this.policy;
    return { statementAdded: true, policyDependable: dependable };
  }

  public toString(): string {
    return this.principal.toString();
  }
}
