import { isIPv4 } from 'net';

/**
 * A small model of how API Gateway decides on a request with a resource policy, so tests
 * can state who gets in rather than which statements were written. It follows the IAM
 * policy language (statements match on principal, action, resource and every condition
 * operator; an explicit deny wins) and API Gateway's outcome tables:
 *
 * - IAM-authorized routes: a caller of the API's account gets in when its identity policy
 *   or the resource policy allows; a caller of another account needs both.
 * - Routes without IAM (none, Cognito, Lambda authorizers): the caller is anonymous to IAM
 *   and the resource policy must allow explicitly.
 *
 * Only what the library writes is modelled: principals `*` or `{ AWS: '*' }`, string and
 * IPv4 address operators and `Null`.
 */

/** What API Gateway knows about a request when it evaluates the resource policy. */
export interface Caller {
  /** The signer's account; absent for unsigned requests and bearer tokens. */
  readonly principalAccount?: string;
  /** The signer's organization, when its account belongs to one. */
  readonly principalOrgId?: string;
  readonly sourceIp?: string;
  /** Set only for requests through an execute-api VPC endpoint. */
  readonly sourceVpc?: string;
  readonly sourceVpce?: string;
  /** `execute-api:/<stage>/<METHOD>/<path>`. */
  readonly resource?: string;
}

type Decision = 'allow' | 'deny' | 'neither';

/** The resource policy's own decision: an explicit deny, an allow, or neither. */
export function resourcePolicyDecision(policy: { Statement: any[] }, caller: Caller): Decision {
  let decision: Decision = 'neither';
  for (const statement of policy.Statement) {
    if (!matches(statement, caller)) continue;
    if (statement.Effect === 'Deny') return 'deny';
    decision = 'allow';
  }
  return decision;
}

/** May a signed caller call an IAM-authorized route? */
export function iamCallerGetsIn(
  policy: { Statement: any[] }, caller: Caller, options: { apiAccount: string; identityPolicyAllows: boolean },
): boolean {
  const resource = resourcePolicyDecision(policy, caller);
  if (resource === 'deny') return false;
  const sameAccount = caller.principalAccount === options.apiAccount;
  return sameAccount
    ? options.identityPolicyAllows || resource === 'allow'
    : options.identityPolicyAllows && resource === 'allow';
}

/** May an anonymous caller (no IAM signature) call a route without IAM authorization? */
export function anonymousCallerGetsIn(policy: { Statement: any[] }, caller: Caller): boolean {
  if (caller.principalAccount !== undefined) throw new Error('an anonymous caller has no principal account');
  return resourcePolicyDecision(policy, caller) === 'allow';
}

const KEYS: Record<string, keyof Caller> = {
  'aws:PrincipalAccount': 'principalAccount',
  'aws:PrincipalOrgID': 'principalOrgId',
  'aws:SourceIp': 'sourceIp',
  'aws:SourceVpc': 'sourceVpc',
  'aws:SourceVpce': 'sourceVpce',
};

function matches(statement: any, caller: Caller): boolean {
  if (![statement.Action].flat().includes('execute-api:Invoke')) return false;
  if (!principalMatches(statement.Principal)) throw new Error(`principal not modelled: ${JSON.stringify(statement.Principal)}`);
  const resource = caller.resource ?? 'execute-api:/prod/GET/a';
  if (![statement.Resource].flat().some((pattern: string) => glob(pattern).test(resource))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys as Record<string, unknown>).every(([key, expected]) => conditionHolds(operator, key, [expected].flat(), caller)));
}

function principalMatches(principal: unknown): boolean {
  return principal === '*' || (typeof principal === 'object' && (principal as { AWS?: unknown }).AWS === '*');
}

function conditionHolds(operator: string, key: string, expected: unknown[], caller: Caller): boolean {
  const field = KEYS[key];
  if (!field) throw new Error(`condition key not modelled: ${key}`);
  const actual = caller[field];
  switch (operator) {
    case 'Null': return (actual === undefined) === (String(expected[0]) === 'true');
    case 'StringEquals': return actual !== undefined && expected.includes(actual);
    // Negated operators hold when the key is missing.
    case 'StringNotEquals': return actual === undefined || !expected.includes(actual);
    case 'IpAddress': return actual !== undefined && expected.some(cidr => inCidr(actual, String(cidr)));
    case 'NotIpAddress': return actual === undefined || !expected.some(cidr => inCidr(actual, String(cidr)));
    default: throw new Error(`condition operator not modelled: ${operator}`);
  }
}

function inCidr(ip: string, cidr: string): boolean {
  const [network, bits = '32'] = cidr.split('/');
  if (!isIPv4(ip) || !isIPv4(network)) return false;
  return toBits(ip).slice(0, Number(bits)) === toBits(network).slice(0, Number(bits));
}

function toBits(ip: string): string {
  return ip.split('.').map(octet => Number(octet).toString(2).padStart(8, '0')).join('');
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
}
