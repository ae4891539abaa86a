import { Problem } from './errors';

/** Route options that only REST APIs have, with what they are called in messages. */
const REST_ONLY_ROUTE_OPTIONS: Record<string, string> = {
  apiKeyRequired: 'API keys and usage plans',
  requestSchema: 'request validation',
  requiredParameters: 'request validation',
  cache: 'response caching',
};

/**
 * Gateway props of RestGateway that an HTTP or WebSocket API cannot honour. TypeScript users
 * get a compile error; JavaScript users and props objects shared between gateways get this one.
 */
const REST_ONLY_PROPS: Record<string, string> = {
  endpoint: 'edge and private endpoints',
  cache: 'stage caching',
  canary: 'canary deployments',
  waf: 'WAF',
  usagePlans: 'usage plans',
  policy: 'resource policies',
  binaryMediaTypes: 'binary media types',
  minCompressionSize: 'response compression',
  executionLogLevel: 'execution logs',
  tracing: 'X-Ray tracing',
  manageAccountLogsRole: 'execution logs (the account logs role)',
  clientCertificate: 'backend client certificates',
};

function isSet(value: unknown): boolean {
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function problems(table: Record<string, string>, object: object, prefix: string, gateway = 'an HttpGateway', apiType = 'HTTP APIs'): Problem[] {
  const given = object as Record<string, unknown>;
  return Object.keys(table).filter(name => isSet(given[name])).map(name => ({
    code: 'UnsupportedCombination' as const,
    prop: `${prefix}${name}`,
    rule: `is not available on ${gateway} (${apiType} have no ${table[name]})`,
    value: typeof given[name] === 'object' && !Array.isArray(given[name]) ? '(set)' : given[name],
    fix: 'remove it, or use a RestGateway, which supports it',
  }));
}

export function restOnlyRouteOptionProblems(prop: string, options: object): Problem[] {
  return problems(REST_ONLY_ROUTE_OPTIONS, options, `${prop}.`);
}

export function restOnlyPropProblems(props: object): Problem[] {
  return problems(REST_ONLY_PROPS, props, '');
}

/** The same for a WebSocketGateway (which has execution logs of its own). */
export function restOnlyWebSocketPropProblems(props: object): Problem[] {
  const table = Object.fromEntries(Object.entries(REST_ONLY_PROPS)
    .filter(([name]) => !['executionLogLevel', 'manageAccountLogsRole', 'tracing', 'clientCertificate'].includes(name)));
  return problems(table, props, '', 'a WebSocketGateway', 'WebSocket APIs');
}
