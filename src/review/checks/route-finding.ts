import { GatewayEntry } from '../manifest-format';

/** The route checks, by the ID their findings carry (`cdk-gatehouse:<id>`). */
export type RouteCheckId = 'OpenRoute' | 'UnthrottledRoute' | 'PerCallerCachedRoute';

/** One finding about one route of a gateway. */
export interface RouteFinding {
  readonly check: RouteCheckId;
  /** The route key, as the gateway's routes are keyed (`GET /health`, `$connect`). */
  readonly route: string;
  /** What is wrong and how to fix it, to follow `<route> of <gateway> `. */
  readonly problem: string;
}

/** A check reads a gateway's manifest entry and returns a finding per route it concerns. */
export type RouteCheck = (gateway: GatewayEntry) => RouteFinding[];
