import { catalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { formMessageAttributes, parseForm } from './service-formats';
import { renderVtl } from '../support/vtl/render';

/**
 * What a client's JSON value becomes where a route reads it with `RequestValue.jsonPath`
 * (the catalogue's `/values/…` routes read `$.v`), in every kind of place a service call
 * has. Three rules:
 * - text (SQS message body and attributes, Kinesis data): a string as its text, any other
 *   value as its JSON text;
 * - scalar (FIFO group and deduplication ids, partition keys, item keys): a string, number
 *   or boolean as its text; an object or array is refused (400);
 * - document (Step Functions input, EventBridge detail): the value's JSON text.
 * Null and missing read as empty, as an empty body does (a document is then `{}`). Numbers
 * are written as Java prints the double or integer Jackson read.
 */
const routes = emittedRoutes(catalogueStack());
const CONTEXT = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', identity: { sourceIp: '203.0.113.7' } };

function render(routeKey: string, body: string): string {
  return renderVtl(emittedRoute(routes, routeKey).request!, { body, context: CONTEXT }).output;
}

interface ValueCase {
  readonly name: string;
  /** `$.v` as the client writes it; undefined for a body without it. */
  readonly v?: string;
  /** What a text place gets; undefined when the value is empty. */
  readonly text?: string;
  /** The value's JSON text (Jackson's); undefined when the value is empty. */
  readonly json?: string;
  /** An object or array: refused in scalar places. */
  readonly container?: boolean;
}

const VALUES: ValueCase[] = [
  { name: 'object', v: '{"a":1,"b":"x"}', text: '{"a":1,"b":"x"}', json: '{"a":1,"b":"x"}', container: true },
  {
    name: 'nested object with spacing and escapes',
    v: '{ "a" : { "b" : [ 1 , { "c" : null } ] } , "d" : "é\\"\\\\\\u00e9\\/\\n" }',
    text: '{"a":{"b":[1,{"c":null}]},"d":"é\\"\\\\é/\\n"}',
    json: '{"a":{"b":[1,{"c":null}]},"d":"é\\"\\\\é/\\n"}',
    container: true,
  },
  { name: 'empty object', v: '{}', text: '{}', json: '{}', container: true },
  { name: 'array', v: '[1,"two",true,null,{"x":1.5},[]]', text: '[1,"two",true,null,{"x":1.5},[]]', json: '[1,"two",true,null,{"x":1.5},[]]', container: true },
  { name: 'array of numbers', v: '[1.0,1e21,-0.5,1E-7,0.0,-0.0]', text: '[1.0,1.0E21,-0.5,1.0E-7,0.0,-0.0]', json: '[1.0,1.0E21,-0.5,1.0E-7,0.0,-0.0]', container: true },
  {
    name: 'string with quotes, backslashes and unicode',
    v: '"it\'s \\"q\\" \\\\ é 😀 \\u2028 \\u0001 $x #if"',
    text: 'it\'s "q" \\ é 😀 \u2028 \u0001 $x #if',
    json: '"it\'s \\"q\\" \\\\ é 😀 \u2028 \\u0001 $x #if"',
  },
  { name: 'string that looks like JSON', v: '"{\\"a\\":1}"', text: '{"a":1}', json: '"{\\"a\\":1}"' },
  { name: 'empty string', v: '""', json: '""' },
  { name: 'integer', v: '42', text: '42', json: '42' },
  { name: 'one point zero', v: '1.0', text: '1.0', json: '1.0' },
  { name: '1e21', v: '1e21', text: '1.0E21', json: '1.0E21' },
  { name: '20-digit integer', v: '12345678901234567890', text: '12345678901234567890', json: '12345678901234567890' },
  { name: 'negative fraction', v: '-1.5', text: '-1.5', json: '-1.5' },
  { name: 'zero as a double', v: '0.0', text: '0.0', json: '0.0' },
  { name: 'negative zero with an exponent', v: '-0e-400', text: '-0.0', json: '-0.0' },
  { name: 'true', v: 'true', text: 'true', json: 'true' },
  { name: 'false', v: 'false', text: 'false', json: 'false' },
  { name: 'null', v: 'null' },
  { name: 'missing' },
];

const bodyOf = (c: ValueCase, more = ''): string => `{${c.v === undefined ? '' : `"v":${c.v}`}${more && c.v !== undefined ? ',' : ''}${more}}`;

/** Values no place can hold as the client meant them: each is refused (400) wherever it is read. */
const REFUSED: { name: string; v: string }[] = [
  { name: '1e-400 (rounds to 0)', v: '1e-400' },
  { name: '-1e-400', v: '-1e-400' },
  { name: '4.9e-325 (below the smallest double)', v: '4.9e-325' },
  { name: '0.000…1 with 400 zeros', v: `0.${'0'.repeat(400)}1` },
  { name: '1e400 (beyond the largest double)', v: '1e400' },
  { name: '-1e400', v: '-1e400' },
  { name: 'an object holding 1e-400', v: '{"a":[1,1e-400]}' },
  { name: 'an array holding 1e400', v: '[1e400]' },
  { name: 'a lone high surrogate', v: '"a\\ud800b"' },
  { name: 'a lone low surrogate', v: '"\\udc00"' },
  { name: 'an object holding a lone surrogate', v: '{"a":"\\ud83d"}' },
  { name: 'an object key with a lone surrogate', v: '{"\\ud83d":1}' },
];

/** The requests the templates send instead when they refuse a value: each service answers 400. */
const REFUSALS = {
  sqs: 'Action=SendMessage',
  kinesis: { StreamName: 'Clicks81B5095A', Data: '', PartitionKey: '' },
  dynamodb: { TableName: 'Items5C12978B' },
  steps: { stateMachineArn: expect.stringMatching(/^arn:aws:states:eu-west-1:111111111111:stateMachine:Fulfil/), input: 'refused' },
  events: {
    Entries: [{
      Source: 'shop.values', DetailType: 'Value', Detail: 'refused', EventBusName: 'arn:aws:events:eu-west-1:111111111111:Shop563325D0',
    }],
  },
};

describe('text places: SQS message body and attributes, Kinesis data', () => {
  test.each(VALUES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const form = parseForm(render('POST /values/sqs', bodyOf(c)));
    expect(form.get('MessageBody')).toBe(c.text ?? '');
    expect(formMessageAttributes(form)).toEqual(c.text === undefined ? {} : { v: c.text });

    const record = JSON.parse(render('POST /values/kinesis', bodyOf(c, '"k":"key"')));
    expect(Buffer.from(record.Data, 'base64').toString('utf8')).toBe(c.text ?? '');
    expect(record.PartitionKey).toBe('key');
  });
});

describe('scalar places: FIFO groups, partition keys, item keys', () => {
  test.each(VALUES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const fifo = render('POST /values/sqs-fifo', bodyOf(c, '"k":"dedup"'));
    const record = render('POST /values/kinesis-key', bodyOf(c));
    const item = render('POST /values/item', bodyOf(c, '"n":7'));
    if (c.container) {
      expect([fifo, JSON.parse(record), JSON.parse(item)]).toEqual([REFUSALS.sqs, REFUSALS.kinesis, REFUSALS.dynamodb]);
      return;
    }
    const form = parseForm(fifo);
    expect([form.get('MessageGroupId'), form.get('MessageDeduplicationId')]).toEqual([c.text ?? '', 'dedup']);
    expect(JSON.parse(record).PartitionKey).toBe(c.text ?? '');
    expect(JSON.parse(item).Key).toEqual({ pk: { S: c.text ?? '' }, sk: { N: '7' } });
  });

  test('a number read for a number key keeps Java\'s spelling', () => {
    expect(JSON.parse(render('POST /values/item', '{"v":"a","n":1e21}')).Key).toEqual({ pk: { S: 'a' }, sk: { N: '1.0E21' } });
    expect(JSON.parse(render('POST /values/item', '{"v":"a","n":"12.50"}')).Key).toEqual({ pk: { S: 'a' }, sk: { N: '12.50' } });
  });
});

describe('document places: Step Functions input, EventBridge detail', () => {
  test.each(VALUES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    expect(JSON.parse(render('POST /values/steps', bodyOf(c))).input).toBe(c.json ?? '{}');
    expect(JSON.parse(render('POST /values/events', bodyOf(c))).Entries[0].Detail).toBe(c.json ?? '{}');
  });
});

describe('values no double or UTF-8 text can carry are refused, never changed', () => {
  test.each(REFUSED.map(c => [c.name, c.v] as const))('%s', (_name, v) => {
    expect(render('POST /values/sqs', `{"v":${v}}`)).toBe(REFUSALS.sqs);
    expect(render('POST /values/sqs-fifo', `{"v":${v},"k":"d"}`)).toBe(REFUSALS.sqs);
    expect(JSON.parse(render('POST /values/kinesis', `{"v":${v},"k":"key"}`))).toEqual(REFUSALS.kinesis);
    expect(JSON.parse(render('POST /values/item', `{"v":${v},"n":1}`))).toEqual(REFUSALS.dynamodb);
    expect(JSON.parse(render('POST /values/steps', `{"v":${v}}`))).toEqual(REFUSALS.steps);
    expect(JSON.parse(render('POST /values/events', `{"v":${v}}`))).toEqual(REFUSALS.events);
  });

  test('a number elsewhere in the body is not read, and refuses nothing when a string is read', () => {
    expect(parseForm(render('POST /values/sqs', '{"v":"text","other":1e-400}')).get('MessageBody')).toBe('text');
  });

  test('a surrogate pair (an emoji written as escapes) is not a lone surrogate', () => {
    expect(parseForm(render('POST /values/sqs', '{"v":"\\ud83d\\ude00"}')).get('MessageBody')).toBe('😀');
  });
});
