import { Token } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { args, argumentChecker, brand, list, madeBy, map, num, optional, required, str, struct } from '../../core/shape';
import { loneSurrogateProblems } from '../../core/unicode';
import { answerHeaderProblems } from '../static-headers';

/**
 * The body of a service route's answer, in place of the library's plain JSON.
 *
 * @example
 * import { Integration, ResponseBody } from 'cdk-gatehouse';
 *
 * // Existing clients read SQS's own answer.
 * Integration.sqs(queue, { response: { statusCode: 202, body: ResponseBody.serviceResult() } });
 */
export class ResponseBody {
  /**
   * The service's own JSON answer, byte for byte (e.g. SQS's `SendMessageResponse`). The
   * library's checks still apply first: a failed EventBridge entry, a failed express
   * execution and a missing DynamoDB item answer as they do without it.
   */
  public static serviceResult(): ResponseBody {
    return new ResponseBody('serviceResult', '$input.body');
  }

  /**
   * Your own response mapping template (Apache Velocity, as API Gateway runs it):
   * `$input.path('$.MessageId')` reads the service's answer. The library does not check
   * what it prints, so keep service error details out of it.
   */
  public static template(template: string): ResponseBody {
    checkResponseBodyArguments('ResponseBody.template', { template });
    return new ResponseBody('template', template);
  }

  /** A fixed body, sent exactly as written (`$` and `#` included); `''` for none. */
  public static text(text: string): ResponseBody {
    checkResponseBodyArguments('ResponseBody.text', { text });
    return new ResponseBody('text', text);
  }

  /** @internal */
  public readonly _kind: 'serviceResult' | 'template' | 'text';
  /** @internal The template, the text or the service result's expression. */
  public readonly _source: string;

  private constructor(kind: 'serviceResult' | 'template' | 'text', source: string) {
    brand(this, 'ResponseBody');
    this._kind = kind;
    this._source = source;
  }
}

/** What a service route answers when the service succeeds (REST; the body only on WebSocket). */
export interface ServiceResponseOptions {
  /**
   * The status of the answer (200–299).
   * @default 200
   */
  readonly statusCode?: number;

  /**
   * Response headers with fixed values (printable ASCII, no `'`; not `Access-Control-*`,
   * which the gateway's `cors` sets).
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The body.
   * @default - the library's plain JSON (e.g. `{"messageId": …}`)
   */
  readonly body?: ResponseBody;
}

/** The answer to one of the service's error statuses, in place of the library's error body. */
export interface ServiceErrorResponse {
  /**
   * The service's HTTP status this answers (400–599), e.g. 400. It covers every error the
   * service answers with that status: DynamoDB and SQS answer throttling, failed conditions and
   * missing resources with 400 as well as bad requests, so a 400 of your own replaces the
   * library's 429, 409 and 500 for them.
   */
  readonly serviceStatus: number;

  /**
   * The status the client gets (400–599).
   * @default - the service's status
   */
  readonly statusCode?: number;

  /**
   * Response headers with fixed values.
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The body: a template or a fixed text. The service's own error is refused, because its
   * message can name tables, queues and accounts.
   */
  readonly body: ResponseBody;
}

/** The service result's expression, for tests and templates. */
export const SERVICE_RESULT = '$input.body';

const MAX_TEMPLATE_LENGTH = 300_000;

function statusProblems(prop: string, value: number | undefined, low: number, high: number, example: string, tokens = true): Problem[] {
  if (value !== undefined && Token.isUnresolved(value) && !tokens) {
    return [{ code: 'InvalidIntegration', prop, rule: 'must be known at synth (the other answers\' selection patterns leave it out)', value: '(a token)', fix: `use a number, e.g. ${example}` }];
  }
  if (value === undefined || Token.isUnresolved(value) || (Number.isInteger(value) && value >= low && value <= high)) return [];
  return [{ code: 'InvalidIntegration', prop, rule: `must be a whole number from ${low} to ${high}`, value, fix: `use e.g. ${example}` }];
}

function headerProblems(prop: string, headers: Record<string, string> | undefined): Problem[] {
  return answerHeaderProblems('InvalidIntegration', prop, headers ?? {});
}

function bodyProblems(prop: string, body: ResponseBody | undefined): Problem[] {
  if (body === undefined || body._kind === 'serviceResult' || Token.isUnresolved(body._source)) return [];
  const problems = loneSurrogateProblems('InvalidIntegration', prop, body._source);
  if (body._kind === 'template' && body._source.trim() === '') {
    problems.push({
      code: 'InvalidIntegration',
      prop,
      rule: 'must not be empty (API Gateway would pass the service answer through unchecked)',
      value: body._source,
      fix: "use ResponseBody.text('') for an empty body",
    });
  }
  if (body._source.length > MAX_TEMPLATE_LENGTH) {
    problems.push({
      code: 'LimitExceeded',
      prop,
      rule: `must be at most ${MAX_TEMPLATE_LENGTH} characters (API Gateway's mapping template size)`,
      value: `${body._source.length} characters`,
      fix: 'shorten the template',
    });
  }
  return problems;
}

/** What is wrong with a route's `response` and `errorResponses` (REST rules; gateways add their own). */
export function serviceResponseProblems(
  prop: string, response: ServiceResponseOptions | undefined, errors: readonly ServiceErrorResponse[] | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (response) {
    problems.push(...statusProblems(`${prop} response.statusCode`, response.statusCode, 200, 299, '201'));
    problems.push(...headerProblems(`${prop} response.headers`, response.headers));
    problems.push(...bodyProblems(`${prop} response.body`, response.body));
    const status = response.statusCode;
    if ((status === 204 || status === 205) && !(response.body?._kind === 'text' && response.body._source === '')) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} response.body`,
        rule: `must be empty with status ${status} (a ${status} answer has no content)`,
        value: response.body?._kind ?? "the library's plain JSON",
        fix: "set body: ResponseBody.text('')",
      });
    }
  }
  const seen = new Set<number>();
  (errors ?? []).forEach((error, i) => {
    const at = `${prop} errorResponses[${i}]`;
    problems.push(...statusProblems(`${at}.serviceStatus`, error.serviceStatus, 400, 599, '400', false));
    problems.push(...statusProblems(`${at}.statusCode`, error.statusCode, 400, 599, '422'));
    problems.push(...headerProblems(`${at}.headers`, error.headers));
    problems.push(...bodyProblems(`${at}.body`, error.body));
    if (error.body?._kind === 'serviceResult') {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${at}.body`,
        rule: "must not be the service's own error (its message can name tables, queues and accounts)",
        value: 'ResponseBody.serviceResult()',
        fix: 'use ResponseBody.template with only the fields you mean to show, e.g. {"error":"$input.path(\'$.__type\')"}',
      });
    }
    if (seen.has(error.serviceStatus)) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${at}.serviceStatus`,
        rule: 'must be answered once',
        value: error.serviceStatus,
        fix: 'remove the second entry for this status',
      });
    }
    seen.add(error.serviceStatus);
  });
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const RESPONSE_BODY = madeBy<ResponseBody>('ResponseBody', 'ResponseBody.serviceResult()');

const HEADERS = optional(map(str(), "{ 'Cache-Control': 'no-store' }"));

export const SERVICE_RESPONSE_OPTIONS = struct<ServiceResponseOptions>('ServiceResponseOptions', {
  statusCode: optional(num('202')),
  headers: HEADERS,
  body: optional(RESPONSE_BODY),
}, '{ statusCode: 202, body: ResponseBody.serviceResult() }');

export const SERVICE_ERROR_RESPONSE = struct<ServiceErrorResponse>('ServiceErrorResponse', {
  serviceStatus: required(num('400')),
  statusCode: optional(num('422')),
  headers: HEADERS,
  body: required(RESPONSE_BODY),
}, '{ serviceStatus: 400, statusCode: 422, body: ResponseBody.text(\'{"error":"invalid"}\') }');

export const SERVICE_ERROR_RESPONSES = list(SERVICE_ERROR_RESPONSE);

/** The arguments of each `ResponseBody.*` factory, by name. */
export const RESPONSE_BODY_FACTORIES = {
  'ResponseBody.template': args<{ template: string }>({ template: required(str("'{\"id\":\"$input.path(\\'$.MessageId\\')\"}'")) }),
  'ResponseBody.text': args<{ text: string }>({ text: required(str('\'{"accepted":true}\'')) }),
};

const checkResponseBodyArguments = argumentChecker(RESPONSE_BODY_FACTORIES);
