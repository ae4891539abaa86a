import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ROUTE_METRIC_OPTIONS, routeMetricProblems, RouteMetricOptions } from './route-metric-options';
import { throwIfProblems } from '../core/errors';
import { optionsProblems } from '../core/shape';

/** The CloudWatch namespace of every API Gateway metric, REST, HTTP and WebSocket alike. */
export const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

/** Period of a metric helper's metric when the caller sets none. */
export const DEFAULT_METRIC_PERIOD = Duration.minutes(5);

/** One metric as API Gateway documents it: its name and the statistic that reads it. */
export interface MetricSpec {
  readonly name: string;
  readonly statistic: string;
}

/**
 * Where a gateway's metrics are, by their dimensions: the stage's, and one route's from the
 * per-route dimensions its detailed metrics write.
 */
export interface MetricDimensions {
  readonly scope: IConstruct;
  readonly stage: { readonly [name: string]: string };
  /**
   * The dimension names of the per-route metrics and the filter of this stage, for search
   * expressions: `{AWS/ApiGateway,ApiName,Method,Resource,Stage}`, `ApiName="orders" Stage="prod"`.
   */
  readonly routeSchema: string;
  readonly stageFilter: string;
  /** One route's dimensions; throws `UnknownRoute` (naming `prop`) for a key the gateway lacks. */
  route(prop: string, routeKey: string): { [name: string]: string };
}

/** A metric of the stage or, with `options.routeKey`, of one route; `call` names the helper in errors. */
export function gatewayMetric(
  dimensions: MetricDimensions, call: string, spec: MetricSpec, options: RouteMetricOptions = {},
): cloudwatch.Metric {
  throwIfProblems(dimensions.scope, optionsProblems(ROUTE_METRIC_OPTIONS, options, call));
  throwIfProblems(dimensions.scope, routeMetricProblems(call, options));
  const dimensionsMap = options.routeKey === undefined ? { ...dimensions.stage } : dimensions.route(`${call}.routeKey`, options.routeKey);
  return new cloudwatch.Metric({
    namespace: API_GATEWAY_NAMESPACE,
    metricName: spec.name,
    dimensionsMap,
    statistic: options.statistic ?? spec.statistic,
    period: options.period ?? DEFAULT_METRIC_PERIOD,
    label: options.label,
  });
}

/** A search-expression filter value: quotes and backslashes escaped (tokens left as they are). */
export function searchValue(value: string): string {
  return value.replace(/[\\"']/g, c => `\\${c}`);
}
