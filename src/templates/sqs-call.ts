import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { sendMessageRequest, sendMessageResponse } from './sqs';
import { PLACES } from './template-places';
import { Problem, throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { SQS_ATTRIBUTE_NAME, sqsProblems } from '../vocabulary/integrations/sqs';
import { RequestValue } from '../vocabulary/request-value';

/** How a gateway's SQS template reads: template variables are numbered in the order values are read. */
export interface SqsCallStyle {
  /** The attribute name the fix of a bad one suggests (`tenant`, `connection`). */
  readonly attributeExample: string;
  /** REST reads the message group before the body: its templates keep the variable names they always had. */
  readonly groupIdFirst: boolean;
}

/** SQS SendMessage: the body (or `messageBody`) becomes a message. */
export function sqsCall(
  site: ServiceCallSite, spec: IntegrationSpecOf<'sqs'>, values: RouteValues, prop: string, style: SqsCallStyle,
): ServiceCall {
  const { queue, options: o } = spec;
  const problems: Problem[] = sqsProblems(prop, o, queue.fifo);
  const groupId = () => o.messageGroupId ? values.use(o.messageGroupId, `${prop} messageGroupId`, PLACES.sqsId) : undefined;
  const early = style.groupIdFirst ? groupId() : undefined;
  const body = values.use(o.messageBody ?? RequestValue.body(), `${prop} messageBody`, PLACES.sqsBody);
  const deduplication = o.messageDeduplicationId ?? (queue.fifo ? RequestValue.context('requestId') : undefined);
  const template = {
    body,
    groupId: style.groupIdFirst ? early : groupId(),
    deduplicationId: deduplication ? values.use(deduplication, `${prop} messageDeduplicationId`, PLACES.sqsId) : undefined,
    delaySeconds: o.delay?.toSeconds({ integral: false }),
    attributes: Object.entries(o.messageAttributes ?? {}).map(([name, value]) => {
      if (!SQS_ATTRIBUTE_NAME.test(name)) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${prop} messageAttributes`,
          rule: 'names must be 1-256 letters, digits, _ - or . (not starting with AWS. or Amazon., no .. and no . at either end)',
          value: name,
          fix: `rename the attribute, e.g. '${style.attributeExample}'`,
        });
      }
      return { name, value: values.use(value, `${prop} messageAttributes['${name}']`, PLACES.sqsAttribute) };
    }),
  };
  throwIfProblems(site.scope, [...problems, ...values.problems]);

  const role = site.serviceRole(queue, 'Lets API Gateway send messages to this queue');
  role.allow(['sqs:SendMessage'], queue.queueArn);
  if (queue.encryptionMasterKey) role.allow(['kms:GenerateDataKey', 'kms:Decrypt'], queue.encryptionMasterKey.keyArn);
  return {
    service: 'sqs',
    path: `${queue.env.account}/${queue.queueName}`,
    role,
    // Query-protocol services answer in JSON when asked to.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    requestTemplate: sendMessageRequest(template),
    responseTemplate: sendMessageResponse(),
    prop,
    response: o.response,
    errorResponses: o.errorResponses,
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  };
}
