import { Construct } from 'constructs';
import { quotaProblem } from './api-quota';
import { fail } from '../core/errors';
import { HttpRouteKey } from '../core/route-key';

/**
 * A gateway's routes by key: the count its route quota checks, and the lookups that name the
 * routes it has when a key is unknown (`grantInvoke('GET /nope')`).
 */
export class RouteTable<R> {
  private readonly routes = new Map<string, R>();

  constructor(private readonly gateway: Construct) {}

  public has(key: string): boolean {
    return this.routes.has(key);
  }

  public get(key: string): R | undefined {
    return this.routes.get(key);
  }

  public values(): R[] {
    return [...this.routes.values()];
  }

  /** Adds a route, refusing one more than the API's "Routes per API" quota (HTTP, WebSocket). */
  public add(prop: string, key: string, route: R, routeQuota?: { limit: number; otherFix: string }): void {
    if (routeQuota && this.routes.size >= routeQuota.limit) {
      fail(this.gateway, quotaProblem(prop, key, `route ${this.routes.size + 1}`, 'Routes per API', routeQuota.limit, 'quotas.routesPerApi', routeQuota.otherFix));
    }
    this.routes.set(key, route);
  }

  /** The route of a key a method names, or an UnknownRoute error listing the routes there are. */
  public require(prop: string, key: string): R {
    const route = this.routes.get(key);
    if (route === undefined) {
      fail(this.gateway, {
        code: 'UnknownRoute',
        prop,
        rule: 'must be a route of this gateway',
        value: key,
        fix: `add the route first, or use one of: ${[...this.routes.keys()].join(', ') || '(no routes yet)'}`,
      });
    }
    return route;
  }
}

/** What `arnForExecuteApi` needs (REST's RestApi and HTTP's HttpApi both have it). */
interface ExecuteApi {
  arnForExecuteApi(method?: string, path?: string, stage?: string): string;
}

/**
 * The execute-api ARN callers of one route are granted (`grantInvoke`): path parameters
 * match any value, and `ANY` any method, since IAM sees the request's own method.
 */
export function routeInvokeArn(api: ExecuteApi, route: HttpRouteKey, stageName: string): string {
  const path = route.segments.map(s => (s.kind === 'literal' ? s.text : '*')).join('/');
  return api.arnForExecuteApi(route.method === 'ANY' ? '*' : route.method, `/${path}`, stageName);
}
