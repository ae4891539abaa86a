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
