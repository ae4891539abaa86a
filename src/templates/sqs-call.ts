import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import {
  deleteMessageRequest, emptyObjectResponse, purgeQueueRequest, receiveMessageRequest, receiveMessageResponse,
  sendMessageRequest, sendMessageResponse,
} from './sqs';
import { PLACES } from './template-places';
import { Problem, throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { SQS_ATTRIBUTE_NAME, SqsIntegrationOptions, sqsProblems } from '../vocabulary/integrations/sqs';
import { SqsAction } from '../vocabulary/integrations/sqs-action';
import { RequestValue } from '../vocabulary/request-value';

/** How a gateway's SQS template reads: template variables are numbered in the order values are read. */
export interface SqsCallStyle {
  /** The attribute name the fix of a bad one suggests (`tenant`, `connection`). */
  readonly attributeExample: string;
  /** REST reads the message group before the body: its templates keep the variable names they always had. */
  readonly groupIdFirst: boolean;
}

/** What each SQS action needs to be allowed (KMS only for actions that read or write message bodies). */
const PERMISSIONS: Record<SqsAction, { actions: string[]; kms: string[]; why: string }> = {
  [SqsAction.SEND_MESSAGE]: { actions: ['sqs:SendMessage'], kms: ['kms:GenerateDataKey', 'kms:Decrypt'], why: 'send messages to' },
  [SqsAction.RECEIVE_MESSAGE]: { actions: ['sqs:ReceiveMessage'], kms: ['kms:Decrypt'], why: 'receive messages from' },
  [SqsAction.DELETE_MESSAGE]: { actions: ['sqs:DeleteMessage'], kms: [], why: 'delete messages from' },
  [SqsAction.PURGE_QUEUE]: { actions: ['sqs:PurgeQueue'], kms: [], why: 'purge' },
};

/** The role an SQS route's integration assumes: its action on the queue, and the queue's key if it needs it. */
export function sqsRoleFor(site: ServiceCallSite, queue: IntegrationSpecOf<'sqs'>['queue'], action: SqsAction) {
  const permissions = PERMISSIONS[action];
  const role = site.serviceRole(queue, `Lets API Gateway ${permissions.why} this queue`);
  role.allow(permissions.actions, queue.queueArn);
  if (queue.encryptionMasterKey && permissions.kms.length > 0) role.allow(permissions.kms, queue.encryptionMasterKey.keyArn);
  return role;
}

/** An SQS call: SendMessage (the body, or `messageBody`, becomes a message), ReceiveMessage, DeleteMessage or PurgeQueue. */
export function sqsCall(
  site: ServiceCallSite, spec: IntegrationSpecOf<'sqs'>, values: RouteValues, prop: string, style: SqsCallStyle,
): ServiceCall {
  const action = spec.options.action ?? SqsAction.SEND_MESSAGE;
  if (action === SqsAction.SEND_MESSAGE) return sendMessageCall(site, spec, values, prop, style);
  const o = spec.options;
  const problems = sqsProblems(prop, o, spec.queue.fifo, site.routeTimeout);
  const seconds = (d: SqsIntegrationOptions['waitTime']) => d?.toSeconds({ integral: false });
  let requestTemplate: string;
  if (action === SqsAction.RECEIVE_MESSAGE) {
    requestTemplate = receiveMessageRequest({
      maxMessages: o.maxMessages ?? 1, waitSeconds: seconds(o.waitTime), visibilitySeconds: seconds(o.visibilityTimeout),
    });
  } else if (action === SqsAction.DELETE_MESSAGE) {
    requestTemplate = deleteMessageRequest(values.use(o.receiptHandle ?? RequestValue.jsonPath('$.receiptHandle'), `${prop} receiptHandle`, PLACES.receiptHandle));
  } else {
    requestTemplate = purgeQueueRequest();
  }
  throwIfProblems(site.scope, [...problems, ...values.problems]);
  return {
    ...sqsTarget(spec, o, prop, values),
    role: sqsRoleFor(site, spec.queue, action),
    requestTemplate,
    responseTemplate: action === SqsAction.RECEIVE_MESSAGE ? receiveMessageResponse() : emptyObjectResponse(),
  };
}

/** What every SQS call has: the queue's path, the query protocol's headers and the route's own answers. */
function sqsTarget(spec: IntegrationSpecOf<'sqs'>, o: SqsIntegrationOptions, prop: string, values: RouteValues) {
  return {
    service: 'sqs' as const,
    path: `${spec.queue.env.account}/${spec.queue.queueName}`,
    // Query-protocol services answer in JSON when asked to.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    prop,
    response: o.response,
    errorResponses: o.errorResponses,
    contentHandling: o.contentHandling,
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  };
}

function sendMessageCall(
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
  return {
    ...sqsTarget(spec, o, prop, values),
    role: sqsRoleFor(site, queue, SqsAction.SEND_MESSAGE),
    requestTemplate: sendMessageRequest(template),
    responseTemplate: sendMessageResponse(),
  };
}
