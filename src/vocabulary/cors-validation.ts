import { Token } from 'aws-cdk-lib';
import { CorsOptions } from './cors-options';
import { Problem } from '../core/errors';
import { ROUTE_METHODS } from '../core/route-key';

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^\*$/;

/** Problems with CORS options that browsers or API Gateway would reject later. */
export function corsProblems(cors: CorsOptions | undefined, at = 'cors'): Problem[] {
  if (!cors) return [];
  const problems: Problem[] = [];
  if (cors.allowOrigins.length === 0) {
    problems.push({
      code: 'InvalidCors',
      prop: `${at}.allowOrigins`,
      rule: 'must name at least one origin',
      value: [],
      fix: "add the site's origin, e.g. 'https://app.example.com'",
    });
  }
  for (const origin of cors.allowOrigins) {
    if (!Token.isUnresolved(origin) && !ORIGIN.test(origin)) {
      problems.push({
        code: 'InvalidCors',
        prop: `${at}.allowOrigins`,
        rule: 'must be scheme://host[:port] without a path, or *',
        value: origin,
        fix: "write e.g. 'https://app.example.com'",
      });
    }
  }
  if (cors.allowOrigins.includes('*') && cors.allowOrigins.length > 1) {
    problems.push({
      code: 'InvalidCors',
      prop: `${at}.allowOrigins`,
      rule: 'must not mix * with named origins',
      value: cors.allowOrigins,
      fix: "keep either ['*'] or the list of origins",
    });
  }
  if (cors.allowCredentials && cors.allowOrigins.includes('*')) {
    problems.push({
      code: 'InvalidCors',
      prop: `${at}.allowCredentials`,
      rule: 'must not be true with the * origin (browsers refuse it)',
      value: true,
      fix: 'name the allowed origins instead of *',
    });
  }
  for (const method of cors.allowMethods ?? []) {
    if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
      problems.push({
        code: 'InvalidCors',
        prop: `${at}.allowMethods`,
        rule: `must be among ${ROUTE_METHODS.join(', ')}`,
        value: method,
        fix: 'use upper-case HTTP methods',
      });
    }
  }
  return problems;
}
