import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { gatewayMetric, MetricDimensions } from './gateway-metric';
import { WEBSOCKET_METRICS } from './metric-tables';
import { RouteMetricOptions } from './route-metric-options';

/**
 * The CloudWatch metrics of a `WebSocketGateway`'s stage (dimensions `ApiId`, `Stage`) or,
 * with `routeKey`, of one route (`ApiId`, `Route`, `Stage`; the gateway turns detailed
 * metrics on). Each defaults to the Sum (latency: p99), over five minutes.
 */
export class WebSocketGatewayMetrics {
  /** @internal Made by `WebSocketGateway` for its stage. */
  public static _of(dimensions: MetricDimensions): WebSocketGatewayMetrics {
    return new WebSocketGatewayMetrics(dimensions);
  }

  private constructor(private readonly dimensions: MetricDimensions) {}

  /** Messages sent to the `$connect` route's integration (`ConnectCount`, Sum). */
  public connects(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.connects', WEBSOCKET_METRICS.connects!, options);
  }

  /** Messages to and from clients (`MessageCount`, Sum). */
  public messages(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.messages', WEBSOCKET_METRICS.requests, options);
  }

  /** Requests the integration answered with a 4XX or 5XX (`IntegrationError`, Sum). */
  public integrationErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.integrationErrors', WEBSOCKET_METRICS.integrationErrors, options);
  }

  /** Requests API Gateway answered with a 4XX before calling the integration (`ClientError`, Sum). */
  public clientErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.clientErrors', WEBSOCKET_METRICS.clientErrors, options);
  }

  /** Errors while calling the integration (`ExecutionError`, Sum). */
  public executionErrors(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.executionErrors', WEBSOCKET_METRICS.serverErrors, options);
  }

  /** Time the integration took, in milliseconds (`IntegrationLatency`, p99; not sent for mock integrations). */
  public integrationLatency(options: RouteMetricOptions = {}): cloudwatch.Metric {
    return gatewayMetric(this.dimensions, 'metrics.integrationLatency', WEBSOCKET_METRICS.integrationLatency, options);
  }
}
