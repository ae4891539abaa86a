import { App, Stack, Validations, aws_kms as kms, aws_sns as sns, aws_sqs as sqs } from 'aws-cdk-lib';
import { HttpGateway, Integration, WebSocketGateway } from '../../src';
import { testApp, testStack } from '../support/app';
import { compliantFunction } from '../support/compliant-fixtures';
import { addNagChecks } from '../support/nag';

/**
 * HTTP and WebSocket gateways with monitoring on, through CDK's strict CloudFormation
 * validator and cdk-nag (the REST one is the golden stack restWithMonitoring). No snapshot:
 * the metric and alarm tests state what the templates hold.
 */
const STACKS: Array<[string, (app: App) => Stack]> = [
  ['HttpGateway', app => {
    const stack = testStack(app, 'HttpMonitoring');
    const api = new HttpGateway(stack, 'Api', { apiName: 'shop' });
    api.addRoute('GET /orders/{id}', Integration.lambda(compliantFunction(stack, 'Orders')), { throttle: { rateLimit: 20 } });
    api.addRoute('POST /orders', Integration.sqs(queue(stack)));
    api.addMonitoring({ alarmTopic: topic(stack), dashboardName: 'shop-monitoring' });
    return stack;
  }],
  ['WebSocketGateway', app => {
    const stack = testStack(app, 'WebSocketMonitoring');
    const api = new WebSocketGateway(stack, 'Chat', { connect: Integration.lambda(compliantFunction(stack, 'Connect')) });
    api.addRoute('sendMessage', Integration.sqs(queue(stack)));
    api.addMonitoring({ alarmTopic: topic(stack) });
    return stack;
  }],
];

function topic(stack: Stack): sns.Topic {
  return new sns.Topic(stack, 'OnCall', { enforceSSL: true, masterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns') });
}

function queue(stack: Stack): sqs.Queue {
  const q = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
  const fixture = 'a fixture queue: its dead-letter queue is not what this stack shows';
  Validations.of(q).acknowledge({ id: 'AwsSolutions-SQS3', reason: fixture }, { id: 'Serverless-SQSRedrivePolicy', reason: fixture });
  return q;
}

describe.each(STACKS)('%s with monitoring', (_name, build) => {
  test('passes the strict CloudFormation validator and cdk-nag', () => {
    const app = testApp({ strictValidation: true });
    addNagChecks(app);
    const stack = build(app);
    const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string }> };
    expect(Object.values(template.Resources).filter(r => r.Type === 'AWS::CloudWatch::Alarm').length).toBeGreaterThan(3);
    expect(Object.values(template.Resources).filter(r => r.Type === 'AWS::CloudWatch::Dashboard')).toHaveLength(1);
  });
});
