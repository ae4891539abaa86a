import { Token, aws_apigateway as apigw, aws_wafv2 as wafv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem } from '../private/errors';
import { brand } from '../private/shape';
import { checkValueArguments } from '../private/shapes/factories';

/** Options of `Waf.managed`. */
export interface ManagedWafOptions {
  /**
   * Block a client IP after this many requests in five minutes (10 to 2,000,000,000).
   * @default - no rate-based rule
   */
  readonly rateLimitPerFiveMinutes?: number;
}

/** The AWS managed rule groups most APIs need, in evaluation order. */
const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
];

/**
 * A web application firewall in front of a REST gateway's stage (WAF protects REST APIs
 * only: HTTP and WebSocket APIs cannot be associated with a web ACL).
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

  /** A web ACL that exists already (a regional one), by its ARN. */
  public static fromWebAclArn(webAclArn: string): Waf {
    checkValueArguments('Waf.fromWebAclArn', { webAclArn });
    return new Waf({}, webAclArn);
  }

  private constructor(private readonly options: ManagedWafOptions, private readonly webAclArn: string | undefined) {
    brand(this, 'Waf');
  }

  /** @internal Problems with the options, named after `prop`. */
  public _problems(prop: string): Problem[] {
    const limit = this.options.rateLimitPerFiveMinutes;
    if (limit === undefined || Token.isUnresolved(limit) || (Number.isInteger(limit) && limit >= 10 && limit <= 2_000_000_000)) return [];
    return [{
      code: 'InvalidWaf',
      prop: `${prop}.rateLimitPerFiveMinutes`,
      rule: 'must be a whole number from 10 to 2,000,000,000',
      value: limit,
      fix: 'use e.g. 2000 requests per five minutes per IP',
    }];
  }

  /** @internal Creates the web ACL if managed, and associates it with `stage`. */
  public _associate(scope: Construct, stage: apigw.Stage): string {
    const arn = this.webAclArn ?? this.createWebAcl(scope).attrArn;
    new wafv2.CfnWebACLAssociation(scope, 'WafAssociation', { resourceArn: stage.stageArn, webAclArn: arn });
    return arn;
  }

  private createWebAcl(scope: Construct): wafv2.CfnWebACL {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName,
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, priority) => ({
      name,
      priority,
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      overrideAction: { none: {} },
      visibilityConfig: visibility(name),
    }));
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
