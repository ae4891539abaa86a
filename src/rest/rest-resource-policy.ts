import { Stack, Token, aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ApiAccess, invokeStatement } from './api-access';
import { Problem } from '../core/errors';

/** API Gateway's limit on a resource policy's length, in characters. */
const MAX_POLICY_CHARACTERS = 8192;
/** How long a reference (an endpoint ID, an ARN) is taken to be when estimating the length. */
const REFERENCE_CHARACTERS = 64;

/**
 * The REST API's resource policy, written so that every restriction only narrows who may call:
 *
 * 1. unsigned callers (routes without IAM: none, Cognito, Lambda authorizers) are allowed;
 * 2. signers of the accounts and organizations named in `allowOnly` are allowed, so that they
 *    can call across accounts;
 * 3. signers of any other account are denied;
 * 4. requests that do not come through the private API's VPC endpoints are denied;
 * 5. requests that do not meet a source restriction (IPs, VPCs, VPC endpoints) are denied;
 * 6. then the user's own statements.
 *
 * What this relies on, from the API Gateway developer guide ("How API Gateway resource policies
 * affect authorization workflow", "AWS condition keys that can be used in API Gateway resource
 * policies", "Use VPC endpoint policies for private APIs") and the IAM user guide ("Condition
 * operators", "Conditions with multiple context keys or values"):
 * - Once an API has a resource policy, a caller that is not IAM-authenticated gets in only if a
 *   statement allows it explicitly; a Lambda authorizer's caller is first checked against the
 *   policy's denies.
 * - For IAM-authorized routes, a caller of the API's own account gets in when either its
 *   identity policy or the resource policy allows, and a caller of another account only when
 *   both allow. So the policy never allows signers of the API's account (else any principal
 *   of the account could call without being granted) and allows other accounts only by name.
 * - `aws:PrincipalAccount` is in the request context of IAM-authorized requests only, and
 *   `aws:PrincipalOrgID` only when the signer's account is in an organization; requests
 *   without SigV4 (no Authorization header, or a bearer token) are anonymous. `Null` tests a
 *   key's presence; a negated operator such as `StringNotEquals` holds when the key is
 *   missing; several keys of one operator, and several operators, must all hold.
 * - `aws:SourceVpc` and `aws:SourceVpce` are set only for private APIs (requests through an
 *   execute-api VPC endpoint); `aws:SourceIp` is the public address, absent through them.
 */
export function restResourcePolicy(
  apiAccount: string, userPolicy: iam.PolicyDocument | undefined, access: ApiAccess[], privateEndpointIds: string[] | undefined,
): iam.PolicyDocument | undefined {
  if (access.length === 0 && privateEndpointIds === undefined) return userPolicy;
  const valuesOf = (key: string) => access.filter(a => a._key === key).flatMap(a => a._values);
  const accounts = valuesOf('aws:PrincipalAccount');
  const organizations = valuesOf('aws:PrincipalOrgID');
  const policy = new iam.PolicyDocument();
  policy.addStatements(invokeStatement('UnsignedCallers', iam.Effect.ALLOW, { Null: { 'aws:PrincipalAccount': 'true' } }));
  const notTheApiAccount = { StringNotEquals: { 'aws:PrincipalAccount': [apiAccount] } };
  if (accounts.length > 0) {
    policy.addStatements(invokeStatement('NamedAccounts', iam.Effect.ALLOW, { StringEquals: { 'aws:PrincipalAccount': accounts }, ...notTheApiAccount }));
  }
  if (organizations.length > 0) {
    policy.addStatements(invokeStatement('NamedOrganizations', iam.Effect.ALLOW, { StringEquals: { 'aws:PrincipalOrgID': organizations }, ...notTheApiAccount }));
  }
  policy.addStatements(invokeStatement('OtherSigners', iam.Effect.DENY, {
    Null: { 'aws:PrincipalAccount': 'false' },
    StringNotEquals: {
      'aws:PrincipalAccount': [apiAccount, ...accounts],
      ...(organizations.length > 0 ? { 'aws:PrincipalOrgID': organizations } : {}),
    },
  }));
  if (privateEndpointIds) {
    policy.addStatements(invokeStatement('PrivateEndpointsOnly', iam.Effect.DENY, { StringNotEquals: { 'aws:SourceVpce': privateEndpointIds } }));
  }
  access.forEach((restriction, i) => {
    if (!restriction._namesSigners) policy.addStatements(restriction._denyStatement(`AllowOnly${i}`));
  });
  if (userPolicy) policy.addStatements(...userStatements(userPolicy));
  return policy;
}

function userStatements(policy: iam.PolicyDocument): iam.PolicyStatement[] {
  const json = policy.toJSON() as { Statement?: object[] } | undefined;
  return (json?.Statement ?? []).map(s => iam.PolicyStatement.fromJson(s));
}

export function accessProblems(access: ApiAccess[], endpointType: apigw.EndpointType): Problem[] {
  const isPrivate = endpointType === apigw.EndpointType.PRIVATE;
  const problems: Problem[] = [];
  access.forEach((restriction, i) => {
    const prop = `allowOnly[${i}]`;
    problems.push(...restriction._problems(prop));
    if (isPrivate && restriction._factory === 'fromSourceIps') {
      problems.push({
        code: 'InvalidPolicy',
        prop,
        rule: 'cannot restrict a private API by source IP: requests through VPC endpoints carry no public source IP, so all would be denied',
        value: restriction._factory,
        fix: 'use ApiAccess.fromVpcs or ApiAccess.fromVpcEndpoints',
      });
    }
    if (!isPrivate && (restriction._factory === 'fromVpcs' || restriction._factory === 'fromVpcEndpoints')) {
      problems.push({
        code: 'InvalidPolicy',
        prop,
        rule: `${restriction._factory} only applies to private APIs (only requests through execute-api VPC endpoints carry a source VPC or VPC endpoint), so every request would be denied`,
        value: restriction._factory,
        fix: 'use Endpoint.privateInVpc({ vpc }), or ApiAccess.fromSourceIps for a public API',
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
