import { Token } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { num, optional, required, struct } from '../core/shape';

/**
 * Token-bucket throttling: API Gateway refills `rateLimit` tokens per second into a bucket of
 * `burstLimit` tokens, and each request takes one.
 */
export interface ThrottleSettings {
  /** Steady-state requests per second (may be fractional). */
  readonly rateLimit: number;

  /**
   * Bucket size: how many requests may arrive at once.
   * @default - twice `rateLimit`, rounded up, and at most 5,000 (API Gateway's default bucket per account in most Regions)
   */
  readonly burstLimit?: number;
}

/** API Gateway's default account-level throttle per region (requests/s and bucket size). */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

/**
 * A throttle's bucket size: the one given, else twice the rate (rounded up, so a fractional
 * rate still admits a request), at most the account's default bucket in most Regions (a
 * larger one is for accounts that raised it, so it is given, not derived).
 */
export function burstLimitOf(throttle: ThrottleSettings): number {
  if (throttle.burstLimit !== undefined) return throttle.burstLimit;
  return Math.min(Math.ceil(2 * throttle.rateLimit), ACCOUNT_BURST_LIMIT);
}

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
  if (burstLimit === undefined && Token.isUnresolved(rateLimit)) {
    problems.push({
      code: 'InvalidThrottle',
      prop: `${prop}.burstLimit`,
      rule: 'is required when rateLimit is a token (it is derived from a known rate only)',
      value: burstLimit,
      fix: 'set the bucket size, e.g. twice the rate',
    });
  }
  if (burstLimit !== undefined && !Token.isUnresolved(burstLimit) && !(Number.isInteger(burstLimit) && burstLimit >= 0)) {
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
    || (throttle.burstLimit !== undefined && !Token.isUnresolved(throttle.burstLimit) && throttle.burstLimit > ACCOUNT_BURST_LIMIT);
}

// The shapes untyped (JavaScript) callers are checked against.

export const THROTTLE_SETTINGS = struct<ThrottleSettings>('ThrottleSettings', {
  rateLimit: required(num('100')),
  burstLimit: optional(num('200')),
}, '{ rateLimit: 100, burstLimit: 200 }');
