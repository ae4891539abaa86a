import { Token, aws_apigateway as apigw, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { REST_ACCESS_LOG_FIELDS, restAccessLogFormat } from './access-log-format';
import { applyInvalidationPolicy } from './cache-invalidation';
import { invalidationGrantProblems, stageCacheProblems, ttlSeconds } from './rest-cache';
import { RestMethodSettings } from './rest-stage';
import { associateWebAcl } from './waf';
import { fail, Problem, throwIfProblems, warn } from '../core/errors';
import { bool, callName, optional, optionsProblems, str, struct } from '../core/shape';
import { METHOD_LOGGING_LEVEL } from '../core/shapes/aws';
import { stageNameProblems, stageVariableProblems } from '../core/stage-rules';
import { additionalFieldProblems } from '../shared/access-log-fields';
import { accessLogGroup, accessLogKeyProblems, accessLogOptionProblems } from '../shared/access-logs';
import { AccountLogsRole } from '../shared/account-logs-role';
import { dataTraceOf } from '../shared/data-trace';
import { methodProblems, STAGE_VARIABLES } from '../shared/gateway-methods';
import { acknowledgeStageCache } from '../shared/nag-acknowledgements';
import { ACCESS_LOG_OPTIONS, AccessLogOptions } from '../vocabulary/access-log-options';
import { CACHE_OPTIONS, CacheOptions, CacheSize, UnauthorizedInvalidation } from '../vocabulary/cache-options';
import { exceedsAccountDefaults, THROTTLE_SETTINGS, throttleProblems, ThrottleSettings } from '../vocabulary/throttle-settings';

/** API Gateway's default quota of stages per REST API. */
const MAX_STAGES = 10;

/** Options of `RestGateway.addStage`: what this stage sets apart from the others. */
export interface RestStageOptions {
  /**
   * Stage variables of this stage (`RequestValue.stageVariable` reads them).
   * @default - none
   */
  readonly stageVariables?: { [name: string]: string };

  /**
   * Description of the stage, as API Gateway shows it.
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage-wide throttling (token bucket). Routes with their own throttle
   * (`RouteOptions.throttle`) keep it on this stage too.
   * @default - the gateway's throttle
   */
  readonly throttle?: ThrottleSettings;

  /**
   * A cache of this stage's own. The routes cached are those that opt in with
   * `RouteOptions.cache`, which needs the gateway's `cache`; a route without its own TTL
   * takes this cache's.
   * @default - no cache: this stage caches nothing
   */
  readonly cache?: CacheOptions;

  /**
   * JSON access logs of this stage, in the gateway's format.
   * @default - on, to a log group of this stage, kept one year
   */
  readonly accessLogs?: AccessLogOptions;

  /**
   * Execution logging level of every method of this stage.
   * @default - the gateway's `executionLogLevel`
   */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;

  /**
   * Log full requests and responses (headers and bodies) in this stage's execution logs, for
   * debugging; a warning (`cdk-gatehouse:DataTraceLogging`) says it is on.
   * @default false
   */
  readonly dataTrace?: boolean;

  /**
   * X-Ray tracing.
   * @default - the gateway's `tracing`
   */
  readonly tracing?: boolean;
}

/** What a stage needs from its gateway. Not exported from the library. */
export interface RestStageHost {
  readonly gateway: Construct;
  readonly api: apigw.RestApi;
  /** The latest deployment: every added stage serves it. */
  readonly deployment: apigw.Deployment;
  /** The gateway's own stage's name. */
  readonly mainStageName: string;
  readonly throttle: ThrottleSettings;
  readonly loggingLevel: apigw.MethodLoggingLevel;
  readonly tracing: boolean;
  /** Whether the gateway has a cache (routes can opt in to caching only then). */
  readonly cached: boolean;
  readonly manageAccountLogsRole: boolean;
  readonly clientCertificateId?: string;
  /** The gateway's web ACL, in front of every stage. */
  readonly webAclArn?: string;
  /** The main stage's method settings: an added stage shares their routes. */
  readonly methodSettings: RestMethodSettings;
  /** Whether the default `execute-api` endpoint is off (an added stage then has no URL of its own). */
  readonly executeApiEndpointOff: boolean;
  /** How many stages the gateway has already. */
  readonly stageCount: number;
  /** `execute-api:Invoke` on `stageName`'s routes, or on `routeKey` only. */
  grantInvoke(grantee: iam.IGrantable, routeKey: string | undefined, stageName: string): iam.Grant;
  /** `execute-api:InvalidateCache` on `stageName`'s routes, or on `routeKey` only. */
  grantInvalidateCache(grantee: iam.IGrantable, routeKey: string | undefined, stageName: string, problems: () => Problem[]): iam.Grant;
}

/**
 * One more stage of a `RestGateway` (`gateway.addStage('staging')`): the same API and
 * deployment, its own name, variables, throttle, cache and logs. Its logical IDs come from
 * its name (`Stage<Name>`), so adding or removing a stage changes no other.
 */
export class RestGatewayStage extends Construct {
  /**
   * @internal Stages are made by `RestGateway.addStage`: the stage `Stage<Name>` of
   * `host.gateway`, once its name and options are checked.
   */
  public static _add(host: RestStageHost, stageName: string, options: RestStageOptions): RestGatewayStage {
    const gateway = host.gateway;
    throwIfProblems(gateway, methodProblems('addStage', { stageName }));
    const call = callName('addStage', stageName);
    throwIfProblems(gateway, [
      ...stageNameProblems(stageName, false).map(p => ({ ...p, prop: 'addStage stageName' })),
      ...(Token.isUnresolved(stageName) ? [{
        code: 'InvalidStage' as const,
        prop: 'addStage stageName',
        rule: 'must be a plain name, not a token: the stage\'s logical IDs come from it',
        value: stageName,
        fix: "write the name, e.g. 'staging'",
      }] : []),
      ...optionsProblems(REST_STAGE_OPTIONS, options, call),
    ]);
    const id = `Stage${stageName.charAt(0).toUpperCase()}${stageName.slice(1)}`;
    if (stageName === host.mainStageName || gateway.node.tryFindChild(id)) {
      fail(gateway, {
        code: 'DuplicateName',
        prop: 'addStage stageName',
        rule: stageName === host.mainStageName ? "must differ from the gateway's stageName" : 'must name a new stage (its logical IDs come from the name, first letter in capitals)',
        value: stageName,
        fix: 'give each stage its own name',
      });
    }
    if (host.stageCount >= MAX_STAGES) {
      fail(gateway, {
        code: 'LimitExceeded',
        prop: 'addStage stageName',
        rule: `would be stage ${host.stageCount + 1}: API Gateway allows ${MAX_STAGES} stages per REST API`,
        value: stageName,
        fix: 'remove a stage, or split the API into several gateways',
      });
    }
    throwIfProblems(gateway, prefixed(call, [
      ...throttleProblems('throttle', options.throttle),
      ...stageVariableProblems('stageVariables', options.stageVariables),
      ...stageCacheProblems(options.cache),
      ...accessLogOptionProblems(options.accessLogs),
      ...additionalFieldProblems(REST_ACCESS_LOG_FIELDS, options.accessLogs),
      ...accessLogKeyProblems(gateway, options.accessLogs),
      ...(options.dataTrace === true && (options.executionLogLevel ?? host.loggingLevel) === apigw.MethodLoggingLevel.OFF ? [{
        code: 'UnsupportedCombination' as const,
        prop: 'dataTrace',
        rule: 'writes into the execution logs, which executionLogLevel OFF turns off',
        value: true,
        fix: 'set executionLogLevel to ERROR or INFO, or remove dataTrace',
      }] : []),
      ...(options.cache && !host.cached ? [{
        code: 'InvalidCache' as const,
        prop: 'cache',
        rule: "needs the gateway's cache: routes opt in to caching (RouteOptions.cache) against it",
        value: options.cache,
        fix: "set the gateway's cache option too, or remove this stage's cache",
      }] : []),
    ]));
    return new RestGatewayStage(gateway, id, host, stageName, options);
  }

  /** The underlying stage (escape hatch). */
  public readonly stage: apigw.Stage;
  /** The stage's name, the first path segment of its URL. */
  public readonly stageName: string;
  /** Where this stage's access logs go; undefined when they are off. */
  public readonly accessLogGroup?: logs.ILogGroup;

  /** @internal The stage's throttle, for usage plans and the route manifest. */
  public readonly _throttle: ThrottleSettings;
  /** @internal What the route manifest records of the stage's logging. */
  public readonly _logging: { readonly accessLogs: boolean; readonly executionLogLevel: apigw.MethodLoggingLevel; readonly dataTrace: boolean };

  private readonly host: RestStageHost;
  private readonly cache?: CacheOptions;
  private readonly methodSettings: RestMethodSettings;

  private constructor(scope: Construct, id: string, host: RestStageHost, stageName: string, options: RestStageOptions) {
    super(scope, id);
    this.host = host;
    this.stageName = stageName;
    const throttle = options.throttle ?? host.throttle;
    this._throttle = throttle;
    if (options.throttle && exceedsAccountDefaults(throttle)) {
      warn(this, 'ThrottleAboveAccountDefault',
        `stage ${stageName} throttle ${JSON.stringify(throttle)} is above API Gateway's default account limits (10000 requests/s, burst 5000): request a quota increase or the account limit applies`);
    }
    const loggingLevel = options.executionLogLevel ?? host.loggingLevel;
    const cache = options.cache;
    this.cache = cache;
    this.accessLogGroup = accessLogGroup(this, options.accessLogs);
    // Named `Resource`, so the stage's logical ID is the gateway's, `Stage` and the stage's name.
    this.stage = new apigw.Stage(this, 'Resource', {
      clientCertificateId: host.clientCertificateId,
      deployment: host.deployment,
      stageName,
      variables: options.stageVariables,
      description: options.description,
      tracingEnabled: options.tracing ?? host.tracing,
      accessLogDestination: this.accessLogGroup ? new apigw.LogGroupLogDestination(this.accessLogGroup) : undefined,
      accessLogFormat: this.accessLogGroup ? restAccessLogFormat(options.accessLogs) : undefined,
      // Written out even when off, so removing the cache in code removes it from the stage.
      cacheClusterEnabled: cache !== undefined,
      cacheClusterSize: cache ? (cache.size ?? CacheSize.GB_0_5) : undefined,
    });
    if (cache && (cache.encrypted ?? true)) acknowledgeStageCache(this.stage);
    this._logging = { accessLogs: this.accessLogGroup !== undefined, executionLogLevel: loggingLevel, dataTrace: options.dataTrace === true };
    const settings = host.methodSettings.forStage({
      throttle,
      loggingLevel,
      dataTrace: dataTraceOf(this, 'a RestGateway stage', options.dataTrace, loggingLevel),
      cache: cache && { ttlSeconds: ttlSeconds(cache.ttl), encrypted: cache.encrypted ?? true },
    });
    settings.applyTo(this.stage);
    this.methodSettings = settings;
    const invalidation = cache?.unauthorizedInvalidation;
    if (invalidation && invalidation !== UnauthorizedInvalidation.SUCCEED_WITH_RESPONSE_HEADER) {
      applyInvalidationPolicy(this, host.api, this.stage, invalidation, () => settings.cachedPaths());
    }
    if (host.webAclArn) associateWebAcl(this, this.stage, host.webAclArn);
    if (host.executeApiEndpointOff) {
      warn(this, 'StageWithoutEndpoint',
        `stage ${stageName} cannot be called: the execute-api endpoint is off (a custom domain turns it off unless domain.keepExecuteApiEndpoint, or disableExecuteApiEndpoint) `
        + "and the custom domain maps the gateway's own stage only: map this stage yourself (new apigw.BasePathMapping with stage: <this>.stage), or keep the execute-api endpoint");
    }
    if (loggingLevel !== apigw.MethodLoggingLevel.OFF && host.manageAccountLogsRole) {
      this.stage.node.addDependency(AccountLogsRole.of(this).resource);
    }
  }

  /** The stage's `execute-api` URL, ending in `/` (a custom domain maps the gateway's own stage only). */
  public get url(): string {
    return this.stage.urlForPath('/');
  }

  /**
   * Allows `grantee` to call IAM-authorized routes of this stage (`execute-api:Invoke`): every
   * route, or only `routeKey`.
   */
  public grantInvoke(grantee: iam.IGrantable, routeKey?: string): iam.Grant {
    throwIfProblems(this, methodProblems('grantInvoke', { grantee, routeKey }));
    return this.host.grantInvoke(grantee, routeKey, this.stageName);
  }

  /**
   * Allows `grantee` to invalidate cached responses (`Cache-Control: max-age=0`) of every
   * route of this stage, or only `routeKey`'s; needs this stage's `cache`.
   */
  public grantInvalidateCache(grantee: iam.IGrantable, routeKey?: string): iam.Grant {
    throwIfProblems(this, methodProblems('grantInvalidateCache', { grantee, routeKey }));
    const cached = routeKey !== undefined && this.methodSettings.isCached(routeKey);
    const problems = (): Problem[] => (this.cache ? invalidationGrantProblems(this.cache, routeKey, cached) : [{
      code: 'InvalidCache',
      prop: `stage ${this.stageName} grantInvalidateCache`,
      rule: 'needs a cache on the stage',
      value: routeKey ?? '(every route)',
      fix: `set the cache option of addStage('${this.stageName}'), or remove the grant`,
    }]);
    return this.host.grantInvalidateCache(grantee, routeKey, this.stageName, problems);
  }
}

/** The problems of an option, named after the call that set it: `addStage('staging').throttle`. */
function prefixed(call: string, problems: Problem[]): Problem[] {
  return problems.map(p => ({ ...p, prop: `${call}.${p.prop}` }));
}

// The shapes untyped (JavaScript) callers are checked against.

export const REST_STAGE_OPTIONS = struct<RestStageOptions>('RestStageOptions', {
  stageVariables: STAGE_VARIABLES,
  description: optional(str()),
  throttle: optional(THROTTLE_SETTINGS),
  cache: optional(CACHE_OPTIONS),
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  executionLogLevel: optional(METHOD_LOGGING_LEVEL),
  dataTrace: optional(bool()),
  tracing: optional(bool()),
}, "{ stageVariables: { backend: 'staging' }, throttle: { rateLimit: 50, burstLimit: 100 } }");
