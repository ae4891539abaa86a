import { Problem } from '../core/errors';

/** A quota API Gateway would enforce at deploy, as a synth-time problem that names it. */
export function quotaProblem(prop: string, value: unknown, what: string, quota: string, limit: number, raiseWith: string, otherFix: string): Problem {
  return {
    code: 'LimitExceeded',
    prop,
    rule: `would make ${what}; API Gateway's quota "${quota}" is ${limit}`,
    value,
    fix: `${otherFix}, or have AWS raise the quota for this API and set ${raiseWith}`,
  };
}

/** A quota AWS does not raise, as a synth-time problem that names it. */
export function fixedQuotaProblem(prop: string, value: unknown, what: string, quota: string, limit: number, fix: string): Problem {
  return { code: 'LimitExceeded', prop, rule: `would make ${what}; API Gateway's quota "${quota}" is ${limit} and cannot be raised`, value, fix };
}

/** `/a/{id}/b` → `['/a', '/a/{id}', '/a/{id}/b']`: the API Gateway resources a REST path needs. */
export function resourcePaths(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  return segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}`);
}
