import { Duration, Token } from 'aws-cdk-lib';
import { otherActionOptionProblems } from './action-options';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { SQS_ACTION, SqsAction } from './sqs-action';
import { Problem } from '../../core/errors';
import { duration, map, num, optional, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.sqs`. */
export interface SqsIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * The SQS call. Each takes its own options: `messageBody`, `messageGroupId`,
   * `messageDeduplicationId`, `messageAttributes` and `delay` are SendMessage's;
   * `maxMessages`, `waitTime` and `visibilityTimeout` ReceiveMessage's; `receiptHandle`
   * DeleteMessage's.
   * @default SqsAction.SEND_MESSAGE
   */
  readonly action?: SqsAction;

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

  /**
   * How many messages one ReceiveMessage returns at most (1 to 10).
   * @default 1
   */
  readonly maxMessages?: number;

  /**
   * How long ReceiveMessage waits for a message when the queue has none (long polling, 0 to
   * 20 seconds). It must end before the integration times out.
   * @default - the queue's receive wait time
   */
  readonly waitTime?: Duration;

  /**
   * How long received messages stay hidden from other receivers (0 seconds to 12 hours):
   * the time a client has to delete them.
   * @default - the queue's visibility timeout
   */
  readonly visibilityTimeout?: Duration;

  /**
   * The receipt handle of the message DeleteMessage deletes, as ReceiveMessage answered it.
   * @default RequestValue.jsonPath('$.receiptHandle')
   */
  readonly receiptHandle?: RequestValue;
}

/** Which options each action takes: the others are refused rather than ignored. */
const ACTION_OPTIONS: Record<SqsAction, readonly (keyof SqsIntegrationOptions)[]> = {
  [SqsAction.SEND_MESSAGE]: ['messageBody', 'messageGroupId', 'messageDeduplicationId', 'messageAttributes', 'delay'],
  [SqsAction.RECEIVE_MESSAGE]: ['maxMessages', 'waitTime', 'visibilityTimeout'],
  [SqsAction.DELETE_MESSAGE]: ['receiptHandle'],
  [SqsAction.PURGE_QUEUE]: [],
};

/** SQS message attribute names. */
export const SQS_ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/i;
const MAX_ATTRIBUTES = 10;

/** What is wrong with the options for this queue on any gateway (FIFO rules and SQS limits). */
export function sqsProblems(prop: string, options: SqsIntegrationOptions, fifo: boolean, routeTimeout?: Duration): Problem[] {
  const action = options.action ?? SqsAction.SEND_MESSAGE;
  const problems = [
    ...otherActionOptionProblems(prop, options, action, 'SqsAction', SqsAction, ACTION_OPTIONS),
    ...limitProblems(prop, options),
    ...receiveProblems(prop, options, routeTimeout),
  ];
  if (action === SqsAction.SEND_MESSAGE) problems.push(...fifoProblems(prop, options, fifo));
  return problems;
}

/**
 * SQS's ranges for ReceiveMessage, and a long poll that ends before API Gateway gives up (the
 * route's timeout, else the integration's).
 */
function receiveProblems(prop: string, options: SqsIntegrationOptions, routeTimeout?: Duration): Problem[] {
  const problems: Problem[] = [];
  const max = options.maxMessages;
  if (max !== undefined && !Token.isUnresolved(max) && (!Number.isInteger(max) || max < 1 || max > 10)) {
    problems.push({ code: 'InvalidIntegration', prop: `${prop} maxMessages`, rule: 'must be a whole number from 1 to 10 (SQS\'s limit)', value: max, fix: 'use e.g. 10' });
  }
  const seconds = (name: 'waitTime' | 'visibilityTimeout', most: number, fix: string) => {
    const value = options[name]?.toSeconds({ integral: false });
    if (value === undefined || Token.isUnresolved(value)) return undefined;
    if (!Number.isInteger(value) || value < 0 || value > most) {
      problems.push({ code: 'InvalidIntegration', prop: `${prop} ${name}`, rule: `must be whole seconds from 0 to ${most}`, value: options[name], fix });
      return undefined;
    }
    return value;
  };
  const wait = seconds('waitTime', 20, 'use e.g. Duration.seconds(10), at most Duration.seconds(20)');
  seconds('visibilityTimeout', 12 * 3600, 'use e.g. Duration.seconds(30), at most Duration.hours(12)');
  const timeout = (routeTimeout ?? options.timeout)?.toSeconds({ integral: false });
  if (wait !== undefined && timeout !== undefined && !Token.isUnresolved(timeout) && wait >= timeout) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} waitTime`,
      rule: 'must end before the integration times out (else an empty queue answers 504)',
      value: `${wait} seconds with a timeout of ${timeout} seconds`,
      fix: 'shorten waitTime, or raise timeout',
    });
  }
  return problems;
}

function fifoProblems(prop: string, options: SqsIntegrationOptions, fifo: boolean): Problem[] {
  const o = options;
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

function limitProblems(prop: string, options: SqsIntegrationOptions): Problem[] {
  const problems: Problem[] = [];
  const delay = options.delay?.toSeconds({ integral: false });
  if (delay !== undefined && !Token.isUnresolved(delay) && (!Number.isInteger(delay) || delay < 0 || delay > 900)) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} delay`,
      rule: 'must be whole seconds from 0 to 900',
      value: options.delay,
      fix: 'use e.g. Duration.seconds(30), at most Duration.minutes(15)',
    });
  }
  const count = Object.keys(options.messageAttributes ?? {}).length;
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

// The shapes untyped (JavaScript) callers are checked against.

export const SQS_INTEGRATION_OPTIONS = struct<SqsIntegrationOptions>('SqsIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  action: optional(SQS_ACTION),
  messageBody: optional(REQUEST_VALUE),
  messageGroupId: optional(REQUEST_VALUE),
  messageDeduplicationId: optional(REQUEST_VALUE),
  messageAttributes: optional(map(REQUEST_VALUE, "{ tenant: RequestValue.header('X-Tenant') }")),
  delay: optional(duration('Duration.seconds(30)')),
  maxMessages: optional(num('10')),
  waitTime: optional(duration('Duration.seconds(10)')),
  visibilityTimeout: optional(duration('Duration.seconds(30)')),
  receiptHandle: optional(REQUEST_VALUE),
}, "{ messageGroupId: RequestValue.jsonPath('$.customerId') }");
