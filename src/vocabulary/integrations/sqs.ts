import { Duration, Token } from 'aws-cdk-lib';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { Problem } from '../../core/errors';
import { duration, map, optional, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

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

/** SQS message attribute names. */
export const SQS_ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/i;
const MAX_ATTRIBUTES = 10;

/** What is wrong with the options for this queue on any gateway (FIFO rules and SQS limits). */
export function sqsProblems(prop: string, options: SqsIntegrationOptions, fifo: boolean): Problem[] {
  return [...fifoProblems(prop, options, fifo), ...limitProblems(prop, options)];
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
  messageBody: optional(REQUEST_VALUE),
  messageGroupId: optional(REQUEST_VALUE),
  messageDeduplicationId: optional(REQUEST_VALUE),
  messageAttributes: optional(map(REQUEST_VALUE, "{ tenant: RequestValue.header('X-Tenant') }")),
  delay: optional(duration('Duration.seconds(30)')),
}, "{ messageGroupId: RequestValue.jsonPath('$.customerId') }");
