import { Duration, Token, aws_sqs as sqs } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { RouteValues } from '../../templates/route-values';
import { ServiceIntegrationOptions } from './service-integration-options';
import { webSocketSqs } from '../../websocket/integrations/sqs';
import { RequestValue } from '../request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindSqsHttp } from '../../http/integrations/sqs';
import { Problem, throwIfProblems } from '../../core/errors';
import { sendMessageRequest, sendMessageResponse } from '../../templates/sqs';
import { PLACES } from '../../templates/template-places';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { restServiceIntegration } from '../../rest/integrations/service-integration';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Integration.sqs`. */
export interface SqsIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * The message body.
   * @default RequestValue.body()
   */
  readonly messageBody?: RequestValue;

  /**
   * The message group of a FIFO queue (required for FIFO queues, refused for standard ones).
   * Read from a header or query string, API Gateway refuses requests without it (400).
   * @default - none
   */
  readonly messageGroupId?: RequestValue;

  /**
   * The deduplication ID of a FIFO queue: requests with the same ID within 5 minutes are
   * accepted once.
   * @default RequestValue.context('requestId') on FIFO queues
   */
  readonly messageDeduplicationId?: RequestValue;

  /**
   * String message attributes (up to 10). An attribute whose value is missing from the
   * request is left out of the message.
   * @default - none
   */
  readonly messageAttributes?: { [name: string]: RequestValue };

  /**
   * How long the message stays invisible after it is sent (0 to 15 minutes; standard queues
   * only, FIFO queues take the delay from the queue).
   * @default - the queue's delay
   */
  readonly delay?: Duration;
}

const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/i;
const MAX_ATTRIBUTES = 10;

/** SQS SendMessage: the request becomes a message; the client gets `{"messageId": …}`. */
export class SqsTarget implements IntegrationTarget {
  public readonly factory = 'Integration.sqs';

  constructor(private readonly queue: sqs.IQueue, private readonly options: SqsIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    const prop = `${ctx.prop} Integration.sqs`;
    return webSocketSqs(ctx, this.queue, this.options, ATTRIBUTE_NAME, [...this.fifoProblems(prop, this.queue.fifo), ...this.limitProblems(prop)]);
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    const o = this.options;
    const prop = `${ctx.prop} Integration.sqs`;
    const fifo = this.queue.fifo;
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
        if (!ATTRIBUTE_NAME.test(name)) {
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
    problems.push(...values.problems, ...this.fifoProblems(prop, fifo), ...this.limitProblems(prop));
    throwIfProblems(ctx.scope, problems);

    const role = ctx.serviceRole(this.queue, 'Lets API Gateway send messages to this queue');
    role.allow(['sqs:SendMessage'], this.queue.queueArn);
    if (this.queue.encryptionMasterKey) {
      role.allow(['kms:GenerateDataKey', 'kms:Decrypt'], this.queue.encryptionMasterKey.keyArn);
    }
    return restServiceIntegration(ctx, {
      service: 'sqs',
      path: `${this.queue.env.account}/${this.queue.queueName}`,
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

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    const prop = `${ctx.prop} Integration.sqs`;
    return bindSqsHttp(ctx, this.queue, this.options, [...this.fifoProblems(prop, this.queue.fifo), ...this.limitProblems(prop)]);
  }

  private fifoProblems(prop: string, fifo: boolean): Problem[] {
    const o = this.options;
    const problems: Problem[] = [];
    if (fifo && !o.messageGroupId) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} messageGroupId`,
        rule: 'is required for a FIFO queue',
        value: undefined,
        fix: "set messageGroupId, e.g. RequestValue.jsonPath('$.customerId')",
      });
    }
    if (!fifo) {
      for (const name of ['messageGroupId', 'messageDeduplicationId'] as const) {
        if (o[name]) {
          problems.push({
            code: 'InvalidIntegration',
            prop: `${prop} ${name}`,
            rule: 'only applies to FIFO queues',
            value: o[name],
            fix: 'remove it, or use a FIFO queue (fifo: true)',
          });
        }
      }
    }
    if (fifo && o.delay !== undefined) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} delay`,
        rule: 'is not allowed per message on a FIFO queue',
        value: o.delay,
        fix: "remove it and set the queue's deliveryDelay instead",
      });
    }
    return problems;
  }

  private limitProblems(prop: string): Problem[] {
    const problems: Problem[] = [];
    const delay = this.options.delay?.toSeconds({ integral: false });
    if (delay !== undefined && !Token.isUnresolved(delay) && (!Number.isInteger(delay) || delay < 0 || delay > 900)) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} delay`,
        rule: 'must be whole seconds from 0 to 900',
        value: this.options.delay,
        fix: 'use e.g. Duration.seconds(30), at most Duration.minutes(15)',
      });
    }
    const count = Object.keys(this.options.messageAttributes ?? {}).length;
    if (count > MAX_ATTRIBUTES) {
      problems.push({
        code: 'LimitExceeded',
        prop: `${prop} messageAttributes`,
        rule: `must have at most ${MAX_ATTRIBUTES} entries (SQS's limit)`,
        value: `${count} attributes`,
        fix: 'send fewer attributes, or put the rest in the body',
      });
    }
    return problems;
  }
}
