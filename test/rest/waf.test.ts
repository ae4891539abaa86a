import { Stack, Token, aws_kinesisfirehose as firehose, aws_logs as logs, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  Integration, ManagedWafOptions, RestGateway, Waf, WafLogging, WafManagedRuleGroup, WafRuleAction, WafRuleOverride,
} from '../../src';
import { testStack } from '../support/app';

function webAclOf(stack: Stack): any {
  return (Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL'))[0] as any).Properties;
}

function managedRule(acl: any, group: string): any {
  return acl.Rules.find((r: any) => r.Statement.ManagedRuleGroupStatement?.Name === group).Statement.ManagedRuleGroupStatement;
}

function gateway(stack: Stack, options: ManagedWafOptions = {}): RestGateway {
  const api = new RestGateway(stack, 'Api', { waf: Waf.managed(options) });
  api.addRoute('GET /a', Integration.mock());
  return api;
}

describe('Waf', () => {
  describe('Waf.managed', () => {
    test('default: a regional web ACL of the managed rule groups, their own rule actions, metrics and sampled requests, no logging', () => {
      const stack = testStack();
      gateway(stack);
      const acl = webAclOf(stack);
      expect(acl.Scope).toBe('REGIONAL');
      expect(acl.DefaultAction).toEqual({ Allow: {} });
      expect(acl.Rules.map((r: any) => r.Statement.ManagedRuleGroupStatement.Name)).toEqual([
        'AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet',
      ]);
      expect(acl.Rules.every((r: any) => r.Statement.ManagedRuleGroupStatement.RuleActionOverrides === undefined)).toBe(true);
      expect(acl.Rules.every((r: any) => r.VisibilityConfig.CloudWatchMetricsEnabled && r.VisibilityConfig.SampledRequestsEnabled)).toBe(true);
      Template.fromStack(stack).resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
      Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
        ResourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/restapis/'), '/stages/', { Ref: Match.stringLikeRegexp('^ApiStage') }])] },
        WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiWebAcl'), 'Arn'] },
      });
    });

    test('with a rate limit: a rate-based rule per IP after the managed groups', () => {
      const stack = testStack();
      gateway(stack, { rateLimitPerFiveMinutes: 2000 });
      const rules = webAclOf(stack).Rules;
      expect(rules[4]).toEqual(expect.objectContaining({
        Name: 'RateLimitPerIp', Priority: 4, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
      }));
    });

    test.each([10, 2_000_000_000])('accepts a rate limit of %d', limit => {
      expect(() => gateway(testStack(), { rateLimitPerFiveMinutes: limit })).not.toThrow();
    });

    test.each([9, 2_000_000_001, 10.5])('throws on a rate limit of %d', limit => {
      expect(() => gateway(testStack(), { rateLimitPerFiveMinutes: limit }))
        .toThrow(/\[InvalidWaf\] waf.rateLimitPerFiveMinutes must be a whole number from 10 to 2,000,000,000/);
    });
  });

  describe('rule overrides', () => {
    test('allowLargeBodies and allowMissingUserAgent: the common rule set counts those requests instead of blocking them', () => {
      const stack = testStack();
      gateway(stack, { ruleOverrides: [WafRuleOverride.allowLargeBodies(), WafRuleOverride.allowMissingUserAgent()] });
      const acl = webAclOf(stack);
      expect(managedRule(acl, 'AWSManagedRulesCommonRuleSet').RuleActionOverrides).toEqual([
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
        { Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } },
      ]);
      expect(managedRule(acl, 'AWSManagedRulesSQLiRuleSet').RuleActionOverrides).toBeUndefined();
    });

    test.each([
      [WafRuleAction.COUNT, { Count: {} }],
      [WafRuleAction.ALLOW, { Allow: {} }],
      [WafRuleAction.BLOCK, { Block: {} }],
    ])('any rule of a group: %s', (action, rendered) => {
      const stack = testStack();
      gateway(stack, { ruleOverrides: [WafRuleOverride.ruleAction(WafManagedRuleGroup.SQL_INJECTION, 'SQLi_COOKIE', action)] });
      expect(managedRule(webAclOf(stack), 'AWSManagedRulesSQLiRuleSet').RuleActionOverrides).toEqual([{ Name: 'SQLi_COOKIE', ActionToUse: rendered }]);
    });

    test('throws when a rule is overridden twice', () => {
      expect(() => gateway(testStack(), {
        ruleOverrides: [WafRuleOverride.allowLargeBodies(), WafRuleOverride.ruleAction(WafManagedRuleGroup.COMMON, 'SizeRestrictions_BODY', WafRuleAction.BLOCK)],
      })).toThrow(/\[InvalidWaf\] waf.ruleOverrides\[1\] must name a rule not overridden before, got "AWSManagedRulesCommonRuleSet\/SizeRestrictions_BODY"; keep one override per rule/);
    });

    test.each([
      ['a malformed rule name', WafManagedRuleGroup.COMMON, 'Size Restrictions', 'COUNT',
        /\[InvalidWaf\] waf.ruleOverrides\[0\] rule names must be 1 to 128 letters, digits, _ or -, got "Size Restrictions"/],
    ])('throws on %s', (_name, group, rule, action, message) => {
      const override = WafRuleOverride.ruleAction(group as WafManagedRuleGroup, rule, action as WafRuleAction);
      expect(() => gateway(testStack(), { ruleOverrides: [override] })).toThrow(message);
    });

    test('warns about a rule name the group is not known to have', () => {
      const stack = testStack();
      gateway(stack, { ruleOverrides: [WafRuleOverride.ruleAction(WafManagedRuleGroup.COMMON, 'SizeRestrictions_BODYY', WafRuleAction.COUNT)] });
      Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp(
        'waf.ruleOverrides\\[0\\] names SizeRestrictions_BODYY, which is not a rule of AWSManagedRulesCommonRuleSet as this library knows it .*cdk-gatehouse:WafRuleNotInGroup'));
    });
  });

  describe('logging', () => {
    test('to a log group: its ARN without the :* suffix, the web ACL, and credential headers redacted', () => {
      const stack = testStack();
      const group = new logs.LogGroup(stack, 'WafLogs', { logGroupName: 'aws-waf-logs-orders' });
      gateway(stack, { logging: WafLogging.toLogGroup(group) });
      Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
        ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiWebAcl'), 'Arn'] },
        LogDestinationConfigs: [{
          'Fn::Join': ['', ['arn:aws:logs:eu-west-1:111111111111:log-group:', { Ref: Match.stringLikeRegexp('^WafLogs') }]],
        }],
        RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }, { SingleHeader: { Name: 'x-api-key' } }],
      });
    });

    test('to a bucket or a Firehose stream', () => {
      const stack = testStack();
      const bucket = s3.Bucket.fromBucketName(stack, 'Logs', 'aws-waf-logs-orders');
      new RestGateway(stack, 'A', { waf: Waf.managed({ logging: WafLogging.toBucket(bucket, { redactedHeaders: [] }) }) }).addRoute('GET /a', Integration.mock());
      const stream = firehose.DeliveryStream.fromDeliveryStreamName(stack, 'Stream', 'aws-waf-logs-stream');
      new RestGateway(stack, 'B', { waf: Waf.managed({ logging: WafLogging.toFirehose(stream, { redactedHeaders: ['x-session'] }) }) })
        .addRoute('GET /a', Integration.mock());
      const configs = Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::LoggingConfiguration')).map((r: any) => r.Properties);
      expect(configs).toEqual([
        expect.objectContaining({ LogDestinationConfigs: ['arn:aws:s3:::aws-waf-logs-orders'] }),
        expect.objectContaining({
          LogDestinationConfigs: ['arn:aws:firehose:eu-west-1:111111111111:deliverystream/aws-waf-logs-stream'],
          RedactedFields: [{ SingleHeader: { Name: 'x-session' } }],
        }),
      ]);
      expect(configs[0].RedactedFields).toBeUndefined();
    });

    test.each<[string, (stack: Stack) => WafLogging, RegExp]>([
      ['a log group named otherwise', stack => WafLogging.toLogGroup(logs.LogGroup.fromLogGroupName(stack, 'G', '/aws/waf/orders')),
        /\[InvalidWaf\] waf.logging log group name must start with aws-waf-logs- \(WAF delivers only to destinations named so\), got "\/aws\/waf\/orders"; name it e.g. 'aws-waf-logs-orders'/],
      ['a log group with a generated name', stack => WafLogging.toLogGroup(new logs.LogGroup(stack, 'G')),
        /\[InvalidWaf\] waf.logging log group name must start with aws-waf-logs- .*got "\(generated by CloudFormation\)"/],
      ['a bucket named otherwise', stack => WafLogging.toBucket(s3.Bucket.fromBucketName(stack, 'B', 'orders-logs')), /waf.logging bucket name must start with aws-waf-logs-.*got "orders-logs"/],
      ['a bucket with a generated name', stack => WafLogging.toBucket(new s3.Bucket(stack, 'B')), /waf.logging bucket name must start with aws-waf-logs-.*got "\(generated by CloudFormation\)"/],
      ['a stream named otherwise', stack => WafLogging.toFirehose(firehose.DeliveryStream.fromDeliveryStreamName(stack, 'F', 'orders')),
        /waf.logging Firehose stream name must start with aws-waf-logs-.*got "orders"/],
      ['a malformed redacted header', stack => WafLogging.toLogGroup(logs.LogGroup.fromLogGroupName(stack, 'G', 'aws-waf-logs-x'), { redactedHeaders: ['bad header'] }),
        /\[InvalidWaf\] waf.logging redactedHeaders\[0\] must be an HTTP header name, got "bad header"/],
    ])('throws on %s', (_name, logging, message) => {
      const stack = testStack();
      expect(() => gateway(stack, { logging: logging(stack) })).toThrow(message);
    });

    test('token names are skipped', () => {
      const stack = testStack();
      const group = logs.LogGroup.fromLogGroupName(stack, 'G', Token.asString({ Ref: 'Name' }));
      expect(() => gateway(stack, { logging: WafLogging.toLogGroup(group) })).not.toThrow();
    });
  });

  describe('Waf.fromWebAclArn', () => {
    test('associates an existing regional web ACL', () => {
      const stack = testStack();
      const arn = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
      new RestGateway(stack, 'Api', { waf: Waf.fromWebAclArn(arn) }).addRoute('GET /a', Integration.mock());
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::WAFv2::WebACL', 0);
      t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: arn });
    });

    test.each([
      ['a CloudFront (global) web ACL', 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
        /\[InvalidWaf\] waf must be a regional web ACL \(REST API stages take regional ones; global ones are for CloudFront\), got "arn:aws:wafv2:us-east-1:111111111111:global\/webacl\/edge\/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"; create the web ACL with scope REGIONAL in eu-west-1/],
      ['a web ACL of another region', 'arn:aws:wafv2:us-east-1:111111111111:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
        /\[InvalidWaf\] waf must be a web ACL in eu-west-1, the API's region, got "arn:aws:wafv2:us-east-1/],
      ['a WAF Classic ARN', 'arn:aws:waf-regional:eu-west-1:111111111111:webacl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
        /\[InvalidWaf\] waf must be a WAF web ACL ARN \(arn:<partition>:wafv2:<region>:<account>:regional\/webacl\/<name>\/<id>\), got "arn:aws:waf-regional/],
      ['not an ARN', 'shared', /\[InvalidWaf\] waf must be a WAF web ACL ARN .*got "shared"/],
    ])('throws on %s', (_name, arn, message) => {
      expect(() => new RestGateway(testStack(), 'Api', { waf: Waf.fromWebAclArn(arn) })).toThrow(message);
    });

    test('tokens are skipped', () => {
      const stack = testStack();
      expect(() => new RestGateway(stack, 'Api', { waf: Waf.fromWebAclArn(Token.asString({ Ref: 'Acl' })) })).not.toThrow();
    });
  });
});
