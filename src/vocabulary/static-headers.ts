import { Token } from 'aws-cdk-lib';
import { ErrorCode, Problem } from '../core/errors';
import { HEADER_NAME } from '../core/http-names';

/** What RFC 9110 allows in a field value, without obsolete text: visible ASCII, space and tab. */
const HEADER_VALUE = /^[\t\x20-\x7E]*$/;

/**
 * What is wrong with response headers of fixed values (a mock's, a service route's): names
 * must be header names, values printable ASCII without `'`, which API Gateway quotes static
 * values with.
 */
export function staticHeaderProblems(code: ErrorCode, prop: string, headers: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      problems.push({ code, prop, rule: 'must use valid HTTP header names', value: name, fix: "use a name such as 'Cache-Control'" });
    }
    if (Token.isUnresolved(value)) continue;
    if (!HEADER_VALUE.test(value)) {
      problems.push({
        code,
        prop: `${prop}['${name}']`,
        rule: 'must be printable ASCII (spaces and tabs allowed)',
        value,
        fix: 'remove line breaks and control characters; percent-encode other characters (RFC 8187) or send them in the body',
      });
    }
    if (value.includes("'")) {
      problems.push({
        code,
        prop: `${prop}['${name}']`,
        rule: "must not contain ' (API Gateway quotes static header values with it)",
        value,
        fix: 'remove the single quote from the header value',
      });
    }
  }
  return problems;
}

/**
 * What is wrong with the fixed headers of an answer the gateway's `cors` also sets headers
 * on (a service route's answer, a gateway response): those of `staticHeaderProblems`, and any
 * `Access-Control-*` header, which would stand beside or in place of the gateway's.
 */
export function answerHeaderProblems(code: ErrorCode, prop: string, headers: Record<string, string>): Problem[] {
  const problems = staticHeaderProblems(code, prop, headers);
  for (const name of Object.keys(headers).filter(n => /^access-control-/i.test(n))) {
    problems.push({
      code,
      prop,
      rule: "must not set Access-Control-* headers (the gateway's cors sets them on every answer)",
      value: name,
      fix: "remove it and set the gateway's cors option",
    });
  }
  return problems;
}
