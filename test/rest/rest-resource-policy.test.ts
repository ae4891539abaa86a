import { Stack, aws_ec2 as ec2, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiAccess, Endpoint, Integration, RestGateway, RestGatewayProps } from '../../src';
import { testStack } from '../support/app';
import { anonymousCallerGetsIn, Caller, iamCallerGetsIn } from '../support/policy-evaluator';

const API_ACCOUNT = '111111111111';
const OTHER_ACCOUNT = '222222222222';
const THIRD_ACCOUNT = '333333333333';
const ORG = 'o-abc123def4';
const ALLOWED_IP = '203.0.113.9';

function policyOf(stack: Stack): { Statement: any[] } {
  return (Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::RestApi'))[0] as any).Properties.Policy;
}

function gatewayPolicy(props: (stack: Stack) => RestGatewayProps): { Statement: any[] } {
  const stack = testStack();
  new RestGateway(stack, 'Api', props(stack)).addRoute('GET /a', Integration.mock());
  return policyOf(stack);
}

/** A signed caller whose own account lets it call the API (what `grantInvoke` gives). */
function signedGetsIn(policy: { Statement: any[] }, caller: Caller, identityPolicyAllows = true): boolean {
  return iamCallerGetsIn(policy, caller, { apiAccount: API_ACCOUNT, identityPolicyAllows });
}

describe('RestGateway resource policy (allowOnly)', () => {
  describe('a restriction only narrows', () => {
    const policy = () => gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24'])] }));

    test('signed callers of other accounts stay out, even from an allowed IP with execute-api:Invoke of their own', () => {
      expect(signedGetsIn(policy(), { principalAccount: OTHER_ACCOUNT, sourceIp: ALLOWED_IP })).toBe(false);
    });

    test('signed callers of the API\'s account still need an identity policy (grantInvoke)', () => {
      expect(signedGetsIn(policy(), { principalAccount: API_ACCOUNT, sourceIp: ALLOWED_IP }, true)).toBe(true);
      expect(signedGetsIn(policy(), { principalAccount: API_ACCOUNT, sourceIp: ALLOWED_IP }, false)).toBe(false);
    });

    test('anonymous callers of routes without IAM get in from allowed IPs only', () => {
      expect(anonymousCallerGetsIn(policy(), { sourceIp: ALLOWED_IP })).toBe(true);
      expect(anonymousCallerGetsIn(policy(), { sourceIp: '198.51.100.1' })).toBe(false);
    });

    test('the restriction holds for callers of the API\'s account too', () => {
      expect(signedGetsIn(policy(), { principalAccount: API_ACCOUNT, sourceIp: '198.51.100.1' })).toBe(false);
    });

    test('no statement allows everyone without a condition', () => {
      const unconditional = policy().Statement.filter((s: any) => s.Effect === 'Allow' && s.Condition === undefined);
      expect(unconditional).toEqual([]);
    });
  });

  describe('private endpoints', () => {
    function privatePolicy(allowOnly: ApiAccess[] = []) {
      return gatewayPolicy(stack => ({
        endpoint: Endpoint.privateInVpc({
          vpcEndpoints: [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 })],
        }),
        allowOnly,
      }));
    }
    const throughEndpoint = { sourceVpce: 'vpce-0123456789abcdef0', sourceVpc: 'vpc-0123456789abcdef0' };

    test('signed callers of other accounts stay out, even through the endpoint', () => {
      expect(signedGetsIn(privatePolicy(), { principalAccount: OTHER_ACCOUNT, ...throughEndpoint })).toBe(false);
    });

    test('signed callers of the API\'s account get in through the endpoint with an identity policy, never without one', () => {
      expect(signedGetsIn(privatePolicy(), { principalAccount: API_ACCOUNT, ...throughEndpoint })).toBe(true);
      expect(signedGetsIn(privatePolicy(), { principalAccount: API_ACCOUNT, ...throughEndpoint }, false)).toBe(false);
      expect(signedGetsIn(privatePolicy(), { principalAccount: API_ACCOUNT, sourceVpce: 'vpce-0fffffffffffffff0' })).toBe(false);
    });

    test('anonymous callers get in through the endpoint only', () => {
      expect(anonymousCallerGetsIn(privatePolicy(), throughEndpoint)).toBe(true);
      expect(anonymousCallerGetsIn(privatePolicy(), { sourceVpce: 'vpce-0fffffffffffffff0' })).toBe(false);
    });

    test('fromVpcs narrows further', () => {
      const policy = privatePolicy([ApiAccess.fromVpcs(['vpc-0123456789abcdef0'])]);
      expect(anonymousCallerGetsIn(policy, throughEndpoint)).toBe(true);
      expect(anonymousCallerGetsIn(policy, { ...throughEndpoint, sourceVpc: 'vpc-0fffffffffffffff0' })).toBe(false);
    });
  });

  describe('naming who may sign', () => {
    test('ApiAccess.fromAccounts: principals of those accounts (with their own identity policy) and of the API\'s account', () => {
      const policy = gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromAccounts([OTHER_ACCOUNT])] }));
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT }, false)).toBe(false);
      expect(signedGetsIn(policy, { principalAccount: THIRD_ACCOUNT })).toBe(false);
      expect(signedGetsIn(policy, { principalAccount: API_ACCOUNT })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: API_ACCOUNT }, false)).toBe(false);
      expect(anonymousCallerGetsIn(policy, {})).toBe(true);
    });

    test('listing the API\'s own account does not let its principals in without an identity policy', () => {
      const policy = gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromAccounts([API_ACCOUNT, OTHER_ACCOUNT])] }));
      expect(signedGetsIn(policy, { principalAccount: API_ACCOUNT }, false)).toBe(false);
      expect(signedGetsIn(policy, { principalAccount: API_ACCOUNT })).toBe(true);
    });

    test('ApiAccess.fromOrganization: principals of the organization\'s accounts and of the API\'s account; anonymous callers of routes without IAM still get in', () => {
      const policy = gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromOrganization(ORG)] }));
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, principalOrgId: ORG })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, principalOrgId: 'o-fffffffff0' })).toBe(false);
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT })).toBe(false);
      expect(signedGetsIn(policy, { principalAccount: API_ACCOUNT, principalOrgId: ORG }, false)).toBe(false);
      expect(anonymousCallerGetsIn(policy, {})).toBe(true);
    });

    test('accounts and an organization together: a signer of either', () => {
      const policy = gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromAccounts([THIRD_ACCOUNT]), ApiAccess.fromOrganization(ORG)] }));
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, principalOrgId: ORG })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: THIRD_ACCOUNT })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: '444444444444' })).toBe(false);
    });

    test('with a source restriction, named accounts must meet it too', () => {
      const policy = gatewayPolicy(() => ({ allowOnly: [ApiAccess.fromAccounts([OTHER_ACCOUNT]), ApiAccess.fromSourceIps(['203.0.113.0/24'])] }));
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, sourceIp: ALLOWED_IP })).toBe(true);
      expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, sourceIp: '198.51.100.1' })).toBe(false);
    });
  });

  test('your own statements are kept, after the gateway\'s, and cannot let other accounts past its denies', () => {
    const own = new iam.PolicyDocument({
      statements: [new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'] })],
    });
    const policy = gatewayPolicy(() => ({ policy: own, allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24'])] }));
    expect(policy.Statement[policy.Statement.length - 1]).toEqual({ Action: 'execute-api:Invoke', Effect: 'Allow', Principal: { AWS: '*' }, Resource: 'execute-api:/*' });
    expect(signedGetsIn(policy, { principalAccount: OTHER_ACCOUNT, sourceIp: ALLOWED_IP })).toBe(false);
  });

  test('without allowOnly or a private endpoint, only your own policy (if any) is written', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock());
    expect(policyOf(stack)).toBeUndefined();
  });

  test('a policy over 8,192 characters fails synthesis', () => {
    const stack = testStack();
    const cidrs = Array.from({ length: 600 }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
    new RestGateway(stack, 'Api', { allowOnly: [ApiAccess.fromSourceIps(cidrs)] }).addRoute('GET /a', Integration.mock());
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] policy \(the API's resource policy\) must be at most 8192 characters, got about \d+/);
  });

  describe('bad input', () => {
    test.each<[string, ApiAccess, RegExp]>([
      ['an IPv4 range with a bad prefix', ApiAccess.fromSourceIps(['203.0.113.0/33']),
        /\[InvalidPolicy\] allowOnly\[0\] ApiAccess.fromSourceIps values must be IPv4 or IPv6 addresses or CIDR ranges, got "203.0.113.0\/33"; write e.g. '203.0.113.0\/24' or '2001:db8::\/32'/],
      ['an IPv4 address with a bad octet', ApiAccess.fromSourceIps(['10.0.0.256/8']), /got "10.0.0.256\/8"/],
      ['a host name', ApiAccess.fromSourceIps(['example.com']), /got "example.com"/],
      ['an IPv6 range with a bad prefix', ApiAccess.fromSourceIps(['2001:db8::/129']), /got "2001:db8::\/129"/],
      ['an IPv6 address with a bad group', ApiAccess.fromSourceIps(['2001:db8::g/64']), /got "2001:db8::g\/64"/],
      ['an empty value', ApiAccess.fromSourceIps(['']), /got ""/],
      ['an account that is not 12 digits', ApiAccess.fromAccounts(['12345']),
        /\[InvalidPolicy\] allowOnly\[0\] ApiAccess.fromAccounts values must be 12-digit AWS account IDs, got "12345"; write e.g. '123456789012'/],
      ['an organization ID of the wrong form', ApiAccess.fromOrganization('org-1'),
        /\[InvalidPolicy\] allowOnly\[0\] ApiAccess.fromOrganization values must be AWS organization IDs \(o- and 10 to 32 lower-case letters or digits\), got "org-1"/],
      ['no accounts', ApiAccess.fromAccounts([]), /\[InvalidPolicy\] allowOnly\[0\] must list at least one value/],
    ])('throws on %s', (_name, access, message) => {
      expect(() => new RestGateway(testStack(), 'Api', { allowOnly: [access] })).toThrow(message);
    });

    test('tokens are skipped', () => {
      const stack = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      expect(() => new RestGateway(stack, 'Api', {
        endpoint: Endpoint.privateInVpc({ vpc }),
        allowOnly: [ApiAccess.fromVpcs([vpc.vpcId]), ApiAccess.fromAccounts([stack.account, Stack.of(stack).resolve(stack.account)])],
      })).not.toThrow();
      expect(() => new RestGateway(stack, 'Ips', { allowOnly: [ApiAccess.fromSourceIps([vpc.vpcCidrBlock, '2001:db8::/32', '203.0.113.7'])] })).not.toThrow();
    });

    test.each([
      ['regional', Endpoint.regional(), 'fromVpcs', ApiAccess.fromVpcs(['vpc-0123456789abcdef0'])],
      ['edge', Endpoint.edge(), 'fromVpcEndpoints', ApiAccess.fromVpcEndpoints(['vpce-0123456789abcdef0'])],
    ])('throws on VPC restrictions when the endpoint is %s, as no request could meet them', (_type, endpoint, factory, access) => {
      expect(() => new RestGateway(testStack(), 'Api', { endpoint, allowOnly: [access] })).toThrow(new RegExp(
        `\\[InvalidPolicy\\] allowOnly\\[0\\] ${factory} only applies to private APIs \\(only requests through execute-api VPC endpoints carry a source VPC or VPC endpoint\\), so every request would be denied, got "${factory}"; use Endpoint.privateInVpc\\(\\{ vpc \\}\\), or ApiAccess.fromSourceIps for a public API`));
    });

    test.each([
      ['VPC ID', ApiAccess.fromVpcs(['subnet-1']), /ApiAccess.fromVpcs values must be VPC IDs \(vpc- and hex digits\), got "subnet-1"/],
      ['VPC endpoint ID', ApiAccess.fromVpcEndpoints(['vpc-1']), /ApiAccess.fromVpcEndpoints values must be VPC endpoint IDs \(vpce- and hex digits\), got "vpc-1"/],
    ])('throws on a malformed %s', (_name, access, message) => {
      const stack = testStack();
      const endpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
      expect(() => new RestGateway(stack, 'Api', { endpoint: Endpoint.privateInVpc({ vpcEndpoints: [endpoint] }), allowOnly: [access] })).toThrow(message);
    });
  });
});
