import { Duration, Token } from 'aws-cdk-lib';
import { wholeMinutesProblems } from './route-metric-options';
import { Problem } from '../core/errors';
import { bool, duration, num, optional, struct } from '../core/shape';

/**
 * One alarm of `addMonitoring`: off, or its threshold and how long it must hold. What
 * `threshold` measures depends on the alarm (see `MonitoringOptions`).
 */
export interface AlarmOptions {
  /**
   * Whether to create the alarm.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The threshold, in the alarm's unit (a percentage, or a count for `integrationErrors`).
   * @default - the alarm's default (see `MonitoringOptions`)
   */
  readonly threshold?: number;

  /**
   * How many of the latest periods the alarm looks at (`periods × period` at most one day).
   * @default - the alarm's default (see `MonitoringOptions`)
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of those periods must breach (1 to `evaluationPeriods`).
   * @default - the alarm's default, at most `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;

  /**
   * The length of one period (whole minutes).
   * @default - the alarm's default (see `MonitoringOptions`)
   */
  readonly period?: Duration;
}

/** The settings one alarm runs with, its defaults filled in. */
export interface AlarmSettings {
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly period: Duration;
}

/** What an alarm's threshold is: a percentage (at most 100) or a count. */
export type ThresholdUnit = 'percent' | 'count';

/** The settings of an alarm: its options over its defaults. */
export function alarmSettings(options: AlarmOptions | undefined, defaults: AlarmSettings): AlarmSettings {
  const evaluationPeriods = options?.evaluationPeriods ?? defaults.evaluationPeriods;
  return {
    threshold: options?.threshold ?? defaults.threshold,
    evaluationPeriods,
    datapointsToAlarm: options?.datapointsToAlarm ?? Math.min(defaults.datapointsToAlarm, evaluationPeriods),
    period: options?.period ?? defaults.period,
  };
}

/** Problems with one alarm's options, named `<prop>.<key>`. */
export function alarmOptionProblems(prop: string, options: AlarmOptions | undefined, defaults: AlarmSettings, unit: ThresholdUnit): Problem[] {
  if (!options) return [];
  const problems: Problem[] = [];
  const problem = (key: string, rule: string, value: unknown, fix: string): void => {
    problems.push({ code: 'InvalidMonitoring', prop: `${prop}.${key}`, rule, value, fix });
  };
  const { threshold, evaluationPeriods, datapointsToAlarm } = options;
  if (threshold !== undefined && !Token.isUnresolved(threshold)) {
    if (!(threshold > 0)) {
      problem('threshold', `must be a number > 0${unit === 'percent' ? ' (a percentage)' : ''}`, threshold,
        `set e.g. ${defaults.threshold}, or enabled: false to leave the alarm out`);
    } else if (unit === 'percent' && threshold > 100) {
      problem('threshold', 'must be a percentage, at most 100', threshold, `set e.g. ${defaults.threshold}`);
    }
  }
  if (evaluationPeriods !== undefined && !Token.isUnresolved(evaluationPeriods) && !(Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1)) {
    problem('evaluationPeriods', 'must be a whole number >= 1', evaluationPeriods, `set e.g. ${defaults.evaluationPeriods}`);
  }
  if (datapointsToAlarm !== undefined && !Token.isUnresolved(datapointsToAlarm)) {
    const periods = alarmSettings(options, defaults).evaluationPeriods;
    if (!(Number.isInteger(datapointsToAlarm) && datapointsToAlarm >= 1)) {
      problem('datapointsToAlarm', 'must be a whole number >= 1', datapointsToAlarm, 'set e.g. 3, at most evaluationPeriods');
    } else if (!Token.isUnresolved(periods) && Number.isInteger(periods) && datapointsToAlarm > periods) {
      problem('datapointsToAlarm', `must be at most evaluationPeriods (${periods})`, datapointsToAlarm, 'lower it, or raise evaluationPeriods');
    }
  }
  const periodProblems = wholeMinutesProblems(`${prop}.period`, options.period);
  problems.push(...periodProblems);
  const settings = alarmSettings(options, defaults);
  const seconds = settings.period.toSeconds({ integral: false });
  if (periodProblems.length === 0 && !Token.isUnresolved(seconds) && !Token.isUnresolved(settings.evaluationPeriods)
    && Number.isInteger(settings.evaluationPeriods) && settings.evaluationPeriods * seconds > 86_400) {
    problem('evaluationPeriods', 'times the period must be at most one day (CloudWatch\'s limit)', settings.evaluationPeriods,
      'use fewer periods or a shorter period');
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const ALARM_OPTIONS = struct<AlarmOptions>('AlarmOptions', {
  enabled: optional(bool()),
  threshold: optional(num('5')),
  evaluationPeriods: optional(num('5')),
  datapointsToAlarm: optional(num('3')),
  period: optional(duration('Duration.minutes(1)')),
}, '{ threshold: 5, evaluationPeriods: 5, datapointsToAlarm: 3 }');
