import { Duration } from 'aws-cdk-lib';
import { Problem } from '../../core/errors';
import { duration, optional } from '../../core/shape';
import { durationRangeProblem } from '../../core/validation';
import { RequestValue } from '../request-value';

/** API Gateway caches authorizer results for 0 (off) to 3600 seconds. */
export function cacheTtlProblems(prop: string, ttl: Duration | undefined): Problem[] {
  const problem = durationRangeProblem(prop, ttl, 0, 3600,
    'use Duration.seconds(0) to turn caching off, or up to Duration.hours(1)', 'InvalidAuthorization');
  return problem ? [problem] : [];
}

/**
 * A request authorizer caches its result per identity (the values of its identity sources):
 * while caching is on, they must tell callers apart, or one caller's result (allow or deny,
 * and the context the backend reads) is reused for others. Stage variables are the same for
 * every caller.
 */
export function identityCacheProblems(prop: string, sources: RequestValue[], cacheTtl: Duration | undefined): Problem[] {
  const caching = cacheTtl === undefined || cacheTtl.toSeconds() > 0;
  if (!caching) return [];
  const fix = "add e.g. RequestValue.header('Authorization'), or set cacheTtl: Duration.seconds(0)";
  if (sources.length === 0) {
    return [{ code: 'InvalidAuthorization', prop, rule: 'must name at least one value while caching is on', value: [], fix }];
  }
  if (sources.every(source => source._source === 'stageVariable')) {
    return [{
      code: 'InvalidAuthorization',
      prop,
      rule: "must include a header, query string or context variable while caching is on (stage variables are the same for every caller, so one caller's result would be reused for all)",
      value: sources,
      fix,
    }];
  }
  return [];
}

// The shapes untyped (JavaScript) callers are checked against.

export const CACHE_TTL = optional(duration('Duration.minutes(5), or Duration.seconds(0) to turn caching off'));
