import { enumOf, num, optional, required, struct } from '../core/shape';
/** The period a usage plan's quota counts requests over. */
export enum QuotaPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** How many requests a key of a usage plan may make per period. */
export interface QuotaSettings {
  /** Requests allowed per period (a whole number >= 0). */
  readonly limit: number;

  /** The period the limit applies to. */
  readonly period: QuotaPeriod;

  /**
   * Days the period starts after its natural start: 0 for DAY, 0–6 for WEEK, 0–27 for MONTH.
   * @default 0
   */
  readonly offset?: number;
}

// The shapes untyped (JavaScript) callers are checked against.

export const QUOTA_PERIOD = enumOf<QuotaPeriod>('QuotaPeriod', () => QuotaPeriod);

export const QUOTA_SETTINGS = struct<QuotaSettings>('QuotaSettings', {
  limit: required(num('100000')),
  period: required(QUOTA_PERIOD),
  offset: optional(num('0')),
}, '{ limit: 100000, period: QuotaPeriod.MONTH }');
