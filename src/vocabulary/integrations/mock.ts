import { Token } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { map, num, optional, str, struct } from '../../core/shape';
import { loneSurrogateProblems } from '../../core/unicode';
import { staticHeaderProblems } from '../static-headers';

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
  problems.push(...staticHeaderProblems('InvalidMockResponse', `${prop} Integration.mock headers`, options.headers ?? {}));
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const MOCK_INTEGRATION_OPTIONS = struct<MockIntegrationOptions>('MockIntegrationOptions', {
  statusCode: optional(num('200')),
  body: optional(str('\'{"ok":true}\'')),
  headers: optional(map(str(), "{ 'Cache-Control': 'no-store' }")),
}, '{ statusCode: 200, body: \'{"ok":true}\' }');
