import { Refusal } from '../shared/unsupported-options';

const ON_HTTP = (what: string): Refusal => ({
  rule: `is not available on an HttpGateway (HTTP APIs have no ${what})`,
  fix: 'remove it, or use a RestGateway, which supports it',
});

/** The route options an HttpGateway refuses: REST API features HTTP APIs do not have. */
export const HTTP_REFUSED_ROUTE_OPTIONS: Record<string, Refusal> = {
  apiKeyRequired: ON_HTTP('API keys and usage plans'),
  requestSchema: ON_HTTP('request validation'),
  requiredParameters: ON_HTTP('request validation'),
  cache: ON_HTTP('response caching'),
  cors: { rule: 'is not available per route on an HttpGateway (an HTTP API has one CORS configuration)', fix: "set the gateway's cors, or use a RestGateway, which takes it per path" },
};
