import { Token, aws_iam as iam } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { brand, argumentChecker, args, list, madeBy, required, str } from '../core/shape';
import { isIpOrCidr } from '../core/validation';

/** What each factory accepts, for the synth-time check of its values. */
const VALUES: Record<string, { readonly valid: (value: string) => boolean; readonly rule: string; readonly fix: string }> = {
  fromSourceIps: { valid: isIpOrCidr, rule: 'IPv4 or IPv6 addresses or CIDR ranges', fix: "write e.g. '203.0.113.0/24' or '2001:db8::/32'" },
  fromVpcs: { valid: v => /^vpc-[0-9a-f]{8,17}$/.test(v), rule: 'VPC IDs (vpc- and hex digits)', fix: "pass e.g. vpc.vpcId or 'vpc-0123456789abcdef0'" },
  fromVpcEndpoints: {
    valid: v => /^vpce-[0-9a-f]{8,17}$/.test(v), rule: 'VPC endpoint IDs (vpce- and hex digits)', fix: "pass e.g. endpoint.vpcEndpointId or 'vpce-0123456789abcdef0'",
  },
  fromAccounts: { valid: v => /^\d{12}$/.test(v), rule: '12-digit AWS account IDs', fix: "write e.g. '123456789012'" },
  fromOrganization: {
    valid: v => /^o-[a-z0-9]{10,32}$/.test(v), rule: 'AWS organization IDs (o- and 10 to 32 lower-case letters or digits)', fix: "write e.g. 'o-a1b2c3d4e5'",
  },
};

/**
 * Who may call a REST API, enforced by its resource policy whatever the route's authorization.
 *
 * Restrictions on where requests come from (`fromSourceIps`, `fromVpcs`, `fromVpcEndpoints`)
 * each hold for every caller. Restrictions on who signs (`fromAccounts`, `fromOrganization`)
 * name the callers of IAM-authorized routes besides the API's own account: a signed request
 * must come from one of them. Callers of routes without IAM authorization (none, Cognito,
 * Lambda authorizers) do not sign and are left to their authorizer.
 *
 * @example
 * import { ApiAccess, Integration, RestGateway } from 'cdk-gatehouse';
 *
 * const internal = new RestGateway(this, 'Internal', {
 *   allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24']), ApiAccess.fromAccounts(['222222222222'])],
 * });
 * internal.addRoute('GET /reports', Integration.lambda(fn));
 */
export class ApiAccess {
  /** Only requests from these public source IP ranges (IPv4 or IPv6 CIDR); not seen through VPC endpoints. */
  public static fromSourceIps(cidrs: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromSourceIps', { cidrs });
    return new ApiAccess('fromSourceIps', 'aws:SourceIp', cidrs);
  }

  /** Only requests through execute-api VPC endpoints in these VPCs (private APIs). */
  public static fromVpcs(vpcIds: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromVpcs', { vpcIds });
    return new ApiAccess('fromVpcs', 'aws:SourceVpc', vpcIds);
  }

  /** Only requests through these execute-api VPC endpoints (private APIs). */
  public static fromVpcEndpoints(vpcEndpointIds: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromVpcEndpoints', { vpcEndpointIds });
    return new ApiAccess('fromVpcEndpoints', 'aws:SourceVpce', vpcEndpointIds);
  }

  /**
   * Signed requests (IAM-authorized routes) by principals of these AWS accounts, besides the
   * API's own. Their principals still need an identity policy allowing `execute-api:Invoke`
   * in their own account.
   */
  public static fromAccounts(accountIds: string[]): ApiAccess {
    checkValueArguments('ApiAccess.fromAccounts', { accountIds });
    return new ApiAccess('fromAccounts', 'aws:PrincipalAccount', accountIds);
  }

  /**
   * Signed requests (IAM-authorized routes) by principals of this AWS organization's accounts,
   * besides the API's own account. Their principals still need an identity policy allowing
   * `execute-api:Invoke`.
   */
  public static fromOrganization(organizationId: string): ApiAccess {
    checkValueArguments('ApiAccess.fromOrganization', { organizationId });
    return new ApiAccess('fromOrganization', 'aws:PrincipalOrgID', [organizationId]);
  }

  /** @internal The factory that made it, for messages. */
  public readonly _factory: string;
  /** @internal The values it allows. */
  public readonly _values: string[];
  /** @internal The global condition key its values are compared with. */
  public readonly _key: string;
  /** @internal True when it names who signs rather than where requests come from. */
  public readonly _namesSigners: boolean;

  private constructor(factory: string, key: string, values: string[]) {
    brand(this, 'ApiAccess');
    this._factory = factory;
    this._key = key;
    this._values = values;
    this._namesSigners = key.startsWith('aws:Principal');
  }

  /** @internal Problems with its values (tokens are skipped). */
  public _problems(prop: string): Problem[] {
    if (this._values.length === 0) {
      return [{ code: 'InvalidPolicy', prop, rule: 'must list at least one value', value: this._factory, fix: 'pass the allowed values' }];
    }
    const { valid, rule, fix } = VALUES[this._factory];
    return this._values
      .filter(value => !Token.isUnresolved(value) && !valid(value))
      .map((value): Problem => ({ code: 'InvalidPolicy', prop, rule: `ApiAccess.${this._factory} values must be ${rule}`, value, fix }));
  }

  /** @internal The deny statement that enforces a restriction on where requests come from. */
  public _denyStatement(sid: string): iam.PolicyStatement {
    const operator = this._key === 'aws:SourceIp' ? 'NotIpAddress' : 'StringNotEquals';
    return invokeStatement(sid, iam.Effect.DENY, { [operator]: { [this._key]: this._values } });
  }
}

/** A statement on `execute-api:Invoke` of the whole API, for any principal the conditions select. */
export function invokeStatement(sid: string, effect: iam.Effect, conditions: Record<string, unknown>): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid, effect, principals: [new iam.AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'], conditions,
  });
}

// The shapes untyped (JavaScript) callers are checked against.

export const API_ACCESS = madeBy<ApiAccess>('ApiAccess', "ApiAccess.fromSourceIps(['203.0.113.0/24'])");

/** The arguments of each `ApiAccess.*` factory. */
export const API_ACCESS_FACTORIES = {
  'ApiAccess.fromSourceIps': args<{ cidrs: string[] }>({ cidrs: required(list(str("'203.0.113.0/24'"))) }),
  'ApiAccess.fromVpcs': args<{ vpcIds: string[] }>({ vpcIds: required(list(str('vpc.vpcId'))) }),
  'ApiAccess.fromVpcEndpoints': args<{ vpcEndpointIds: string[] }>({ vpcEndpointIds: required(list(str('endpoint.vpcEndpointId'))) }),
  'ApiAccess.fromAccounts': args<{ accountIds: string[] }>({ accountIds: required(list(str("'123456789012'"))) }),
  'ApiAccess.fromOrganization': args<{ organizationId: string }>({ organizationId: required(str("'o-a1b2c3d4e5'")) }),
};

const checkValueArguments = argumentChecker(API_ACCESS_FACTORIES);
