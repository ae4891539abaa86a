import { Duration } from 'aws-cdk-lib';
import { IntegrationKind, IntegrationSpec } from '../vocabulary/integration-spec';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/** What monitoring needs to know about one route, recorded when the gateway adds it. */
export interface MonitoredRoute {
  readonly routeKey: string;
  readonly kind: IntegrationKind;
  /** The route's integration timeout (its own, else its integration's); undefined: API Gateway's default. */
  readonly timeout?: Duration;
  /** The route's own throttle. */
  readonly throttle?: ThrottleSettings;
  /** Whether responses are served from the stage cache (REST). */
  readonly cached: boolean;
}

const SERVICE_KINDS: ReadonlySet<IntegrationKind> = new Set<IntegrationKind>(['sqs', 'kinesis', 'dynamoDb', 'stepFunctions', 'eventBridge']);

/** Whether a route calls an AWS service directly (a service integration). */
export function isServiceRoute(route: MonitoredRoute): boolean {
  return SERVICE_KINDS.has(route.kind);
}

/** The facts of a route, from what it was added with. */
export function monitoredRoute(
  routeKey: string, integration: IntegrationSpec, options: { readonly timeout?: Duration; readonly throttle?: ThrottleSettings }, cached = false,
): MonitoredRoute {
  const integrationTimeout = (integration.options as { readonly timeout?: Duration } | undefined)?.timeout;
  return { routeKey, kind: integration.kind, timeout: options.timeout ?? integrationTimeout, throttle: options.throttle, cached };
}

/**
 * A gateway's routes as monitoring sees them: those added so far, and each one added later,
 * so alarms follow routes whether they come before or after `addMonitoring`.
 */
export class MonitoredRoutes {
  private readonly routes: MonitoredRoute[] = [];
  private readonly listeners: Array<(route: MonitoredRoute) => void> = [];

  public add(route: MonitoredRoute): void {
    this.routes.push(route);
    this.listeners.forEach(listener => listener(route));
  }

  /** Calls `listener` with every route, now and when added. */
  public each(listener: (route: MonitoredRoute) => void): void {
    this.routes.forEach(listener);
    this.listeners.push(listener);
  }
}
