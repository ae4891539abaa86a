import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MetricDimensions } from './gateway-metric';
import { GatewayMonitoring } from './gateway-monitoring';
import { HTTP_METRICS, REST_METRICS, WEBSOCKET_METRICS } from './metric-tables';
import { MonitoredRoutes } from './monitored-routes';
import { MonitoringOptions } from './monitoring-options';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/** What each gateway hands its `addMonitoring`. */
export interface GatewayFacts {
  readonly gateway: Construct;
  readonly dimensions: MetricDimensions;
  readonly routes: MonitoredRoutes;
  readonly stageThrottle: ThrottleSettings;
  /** The monitoring made already, refused a second time. */
  readonly existing?: GatewayMonitoring;
}

const NO_CACHE = 'only a RestGateway with a stage cache has cache metrics';

/** `RestGateway.addMonitoring`: API Gateway's integration timeout defaults to 29 s. */
export function addRestMonitoring(facts: GatewayFacts, stageCache: boolean, options: MonitoringOptions): GatewayMonitoring {
  return GatewayMonitoring._add({
    ...facts,
    apiType: 'REST',
    table: REST_METRICS,
    stageCache,
    defaultTimeout: Duration.seconds(29),
    hasRouteMetrics: () => true,
    unsupported: stageCache ? {} : { cacheHitRate: `the gateway has no stage cache (its cache prop); ${NO_CACHE}` },
  }, options, facts.existing);
}

/** `HttpGateway.addMonitoring`: HTTP APIs time integrations out after 30 s by default. */
export function addHttpMonitoring(facts: GatewayFacts, options: MonitoringOptions): GatewayMonitoring {
  return GatewayMonitoring._add({
    ...facts,
    apiType: 'HTTP',
    table: HTTP_METRICS,
    stageCache: false,
    defaultTimeout: Duration.seconds(30),
    hasRouteMetrics: routeKey => routeKey !== '$default',
    unsupported: { cacheHitRate: `HTTP APIs have no cache; ${NO_CACHE}` },
  }, options, facts.existing);
}

/** `WebSocketGateway.addMonitoring`: messages have no per-second throttle metric to compare. */
export function addWebSocketMonitoring(facts: GatewayFacts, options: MonitoringOptions): GatewayMonitoring {
  return GatewayMonitoring._add({
    ...facts,
    stageThrottle: undefined,
    apiType: 'WebSocket',
    table: WEBSOCKET_METRICS,
    stageCache: false,
    defaultTimeout: Duration.seconds(29),
    hasRouteMetrics: () => true,
    unsupported: {
      cacheHitRate: `WebSocket APIs have no cache; ${NO_CACHE}`,
      throttleHeadroom: 'WebSocket APIs publish no request count to compare with the throttle (MessageCount counts messages both ways)',
    },
  }, options, facts.existing);
}
