import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { sqsProblems } from '../../vocabulary/integrations/sqs';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

/**
 * SQS-SendMessage: the body (or `messageBody`) becomes the message. FIFO queues take the
 * group from `messageGroupId` and deduplicate on the request id unless told otherwise.
 * @param optionProblems what the target found wrong with its options (FIFO rules, limits)
 */
export function bindSqsHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'sqs'>): HttpIntegrationBinding {
  const { queue, options } = spec;
  const prop = `${ctx.prop} Integration.sqs`;
  const optionProblems = sqsProblems(prop, options, queue.fifo);
  const values = new HttpRouteValues(ctx);
  const parameters: Record<string, string> = {
    QueueUrl: queue.queueUrl,
    MessageBody: values.use(options.messageBody ?? RequestValue.body(), `${prop} messageBody`),
  };
  if (options.messageGroupId) parameters.MessageGroupId = values.use(options.messageGroupId, `${prop} messageGroupId`);
  const deduplication = options.messageDeduplicationId ?? (queue.fifo ? RequestValue.context('requestId') : undefined);
  if (deduplication) parameters.MessageDeduplicationId = values.use(deduplication, `${prop} messageDeduplicationId`);
  if (options.delay) parameters.DelaySeconds = String(options.delay.toSeconds({ integral: false }));
  const problems = [...optionProblems, ...values.problems];
  if (Object.keys(options.messageAttributes ?? {}).length > 0) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} messageAttributes`,
      rule: 'are not supported on an HttpGateway (parameter mapping cannot leave out a missing attribute or escape its value)',
      value: Object.keys(options.messageAttributes!).join(', '),
      fix: 'put the values in the message body, or keep the route on RestGateway, which sends message attributes',
    });
  }
  throwIfProblems(ctx.scope, problems);

  const role = ctx.serviceRole(queue, 'Lets API Gateway send messages to this queue');
  role.allow(['sqs:SendMessage'], queue.queueArn);
  if (queue.encryptionMasterKey) role.allow(['kms:GenerateDataKey', 'kms:Decrypt'], queue.encryptionMasterKey.keyArn);
  return httpServiceIntegration(ctx, {
    target: queue, subtype: apigwv2.HttpIntegrationSubtype.SQS_SEND_MESSAGE, role, parameters, timeout: options.timeout,
  });
}
