import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AlarmStatusRows } from './alarm-status-rows';
import { gatewayMetric, MetricSpec } from './gateway-metric';
import { MonitoringHost } from './monitoring-host';

const PERIOD = Duration.minutes(1);
const RANKED = 10;

/**
 * A gateway's dashboard, what on-call reads first: traffic, error rates and latency of the
 * stage; the state of its alarms; the routes with the most errors and the slowest routes
 * (search expressions over the per-route metrics, so routes need no widget each); and what
 * the API type adds (REST cache, HTTP bytes).
 */
export function gatewayDashboard(
  scope: Construct, host: MonitoringHost, alarms: readonly cloudwatch.Alarm[], dashboardName: string | undefined,
): cloudwatch.Dashboard {
  const { table } = host;
  const metric = (spec: MetricSpec, statistic?: string, label?: string): cloudwatch.Metric =>
    gatewayMetric(host.dimensions, 'addMonitoring.dashboard', spec, { period: PERIOD, statistic, label });
  const websocket = host.apiType === 'WebSocket';

  const traffic = websocket
    ? graph('Connections and messages', [metric(table.connects!, undefined, 'Connects'), metric(table.requests, undefined, 'Messages')])
    : graph('Requests', [metric(table.requests, undefined, 'Requests')]);
  const errors = websocket
    ? graph('Errors', [
      metric(table.clientErrors, undefined, 'ClientError'), metric(table.serverErrors, undefined, 'ExecutionError'),
      metric(table.integrationErrors, undefined, 'IntegrationError'),
    ])
    : graph('Error rates (%)', [
      rate(`${table.clientErrors.name} %`, 'clientErrors', metric(table.clientErrors), metric(table.requests)),
      rate(`${table.serverErrors.name} %`, 'serverErrors', metric(table.serverErrors), metric(table.requests)),
    ]);
  const latencySpec = table.latency ?? table.integrationLatency;
  const latency = graph(`${latencySpec.name} (ms)`, [
    ...['p50', 'p90', 'p99'].map(p => metric(latencySpec, p, `${latencySpec.name} ${p}`)),
    ...(table.latency ? [metric(table.integrationLatency, 'p99', 'IntegrationLatency p99')] : []),
  ]);

  const rows: cloudwatch.IWidget[][] = [[traffic, errors, latency]];
  rows.push([new AlarmStatusRows(alarms)]);
  const errorRanking = websocket ? table.integrationErrors : table.serverErrors;
  rows.push([
    graph(`Routes by ${errorRanking.name} (top ${RANKED})`, [ranked(host, errorRanking.name, 'Sum', 'SUM')], 12),
    graph(`Routes by p99 ${latencySpec.name} (top ${RANKED})`, [ranked(host, latencySpec.name, 'p99', 'MAX')], 12),
  ]);
  const extra: cloudwatch.IWidget[] = [];
  if (host.stageCache && table.cacheHits && table.cacheMisses) {
    extra.push(graph('Cache hits and misses', [metric(table.cacheHits, undefined, 'Hits'), metric(table.cacheMisses, undefined, 'Misses')], 12));
  }
  if (table.dataProcessed) extra.push(graph('Data processed (bytes)', [metric(table.dataProcessed, undefined, 'Bytes')], 12));
  if (extra.length > 0) rows.push(extra);

  return new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName,
    defaultInterval: Duration.hours(3),
    widgets: rows,
  });
}

function graph(title: string, left: cloudwatch.IMetric[], width = 8): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left, width, height: 6 });
}

function rate(label: string, id: string, errors: cloudwatch.IMetric, requests: cloudwatch.IMetric): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({ expression: `100 * ${id} / requests`, usingMetrics: { [id]: errors, requests }, period: PERIOD, label });
}

/** The `RANKED` routes highest in `metricName`, from the per-route metrics of this stage. */
function ranked(host: MonitoringHost, metricName: string, statistic: string, by: string): cloudwatch.MathExpression {
  const search = `SEARCH('${host.dimensions.routeSchema} MetricName="${metricName}" ${host.dimensions.stageFilter}', '${statistic}', ${PERIOD.toSeconds()})`;
  return new cloudwatch.MathExpression({
    expression: `SORT(${search}, ${by}, DESC, ${RANKED})`,
    usingMetrics: {},
    period: PERIOD,
    label: '',
  });
}
