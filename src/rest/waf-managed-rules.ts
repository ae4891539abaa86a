import { enumOf } from '../core/shape';
// The managed rule groups of `Waf.managed` and the actions of their rules, apart from
// `WafRuleOverride` so that the checks of its arguments can name them without an import cycle.

/** The AWS managed rule groups `Waf.managed` uses, in evaluation order. */
export enum WafManagedRuleGroup {
  /** Amazon IP reputation list: sources known for bots and threats. */
  IP_REPUTATION = 'AWSManagedRulesAmazonIpReputationList',
  /** Core rule set: common exploits, sizes, missing User-Agent. */
  COMMON = 'AWSManagedRulesCommonRuleSet',
  /** Known bad inputs: Log4j, Java deserialization, exploitable paths. */
  KNOWN_BAD_INPUTS = 'AWSManagedRulesKnownBadInputsRuleSet',
  /** SQL injection. */
  SQL_INJECTION = 'AWSManagedRulesSQLiRuleSet',
}

/** What a rule does with the requests it matches. */
export enum WafRuleAction {
  /** Let the request through without evaluating further rules. */
  ALLOW = 'ALLOW',
  /** Refuse the request (403). */
  BLOCK = 'BLOCK',
  /** Only count the match (metrics, sampled requests, logs) and go on. */
  COUNT = 'COUNT',
}

// The shapes untyped (JavaScript) callers are checked against.

export const WAF_MANAGED_RULE_GROUP = enumOf<WafManagedRuleGroup>('WafManagedRuleGroup', () => WafManagedRuleGroup);

export const WAF_RULE_ACTION = enumOf<WafRuleAction>('WafRuleAction', () => WafRuleAction);
