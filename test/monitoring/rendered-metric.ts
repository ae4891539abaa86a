import { Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/** A metric as the template renders it: namespace, name, dimensions, statistic, period. */
export function rendered(stack: Stack, metric: cloudwatch.IMetric): Record<string, unknown> {
  const config = metric.toMetricConfig().metricStat!;
  return {
    namespace: config.namespace,
    name: config.metricName,
    dimensions: Object.fromEntries((config.dimensions ?? []).map(d => [d.name, stack.resolve(d.value)])),
    statistic: config.statistic,
    period: config.period.toSeconds(),
  };
}
