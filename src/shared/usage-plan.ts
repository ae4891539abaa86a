import { CfnOutput, Lazy, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { methodProblems } from './gateway-methods';
import { fail, Problem, throwIfProblems, warn } from '../core/errors';
import { HttpRouteKey } from '../core/route-key';
import { optionsProblems, bool, callName, list, map, optional, str, struct } from '../core/shape';
import { ApiKeyValue, API_KEY_VALUE } from '../vocabulary/api-key-value';
import { QuotaPeriod, QuotaSettings, QUOTA_SETTINGS } from '../vocabulary/quota';
import { burstLimitOf, throttleProblems, THROTTLE_SETTINGS, ThrottleSettings } from '../vocabulary/throttle-settings';

/** Options of `gateway.addUsagePlan`. */
export interface UsagePlanOptions {
  /**
   * Throttle per API key (token bucket).
   * @default - the stage's throttle only
   */
  readonly throttle?: ThrottleSettings;

  /**
   * Requests each key may make per day, week or month.
   * @default - no quota
   */
  readonly quota?: QuotaSettings;

  /**
   * Throttles per key for single routes, by the route keys of the gateway, e.g.
   * `{ 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 } }`.
   * @default - none
   */
  readonly routeThrottles?: { [routeKey: string]: ThrottleSettings };

  /**
   * The stages of the gateway the plan covers, by name, e.g. `['prod', 'staging']` (a REST
   * gateway's own stage and those added with `addStage`); its throttle, quota and route
   * throttles apply on each. A WebSocket gateway has one stage.
   * @default - the gateway's own stage (`stageName`)
   */
  readonly stages?: string[];

  /**
   * The name API Gateway shows. Changing it updates the plan in place; the id given to
   * `addUsagePlan` is the plan's identity (its logical IDs and its keys' come from it).
   * @default - the id given to `addUsagePlan`
   */
  readonly name?: string;

  /**
   * Description of the plan.
   * @default - none
   */
  readonly description?: string;
}

/** Options of `plan.addApiKey` for a key the plan creates. */
export interface ApiKeyOptions {
  /**
   * Where the key's value comes from (never plain text).
   * @default ApiKeyValue.generate()
   */
  readonly value?: ApiKeyValue;

  /**
   * Description of the key.
   * @default - none
   */
  readonly description?: string;

  /**
   * Add a stack output with the key's ID (not its value), to fetch the value with
   * `aws apigateway get-api-key --api-key <id> --include-value`.
   * @default false
   */
  readonly outputKeyId?: boolean;
}

/** What a plan needs from its gateway (REST or WebSocket). Not exported. */
export interface UsagePlanHost {
  /** The gateway: every plan of it shares its stage. */
  readonly gateway: IConstruct;
  readonly apiId: string;
  readonly stageName: string;
  /**
   * The stage, when `stageName` is a plain name rather than a reference to it (WebSocket):
   * the plan must wait for it, or API Gateway refuses an unknown stage.
   */
  readonly stage?: IConstruct;
  readonly stageThrottle: ThrottleSettings;
  /** The gateway's registry of keys, shared by its plans. */
  readonly keys: ApiKeyRegistry;
  /**
   * Why the gateway takes no per-route throttles in a plan, when it takes none (WebSocket
   * APIs: API Gateway meters a WebSocket key on `$connect`).
   */
  readonly noRouteThrottles?: string;
  /**
   * The stage of the gateway called `name`, as a plan's `stages` names it: how the plan refers
   * to it (a reference, so the plan waits for it) and its throttle; undefined when there is none.
   */
  namedStage(name: string): PlanStage | undefined;
  /** The names of the gateway's stages, for messages. */
  stageNames(): string[];
  /** The route with this key, if the gateway has it (looked up at synth). */
  route(routeKey: string): HttpRouteKey | undefined;
  /** Whether that route requires an API key; undefined for a route the gateway does not have. */
  routeRequiresApiKey(routeKey: string): boolean | undefined;
}

/** A stage a plan covers. */
export interface PlanStage {
  /** The stage's name, as a reference to the stage when there is one. */
  readonly stageName: string;
  /** The stage, when `stageName` is a plain name (the plan must wait for it). */
  readonly stage?: IConstruct;
  readonly throttle: ThrottleSettings;
}

/** A plan as the route manifest records it: its limits and its keys' names, never their values. */
export interface UsagePlanRecord {
  readonly id: string;
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly quotaLimit?: number;
  readonly quotaPeriod?: QuotaPeriod;
  readonly apiKeys: string[];
  /** The stages the plan names, when it names them (`stages`). */
  readonly stages?: string[];
}

/** API Gateway's limit of usage plans one key can be in. */
const MAX_PLANS_PER_KEY = 10;

/** Keys created by a gateway's plans, by name. */
export class ApiKeyRegistry {
  private readonly created = new Map<string, apigw.IApiKey>();
  private readonly names = new Map<apigw.IApiKey, string>();

  constructor(private readonly scope: Construct) {}

  public create(prop: string, name: string, options: ApiKeyOptions): apigw.IApiKey {
    if (this.created.has(name)) {
      fail(this.scope, {
        code: 'DuplicateApiKey',
        prop,
        rule: 'must name a new key',
        value: name,
        fix: 'pass the key object that addApiKey returned to add the same key to another gateway\'s plan',
      });
    }
    const key = new apigw.ApiKey(this.scope, `ApiKey${name}`, {
      value: (options.value ?? ApiKeyValue.generate())._value,
      description: options.description,
      enabled: true,
    });
    if (options.outputKeyId) {
      new CfnOutput(this.scope, `ApiKey${name}Id`, {
        value: key.keyId,
        description: `ID of API key ${name}; its value: aws apigateway get-api-key --api-key <id> --include-value`,
      });
    }
    this.created.set(name, key);
    this.names.set(key, name);
    return key;
  }

  /** The name a key is known by: its name when a plan created it, else its construct ID. */
  public nameOf(key: apigw.IApiKey): string {
    return this.names.get(key) ?? key.node.id;
  }
}

const KEY_PLANS_BY_APP = new WeakMap<IConstruct, KeyPlans>();

/** A plan an API key is in. */
interface KeyPlan {
  readonly gateway: IConstruct;
  readonly plan: UsagePlan;
}

/**
 * Every plan each API key is in, across the app's gateways (keys cross gateways and
 * stacks). API Gateway refuses a key in two plans that share a stage, and every plan of a
 * gateway shares its stage; it also allows a key in at most 10 plans.
 */
class KeyPlans {
  public static of(scope: IConstruct): KeyPlans {
    const root = scope.node.root;
    let found = KEY_PLANS_BY_APP.get(root);
    if (!found) {
      found = new KeyPlans();
      KEY_PLANS_BY_APP.set(root, found);
    }
    return found;
  }

  private readonly keys = new Map<unknown, { readonly name: string; readonly plans: KeyPlan[] }>();

  /** The plans the key is in. */
  public plansOf(key: apigw.IApiKey): readonly KeyPlan[] {
    return this.keys.get(identity(key))?.plans ?? [];
  }

  public add(key: apigw.IApiKey, name: string, entry: KeyPlan): void {
    const id = identity(key);
    const known = this.keys.get(id);
    if (known) {
      known.plans.push(entry);
      return;
    }
    const added = { name, plans: [entry] };
    this.keys.set(id, added);
    entry.plan.node.addValidation({
      validate: () => (added.plans.length <= MAX_PLANS_PER_KEY ? [] : [
        `[LimitExceeded] API key ${name} is in ${added.plans.length} usage plans (${added.plans.map(p => p.plan.node.path).join(', ')}); `
        + `API Gateway allows ${MAX_PLANS_PER_KEY} per key: use fewer plans or more keys`,
      ]),
    });
  }
}

/** Imported keys are one key when their IDs are; created keys when their objects are. */
function identity(key: apigw.IApiKey): unknown {
  return Token.isUnresolved(key.keyId) ? key : key.keyId;
}

/**
 * A usage plan of a gateway's stage (REST or WebSocket): a throttle and quota per API key,
 * and per-route throttles (REST). Its logical IDs derive from its id and its keys' names, so
 * adding or removing one plan or key changes nothing else, and renaming it (`name`) changes none.
 */
export class UsagePlan extends Construct {
  /**
   * @internal Plans are made by the gateways' `addUsagePlan`: the plan `UsagePlan<id>` of
   * `host.gateway`, once its id and options are checked.
   */
  public static _add(host: UsagePlanHost, id: string, options: UsagePlanOptions): UsagePlan {
    const gateway = host.gateway;
    const prop = callName('addUsagePlan', id);
    throwIfProblems(gateway, [...methodProblems('addUsagePlan', { id }), ...optionsProblems(USAGE_PLAN_OPTIONS, options, prop)]);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      fail(gateway, { code: 'InvalidUsagePlan', prop, rule: 'names must be 1-64 letters, digits, _ or -', value: id, fix: "use e.g. 'Gold'" });
    }
    if (gateway.node.tryFindChild(`UsagePlan${id}`)) {
      fail(gateway, { code: 'InvalidUsagePlan', prop, rule: 'must name a new plan', value: id, fix: 'give each plan its own name' });
    }
    if (options.routeThrottles && host.noRouteThrottles) {
      fail(gateway, {
        code: 'UnsupportedCombination', prop: `${prop}.routeThrottles`, rule: `cannot be set: ${host.noRouteThrottles}`, value: Object.keys(options.routeThrottles), fix: 'remove routeThrottles',
      });
    }
    throwIfProblems(gateway, planStageProblems(host, `${prop}.stages`, options.stages));
    return new UsagePlan(gateway as Construct, `UsagePlan${id}`, host, options, id);
  }

  /** The underlying CloudFormation usage plan (escape hatch). */
  public readonly resource: apigw.CfnUsagePlan;

  private readonly keyNames = new Set<string>();
  private readonly host: UsagePlanHost;
  private readonly options: UsagePlanOptions;
  /** The id given to `addUsagePlan`: the plan's identity, in messages too. */
  private readonly planId: string;

  /** The name API Gateway shows: `options.name`, else the id given to `addUsagePlan`. */
  public readonly planName: string;

  private constructor(scope: Construct, id: string, host: UsagePlanHost, options: UsagePlanOptions, planId: string) {
    super(scope, id);
    this.host = host;
    this.options = options;
    this.planId = planId;
    this.planName = options.name ?? planId;
    const prop = `addUsagePlan('${planId}')`;
    throwIfProblems(this, planProblems(prop, options));
    if (options.routeThrottles) this.node.addValidation({ validate: () => { this.warnKeylessRouteThrottles(options.routeThrottles!); return []; } });
    const stages: { readonly name?: string; readonly stage: PlanStage }[] = options.stages === undefined
      ? [{ stage: { stageName: host.stageName, stage: host.stage, throttle: host.stageThrottle } }]
      : options.stages.map(name => ({ name, stage: host.namedStage(name)! }));
    for (const { name, stage } of stages) {
      if (options.throttle && exceeds(options.throttle, stage.throttle)) {
        warn(this, 'PlanThrottleAboveStage',
          `usage plan ${planId} throttle ${JSON.stringify(options.throttle)} is above the ${name === undefined ? "stage's" : `stage ${name}'s`} ${JSON.stringify(stage.throttle)}: the stage's limit applies first`);
      }
    }
    this.resource = new apigw.CfnUsagePlan(this, 'Resource', {
      usagePlanName: this.planName,
      description: options.description,
      throttle: options.throttle && toCfnThrottle(options.throttle),
      quota: options.quota && { limit: options.quota.limit, period: options.quota.period, offset: options.quota.offset },
      apiStages: stages.map(({ stage }) => ({
        apiId: host.apiId,
        stage: stage.stageName,
        throttle: options.routeThrottles && Lazy.any({ produce: () => this.routeThrottles(prop, options.routeThrottles!) }),
      })),
    });
    for (const { stage } of stages) {
      if (stage.stage) this.resource.node.addDependency(stage.stage);
    }
  }

  /** @internal The plan in the route manifest: its limits and its keys' names, never their values. */
  public _manifestEntry(): UsagePlanRecord {
    return {
      id: this.planId,
      throttle: this.options.throttle && { rateLimit: this.options.throttle.rateLimit, burstLimit: burstLimitOf(this.options.throttle) },
      quotaLimit: this.options.quota?.limit,
      quotaPeriod: this.options.quota?.period,
      apiKeys: [...this.keyNames].sort(),
      // Left out when the plan names no stages, so such plans' manifests stay as they were.
      ...(this.options.stages ? { stages: [...this.options.stages].sort() } : {}),
    };
  }

  /** The plan's ID, as API Gateway knows it. */
  public get usagePlanId(): string {
    return this.resource.ref;
  }

  /**
   * Adds an API key to the plan: a new one by name (`addApiKey('AcmeCorp')`), or a key that
   * exists already (one a plan of another gateway returned, or `ApiKey.fromApiKeyId`). A key is
   * in at most one plan of a gateway: API Gateway refuses a key in two plans of one stage.
   * @returns the key
   */
  public addApiKey(nameOrKey: string | apigw.IApiKey, options: ApiKeyOptions = {}): apigw.IApiKey {
    throwIfProblems(this, methodProblems('addApiKey', { nameOrKey }));
    const isName = typeof nameOrKey === 'string';
    const prop = `usage plan ${this.planId} addApiKey(${isName ? `'${nameOrKey}'` : nameOrKey.node.id})`;
    throwIfProblems(this, optionsProblems(API_KEY_OPTIONS, options, prop));
    if (isName && !/^[A-Za-z0-9]{1,64}$/.test(nameOrKey)) {
      fail(this, { code: 'InvalidApiKey', prop, rule: 'names must be 1-64 letters or digits', value: nameOrKey, fix: "use e.g. 'AcmeCorp'" });
    }
    if (!isName && Object.keys(options).length > 0) {
      fail(this, { code: 'InvalidApiKey', prop, rule: 'options only apply to a key the plan creates', value: Object.keys(options), fix: 'drop the options' });
    }
    const key = isName ? this.host.keys.create(prop, nameOrKey, options) : nameOrKey;
    const keyName = this.host.keys.nameOf(key);
    if (this.keyNames.has(keyName)) {
      fail(this, { code: 'DuplicateApiKey', prop, rule: 'is already in this plan', value: keyName, fix: 'add each key once' });
    }
    const keyPlans = KeyPlans.of(this);
    const elsewhere = keyPlans.plansOf(key).find(p => p.gateway === this.host.gateway);
    if (elsewhere) {
      fail(this, {
        code: 'DuplicateApiKey',
        prop,
        rule: 'must add a key that no other plan of this gateway has',
        value: keyName,
        fix: `it is in usage plan ${elsewhere.plan.planId}, and API Gateway refuses a key in two plans of one stage: give this plan its own key; `
          + `to move the key, remove it from ${elsewhere.plan.planId} and deploy, then add it to ${this.planId} and deploy again`,
      });
    }
    keyPlans.add(key, keyName, { gateway: this.host.gateway, plan: this });
    this.keyNames.add(keyName);
    new apigw.CfnUsagePlanKey(this, `Key${keyName}`, { keyId: key.keyId, keyType: 'API_KEY', usagePlanId: this.usagePlanId });
    return key;
  }

  /**
   * API Gateway applies a plan's throttles to the requests it meters by API key, and it reads
   * the key only on routes that require one: a route throttle on another route never applies.
   */
  private warnKeylessRouteThrottles(byKey: { [routeKey: string]: ThrottleSettings }): void {
    for (const routeKey of Object.keys(byKey).sort()) {
      if (this.host.routeRequiresApiKey(routeKey) !== false) continue;
      warn(this, 'RouteThrottleWithoutApiKey',
        `usage plan ${this.planId} routeThrottles['${routeKey}'] limits callers by their API key, but ${routeKey} requires none (apiKeyRequired), `
        + 'so API Gateway never applies it: set apiKeyRequired: true on the route, or use the route\'s own throttle (RouteOptions.throttle), which limits every caller');
    }
  }

  /** `/reports/{id}/GET` → throttle, for each route throttle; unknown routes fail synthesis. */
  private routeThrottles(prop: string, byKey: { [routeKey: string]: ThrottleSettings }): Record<string, apigw.CfnUsagePlan.ThrottleSettingsProperty> {
    const result: Record<string, apigw.CfnUsagePlan.ThrottleSettingsProperty> = {};
    for (const routeKey of Object.keys(byKey).sort()) {
      const route = this.host.route(routeKey);
      if (!route) {
        fail(this, {
          code: 'UnknownRoute',
          prop: `${prop}.routeThrottles`,
          rule: 'must name routes of the gateway',
          value: routeKey,
          fix: 'add the route, or correct the route key (e.g. \'GET /reports/{id}\')',
        });
      }
      result[`${route.path === '/' ? '/' : route.path}/${route.method}`] = toCfnThrottle(byKey[routeKey]);
    }
    return result;
  }
}

/** A plan's `stages` must name stages of its gateway, each once. */
function planStageProblems(host: UsagePlanHost, prop: string, stages: string[] | undefined): Problem[] {
  if (stages === undefined) return [];
  const known = host.stageNames();
  const fix = `name stages the gateway has (${known.join(', ')}; a RestGateway's addStage adds one, before the plan), or leave stages out for the gateway's own stage`;
  if (stages.length === 0) return [{ code: 'InvalidUsagePlan', prop, rule: 'must name at least one stage', value: stages, fix }];
  const problems: Problem[] = [];
  stages.forEach((name, i) => {
    if (Token.isUnresolved(name)) {
      problems.push({ code: 'InvalidUsagePlan', prop: `${prop}[${i}]`, rule: 'must be a plain stage name, not a token', value: name, fix });
    } else if (!host.namedStage(name)) {
      problems.push({ code: 'InvalidUsagePlan', prop: `${prop}[${i}]`, rule: 'must name a stage of the gateway', value: name, fix });
    } else if (stages.indexOf(name) !== i) {
      problems.push({ code: 'InvalidUsagePlan', prop: `${prop}[${i}]`, rule: 'must name each stage once', value: name, fix: 'drop the repeated name' });
    }
  });
  return problems;
}

function planProblems(prop: string, options: UsagePlanOptions): Problem[] {
  const problems = throttleProblems(`${prop}.throttle`, options.throttle);
  if (options.name !== undefined && !Token.isUnresolved(options.name) && options.name.trim() === '') {
    problems.push({ code: 'InvalidUsagePlan', prop: `${prop}.name`, rule: 'must not be empty', value: options.name, fix: "use e.g. 'Gold' or remove name to use the id" });
  }
  for (const [routeKey, throttle] of Object.entries(options.routeThrottles ?? {})) {
    problems.push(...throttleProblems(`${prop}.routeThrottles['${routeKey}']`, throttle));
    if (routeKey.startsWith('ANY ')) {
      problems.push({
        code: 'InvalidUsagePlan',
        prop: `${prop}.routeThrottles`,
        rule: 'cannot throttle an ANY route per method',
        value: routeKey,
        fix: 'add routes per method (GET, POST, …) to throttle them separately',
      });
    }
  }
  problems.push(...quotaProblems(`${prop}.quota`, options.quota));
  return problems;
}

const MAX_OFFSET: Record<QuotaPeriod, number> = { [QuotaPeriod.DAY]: 0, [QuotaPeriod.WEEK]: 6, [QuotaPeriod.MONTH]: 27 };

function quotaProblems(prop: string, quota: QuotaSettings | undefined): Problem[] {
  if (!quota) return [];
  const problems: Problem[] = [];
  if (!Token.isUnresolved(quota.limit) && !(Number.isInteger(quota.limit) && quota.limit >= 0)) {
    problems.push({ code: 'InvalidUsagePlan', prop: `${prop}.limit`, rule: 'must be a whole number >= 0', value: quota.limit, fix: 'use e.g. 100000' });
  }
  const offset = quota.offset ?? 0;
  const max = MAX_OFFSET[quota.period];
  if (!Token.isUnresolved(offset) && !(Number.isInteger(offset) && offset >= 0 && offset <= max)) {
    problems.push({
      code: 'InvalidUsagePlan',
      prop: `${prop}.offset`,
      rule: `must be a whole number from 0 to ${max} for period ${quota.period}`,
      value: offset,
      fix: 'use 0 to start the period at its natural start',
    });
  }
  return problems;
}

function toCfnThrottle(throttle: ThrottleSettings): apigw.CfnUsagePlan.ThrottleSettingsProperty {
  return { rateLimit: throttle.rateLimit, burstLimit: burstLimitOf(throttle) };
}

function exceeds(plan: ThrottleSettings, stage: ThrottleSettings): boolean {
  const [planBurst, stageBurst] = [burstLimitOf(plan), burstLimitOf(stage)];
  return [plan.rateLimit, planBurst, stage.rateLimit, stageBurst].every(v => !Token.isUnresolved(v))
    && (plan.rateLimit > stage.rateLimit || planBurst > stageBurst);
}

// The shapes untyped (JavaScript) callers are checked against.

export const USAGE_PLAN_OPTIONS = struct<UsagePlanOptions>('UsagePlanOptions', {
  throttle: optional(THROTTLE_SETTINGS),
  quota: optional(QUOTA_SETTINGS),
  routeThrottles: optional(map(THROTTLE_SETTINGS, "{ 'GET /reports/{id}': { rateLimit: 5, burstLimit: 10 } }")),
  stages: optional(list(str("'staging'"))),
  name: optional(str("'Gold'")),
  description: optional(str()),
}, '{ throttle: { rateLimit: 100, burstLimit: 200 } }');

export const API_KEY_OPTIONS = struct<ApiKeyOptions>('ApiKeyOptions', {
  value: optional(API_KEY_VALUE),
  description: optional(str()),
  outputKeyId: optional(bool()),
}, '{ outputKeyId: true }');
