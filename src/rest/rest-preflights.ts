import { Problem } from '../core/errors';
import { HttpRouteKey } from '../core/route-key';
import { CorsOptions } from '../vocabulary/cors-options';

/**
 * The CORS of each path of a REST API: one preflight (`OPTIONS`) answers a path, so every
 * route of the path must have the same CORS, the gateway's or its own, or none.
 */
export class RestPreflights {
  /** Each path's CORS, as the first route of the path set it (`none` without). */
  private readonly byPath = new Map<string, { readonly cors: string; readonly routeKey: string }>();
  /** Paths with an `OPTIONS` route of the user's own. */
  private readonly ownOptions = new Set<string>();

  /** What is wrong with `route` having `cors` among the routes already on the API. */
  public problems(prop: string, route: HttpRouteKey, cors: CorsOptions | undefined): Problem[] {
    const first = this.byPath.get(route.path);
    if (route.method === 'OPTIONS' && first && first.cors !== NONE) {
      return [{
        code: 'DuplicateRoute',
        prop,
        rule: `must not be an OPTIONS route: ${first.routeKey} has cors, and the library adds the path's preflight`,
        value: route.key,
        fix: "remove the OPTIONS route, or the other route's cors",
      }];
    }
    if (cors && this.ownOptions.has(route.path) && route.method !== 'OPTIONS') {
      return [{
        code: 'DuplicateRoute',
        prop: `${prop}.cors`,
        rule: 'needs the path\'s preflight, and the path has an OPTIONS route of its own',
        value: route.key,
        fix: 'remove the OPTIONS route (the library adds the preflight), or the cors option',
      }];
    }
    if (first && first.cors !== key(cors) && route.method !== 'OPTIONS') {
      return [{
        code: 'InvalidCors',
        prop: `${prop}.cors`,
        rule: `must be the same for every route of ${route.path} (one preflight answers the path), and ${first.routeKey} has ${first.cors === NONE ? 'none' : 'other CORS'}`,
        value: cors ?? 'none',
        fix: `give every route of ${route.path} the same cors`,
      }];
    }
    return [];
  }

  /** Records the route's CORS; true when its path needs a preflight added now. */
  public add(route: HttpRouteKey, cors: CorsOptions | undefined): boolean {
    if (this.byPath.has(route.path) || route.method === 'OPTIONS') return false;
    this.byPath.set(route.path, { cors: key(cors), routeKey: route.key });
    return cors !== undefined;
  }

  /** Records an `OPTIONS` route of the user's own. */
  public ownOptionsRoute(route: HttpRouteKey): void {
    this.ownOptions.add(route.path);
  }
}

const NONE = 'none';

function key(cors: CorsOptions | undefined): string {
  return cors ? JSON.stringify(cors) : NONE;
}
