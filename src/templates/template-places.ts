/**
 * The places of a service call a `RequestValue` can fill, and what each takes. A value read
 * by a JSON path is written by the rule of its place (see json-path-value.ts):
 * - `text` (SQS message body and attributes, Kinesis data): a string as its text, any other
 *   value as its JSON text;
 * - `scalar` (FIFO ids, partition keys, item keys): a string, number or boolean as its text;
 *   an object or array is refused;
 * - `document` (Step Functions input, EventBridge detail): the value's JSON text.
 */
export interface TemplatePlace {
  readonly json: 'text' | 'scalar' | 'document';
  /** Whether API Gateway's validator refuses requests without it (path, query-string and header values). */
  readonly required: boolean;
  /** What a literal must be here, when the service refuses some text. */
  readonly literal?: LiteralRule;
}

/** A rule on literal values, in the words of a synth error. */
export interface LiteralRule {
  readonly test: (value: string) => boolean;
  readonly rule: string;
  readonly fix: string;
}

/** The characters SQS accepts in message bodies and attribute values (XML 1.0's). */
const SQS_CHARACTERS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function isJson(value: string, object: boolean): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return !object || (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed));
  } catch {
    return false;
  }
}

const SQS_TEXT: LiteralRule = {
  test: value => value !== '' && SQS_CHARACTERS.test(value),
  rule: 'must be text SQS accepts: not empty, no control characters other than tab and line breaks',
  fix: 'remove the control characters, or leave the option out',
};

export const PLACES = {
  sqsBody: { json: 'text', required: false, literal: SQS_TEXT },
  sqsAttribute: { json: 'text', required: false, literal: SQS_TEXT },
  sqsId: {
    json: 'scalar',
    required: true,
    literal: {
      test: value => /^[\x21-\x7E]{1,128}$/.test(value),
      rule: 'must be 1-128 letters, digits or punctuation (SQS\'s rule for group and deduplication ids)',
      fix: "use e.g. 'orders', or read it from the request",
    },
  },
  receiptHandle: {
    json: 'scalar',
    required: true,
    literal: { test: value => value !== '', rule: 'must not be empty (SQS refuses an empty receipt handle)', fix: 'read it from the request' },
  },
  kinesisData: { json: 'text', required: false },
  partitionKey: {
    json: 'scalar',
    required: true,
    literal: {
      test: value => [...value].length >= 1 && [...value].length <= 256,
      rule: 'must be 1-256 characters (Kinesis\'s rule for partition keys)',
      fix: "use e.g. 'all', or read it from the request",
    },
  },
  /** Shard ids, sequence numbers and shard iterators: Kinesis refuses an empty one. */
  shardValue: {
    json: 'scalar',
    required: true,
    literal: { test: value => value !== '', rule: 'must not be empty (Kinesis refuses it)', fix: 'use a non-empty value, or read it from the request' },
  },
  itemKey: {
    json: 'scalar',
    required: true,
    literal: { test: value => value !== '', rule: 'must not be empty (DynamoDB refuses empty key values)', fix: 'use a non-empty value' },
  },
  conditionValue: {
    json: 'scalar',
    required: true,
    literal: { test: value => value !== '', rule: 'must not be empty (a condition compares with a value)', fix: 'use a non-empty value' },
  },
  pageCursor: { json: 'scalar', required: false },
  executionInput: {
    json: 'document',
    required: false,
    literal: { test: value => isJson(value, false), rule: 'must be JSON text (the execution\'s input)', fix: "write e.g. '{}' or '{\"source\":\"api\"}'" },
  },
  eventDetail: {
    json: 'document',
    required: false,
    literal: { test: value => isJson(value, true), rule: 'must be a JSON object (EventBridge refuses any other detail)', fix: "write e.g. '{}' or '{\"source\":\"api\"}'" },
  },
} satisfies Record<string, TemplatePlace>;
