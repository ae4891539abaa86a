import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { gatewayMetric, MetricDimensions } from './gateway-metric';
import { REST_METRICS } from './metric-tables';
import { RouteMetricOptions } from './route-metric-options';

/**
 * The CloudWatch metrics of a `RestGateway`'s stage (dimensions `ApiName`, `Stage`) or, with
 * `routeKey`, of one route (`ApiName`, `Method`, `Resource`, `Stage`: the gateway turns
 * detailed metrics on). Each defaults to the statistic API Gateway documents it with, over
 * five minutes.
 */
export class RestGatewayMetrics {
  /** @internal Made by `RestGateway` for its stage. */
  public static _of(dimensions: MetricDimensions): RestGatewayMetrics {
    return new RestGatewayMetrics(dimensions);
  }

  private constructor(private readonly dimensions: MetricDimensions) {}

  /** Requests (`Count`, SampleCount). */
  public requests(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.requests', REST_METRICS.requests, options);
  }

  /** Client-side errors (`4XXError`, Sum), throttled requests (429) included. */
  public clientErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.clientErrors', REST_METRICS.clientErrors, options);
  }

  /** Server-side errors (`5XXError`, Sum), integration timeouts (504) included. */
  public serverErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.serverErrors', REST_METRICS.serverErrors, options);
  }

  /** Time from request to response, in milliseconds (`Latency`, p99; pass `statistic: 'p50'` or `'p90'` for others). */
  public latency(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.latency', REST_METRICS.latency!, options);
  }

  /** Time the integration took, in milliseconds (`IntegrationLatency`, p99). */
  public integrationLatency(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.integrationLatency', REST_METRICS.integrationLatency, options);
  }

  /** Requests served from the stage cache (`CacheHitCount`, Sum). */
  public cacheHits(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.cacheHits', REST_METRICS.cacheHits!, options);
  }

  /** Requests the backend served while the stage has a cache (`CacheMissCount`, Sum). */
  public cacheMisses(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.cacheMisses', REST_METRICS.cacheMisses!, options);
  }
}
