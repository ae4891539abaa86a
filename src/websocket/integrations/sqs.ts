import { webSocketServiceIntegration } from './service-integration';
import { Problem, throwIfProblems } from '../../core/errors';
import { sendMessageRequest, sendMessageResponse } from '../../templates/sqs';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { SQS_ATTRIBUTE_NAME, sqsProblems } from '../../vocabulary/integrations/sqs';
import { RequestValue } from '../../vocabulary/request-value';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/**
 * SQS SendMessage from a WebSocket route with the same template as on REST; FIFO message
 * groups typically come from the connection (`RequestValue.context('connectionId')`).
 * `optionProblems` are the checks of the options that do not depend on the gateway.
 */
export function webSocketSqs(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'sqs'>): WebSocketIntegrationBinding {
  const { queue, options: o } = spec;
  const prop = `${ctx.prop} Integration.sqs`;
  const values = webSocketRouteValues(ctx.route);
  const problems: Problem[] = sqsProblems(prop, o, queue.fifo);
  const deduplication = o.messageDeduplicationId ?? (queue.fifo ? RequestValue.context('requestId') : undefined);
  const template = {
    body: values.use(o.messageBody ?? RequestValue.body(), `${prop} messageBody`, PLACES.sqsBody),
    groupId: o.messageGroupId ? values.use(o.messageGroupId, `${prop} messageGroupId`, PLACES.sqsId) : undefined,
    deduplicationId: deduplication ? values.use(deduplication, `${prop} messageDeduplicationId`, PLACES.sqsId) : undefined,
    delaySeconds: o.delay?.toSeconds({ integral: false }),
    attributes: Object.entries(o.messageAttributes ?? {}).map(([name, value]) => {
      if (!SQS_ATTRIBUTE_NAME.test(name)) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${prop} messageAttributes`,
          rule: 'names must be 1-256 letters, digits, _ - or . (not starting with AWS. or Amazon., no .. and no . at either end)',
          value: name,
          fix: "rename the attribute, e.g. 'connection'",
        });
      }
      return { name, value: values.use(value, `${prop} messageAttributes['${name}']`, PLACES.sqsAttribute) };
    }),
  };
  throwIfProblems(ctx.scope, [...problems, ...values.problems]);

  const role = ctx.serviceRole(queue, 'Lets API Gateway send messages to this queue');
  role.allow(['sqs:SendMessage'], queue.queueArn);
  if (queue.encryptionMasterKey) role.allow(['kms:GenerateDataKey', 'kms:Decrypt'], queue.encryptionMasterKey.keyArn);
  return webSocketServiceIntegration(ctx, {
    service: 'sqs',
    path: `${queue.env.account}/${queue.queueName}`,
    role,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    requestTemplate: sendMessageRequest(template),
    responseTemplate: sendMessageResponse(),
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  });
}
