import { Duration } from 'aws-cdk-lib';
import { Problem } from '../private/errors';
import { durationRangeProblem } from '../private/validation';

/** API Gateway caches authorizer results for 0 (off) to 3600 seconds. */
export function cacheTtlProblems(prop: string, ttl: Duration | undefined): Problem[] {
  const problem = durationRangeProblem(prop, ttl, 0, 3600,
    'use Duration.seconds(0) to turn caching off, or up to Duration.hours(1)', 'InvalidAuthorization');
  return problem ? [problem] : [];
}
