import { Duration, Token } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { duration, optional, str, struct } from '../core/shape';

/** Which metric of a gateway's helpers (`gateway.metrics.latency(…)`) and how to read it. */
export interface RouteMetricOptions {
  /**
   * One route's metric (`'GET /orders/{id}'`, WebSocket `'sendMessage'`), from the per-route
   * dimensions the gateway's detailed metrics write.
   * @default - the stage's metric, all routes together
   */
  readonly routeKey?: string;

  /**
   * The statistic: `Sum`, `Average`, `SampleCount`, `Minimum`, `Maximum` or a percentile such
   * as `p99`.
   * @default - the statistic the metric is documented with (Sum for errors, SampleCount for requests, p99 for latencies)
   */
  readonly statistic?: string;

  /**
   * The period (whole minutes: API Gateway sends its metrics every minute).
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;

  /**
   * The label in graphs.
   * @default - CloudWatch's label
   */
  readonly label?: string;
}

const STATISTIC = /^(Average|Sum|SampleCount|Minimum|Maximum|IQM|p(\d{1,2}(\.\d+)?|100)|(tm|wm|tc|ts|pr)\(?[\d.%:]+\)?)$/;

/** Problems with a metric's options, named after `call` (`metrics.latency`). */
export function routeMetricProblems(call: string, options: RouteMetricOptions): Problem[] {
  const problems: Problem[] = [];
  if (options.statistic !== undefined && !Token.isUnresolved(options.statistic) && !STATISTIC.test(options.statistic)) {
    problems.push({
      code: 'InvalidMonitoring',
      prop: `${call}.statistic`,
      rule: 'must be a CloudWatch statistic',
      value: options.statistic,
      fix: "use 'Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum' or a percentile such as 'p99'",
    });
  }
  problems.push(...wholeMinutesProblems(`${call}.period`, options.period));
  return problems;
}

/** A period of whole minutes, at least one (API Gateway's metrics have one datapoint a minute). */
export function wholeMinutesProblems(prop: string, period: Duration | undefined): Problem[] {
  if (period === undefined) return [];
  const seconds = period.toSeconds({ integral: false });
  if (Token.isUnresolved(seconds) || (Number.isInteger(seconds) && seconds >= 60 && seconds % 60 === 0 && seconds <= 86_400)) return [];
  return [{
    code: 'InvalidMonitoring',
    prop,
    rule: 'must be whole minutes from 1 minute to 1 day (API Gateway sends its metrics every minute)',
    value: period,
    fix: 'use e.g. Duration.minutes(1) or Duration.minutes(5)',
  }];
}

// The shapes untyped (JavaScript) callers are checked against.

export const ROUTE_METRIC_OPTIONS = struct<RouteMetricOptions>('RouteMetricOptions', {
  routeKey: optional(str("'GET /orders/{id}'")),
  statistic: optional(str("'p99'")),
  period: optional(duration('Duration.minutes(1)')),
  label: optional(str("'orders p99'")),
}, "{ routeKey: 'GET /orders/{id}', statistic: 'p99' }");
