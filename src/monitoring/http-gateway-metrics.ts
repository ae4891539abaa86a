import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { gatewayMetric, MetricDimensions } from './gateway-metric';
import { HTTP_METRICS } from './metric-tables';
import { RouteMetricOptions } from './route-metric-options';

/**
 * The CloudWatch metrics of an `HttpGateway`'s stage (dimensions `ApiId`, `Stage`) or, with
 * `routeKey`, of one route (`ApiId`, `Method`, `Resource`, `Stage`, as the HTTP API metric
 * documentation lists them; the gateway turns detailed metrics on). Each defaults to its
 * documented statistic, over five minutes.
 */
export class HttpGatewayMetrics {
  /** @internal Made by `HttpGateway` for its stage. */
  public static _of(dimensions: MetricDimensions): HttpGatewayMetrics {
    return new HttpGatewayMetrics(dimensions);
  }

  private constructor(private readonly dimensions: MetricDimensions) {}

  /** Requests (`Count`, SampleCount). */
  public requests(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.requests', HTTP_METRICS.requests, options);
  }

  /** Client-side errors (`4xx`, Sum), throttled requests (429) included. */
  public clientErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.clientErrors', HTTP_METRICS.clientErrors, options);
  }

  /** Server-side errors (`5xx`, Sum), integration timeouts (504) included. */
  public serverErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.serverErrors', HTTP_METRICS.serverErrors, options);
  }

  /** Time from request to response, in milliseconds (`Latency`, p99; pass `statistic: 'p50'` or `'p90'` for others). */
  public latency(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.latency', HTTP_METRICS.latency!, options);
  }

  /** Time the integration took, in milliseconds (`IntegrationLatency`, p99). */
  public integrationLatency(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.integrationLatency', HTTP_METRICS.integrationLatency, options);
  }

  /** Bytes of requests and responses (`DataProcessed`, Sum). */
  public dataProcessed(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.dataProcessed', HTTP_METRICS.dataProcessed!, options);
  }
}
