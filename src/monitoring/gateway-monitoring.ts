import { Duration, Token, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { routeAlarmId } from './alarm-ids';
import { alarmSettings, AlarmSettings } from './alarm-options';
import { gatewayDashboard } from './gateway-dashboard';
import { gatewayMetric, MetricSpec } from './gateway-metric';
import { isServiceRoute, MonitoredRoute } from './monitored-routes';
import { MonitoringHost } from './monitoring-host';
import { ALARM_DEFAULTS, AlarmKind, MONITORING_OPTIONS, monitoringProblems, MonitoringOptions } from './monitoring-options';
import { fail, throwIfProblems } from '../core/errors';
import { optionsProblems } from '../core/shape';

/**
 * The alarms and dashboard of one gateway, made by its `addMonitoring`: alarms on the stage's
 * error rates and throttle headroom, one latency alarm per route sized by its integration
 * timeout, one integration-error alarm per AWS service route, the cache hit rate of a cached
 * REST stage, and a dashboard. Construct IDs come from the metric and the route key, so adding
 * or removing a route leaves every other alarm as it is.
 *
 * @example
 * import { Duration } from 'aws-cdk-lib';
 * import { Integration, RestGateway } from 'cdk-gatehouse';
 *
 * const orders = new RestGateway(this, 'Orders');
 * orders.addRoute('GET /orders/{id}', Integration.lambda(getOrder, { timeout: Duration.seconds(5) }));
 * // 5XX above 2 % of requests; p99 integration latency above 90 % of each route's timeout.
 * const monitoring = orders.addMonitoring({ serverErrors: { threshold: 2 }, latency: { threshold: 90 } });
 */
export class GatewayMonitoring extends Construct {
  /**
   * @internal Made by the gateways' `addMonitoring` (once per gateway) as `Monitoring`, once
   * its options are checked.
   */
  public static _add(host: MonitoringHost, options: MonitoringOptions, existing: GatewayMonitoring | undefined): GatewayMonitoring {
    throwIfProblems(host.gateway, optionsProblems(MONITORING_OPTIONS, options, 'addMonitoring'));
    throwIfProblems(host.gateway, monitoringProblems(options, host.unsupported));
    if (existing) {
      fail(host.gateway, {
        code: 'InvalidMonitoring',
        prop: 'addMonitoring',
        rule: 'may be called once per gateway',
        value: options,
        fix: 'call addMonitoring once, with all its options',
      });
    }
    return new GatewayMonitoring(host, options);
  }

  /** The dashboard, unless `dashboard: false`. */
  public readonly dashboard?: cloudwatch.Dashboard;

  private readonly alarmList: cloudwatch.Alarm[] = [];
  private readonly host: MonitoringHost;
  private readonly options: MonitoringOptions;
  private cacheAlarm?: cloudwatch.Alarm;

  private constructor(host: MonitoringHost, options: MonitoringOptions) {
    super(host.gateway, 'Monitoring');
    this.host = host;
    this.options = options;
    this.stageAlarms();
    host.routes.each(route => this.routeAlarms(route));
    if (options.dashboard ?? true) {
      // The alarm widgets show the list as it is at synth: later routes' alarms too.
      this.dashboard = gatewayDashboard(this, host, this.alarmList, options.dashboardName);
    }
  }

  /** Every alarm, those of routes added later included. */
  public get alarms(): cloudwatch.Alarm[] {
    return [...this.alarmList];
  }

  private settings(kind: AlarmKind): AlarmSettings | undefined {
    if (this.host.unsupported[kind] || this.options[kind]?.enabled === false) return undefined;
    return alarmSettings(this.options[kind], ALARM_DEFAULTS[kind]);
  }

  private metric(call: string, spec: MetricSpec, period: Duration, routeKey?: string, statistic?: string): cloudwatch.Metric {
    return gatewayMetric(this.host.dimensions, call, spec, { routeKey, period, statistic });
  }

  private stageAlarms(): void {
    const { table } = this.host;
    const unit = this.host.apiType === 'WebSocket' ? 'messages' : 'requests';
    for (const kind of ['serverErrors', 'clientErrors'] as const) {
      const s = this.settings(kind);
      if (!s) continue;
      const spec = table[kind];
      const rate = new cloudwatch.MathExpression({
        expression: '100 * errors / requests',
        usingMetrics: { errors: this.metric(`addMonitoring.${kind}`, spec, s.period), requests: this.metric(`addMonitoring.${kind}`, table.requests, s.period) },
        period: s.period,
        label: `${spec.name} (% of ${unit})`,
      });
      this.addAlarm(kind === 'serverErrors' ? 'ServerErrors' : 'ClientErrors', s, rate, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, s.threshold,
        `${spec.name} above ${s.threshold} % of ${unit}`);
    }
    const headroom = this.settings('throttleHeadroom');
    if (headroom && this.host.stageThrottle) {
      this.headroomAlarm('ThrottleHeadroom', headroom, this.host.stageThrottle.rateLimit, 'the stage', undefined);
    }
  }

  private routeAlarms(route: MonitoredRoute): void {
    if (!this.host.hasRouteMetrics(route.routeKey)) return;
    const { table } = this.host;
    const latency = this.settings('latency');
    if (latency && route.kind !== 'mock') {
      const timeout = route.timeout ?? this.host.defaultTimeout;
      const timeoutMs = timeout.toMilliseconds({ integral: false });
      if (!Token.isUnresolved(timeoutMs)) {
        const threshold = Math.round(timeoutMs * latency.threshold / 100);
        this.addAlarm(routeAlarmId('Latency', route.routeKey), latency,
          this.metric('addMonitoring.latency', table.integrationLatency, latency.period, route.routeKey, 'p99'),
          cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, threshold,
          `${route.routeKey}: p99 ${table.integrationLatency.name} above ${threshold} ms, ${latency.threshold} % of its ${timeoutMs} ms integration timeout (504 beyond it)`);
      }
    }
    const errors = this.settings('integrationErrors');
    if (errors && isServiceRoute(route)) {
      this.addAlarm(routeAlarmId('IntegrationErrors', route.routeKey), errors,
        this.metric('addMonitoring.integrationErrors', table.integrationErrors, errors.period, route.routeKey),
        cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, errors.threshold,
        `${route.routeKey}: ${errors.threshold} or more ${table.integrationErrors.name} of its ${route.kind} integration a period (check the service role's policy and the request the route sends)`);
    }
    const headroom = this.settings('throttleHeadroom');
    if (headroom && route.throttle && this.host.stageThrottle) {
      this.headroomAlarm(routeAlarmId('ThrottleHeadroom', route.routeKey), headroom, route.throttle.rateLimit, route.routeKey, route.routeKey);
    }
    const cache = this.settings('cacheHitRate');
    if (cache && route.cached && this.host.stageCache && !this.cacheAlarm) {
      const hits = this.host.table.cacheHits!;
      const misses = this.host.table.cacheMisses!;
      const rate = new cloudwatch.MathExpression({
        expression: '100 * hits / (hits + misses)',
        usingMetrics: { hits: this.metric('addMonitoring.cacheHitRate', hits, cache.period), misses: this.metric('addMonitoring.cacheHitRate', misses, cache.period) },
        period: cache.period,
        label: 'Cache hit rate (%)',
      });
      this.cacheAlarm = this.addAlarm('CacheHitRate', cache, rate, cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD, cache.threshold,
        `cache hits below ${cache.threshold} % of cache lookups (check the cached routes' keys and TTLs)`);
    }
  }

  private headroomAlarm(id: string, s: AlarmSettings, rateLimit: number, what: string, routeKey: string | undefined): void {
    const seconds = s.period.toSeconds();
    if (Token.isUnresolved(rateLimit) || Token.isUnresolved(seconds) || rateLimit <= 0) return;
    const perSecond = rateLimit * s.threshold / 100;
    this.addAlarm(id, s, this.metric('addMonitoring.throttleHeadroom', this.host.table.requests, s.period, routeKey),
      cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, Math.round(perSecond * seconds * 100) / 100,
      `${what}: above ${perSecond} requests/s, ${s.threshold} % of its throttle's rateLimit ${rateLimit}/s (429 beyond it)`);
  }

  private addAlarm(
    id: string, s: AlarmSettings, metric: cloudwatch.IMetric, comparisonOperator: cloudwatch.ComparisonOperator, threshold: number, what: string,
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      comparisonOperator,
      evaluationPeriods: s.evaluationPeriods,
      datapointsToAlarm: s.datapointsToAlarm,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      // CloudWatch keeps at most 1,024 characters.
      alarmDescription: `${this.host.gateway.node.path} (${this.host.apiType} API): ${what}, in ${s.datapointsToAlarm} of ${s.evaluationPeriods} periods of ${s.period.toHumanString()}`.slice(0, 1024),
    });
    if (this.options.alarmTopic) {
      const action = new actions.SnsAction(this.options.alarmTopic);
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    if (this.options.alarmActions?.length) alarm.addAlarmAction(...this.options.alarmActions);
    this.alarmList.push(alarm);
    return alarm;
  }
}
