import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { sqsRoleFor } from '../../templates/sqs-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { sqsProblems } from '../../vocabulary/integrations/sqs';
import { SqsAction } from '../../vocabulary/integrations/sqs-action';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

const SUBTYPES: Record<SqsAction, apigwv2.HttpIntegrationSubtype> = {
  [SqsAction.SEND_MESSAGE]: apigwv2.HttpIntegrationSubtype.SQS_SEND_MESSAGE,
  [SqsAction.RECEIVE_MESSAGE]: apigwv2.HttpIntegrationSubtype.SQS_RECEIVE_MESSAGE,
  [SqsAction.DELETE_MESSAGE]: apigwv2.HttpIntegrationSubtype.SQS_DELETE_MESSAGE,
  [SqsAction.PURGE_QUEUE]: apigwv2.HttpIntegrationSubtype.SQS_PURGE_QUEUE,
};

/**
 * The SQS subtype of the route's action. SQS-SendMessage: the body (or `messageBody`)
 * becomes the message; FIFO queues take the group from `messageGroupId` and deduplicate on
 * the request id unless told otherwise. The others answer with SQS's own response, as every
 * HttpGateway service route does.
 */
export function bindSqsHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'sqs'>): HttpIntegrationBinding {
  const { queue, options } = spec;
  const action = options.action ?? SqsAction.SEND_MESSAGE;
  const prop = `${ctx.prop} Integration.sqs`;
  const optionProblems = sqsProblems(prop, options, queue.fifo, ctx.routeTimeout);
  const values = new HttpRouteValues(ctx);
  if (action !== SqsAction.SEND_MESSAGE) {
    const parameters: Record<string, string> = { QueueUrl: queue.queueUrl };
    const seconds = (d: typeof options.waitTime) => d === undefined ? undefined : String(d.toSeconds({ integral: false }));
    if (action === SqsAction.RECEIVE_MESSAGE) {
      parameters.MaxNumberOfMessages = String(options.maxMessages ?? 1);
      const wait = seconds(options.waitTime);
      const visibility = seconds(options.visibilityTimeout);
      if (wait !== undefined) parameters.WaitTimeSeconds = wait;
      if (visibility !== undefined) parameters.VisibilityTimeout = visibility;
    }
    if (action === SqsAction.DELETE_MESSAGE) {
      parameters.ReceiptHandle = values.use(options.receiptHandle ?? RequestValue.jsonPath('$.receiptHandle'), `${prop} receiptHandle`);
    }
    throwIfProblems(ctx.scope, [...optionProblems, ...values.problems]);
    return httpServiceIntegration(ctx, {
      target: queue, subtype: SUBTYPES[action], role: sqsRoleFor(ctx, queue, action), parameters, timeout: options.timeout,
    });
  }
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

  return httpServiceIntegration(ctx, {
    target: queue, subtype: SUBTYPES[action], role: sqsRoleFor(ctx, queue, action), parameters, timeout: options.timeout,
  });
}
