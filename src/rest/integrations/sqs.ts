import { Problem, throwIfProblems } from '../../core/errors';
import { RouteValues } from '../../templates/route-values';
import { sendMessageRequest, sendMessageResponse } from '../../templates/sqs';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { SQS_ATTRIBUTE_NAME, sqsProblems } from '../../vocabulary/integrations/sqs';
import { RequestValue } from '../../vocabulary/request-value';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** SQS SendMessage: the request becomes a message; the client gets `{"messageId": …}`. */
export function bindSqsRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'sqs'>): RestIntegrationBinding {
  const { queue, options: o } = spec;
  const prop = `${ctx.prop} Integration.sqs`;
  const fifo = queue.fifo;
  const values = new RouteValues(ctx);
  const problems: Problem[] = [];
  const groupId = o.messageGroupId ? values.use(o.messageGroupId, `${prop} messageGroupId`, PLACES.sqsId) : undefined;
  const deduplication = o.messageDeduplicationId ?? (fifo ? RequestValue.context('requestId') : undefined);
  const template = {
    body: values.use(o.messageBody ?? RequestValue.body(), `${prop} messageBody`, PLACES.sqsBody),
    groupId,
    deduplicationId: deduplication ? values.use(deduplication, `${prop} messageDeduplicationId`, PLACES.sqsId) : undefined,
    delaySeconds: o.delay?.toSeconds({ integral: false }),
    attributes: Object.entries(o.messageAttributes ?? {}).map(([name, value]) => {
      if (!SQS_ATTRIBUTE_NAME.test(name)) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${prop} messageAttributes`,
          rule: 'names must be 1-256 letters, digits, _ - or . (not starting with AWS. or Amazon., no .. and no . at either end)',
          value: name,
          fix: "rename the attribute, e.g. 'tenant'",
        });
      }
      return { name, value: values.use(value, `${prop} messageAttributes['${name}']`, PLACES.sqsAttribute) };
    }),
  };
  problems.push(...values.problems, ...sqsProblems(prop, o, fifo));
  throwIfProblems(ctx.scope, problems);

  const role = ctx.serviceRole(queue, 'Lets API Gateway send messages to this queue');
  role.allow(['sqs:SendMessage'], queue.queueArn);
  if (queue.encryptionMasterKey) {
    role.allow(['kms:GenerateDataKey', 'kms:Decrypt'], queue.encryptionMasterKey.keyArn);
  }
  return restServiceIntegration(ctx, {
    service: 'sqs',
    path: `${queue.env.account}/${queue.queueName}`,
    role,
    // Query-protocol services answer in JSON when asked to.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    requestTemplate: sendMessageRequest(template),
    responseTemplate: sendMessageResponse(),
    requestParameters: values.requestParameters,
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  });
}
