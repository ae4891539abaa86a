import { Token } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { num, required, struct } from '../core/shape';

/**
 * Token-bucket throttling: API Gateway refills `rateLimit` tokens per second into a bucket of
 * `burstLimit` tokens, and each request takes one.
 */
export interface ThrottleSettings {
  /** Steady-state requests per second (may be fractional). */
  readonly rateLimit: number;

  /** Bucket size: how many requests may arrive at once. */
  readonly burstLimit: number;
}

/** API Gateway's default account-level throttle per region (requests/s and bucket size). */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

/** Problems with a throttle: rate a number >= 0, burst a whole number >= 0. */
export function throttleProblems(prop: string, throttle: ThrottleSettings | undefined): Problem[] {
  if (!throttle) return [];
  const problems: Problem[] = [];
  const { rateLimit, burstLimit } = throttle;
  if (!Token.isUnresolved(rateLimit) && !(Number.isFinite(rateLimit) && rateLimit >= 0)) {
    problems.push({
      code: 'InvalidThrottle',
      prop: `${prop}.rateLimit`,
      rule: 'must be a number >= 0',
      value: rateLimit,
      fix: 'set the steady-state requests per second, e.g. 1000',
    });
  }
  if (!Token.isUnresolved(burstLimit) && !(Number.isInteger(burstLimit) && burstLimit >= 0)) {
    problems.push({
      code: 'InvalidThrottle',
      prop: `${prop}.burstLimit`,
      rule: 'must be a whole number >= 0',
      value: burstLimit,
      fix: 'set the bucket size (concurrent burst), e.g. 2000',
    });
  }
  return problems;
}

/** True when a throttle is above what API Gateway grants an account by default. */
export function exceedsAccountDefaults(throttle: ThrottleSettings): boolean {
  return (!Token.isUnresolved(throttle.rateLimit) && throttle.rateLimit > ACCOUNT_RATE_LIMIT)
    || (!Token.isUnresolved(throttle.burstLimit) && throttle.burstLimit > ACCOUNT_BURST_LIMIT);
}

// The shapes untyped (JavaScript) callers are checked against.

export const THROTTLE_SETTINGS = struct<ThrottleSettings>('ThrottleSettings', {
  rateLimit: required(num('100')),
  burstLimit: required(num('200')),
}, '{ rateLimit: 100, burstLimit: 200 }');
