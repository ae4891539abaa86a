import { Problem } from '../core/errors';
import { UnknownKeyRule } from '../core/shape';

/**
 * Gateway props of RestGateway that an HTTP or WebSocket API cannot honour. TypeScript users
 * get a compile error; JavaScript users and props objects shared between gateways get this one.
 */
const REST_ONLY_PROPS: Record<string, string> = {
  endpoint: 'edge and private endpoints',
  cache: 'stage caching',
  canary: 'canary deployments',
  pinnedVersion: 'canary deployments',
  waf: 'WAF',
  policy: 'resource policies',
  allowOnly: 'resource policies',
  apiKeySource: 'API keys',
  binaryMediaTypes: 'binary media types',
  minCompressionSize: 'response compression',
  executionLogLevel: 'execution logs',
  dataTrace: 'execution logs (data trace)',
  tracing: 'X-Ray tracing',
  manageAccountLogsRole: 'execution logs (the account logs role)',
  clientCertificate: 'backend client certificates',
  gatewayResponses: 'gateway responses',
};

/** Unset-looking values of a REST-only prop (a props object shared between gateways) are harmless. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function restOnlyProblem(table: Record<string, string>, name: string, value: unknown, at: string, gateway: string, apiType: string): Problem {
  return {
    code: 'UnsupportedCombination',
    prop: at,
    rule: `is not available on ${gateway} (${apiType} have no ${table[name]})`,
    value: shownValue(value),
    fix: 'remove it, or use a RestGateway, which supports it',
  };
}

/** Why a gateway refuses a route option, and what to do instead. */
export interface Refusal {
  readonly rule: string;
  readonly fix: string;
}

/**
 * The route options a gateway refuses (its own table, with its own texts), for options as
 * plain JavaScript may pass them. `shown` is the value the message names.
 */
export function refusedOptionProblems(
  table: Record<string, Refusal>, options: object, prop: string, shown: (value: unknown) => unknown,
  given: (value: unknown) => boolean = isSet,
): Problem[] {
  const values = options as Record<string, unknown>;
  return Object.entries(table).filter(([name]) => given(values[name])).map(([name, refusal]): Problem => ({
    code: 'UnsupportedCombination', prop: `${prop}.${name}`, rule: refusal.rule, value: shown(values[name]), fix: refusal.fix,
  }));
}

/** A set value as messages show it: objects as `(set)`. */
export function shownValue(value: unknown): unknown {
  return typeof value === 'object' && !Array.isArray(value) ? '(set)' : value;
}

/**
 * What the props of another gateway say about a RestGateway prop they do not have: that the
 * API type cannot do it (rather than only that the prop is unknown).
 */
export function restOnlyProps(gateway: string, apiType: string): UnknownKeyRule {
  return (key, value, at) => {
    if (!(key in REST_ONLY_PROPS)) return undefined;
    return isSet(value) ? restOnlyProblem(REST_ONLY_PROPS, key, value, at, gateway, apiType) : 'ignore';
  };
}
