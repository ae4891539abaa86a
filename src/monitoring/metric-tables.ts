import { MetricSpec } from './gateway-metric';

/**
 * What each API type publishes, by the role a metric plays in alarms and graphs, as the API
 * Gateway metric documentation names them (AWS/ApiGateway): REST `4XXError`/`5XXError` and
 * the cache counts, HTTP `4xx`/`5xx` and `DataProcessed`, WebSocket its message and error
 * counts. A role an API type lacks is absent, so no alarm or graph reads a metric it does not
 * emit.
 */
export interface MetricTable {
  /** Requests (REST, HTTP `Count`) or messages (WebSocket `MessageCount`). */
  readonly requests: MetricSpec;
  readonly clientErrors: MetricSpec;
  /** REST and HTTP 5XX; WebSocket `ExecutionError`. */
  readonly serverErrors: MetricSpec;
  readonly latency?: MetricSpec;
  readonly integrationLatency: MetricSpec;
  /** Errors a route's integration answered: REST and HTTP a route's 5XX, WebSocket `IntegrationError`. */
  readonly integrationErrors: MetricSpec;
  readonly cacheHits?: MetricSpec;
  readonly cacheMisses?: MetricSpec;
  readonly dataProcessed?: MetricSpec;
  readonly connects?: MetricSpec;
}

const SUM = 'Sum';
// The documentation reads Count with SampleCount (REST); aws-cdk-lib does the same for HTTP APIs.
const COUNT = { name: 'Count', statistic: 'SampleCount' };
const P99 = 'p99';

export const REST_METRICS: MetricTable = {
  requests: COUNT,
  clientErrors: { name: '4XXError', statistic: SUM },
  serverErrors: { name: '5XXError', statistic: SUM },
  latency: { name: 'Latency', statistic: P99 },
  integrationLatency: { name: 'IntegrationLatency', statistic: P99 },
  integrationErrors: { name: '5XXError', statistic: SUM },
  cacheHits: { name: 'CacheHitCount', statistic: SUM },
  cacheMisses: { name: 'CacheMissCount', statistic: SUM },
};

export const HTTP_METRICS: MetricTable = {
  requests: COUNT,
  clientErrors: { name: '4xx', statistic: SUM },
  serverErrors: { name: '5xx', statistic: SUM },
  latency: { name: 'Latency', statistic: P99 },
  integrationLatency: { name: 'IntegrationLatency', statistic: P99 },
  integrationErrors: { name: '5xx', statistic: SUM },
  dataProcessed: { name: 'DataProcessed', statistic: SUM },
};

export const WEBSOCKET_METRICS: MetricTable = {
  requests: { name: 'MessageCount', statistic: SUM },
  clientErrors: { name: 'ClientError', statistic: SUM },
  serverErrors: { name: 'ExecutionError', statistic: SUM },
  integrationLatency: { name: 'IntegrationLatency', statistic: P99 },
  integrationErrors: { name: 'IntegrationError', statistic: SUM },
  connects: { name: 'ConnectCount', statistic: SUM },
};
