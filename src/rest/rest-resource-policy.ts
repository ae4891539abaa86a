import { Stack, Token, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ApiAccess, denyInvokeUnless } from './api-access';
import { Problem } from '../private/errors';

/** API Gateway's limit on a resource policy's length, in characters. */
const MAX_POLICY_CHARACTERS = 8192;
/** How long a reference (an endpoint ID, an ARN) is taken to be when estimating the length. */
const REFERENCE_CHARACTERS = 64;

/**
 * The REST API's resource policy: the user's own statements, then an allow for everyone
 * followed by one deny per restriction (each must hold), and for a private API a deny for
 * anything not coming through its VPC endpoints. Undefined when there is nothing to say.
 */
export function restResourcePolicy(
  userPolicy: iam.PolicyDocument | undefined, access: ApiAccess[], privateEndpointIds: string[] | undefined,
): iam.PolicyDocument | undefined {
  if (access.length === 0 && privateEndpointIds === undefined) return userPolicy;
  const policy = new iam.PolicyDocument();
  policy.addStatements(new iam.PolicyStatement({
    principals: [new iam.AnyPrincipal()],
    actions: ['execute-api:Invoke'],
    resources: ['execute-api:/*'],
  }));
  if (privateEndpointIds) policy.addStatements(denyInvokeUnless('StringNotEquals', 'aws:SourceVpce', privateEndpointIds));
  for (const restriction of access) policy.addStatements(restriction._denyStatement());
  if (userPolicy) policy.addStatements(...userStatements(userPolicy));
  return policy;
}

function userStatements(policy: iam.PolicyDocument): iam.PolicyStatement[] {
  const json = policy.toJSON() as { Statement?: object[] } | undefined;
  return (json?.Statement ?? []).map(s => iam.PolicyStatement.fromJson(s));
}

export function accessProblems(access: ApiAccess[], isPrivate: boolean): Problem[] {
  const problems: Problem[] = [];
  access.forEach((restriction, i) => {
    if (restriction._values.length === 0) {
      problems.push({ code: 'InvalidPolicy', prop: `allowOnly[${i}]`, rule: 'must list at least one value', value: restriction._factory, fix: 'pass the allowed values' });
    }
    if (isPrivate && restriction._factory === 'fromSourceIps') {
      problems.push({
        code: 'InvalidPolicy',
        prop: `allowOnly[${i}]`,
        rule: 'cannot restrict a private API by source IP: requests through VPC endpoints carry no public source IP, so all would be denied',
        value: restriction._factory,
        fix: 'use ApiAccess.fromVpcs or ApiAccess.fromVpcEndpoints',
      });
    }
  });
  return problems;
}

/**
 * The resource policy's length as API Gateway will count it, estimated at synth with every
 * reference taken as 64 characters; over 8,192 the deploy would fail, so synthesis does.
 */
export function policySizeProblem(scope: IConstruct, policy: iam.PolicyDocument): string | undefined {
  const resolved = Stack.of(scope).resolve(policy.toJSON());
  const text = JSON.stringify(resolved, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && ('Ref' in value || 'Fn::GetAtt' in value || 'Fn::Join' in value)) {
      return 'x'.repeat(REFERENCE_CHARACTERS);
    }
    return typeof value === 'string' && Token.isUnresolved(value) ? 'x'.repeat(REFERENCE_CHARACTERS) : value;
  });
  if (text.length <= MAX_POLICY_CHARACTERS) return undefined;
  return `[LimitExceeded] policy (the API's resource policy) must be at most ${MAX_POLICY_CHARACTERS} characters, got about ${text.length}; `
    + 'shorten it: fewer statements, CIDR ranges merged, or an organization condition instead of many accounts';
}
