import { anonymousCallerGetsIn, iamCallerGetsIn, resourcePolicyDecision } from './policy-evaluator';

const API_ACCOUNT = '111111111111';
const allowAll = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] };
const silent = { Statement: [] };
const denyAll = { Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] };

describe('policy evaluator (the model tests use)', () => {
  test.each([
    // API Gateway's table for callers of the API's own account: either policy may allow.
    ['same account, identity allows, resource silent', API_ACCOUNT, true, silent, true],
    ['same account, identity silent, resource allows', API_ACCOUNT, false, allowAll, true],
    ['same account, both silent', API_ACCOUNT, false, silent, false],
    ['same account, resource denies', API_ACCOUNT, true, denyAll, false],
    // Its table for callers of other accounts: both must allow.
    ['other account, identity allows, resource silent', '222222222222', true, silent, false],
    ['other account, both allow', '222222222222', true, allowAll, true],
    ['other account, identity silent, resource allows', '222222222222', false, allowAll, false],
  ])('%s', (_name, account, identityPolicyAllows, policy, expected) => {
    expect(iamCallerGetsIn(policy, { principalAccount: account }, { apiAccount: API_ACCOUNT, identityPolicyAllows })).toBe(expected);
  });

  test('anonymous callers need an explicit allow', () => {
    expect(anonymousCallerGetsIn(allowAll, {})).toBe(true);
    expect(anonymousCallerGetsIn(silent, {})).toBe(false);
  });

  test('conditions: negated operators hold when the key is missing, Null tests presence, IP ranges match', () => {
    const statement = (Condition: object) => ({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition }] });
    expect(resourcePolicyDecision(statement({ StringNotEquals: { 'aws:PrincipalAccount': ['1'] } }), {})).toBe('allow');
    expect(resourcePolicyDecision(statement({ StringEquals: { 'aws:PrincipalAccount': ['1'] } }), {})).toBe('neither');
    expect(resourcePolicyDecision(statement({ Null: { 'aws:PrincipalAccount': 'true' } }), {})).toBe('allow');
    expect(resourcePolicyDecision(statement({ Null: { 'aws:PrincipalAccount': 'true' } }), { principalAccount: '1' })).toBe('neither');
    expect(resourcePolicyDecision(statement({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }), { sourceIp: '203.0.113.9' })).toBe('allow');
    expect(resourcePolicyDecision(statement({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }), { sourceIp: '198.51.100.1' })).toBe('neither');
  });
});
