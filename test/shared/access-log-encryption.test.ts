import { Stack, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { AccessLogOptions, HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

/** Each gateway with the given access-log options and one route. */
const GATEWAYS: Array<[string, (scope: Construct, id: string, accessLogs: AccessLogOptions) => Construct]> = [
  ['RestGateway', (scope, id, accessLogs) => {
    const api = new RestGateway(scope, id, { accessLogs });
    api.addRoute('GET /a', Integration.mock());
    return api;
  }],
  ['HttpGateway', (scope, id, accessLogs) => {
    const api = new HttpGateway(scope, id, { accessLogs });
    api.addRoute('GET /a', Integration.http('https://example.com'));
    return api;
  }],
  ['WebSocketGateway', (scope, id, accessLogs) => new WebSocketGateway(scope, id, { accessLogs, defaultRoute: Integration.mock() })],
];

/** The statement AWS documents for a key CloudWatch Logs encrypts log groups with. */
const LOGS_KEY_STATEMENT = {
  Effect: 'Allow',
  Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
  Action: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
  Resource: '*',
  Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:log-group:*' } },
};

describe.each(GATEWAYS)('%s accessLogs.encryptionKey', (_name, build) => {
  test('default: the access-log group is encrypted by CloudWatch Logs (no KMS key)', () => {
    const stack = testStack();
    build(stack, 'Api', {});
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.absent() });
  });

  test('with encryptionKey: the access-log group is encrypted with it, and its key policy lets CloudWatch Logs use it', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'LogsKey', { enableKeyRotation: true });
    const api = build(stack, 'Api', { encryptionKey: key });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LogsKey'), 'Arn'] } });
    t.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([LOGS_KEY_STATEMENT]) } });
    Annotations.fromStack(stack).hasNoWarning(`/${api.node.path}`, Match.anyValue());
  });

  test('two gateways on one key add the statement once', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'LogsKey', { enableKeyRotation: true });
    build(stack, 'One', { encryptionKey: key });
    build(stack, 'Two', { encryptionKey: key });
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(statements.filter((s: { Principal: { Service?: string } }) => s.Principal.Service === 'logs.eu-west-1.amazonaws.com')).toHaveLength(1);
  });

  test('a key in another stack of the app gets the statement in its own stack', () => {
    const stack = testStack();
    const keys = new Stack(stack.node.scope as Construct, 'Keys', { env: { account: '111111111111', region: 'eu-west-1' } });
    const key = new kms.Key(keys, 'LogsKey', { enableKeyRotation: true });
    build(stack, 'Api', { encryptionKey: key });
    Template.fromStack(keys).hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([LOGS_KEY_STATEMENT]) } });
  });

  test('an imported key is used, with a warning saying what its key policy must allow', () => {
    const stack = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const api = build(stack, 'Api', { encryptionKey: key });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    Annotations.fromStack(stack).hasWarning(`/${api.node.path}`, Match.stringLikeRegexp(
      'accessLogs.encryptionKey .* is imported.*kms:EncryptionContext:aws:logs:arn.*logs.eu-west-1.amazonaws.com.*AccessLogKeyPolicyNotUpdated'));
  });

  test.each<[string, (stack: Stack) => AccessLogOptions, RegExp]>([
    ['with logGroup', stack => ({ encryptionKey: new kms.Key(stack, 'K'), logGroup: new logs.LogGroup(stack, 'Mine') }),
      /\[InvalidAccessLogs\] accessLogs.encryptionKey only applies to the log group the gateway creates, got .*; encrypt your own log group with it, or drop accessLogs.logGroup/],
    ['with access logs off', stack => ({ enabled: false, encryptionKey: new kms.Key(stack, 'K') }),
      /\[InvalidAccessLogs\] accessLogs.encryptionKey would be ignored: access logs are off/],
    ['not a KMS key (from JavaScript)', () => ({ encryptionKey: 'arn:aws:kms:eu-west-1:111111111111:key/abc' as unknown as kms.IKey }),
      /\[InvalidType\] accessLogs.encryptionKey must be a kms.IKey \(an object with keyArn\), got "arn:aws:kms:eu-west-1:111111111111:key\/abc"; pass e.g. a kms.Key \(or kms.Key.fromKeyArn\)/],
    ['in another Region', stack => ({ encryptionKey: kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:111111111111:key/abc') }),
      /\[InvalidAccessLogs\] accessLogs.encryptionKey must be in eu-west-1, the log group's Region, got "arn:aws:kms:us-east-1:111111111111:key\/abc"/],
  ])('throws when encryptionKey is set %s', (_case, options, error) => {
    const stack = testStack();
    expect(() => build(stack, 'Api', options(stack))).toThrow(error);
  });
});
