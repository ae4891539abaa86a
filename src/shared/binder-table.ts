import { Construct } from 'constructs';
import { fail } from '../core/errors';

/** A gateway's answer for a kind it cannot bind: why (optional) and what to do instead. */
export interface Refusal {
  readonly refused: true;
  /** Said after the rule, in parentheses. */
  readonly why?: string;
  readonly fix: string;
}

/** A table entry that refuses the kind, with the fix users read. */
export function refuse(fix: string, why?: string): Refusal {
  return { refused: true, why, fix };
}

/**
 * One gateway's table: every kind of a spec union mapped to a binder or a refusal. Tables are
 * declared with `satisfies BinderTable<…>`, so a kind added to the union without a row does
 * not compile.
 */
export type BinderTable<S extends { readonly kind: string }, C, B> = {
  readonly [K in S['kind']]: ((ctx: C, spec: Extract<S, { readonly kind: K }>) => B) | Refusal;
};

/** Where a refusal is reported. */
export interface TableSite {
  readonly scope: Construct;
  readonly prop: string;
  /** The key of the route being bound, the error's value. */
  readonly routeKey: string;
  /** `a RestGateway`, `an HttpGateway`, … */
  readonly gateway: string;
  /** How users wrote the spec, e.g. `Integration.sqs`. */
  readonly factory: string;
}

/** Binds a spec with the gateway's table, or fails with the table's refusal. */
export function bindWithTable<S extends { readonly kind: string }, C, B>(
  table: BinderTable<S, C, B>, spec: S, ctx: C, site: TableSite,
): B {
  const entry = table[spec.kind as S['kind']] as ((ctx: C, spec: S) => B) | Refusal;
  if (typeof entry === 'function') return entry(ctx, spec);
  return fail(site.scope, {
    code: 'UnsupportedCombination',
    prop: site.prop,
    rule: `cannot use ${site.factory} on ${site.gateway}${entry.why ? ` (${entry.why})` : ''}`,
    value: site.routeKey,
    fix: entry.fix,
  });
}

/** A table entry says whether it binds; the capability matrix and README read this. */
export function binds(entry: unknown): boolean {
  return typeof entry === 'function';
}

/** What a route context gives a table: where errors go and the route's key. */
export interface RouteSite {
  readonly scope: Construct;
  readonly route: { readonly key: string };
}

/**
 * A gateway's binding function for one table: `propOf` says which prop a refusal names
 * (the route's prop for integrations, its authorization prop for authorizations).
 */
export function tableBinder<S extends { readonly kind: string }, C extends RouteSite, B>(
  table: BinderTable<S, C, B>, gateway: string, factoryOf: (kind: S['kind']) => string, propOf: (ctx: C) => string,
): (spec: S, ctx: C) => B {
  return (spec, ctx) => bindWithTable(table, spec, ctx, {
    scope: ctx.scope, prop: propOf(ctx), routeKey: ctx.route.key, gateway, factory: factoryOf(spec.kind),
  });
}
