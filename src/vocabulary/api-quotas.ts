import { Token } from 'aws-cdk-lib';
import { Problem } from '../core/errors';
import { num, optional, struct } from '../core/shape';

/**
 * API Gateway's per-API quotas the library checks at synth, for an API whose quotas AWS has
 * raised (Service Quotas, or AWS Support for authorizers). Set only what was raised: a value
 * above the default is trusted, since the library cannot see the account.
 */
export interface ApiQuotas {
  /**
   * REST: resources (paths, counted segment by segment: `/orders/{id}` is two) per API.
   * Methods per resource are not limited.
   * @default 300
   */
  readonly resourcesPerApi?: number;

  /**
   * HTTP and WebSocket: routes per API.
   * @default 300
   */
  readonly routesPerApi?: number;

  /**
   * Authorizers per API (Lambda, Cognito, JWT).
   * @default 10
   */
  readonly authorizersPerApi?: number;
}

/** API Gateway's default per-API quotas. */
export const DEFAULT_QUOTAS: Required<ApiQuotas> = { resourcesPerApi: 300, routesPerApi: 300, authorizersPerApi: 10 };

/** Which API type counts what: REST counts resources, HTTP and WebSocket count routes. */
export type QuotaCounting = 'resources' | 'routes';

/** Problems with `quotas`: whole numbers of at least 1, and only the quota this API type has. */
export function apiQuotasProblems(quotas: ApiQuotas | undefined, counting: QuotaCounting, gateway: string): Problem[] {
  if (!quotas) return [];
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(quotas) as Array<[keyof ApiQuotas, number | undefined]>) {
    if (value === undefined || Token.isUnresolved(value)) continue;
    if (!Number.isInteger(value) || value < 1) {
      problems.push({ code: 'InvalidType', prop: `quotas.${name}`, rule: 'must be a whole number of at least 1', value, fix: 'set the quota AWS raised for this API, e.g. 500' });
    }
  }
  const other = counting === 'resources' ? 'routesPerApi' : 'resourcesPerApi';
  if (quotas[other] !== undefined) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `quotas.${other}`,
      rule: `does not apply to ${gateway} (${counting === 'resources' ? 'a REST API counts resources, not routes' : 'it counts routes; resources are a REST API quota'})`,
      value: quotas[other],
      fix: `set quotas.${counting === 'resources' ? 'resourcesPerApi' : 'routesPerApi'} instead`,
    });
  }
  return problems;
}

// The shape untyped (JavaScript) callers are checked against.

export const API_QUOTAS = struct<ApiQuotas>('ApiQuotas', {
  resourcesPerApi: optional(num('500')),
  routesPerApi: optional(num('500')),
  authorizersPerApi: optional(num('20')),
}, '{ resourcesPerApi: 500 }');
