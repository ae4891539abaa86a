import { aws_wafv2 as wafv2 } from 'aws-cdk-lib';
import { WafManagedRuleGroup, WafRuleAction, WAF_MANAGED_RULE_GROUP, WAF_RULE_ACTION } from './waf-managed-rules';
import { Problem } from '../core/errors';
import { brand, argumentChecker, args, madeBy, required, str } from '../core/shape';

/**
 * The rules of each group as AWS documents them (groups gain rules over time: a name missing
 * here is a warning, not an error).
 */
const KNOWN_RULES: Record<WafManagedRuleGroup, readonly string[]> = {
  [WafManagedRuleGroup.IP_REPUTATION]: ['AWSManagedIPReputationList', 'AWSManagedReconnaissanceList', 'AWSManagedIPDDoSList'],
  [WafManagedRuleGroup.COMMON]: [
    'NoUserAgent_HEADER', 'UserAgent_BadBots_HEADER', 'SizeRestrictions_QUERYSTRING', 'SizeRestrictions_Cookie_HEADER',
    'SizeRestrictions_BODY', 'SizeRestrictions_URIPATH', 'EC2MetaDataSSRF_BODY', 'EC2MetaDataSSRF_COOKIE', 'EC2MetaDataSSRF_URIPATH',
    'EC2MetaDataSSRF_QUERYARGUMENTS', 'GenericLFI_QUERYARGUMENTS', 'GenericLFI_URIPATH', 'GenericLFI_BODY',
    'RestrictedExtensions_URIPATH', 'RestrictedExtensions_QUERYARGUMENTS', 'GenericRFI_QUERYARGUMENTS', 'GenericRFI_BODY',
    'GenericRFI_URIPATH', 'CrossSiteScripting_COOKIE', 'CrossSiteScripting_QUERYARGUMENTS', 'CrossSiteScripting_BODY',
    'CrossSiteScripting_URIPATH',
  ],
  [WafManagedRuleGroup.KNOWN_BAD_INPUTS]: [
    'JavaDeserializationRCE_HEADER', 'JavaDeserializationRCE_BODY', 'JavaDeserializationRCE_URIPATH', 'JavaDeserializationRCE_QUERYSTRING',
    'Host_localhost_HEADER', 'PROPFIND_METHOD', 'ExploitablePaths_URIPATH', 'Log4JRCE_HEADER', 'Log4JRCE_QUERYSTRING', 'Log4JRCE_BODY',
    'Log4JRCE_URIPATH', 'ReactJSRCE_BODY',
  ],
  [WafManagedRuleGroup.SQL_INJECTION]: [
    'SQLi_QUERYARGUMENTS', 'SQLiExtendedPatterns_QUERYARGUMENTS', 'SQLi_BODY', 'SQLiExtendedPatterns_BODY', 'SQLi_COOKIE', 'SQLi_URIPATH',
  ],
};

const RULE_NAME = /^[\w-]{1,128}$/;

/**
 * Another action for one rule of the managed rule groups of `Waf.managed`, e.g. to count
 * instead of block requests an API legitimately receives.
 */
export class WafRuleOverride {
  /**
   * Let request bodies over 8 KB through: the core rule set's `SizeRestrictions_BODY`
   * counts them instead of blocking. For APIs that take larger bodies; WAF inspects only the
   * first part of a body, so the rest reaches the backend unchecked.
   */
  public static allowLargeBodies(): WafRuleOverride {
    return new WafRuleOverride(WafManagedRuleGroup.COMMON, 'SizeRestrictions_BODY', WafRuleAction.COUNT);
  }

  /**
   * Let requests without a `User-Agent` header through (machine clients, devices): the core
   * rule set's `NoUserAgent_HEADER` counts them instead of blocking.
   */
  public static allowMissingUserAgent(): WafRuleOverride {
    return new WafRuleOverride(WafManagedRuleGroup.COMMON, 'NoUserAgent_HEADER', WafRuleAction.COUNT);
  }

  /** Any rule of the groups, by its name, e.g. `(WafManagedRuleGroup.SQL_INJECTION, 'SQLi_COOKIE', WafRuleAction.COUNT)`. */
  public static ruleAction(group: WafManagedRuleGroup, ruleName: string, action: WafRuleAction): WafRuleOverride {
    checkValueArguments('WafRuleOverride.ruleAction', { group, ruleName, action });
    return new WafRuleOverride(group, ruleName, action);
  }

  /** @internal */
  public readonly _group: WafManagedRuleGroup;
  /** @internal */
  public readonly _rule: string;
  /** @internal */
  public readonly _action: WafRuleAction;

  private constructor(group: WafManagedRuleGroup, rule: string, action: WafRuleAction) {
    brand(this, 'WafRuleOverride');
    this._group = group;
    this._rule = rule;
    this._action = action;
  }

  /** @internal `group/rule`, for messages and duplicate checks. */
  public get _key(): string {
    return `${this._group}/${this._rule}`;
  }

  /** @internal Problems with the rule's name (its types are checked by `ruleAction`). */
  public _problems(prop: string): Problem[] {
    if (RULE_NAME.test(this._rule)) return [];
    return [{
      code: 'InvalidWaf',
      prop,
      rule: 'rule names must be 1 to 128 letters, digits, _ or -',
      value: this._rule,
      fix: "copy the name from the rule group's documentation, e.g. 'SizeRestrictions_BODY'",
    }];
  }

  /** @internal Why the rule may not exist in its group, if it may not. */
  public _unknownRuleWarning(prop: string): string | undefined {
    const known = KNOWN_RULES[this._group];
    if (!known || known.includes(this._rule)) return undefined;
    return `${prop} names ${this._rule}, which is not a rule of ${this._group} as this library knows it (${known.join(', ')}): check the spelling; if AWS added the rule, acknowledge this warning`;
  }

  /** @internal The rendered override. */
  public _render(): wafv2.CfnWebACL.RuleActionOverrideProperty {
    return { name: this._rule, actionToUse: { [this._action.toLowerCase()]: {} } };
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const WAF_RULE_OVERRIDE = madeBy<WafRuleOverride>('WafRuleOverride', 'WafRuleOverride.allowLargeBodies()');

/** The arguments of each `WafRuleOverride.*` factory that takes any. */
export const WAF_RULE_OVERRIDE_FACTORIES = {
  'WafRuleOverride.ruleAction': args<{ group: WafManagedRuleGroup; ruleName: string; action: WafRuleAction }>({
    group: required(WAF_MANAGED_RULE_GROUP), ruleName: required(str("'SizeRestrictions_BODY'")), action: required(WAF_RULE_ACTION),
  }),
};

const checkValueArguments = argumentChecker(WAF_RULE_OVERRIDE_FACTORIES);
