import { Token } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { HEADER_NAME } from '../../core/http-names';
import { map, num, optional, str, struct } from '../../core/shape';
import { loneSurrogateProblems, vtlVerbatim } from '../../core/unicode';

/** Options for `Integration.mock`. */
export interface MockIntegrationOptions {
  /**
   * The status code of the response (100–599).
   * @default 200
   */
  readonly statusCode?: number;

  /**
   * The response body, sent exactly as written (`$` and `#` included: the library quotes
   * them from Velocity).
   * @default - an empty body
   */
  readonly body?: string;

  /**
   * Response headers with fixed values (printable ASCII, spaces and tabs; no `'`).
   * @default - none
   */
  readonly headers?: { [name: string]: string };
}

/** What RFC 9110 allows in a field value, without obsolete text: visible ASCII, space and tab. */
const HEADER_VALUE = /^[\t\x20-\x7E]*$/;

/** The response template that sends `body` exactly as written (tokens as they are). */
export function mockBodyTemplate(body: string): string {
  return Token.isUnresolved(body) ? body : vtlVerbatim(body);
}

/** What is wrong with a mock response on any gateway. */
export function mockProblems(prop: string, options: MockIntegrationOptions): Problem[] {
  const statusCode = options.statusCode ?? 200;
  const problems: Problem[] = [];
  if (!Token.isUnresolved(statusCode) && !(Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599)) {
    problems.push({
      code: 'InvalidMockResponse',
      prop: `${prop} Integration.mock statusCode`,
      rule: 'must be a whole number from 100 to 599',
      value: statusCode,
      fix: 'use an HTTP status code such as 200',
    });
  }
  const body = options.body;
  if (body !== undefined) problems.push(...loneSurrogateProblems('InvalidMockResponse', `${prop} Integration.mock body`, body));
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!HEADER_NAME.test(name)) {
      problems.push({
        code: 'InvalidMockResponse',
        prop: `${prop} Integration.mock headers`,
        rule: 'must use valid HTTP header names',
        value: name,
        fix: "use a name such as 'Cache-Control'",
      });
    }
    if (!Token.isUnresolved(value) && !HEADER_VALUE.test(value)) {
      problems.push({
        code: 'InvalidMockResponse',
        prop: `${prop} Integration.mock headers['${name}']`,
        rule: 'must be printable ASCII (spaces and tabs allowed)',
        value,
        fix: 'remove line breaks and control characters; percent-encode other characters (RFC 8187) or send them in the body',
      });
    }
    if (!Token.isUnresolved(value) && value.includes("'")) {
      problems.push({
        code: 'InvalidMockResponse',
        prop: `${prop} Integration.mock headers['${name}']`,
        rule: "must not contain ' (API Gateway quotes static header values with it)",
        value,
        fix: 'remove the single quote from the header value',
      });
    }
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const MOCK_INTEGRATION_OPTIONS = struct<MockIntegrationOptions>('MockIntegrationOptions', {
  statusCode: optional(num('200')),
  body: optional(str('\'{"ok":true}\'')),
  headers: optional(map(str(), "{ 'Cache-Control': 'no-store' }")),
}, '{ statusCode: 200, body: \'{"ok":true}\' }');
