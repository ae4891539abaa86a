import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MetricDimensions } from './gateway-metric';
import { MetricTable } from './metric-tables';
import { MonitoredRoutes } from './monitored-routes';
import { AlarmKind } from './monitoring-options';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/** What a gateway tells its monitoring (internal). */
export interface MonitoringHost {
  readonly gateway: Construct;
  /** How the dashboard names the API type: `REST`, `HTTP`, `WebSocket`. */
  readonly apiType: string;
  readonly table: MetricTable;
  readonly dimensions: MetricDimensions;
  readonly routes: MonitoredRoutes;
  /** The stage's throttle, for the headroom alarm; undefined where it has none. */
  readonly stageThrottle?: ThrottleSettings;
  /** Whether the stage has a cache (REST). */
  readonly stageCache: boolean;
  /** API Gateway's integration timeout when a route sets none. */
  readonly defaultTimeout: Duration;
  /** The alarms this API type has no metric for, each with the reason. */
  readonly unsupported: { readonly [K in AlarmKind]?: string };
  /** Whether API Gateway writes per-route metrics for this route. */
  hasRouteMetrics(routeKey: string): boolean;
}
