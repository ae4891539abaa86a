import { IConstruct } from 'constructs';
import { openRoute } from './checks/open-route';
import { perCallerCachedRoute } from './checks/per-caller-cached-route';
import { RouteCheck, RouteFinding } from './checks/route-finding';
import { unthrottledRoute } from './checks/unthrottled-route';
import { GatewayEntry } from './manifest-format';
import { acknowledgedIds, comparableId } from '../core/acknowledgements';
import { warn } from '../core/errors';

/** Every route check, in the order a gateway's findings are reported. */
const CHECKS: RouteCheck[] = [openRoute, unthrottledRoute, perCallerCachedRoute];

/** The scopes `GatehouseChecks.enable` was called on. */
const enabledScopes = new WeakSet<IConstruct>();

export function enableRouteChecks(scope: IConstruct): void {
  enabledScopes.add(scope);
}

/** Every finding of every check on one gateway's manifest entry. */
export function routeFindings(gateway: GatewayEntry): RouteFinding[] {
  return CHECKS.flatMap(check => check(gateway));
}

/**
 * The acknowledgement ID that names one route: `cdk-gatehouse:OpenRoute[GET /health]`, as
 * cdk-nag names a finding of a rule (`Rule[finding]`).
 */
export function routeFindingId(finding: RouteFinding): string {
  return `cdk-gatehouse:${finding.check}[${finding.route}]`;
}

/**
 * Reports the findings of a gateway (at synth) when checks are on for it or a scope above it.
 * Each is a warning on the gateway with the route as its context, so CDK's acknowledgements
 * apply: by ID (every route), by ID with `where: { route }` (aws-cdk-lib 2.276 and newer). A
 * route named in the ID, which CDK does not know, is read here from the acknowledgements CDK
 * records on the gateway and its scopes (the App included), on every supported version.
 */
export function reportRouteFindings(gateway: IConstruct, describe: () => GatewayEntry): void {
  if (!gateway.node.scopes.some(scope => enabledScopes.has(scope))) return;
  const acknowledged = acknowledgedIds(gateway);
  for (const finding of routeFindings(describe())) {
    if (acknowledged.has(comparableId(routeFindingId(finding)))) continue;
    warn(gateway, finding.check,
      `${finding.route} of ${gateway.node.path} ${finding.problem}; to accept it, acknowledge '${routeFindingId(finding)}' (README, "Route checks")`,
      { route: finding.route, gateway: gateway.node.path });
  }
}
