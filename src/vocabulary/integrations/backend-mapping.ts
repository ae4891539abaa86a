import { Token } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { list, map, num, optional, required, str, struct } from '../../core/shape';

/**
 * How an HttpGateway changes the backend's answers of one status before clients get them
 * (an HTTP API's response parameter mapping).
 */
export interface HttpResponseMapping {
  /** The backend's status this mapping applies to (200 to 599). */
  readonly statusCode: number;

  /**
   * Headers set on the answer, replacing the backend's of that name (fixed text).
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * Headers taken out of the answer, e.g. `x-powered-by`.
   * @default - none
   */
  readonly removeHeaders?: string[];

  /**
   * The status clients get instead (200 to 599).
   * @default - the backend's
   */
  readonly newStatusCode?: number;
}

/** Header names: an HTTP token. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** Query string names a mapping can address unambiguously. */
const QUERY_STRING_NAME = /^[A-Za-z0-9_.~-]+$/;

/**
 * Headers API Gateway manages itself: a parameter mapping that sets or removes one is refused
 * when the API is deployed (HTTP APIs document these; REST APIs manage the same ones).
 */
const RESERVED_HEADERS = [
  'authorization', 'connection', 'content-encoding', 'content-length', 'content-location', 'forwarded', 'host',
  'keep-alive', 'origin', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding',
  'upgrade', 'via', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto',
];
const RESERVED_PREFIXES = ['access-control-', 'apigw-', 'x-amz-', 'x-amzn-'];

/** What is wrong with a header name a mapping sets or removes. */
export function mappedHeaderProblems(prop: string, name: string): Problem[] {
  const lower = name.toLowerCase();
  if (!HEADER_NAME.test(name)) {
    return [{ code: 'InvalidIntegration', prop, rule: 'header names must be letters, digits and !#$%&\'*+.^_`|~-', value: name, fix: "use e.g. 'X-Tenant'" }];
  }
  if (RESERVED_HEADERS.includes(lower) || RESERVED_PREFIXES.some(p => lower.startsWith(p))) {
    return [{
      code: 'InvalidIntegration',
      prop,
      rule: 'must not name a header API Gateway manages (Authorization, Host, Content-Length, Origin, X-Forwarded-*, Access-Control-*, X-Amz-*, …)',
      value: name,
      fix: 'use a header of your own, e.g. X-Caller-Id; CORS headers come from the gateway\'s cors option',
    }];
  }
  return [];
}

/** What is wrong with a query string name a mapping sets. */
export function mappedQueryStringProblems(prop: string, name: string): Problem[] {
  return QUERY_STRING_NAME.test(name)
    ? []
    : [{ code: 'InvalidIntegration', prop, rule: 'query string names must be letters, digits and _.~-', value: name, fix: "use e.g. 'tenant'" }];
}

/** What is wrong with an HttpGateway's response mappings, wherever they are set. */
export function responseMappingProblems(prop: string, mappings: readonly HttpResponseMapping[]): Problem[] {
  const problems: Problem[] = [];
  const status = (where: string, value: number) => {
    if (!Token.isUnresolved(value) && (!Number.isInteger(value) || value < 200 || value > 599)) {
      problems.push({ code: 'InvalidIntegration', prop: where, rule: 'must be a whole number from 200 to 599', value, fix: 'use e.g. 200' });
    }
  };
  const seen = new Set<number>();
  mappings.forEach((m, i) => {
    const at = `${prop}[${i}]`;
    status(`${at}.statusCode`, m.statusCode);
    if (m.newStatusCode !== undefined) status(`${at}.newStatusCode`, m.newStatusCode);
    if (seen.has(m.statusCode)) {
      problems.push({ code: 'InvalidIntegration', prop: `${at}.statusCode`, rule: 'must not repeat (one mapping per status)', value: m.statusCode, fix: 'merge the two mappings' });
    }
    seen.add(m.statusCode);
    for (const [name, value] of Object.entries(m.headers ?? {})) {
      problems.push(...mappedHeaderProblems(`${at}.headers`, name));
      if (!Token.isUnresolved(value) && (value === '' || value.includes('$'))) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${at}.headers['${name}']`,
          rule: 'must be fixed text, not empty and without $ (a mapping reads $ as an expression)',
          value,
          fix: "write the value, e.g. 'no-store'",
        });
      }
    }
    for (const name of m.removeHeaders ?? []) problems.push(...mappedHeaderProblems(`${at}.removeHeaders`, name));
    if (Object.keys(m.headers ?? {}).length === 0 && (m.removeHeaders ?? []).length === 0 && m.newStatusCode === undefined) {
      problems.push({
        code: 'InvalidIntegration', prop: at, rule: 'must change something', value: m, fix: 'set headers, removeHeaders or newStatusCode, or leave the mapping out',
      });
    }
  });
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const HTTP_RESPONSE_MAPPING = struct<HttpResponseMapping>('HttpResponseMapping', {
  statusCode: required(num('200')),
  headers: optional(map(str("'no-store'"), "{ 'Cache-Control': 'no-store' }")),
  removeHeaders: optional(list(str("'x-powered-by'"))),
  newStatusCode: optional(num('200')),
}, "{ statusCode: 200, headers: { 'Cache-Control': 'no-store' } }");
