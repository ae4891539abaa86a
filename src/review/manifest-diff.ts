import { AuthorizationEntry, CorsEntry, GatewayEntry, RouteEntry, StageEntry, ThrottleEntry, UsagePlanEntry } from './manifest-format';

/** How much a reviewer should care about a change. */
export enum ChangeSeverity {
  /** Wider access, weaker limits or less visibility: needs a reviewer's explicit yes. */
  RISKY = 'risky',
  /** Behaviour changes worth reading: routes, backends, timeouts. */
  NOTABLE = 'notable',
  /** Narrower access, tighter limits, or changes without effect on callers. */
  NEUTRAL = 'neutral',
}

/** One change between two manifests. */
export interface ApiChange {
  readonly severity: ChangeSeverity;
  /** `stack/gateway path`. */
  readonly gateway: string;
  /**
   * The route key.
   * @default - a gateway-level change
   */
  readonly route?: string;
  /** What changed, e.g. `authorization`. */
  readonly subject: string;
  /** Before → after, in words a reviewer reads. */
  readonly detail: string;
}

const LOG_LEVELS = ['OFF', 'ERROR', 'INFO'];
/** The oldest TLS version a security policy accepts, as 10, 12 or 13. */
function minimumTls(policy: string): number {
  if (/TLS_1_0/.test(policy)) return 10;
  if (/TLS13_1_3|TLS13_2025_EDGE/.test(policy)) return 13;
  return 12;
}

/** Every change from `before` to `after`, risky first. */
export function diffGateways(before: GatewayEntry[], after: GatewayEntry[]): ApiChange[] {
  const changes: ApiChange[] = [];
  const old = new Map(before.map(g => [gatewayName(g), g]));
  const now = new Map(after.map(g => [gatewayName(g), g]));
  for (const [name, g] of now) {
    const previous = old.get(name);
    if (!previous) {
      changes.push({ severity: ChangeSeverity.NOTABLE, gateway: name, subject: 'gateway', detail: `added (${g.type}, ${g.routes.length} routes)` });
      continue;
    }
    changes.push(...diffGateway(name, previous, g));
  }
  for (const name of old.keys()) {
    if (!now.has(name)) changes.push({ severity: ChangeSeverity.NOTABLE, gateway: name, subject: 'gateway', detail: 'removed' });
  }
  const rank = [ChangeSeverity.RISKY, ChangeSeverity.NOTABLE, ChangeSeverity.NEUTRAL];
  return changes.sort((a, b) => rank.indexOf(a.severity) - rank.indexOf(b.severity));
}

export function gatewayName(g: GatewayEntry): string {
  return `${g.stack}/${g.path}`;
}

function diffGateway(gateway: string, a: GatewayEntry, b: GatewayEntry): ApiChange[] {
  const changes: ApiChange[] = [];
  const add = (severity: ChangeSeverity, subject: string, detail: string, route?: string) =>
    changes.push({ severity, gateway, route, subject, detail });

  const endpointA = a.endpoint ?? 'REGIONAL';
  const endpointB = b.endpoint ?? 'REGIONAL';
  if (endpointA !== endpointB) {
    add(endpointA === 'PRIVATE' ? ChangeSeverity.RISKY : ChangeSeverity.NOTABLE, 'endpoint',
      `${endpointA} → ${endpointB}${endpointA === 'PRIVATE' ? ' (made public)' : ''}`);
  }
  diffResourcePolicy(a.resourcePolicy ?? [], b.resourcePolicy ?? [], add);
  diffCors(a.cors, b.cors, add);
  if (a.waf !== b.waf) {
    if (!b.waf) add(ChangeSeverity.RISKY, 'WAF', `${a.waf} → none (WAF removed)`);
    else add(ChangeSeverity.NOTABLE, 'WAF', `${a.waf ?? 'none'} → ${b.waf}`);
  }
  diffDomain(a, b, add);
  diffStage(a.stage, b.stage, add);
  diffAddedStages(a.addedStages ?? [], b.addedStages ?? [], add);
  diffUsagePlans(a, b, add);

  const routesA = new Map(a.routes.map(r => [r.routeKey, r]));
  const routesB = new Map(b.routes.map(r => [r.routeKey, r]));
  for (const [key, route] of routesB) {
    const previous = routesA.get(key);
    const routeAdd: Add = (severity, subject, detail) => add(severity, subject, detail, key);
    if (!previous) {
      add(ChangeSeverity.NOTABLE, 'route', `added (${describeAuthorization(route.authorization)}, ${route.integration.kind})`, key);
      // A new route with CORS of its own opens its path to origins the gateway's CORS does not list.
      if (route.cors) diffCors(b.cors, route.cors, prefixed('route', routeAdd));
      continue;
    }
    diffRoute(previous, route, routeAdd);
    // A route's own CORS against what the route had before (its own, or the gateway's).
    if (previous.cors || route.cors) diffCors(previous.cors ?? a.cors, route.cors ?? b.cors, prefixed('route', routeAdd));
  }
  for (const key of routesA.keys()) {
    if (!routesB.has(key)) add(ChangeSeverity.NOTABLE, 'route', 'removed', key);
  }
  return changes;
}

type Add = (severity: ChangeSeverity, subject: string, detail: string) => void;

/** `add` with each subject prefixed, e.g. `route CORS origins`. */
function prefixed(prefix: string, add: Add): Add {
  return (severity, subject, detail) => add(severity, `${prefix} ${subject}`, detail);
}

function diffRoute(a: RouteEntry, b: RouteEntry, add: Add): void {
  diffAuthorization(a.authorization, b.authorization, add);
  if (a.apiKeyRequired !== b.apiKeyRequired) {
    add(a.apiKeyRequired ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'API key',
      a.apiKeyRequired ? 'required → not required (API key requirement removed)' : 'not required → required');
  }
  diffThrottle(a.throttle, b.throttle, 'route throttle', add);
  diffCache(a, b, add);
  const ia = a.integration;
  const ib = b.integration;
  if (ia.kind !== ib.kind || ia.target !== ib.target || ia.action !== ib.action) {
    add(ChangeSeverity.NOTABLE, 'integration', `${describeIntegration(ia)} → ${describeIntegration(ib)}`);
  }
  if (ia.timeoutMillis !== ib.timeoutMillis) {
    add(ChangeSeverity.NOTABLE, 'timeout', `${ia.timeoutMillis ?? 'none'} ms → ${ib.timeoutMillis ?? 'none'} ms`);
  }
  if (a.validatesBody !== b.validatesBody) {
    add(a.validatesBody ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'request validation',
      a.validatesBody ? 'body schema → none (body no longer validated)' : 'none → body schema');
  }
  diffSet(a.requiredParameters, b.requiredParameters, (removed, added) =>
    add(removed.length ? ChangeSeverity.NOTABLE : ChangeSeverity.NEUTRAL, 'required parameters', describeSetChange(removed, added)));
}

function diffAuthorization(a: AuthorizationEntry, b: AuthorizationEntry, add: Add): void {
  if (a.type !== b.type || a.authorizer !== b.authorizer) {
    if (b.type === 'NONE') add(ChangeSeverity.RISKY, 'authorization', `${describeAuthorization(a)} → NONE (route opened)`);
    else if (a.type === 'NONE') add(ChangeSeverity.NEUTRAL, 'authorization', `NONE → ${describeAuthorization(b)}`);
    // Another authorizer may admit other callers: a reviewer must say it is not weaker.
    else add(ChangeSeverity.RISKY, 'authorization', `${describeAuthorization(a)} → ${describeAuthorization(b)} (authorizer changed)`);
    return;
  }
  diffSet(a.scopes ?? [], b.scopes ?? [], (removed, added) =>
    add(removed.length ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'scopes',
      describeSetChange(removed, added, removed.length ? 'scopes dropped' : undefined)));
}

function diffThrottle(a: ThrottleEntry | undefined, b: ThrottleEntry | undefined, subject: string, add: Add): void {
  if (a?.rateLimit === b?.rateLimit && a?.burstLimit === b?.burstLimit) return;
  const text = (t?: ThrottleEntry) => (t ? `${t.rateLimit}/s burst ${t.burstLimit}` : 'none');
  if (a && !b) {
    add(ChangeSeverity.RISKY, subject, `${text(a)} → none (throttle removed)`);
  } else if (!a || (b && (b.rateLimit > a.rateLimit || b.burstLimit > a.burstLimit))) {
    add(a ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, subject, `${text(a)} → ${text(b)}${a ? ' (raised)' : ''}`);
  } else {
    add(ChangeSeverity.NEUTRAL, subject, `${text(a)} → ${text(b)} (lowered)`);
  }
}

/** A route whose answer may depend on who calls. */
export function perCaller(route: RouteEntry): boolean {
  return route.authorization.type !== 'NONE' || route.apiKeyRequired;
}

function diffCache(a: RouteEntry, b: RouteEntry, add: Add): void {
  const ca = a.cache;
  const cb = b.cache;
  if (!ca && !cb) return;
  if (!ca || !cb) {
    const severity = cb && perCaller(b) ? ChangeSeverity.RISKY : ChangeSeverity.NOTABLE;
    add(severity, 'cache', ca ? 'on → off' : `off → on, keyed on ${cb!.keys.join(', ') || 'nothing'}${severity === ChangeSeverity.RISKY ? ' (per-caller route now cached)' : ''}`);
    return;
  }
  const removed = ca.keys.filter(k => !cb.keys.includes(k));
  if (removed.length) {
    add(perCaller(b) ? ChangeSeverity.RISKY : ChangeSeverity.NOTABLE, 'cache keys',
      `${describeSetChange(removed, cb.keys.filter(k => !ca.keys.includes(k)))}${perCaller(b) ? ' (cache keys reduced on a per-caller route)' : ''}`);
  } else if (cb.keys.length !== ca.keys.length) {
    add(ChangeSeverity.NEUTRAL, 'cache keys', describeSetChange([], cb.keys.filter(k => !ca.keys.includes(k))));
  }
  if (ca.ttlSeconds !== cb.ttlSeconds) add(ChangeSeverity.NEUTRAL, 'cache TTL', `${ca.ttlSeconds} s → ${cb.ttlSeconds} s`);
}

/**
 * Resource policy lines are `<condition key> <value>` for what Deny statements require
 * (`aws:SourceIp 203.0.113.0/24`) and `allow <principal> <conditions>` for Allow statements.
 */
function diffResourcePolicy(a: string[], b: string[], add: Add): void {
  const removed = a.filter(x => !b.includes(x));
  const added = b.filter(x => !a.includes(x));
  if (!removed.length && !added.length) return;
  const kinds = (lines: string[]) => new Set(lines.map(line => line.split(' ')[0]));
  const kindsA = kinds(a);
  const kindsB = kinds(b);
  // Deny conditions narrow: lifting one, or admitting another value, widens. Allow statements widen.
  const lifted = [...kindsA].filter(k => k !== 'allow' && !kindsB.has(k));
  const admitsMore = added.some(line => line.startsWith('allow ') || kindsA.has(line.split(' ')[0]));
  const widened = lifted.length > 0 || admitsMore;
  add(widened ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'resource policy', describeSetChange(removed, added, widened ? 'widened' : 'narrowed'));
}

/** An origin added is a site more that can read the answers: risky. */
function diffCors(a: CorsEntry | undefined, b: CorsEntry | undefined, add: Add): void {
  const originsA = a?.allowOrigins ?? [];
  const originsB = b?.allowOrigins ?? [];
  const added = originsB.filter(o => !originsA.includes(o));
  const removed = originsA.filter(o => !originsB.includes(o));
  if (added.length || removed.length) {
    add(added.length ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'CORS origins',
      describeSetChange(removed, added, added.length ? 'widened' : 'narrowed'));
  }
  if (!a?.allowCredentials && b?.allowCredentials) add(ChangeSeverity.RISKY, 'CORS credentials', 'not allowed → allowed');
}

function diffDomain(a: GatewayEntry, b: GatewayEntry, add: Add): void {
  const da = a.domain;
  const db = b.domain;
  if (!da && !db) return;
  if (!da || !db || da.domainName !== db.domainName) {
    add(ChangeSeverity.NOTABLE, 'domain', `${da?.domainName ?? 'none'} → ${db?.domainName ?? 'none'}`);
    return;
  }
  if (da.securityPolicy !== db.securityPolicy) {
    const weaker = minimumTls(db.securityPolicy) < minimumTls(da.securityPolicy);
    add(weaker ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'TLS policy',
      `${da.securityPolicy} → ${db.securityPolicy}${weaker ? ' (weakened)' : ''}`);
  }
  if (da.mutualTls && !db.mutualTls) add(ChangeSeverity.RISKY, 'mutual TLS', 'on → off');
}

function diffStage(a: StageEntry, b: StageEntry, add: Add): void {
  if (a.name !== b.name) add(ChangeSeverity.NOTABLE, 'stage', `${a.name} → ${b.name}`);
  diffThrottle(a.throttle, b.throttle, 'stage throttle', add);
  if (a.accessLogs && !b.accessLogs) add(ChangeSeverity.RISKY, 'access logs', 'on → off');
  if (!a.accessLogs && b.accessLogs) add(ChangeSeverity.NEUTRAL, 'access logs', 'off → on');
  if (a.executionLogLevel !== b.executionLogLevel && a.executionLogLevel && b.executionLogLevel) {
    const lower = LOG_LEVELS.indexOf(b.executionLogLevel) < LOG_LEVELS.indexOf(a.executionLogLevel);
    add(b.executionLogLevel === 'OFF' ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, 'execution logs',
      `${a.executionLogLevel} → ${b.executionLogLevel}${b.executionLogLevel === 'OFF' ? ' (turned off)' : lower ? ' (less detail)' : ''}`);
  }
  if (!a.dataTrace && b.dataTrace) add(ChangeSeverity.RISKY, 'data trace', 'off → on (full requests and responses in the logs)');
  if (a.dataTrace && !b.dataTrace) add(ChangeSeverity.NEUTRAL, 'data trace', 'on → off');
  if (a.tracing && b.tracing === false) add(ChangeSeverity.RISKY, 'tracing', 'on → off');
  if (!a.tracing && b.tracing) add(ChangeSeverity.NEUTRAL, 'tracing', 'off → on');
  if (a.cacheSize !== b.cacheSize) add(ChangeSeverity.NOTABLE, 'stage cache', `${a.cacheSize ?? 'none'} → ${b.cacheSize ?? 'none'}`);
}

/** Stages added with `addStage`, by name: a new one is another URL that serves every route. */
function diffAddedStages(a: StageEntry[], b: StageEntry[], add: Add): void {
  const before = new Map(a.map(stage => [stage.name, stage]));
  for (const stage of b) {
    const previous = before.get(stage.name);
    const throttle = stage.throttle ? `${stage.throttle.rateLimit}/s burst ${stage.throttle.burstLimit}` : 'no throttle';
    if (!previous) add(ChangeSeverity.NOTABLE, `stage ${stage.name}`, `added (${throttle}, access logs ${stage.accessLogs ? 'on' : 'off'})`);
    else diffStage(previous, stage, prefixed(`stage ${stage.name}`, add));
  }
  for (const stage of a) {
    if (!b.some(s => s.name === stage.name)) add(ChangeSeverity.NOTABLE, `stage ${stage.name}`, 'removed');
  }
}

function diffUsagePlans(gatewayA: GatewayEntry, gatewayB: GatewayEntry, add: Add): void {
  const a = gatewayA.usagePlans;
  const b = gatewayB.usagePlans;
  const plansA = new Map(a.map(p => [p.id, p]));
  for (const plan of b) {
    const previous = plansA.get(plan.id);
    if (!previous) {
      add(ChangeSeverity.NOTABLE, `usage plan ${plan.id}`, `added (keys: ${plan.apiKeys.join(', ') || 'none'})`);
      continue;
    }
    diffThrottle(previous.throttle, plan.throttle, `usage plan ${plan.id} throttle`, add);
    const quota = (p: UsagePlanEntry) => (p.quotaLimit === undefined ? 'none' : `${p.quotaLimit} per ${p.quotaPeriod}`);
    if (quota(previous) !== quota(plan)) {
      const raised = plan.quotaLimit === undefined || (previous.quotaLimit !== undefined && perDay(plan) > perDay(previous));
      add(raised ? ChangeSeverity.RISKY : ChangeSeverity.NEUTRAL, `usage plan ${plan.id} quota`,
        `${quota(previous)} → ${quota(plan)}${raised ? ' (raised or removed)' : ''}`);
    }
    // A plan that names no stages covers the gateway's own.
    diffSet(previous.stages ?? [gatewayA.stage.name], plan.stages ?? [gatewayB.stage.name], (removed, added) =>
      add(ChangeSeverity.NOTABLE, `usage plan ${plan.id} stages`, describeSetChange(removed, added)));
    diffSet(previous.apiKeys, plan.apiKeys, (removed, added) =>
      add(added.length ? ChangeSeverity.NOTABLE : ChangeSeverity.NEUTRAL, `usage plan ${plan.id} keys`, describeSetChange(removed, added)));
  }
  for (const plan of a) {
    if (!b.some(p => p.id === plan.id)) add(ChangeSeverity.NOTABLE, `usage plan ${plan.id}`, 'removed');
  }
}

/** A plan's quota as requests per day, to compare quotas of different periods. */
function perDay(plan: UsagePlanEntry): number {
  const days: Record<string, number> = { DAY: 1, WEEK: 7, MONTH: 30 };
  return (plan.quotaLimit ?? Infinity) / (days[plan.quotaPeriod ?? 'DAY'] ?? 1);
}

/** Calls `changed(removed, added)` when two lists differ as sets. */
function diffSet(
  a: string[], b: string[], changed: (removed: string[], added: string[]) => void,
  refine: (removed: string[], added: string[]) => { removed: string[]; added: string[] } = (removed, added) => ({ removed, added }),
): void {
  const { removed, added } = refine(a.filter(x => !b.includes(x)), b.filter(x => !a.includes(x)));
  if (removed.length || added.length) changed(removed, added);
}

function describeSetChange(removed: string[], added: string[], note?: string): string {
  const parts = [...removed.map(x => `- ${x}`), ...added.map(x => `+ ${x}`)];
  return `${parts.join(', ')}${note ? ` (${note})` : ''}`;
}

export function describeAuthorization(a: AuthorizationEntry): string {
  const scopes = a.scopes?.length ? ` [${a.scopes.join(' ')}]` : '';
  return `${a.type}${a.authorizer ? ` ${a.authorizer}` : ''}${scopes}`;
}

export function describeIntegration(i: { kind: string; target?: string; action?: string }): string {
  return [i.kind, i.action, i.target].filter(Boolean).join(' ');
}
