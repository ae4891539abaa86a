import { Token, aws_apigateway as apigw, aws_wafv2 as wafv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WafLogging, WAF_LOGGING } from './waf-logging';
import { WafManagedRuleGroup } from './waf-managed-rules';
import { WafRuleOverride, WAF_RULE_OVERRIDE } from './waf-rule-override';
import { Problem, warn } from '../core/errors';
import { brand, argumentChecker, args, list, madeBy, num, optional, required, str, struct } from '../core/shape';

/** Options of `Waf.managed`. */
export interface ManagedWafOptions {
  /**
   * Block a client IP after this many requests in five minutes (10 to 2,000,000,000: the WAF
   * developer guide gives 10 as the lowest limit, and the WAFV2 API
   * 2,000,000,000 as the highest).
   * @default - no rate-based rule
   */
  readonly rateLimitPerFiveMinutes?: number;

  /**
   * Other actions for rules of the managed rule groups, e.g.
   * `[WafRuleOverride.allowLargeBodies()]` for an API that takes bodies over 8 KB.
   * @default - every rule acts as its group says; notably the core rule set blocks request
   * bodies over 8 KB (`SizeRestrictions_BODY`) and requests without a `User-Agent` header
   * (`NoUserAgent_HEADER`)
   */
  readonly ruleOverrides?: WafRuleOverride[];

  /**
   * Log the requests the web ACL inspects (credential headers redacted).
   * @default - no logs; CloudWatch metrics and sampled requests only
   */
  readonly logging?: WafLogging;
}

/** The AWS managed rule groups most APIs need, in evaluation order. */
const MANAGED_RULE_GROUPS = [
  WafManagedRuleGroup.IP_REPUTATION,
  WafManagedRuleGroup.COMMON,
  WafManagedRuleGroup.KNOWN_BAD_INPUTS,
  WafManagedRuleGroup.SQL_INJECTION,
];

/** arn:<partition>:wafv2:<region>:<account>:<scope>/webacl/<name>/<id> */
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:([a-z0-9-]+):\d{12}:(regional|global)\/webacl\/[\w-]{1,128}\/[\w-]+$/;

/**
 * A web application firewall in front of a REST gateway's stage (WAF protects REST APIs
 * only: HTTP and WebSocket APIs cannot be associated with a web ACL).
 *
 * @example
 * import { Integration, RestGateway, Waf } from 'cdk-gatehouse';
 *
 * const guarded = new RestGateway(this, 'Guarded', { waf: Waf.managed({ rateLimitPerFiveMinutes: 2000 }) });
 * guarded.addRoute('POST /orders', Integration.sqs(queue));
 */
export class Waf {
  /**
   * A regional web ACL the gateway creates: the AWS managed rule groups for IP reputation,
   * common attacks, known bad inputs and SQL injection, an optional rate-based rule, with
   * CloudWatch metrics and sampled requests on.
   */
  public static managed(options: ManagedWafOptions = {}): Waf {
    checkValueArguments('Waf.managed', { options });
    return new Waf(options, undefined);
  }

  /** A web ACL that exists already (a regional one, in the API's region), by its ARN. */
  public static fromWebAclArn(webAclArn: string): Waf {
    checkValueArguments('Waf.fromWebAclArn', { webAclArn });
    return new Waf({}, webAclArn);
  }

  private constructor(private readonly options: ManagedWafOptions, private readonly webAclArn: string | undefined) {
    brand(this, 'Waf');
  }

  /** @internal Problems with the options, named after `prop`, for an API in `region`. */
  public _problems(prop: string, region: string): Problem[] {
    const problems = this.webAclArn === undefined ? [] : arnProblems(prop, this.webAclArn, region);
    const limit = this.options.rateLimitPerFiveMinutes;
    if (limit !== undefined && !Token.isUnresolved(limit) && !(Number.isInteger(limit) && limit >= 10 && limit <= 2_000_000_000)) {
      problems.push({
        code: 'InvalidWaf',
        prop: `${prop}.rateLimitPerFiveMinutes`,
        rule: 'must be a whole number from 10 to 2,000,000,000',
        value: limit,
        fix: 'use e.g. 2000 requests per five minutes per IP',
      });
    }
    const overrides = this.options.ruleOverrides ?? [];
    const seen = new Set<string>();
    overrides.forEach((override, i) => {
      const at = `${prop}.ruleOverrides[${i}]`;
      problems.push(...override._problems(at));
      if (seen.has(override._key)) {
        problems.push({ code: 'InvalidWaf', prop: at, rule: 'must name a rule not overridden before', value: override._key, fix: 'keep one override per rule' });
      }
      seen.add(override._key);
    });
    if (this.options.logging) problems.push(...this.options.logging._problems(`${prop}.logging`));
    return problems;
  }

  /** @internal Creates the web ACL if managed, and associates it with `stage`. */
  public _associate(scope: Construct, stage: apigw.Stage): string {
    const arn = this.webAclArn ?? this.createWebAcl(scope).attrArn;
    associateWebAcl(scope, stage, arn);
    if (this.webAclArn === undefined) this.options.logging?._bind(scope, arn);
    return arn;
  }

  private createWebAcl(scope: Construct): wafv2.CfnWebACL {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName,
    });
    const overrides = this.options.ruleOverrides ?? [];
    overrides.forEach((override, i) => {
      const warning = override._unknownRuleWarning(`waf.ruleOverrides[${i}]`);
      if (warning) warn(scope, 'WafRuleNotInGroup', warning);
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, priority) => {
      const ruleActionOverrides = overrides.filter(o => o._group === name).map(o => o._render());
      return {
        name,
        priority,
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides: ruleActionOverrides.length > 0 ? ruleActionOverrides : undefined } },
        overrideAction: { none: {} },
        visibilityConfig: visibility(name),
      };
    });
    const limit = this.options.rateLimitPerFiveMinutes;
    if (limit !== undefined) {
      rules.push({
        name: 'RateLimitPerIp',
        priority: rules.length,
        statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } },
        action: { block: {} },
        visibilityConfig: visibility('RateLimitPerIp'),
      });
    }
    return new wafv2.CfnWebACL(scope, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rules,
      visibilityConfig: visibility('WebAcl'),
    });
  }
}

/** A REST stage takes a regional web ACL of its own region (global ones belong to CloudFront). */
function arnProblems(prop: string, arn: string, region: string): Problem[] {
  if (Token.isUnresolved(arn)) return [];
  const match = WEB_ACL_ARN.exec(arn);
  if (!match) {
    return [{
      code: 'InvalidWaf',
      prop,
      rule: 'must be a WAF web ACL ARN (arn:<partition>:wafv2:<region>:<account>:regional/webacl/<name>/<id>)',
      value: arn,
      fix: "copy the web ACL's ARN from the WAF console or the CfnWebACL's attrArn",
    }];
  }
  const [, aclRegion, scope] = match;
  if (scope === 'global') {
    return [{
      code: 'InvalidWaf',
      prop,
      rule: 'must be a regional web ACL (REST API stages take regional ones; global ones are for CloudFront)',
      value: arn,
      fix: `create the web ACL with scope REGIONAL in ${Token.isUnresolved(region) ? "the API's region" : region}`,
    }];
  }
  if (!Token.isUnresolved(region) && aclRegion !== region) {
    return [{ code: 'InvalidWaf', prop, rule: `must be a web ACL in ${region}, the API's region`, value: arn, fix: `use a regional web ACL of ${region}` }];
  }
  return [];
}

// The shapes untyped (JavaScript) callers are checked against.

export const WAF = madeBy<Waf>('Waf', 'Waf.managed()');

export const MANAGED_WAF_OPTIONS = struct<ManagedWafOptions>('ManagedWafOptions', {
  rateLimitPerFiveMinutes: optional(num('2000')),
  ruleOverrides: optional(list(WAF_RULE_OVERRIDE)),
  logging: optional(WAF_LOGGING),
}, '{ rateLimitPerFiveMinutes: 2000 }');

/** The arguments of each `Waf.*` factory that takes any. */
export const WAF_FACTORIES = {
  'Waf.managed': args<{ options?: ManagedWafOptions }>({ options: optional(MANAGED_WAF_OPTIONS) }),
  'Waf.fromWebAclArn': args<{ webAclArn: string }>({ webAclArn: required(str('webAcl.attrArn')) }),
};

const checkValueArguments = argumentChecker(WAF_FACTORIES);

/** Puts the web ACL `webAclArn` in front of `stage`: `scope`'s `WafAssociation`. */
export function associateWebAcl(scope: Construct, stage: apigw.Stage, webAclArn: string): void {
  new wafv2.CfnWebACLAssociation(scope, 'WafAssociation', { resourceArn: stage.stageArn, webAclArn });
}
