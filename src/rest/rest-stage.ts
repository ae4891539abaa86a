import { Lazy, aws_apigateway as apigw } from 'aws-cdk-lib';
import { RouteCaching } from './rest-cache';
import { HttpRouteKey } from '../core/route-key';
import { burstLimitOf, ThrottleSettings } from '../vocabulary/throttle-settings';

/** What a route sets apart from the stage-wide defaults. */
interface RouteSettings {
  readonly route: HttpRouteKey;
  throttle?: ThrottleSettings;
  caching?: RouteCaching;
}

/** What a stage sets for every method. */
export interface StageDefaults {
  readonly throttle: ThrottleSettings;
  readonly loggingLevel: apigw.MethodLoggingLevel;
  /** Full requests and responses in the execution logs. */
  readonly dataTrace: boolean;
  /** The stage cache's TTL and encryption, when the stage has a cache. */
  readonly cache?: { readonly ttlSeconds: number; readonly encrypted: boolean };
}

/**
 * The stage's method settings: the stage-wide defaults (`/*` `/*`) and one entry per route
 * that overrides them. Rendered lazily so routes added after the stage still count, and
 * sorted so route order never changes the template. Caching is always written out (off
 * where it is not wanted), so turning it off in code turns it off in the stage.
 */
export class RestMethodSettings {
  constructor(
    private readonly defaults: StageDefaults,
    /** What routes set apart, shared by every stage of the API (a stage's settings follow the same routes). */
    private readonly routes = new Map<string, RouteSettings>(),
  ) {}

  /**
   * The settings of another stage of the same API: its own defaults, the same routes (their
   * throttles and caching), routes added later included.
   */
  public forStage(defaults: StageDefaults): RestMethodSettings {
    return new RestMethodSettings(defaults, this.routes);
  }

  public throttleRoute(route: HttpRouteKey, throttle: ThrottleSettings): void {
    this.settingsOf(route).throttle = throttle;
  }

  /**
   * Records how a route of a cached stage is cached, also when it is not: CloudFormation
   * leaves a method setting in place when its entry disappears, so a route that stops being
   * cached (e.g. it became per-caller) must say so.
   */
  public cacheRoute(route: HttpRouteKey, caching: RouteCaching): void {
    this.settingsOf(route).caching = caching;
  }

  /** Whether the route with this key is cached. */
  public isCached(routeKey: string): boolean {
    return this.routes.get(routeKey)?.caching?.enabled ?? false;
  }

  /** Method-setting paths of the cached routes (`/~1products~1{id}/GET`), sorted. */
  public cachedPaths(): string[] {
    return [...this.routes.values()]
      .filter(r => r.caching?.enabled)
      .map(r => `${methodSettingPath(r.route)}/${r.route.method}`)
      .sort();
  }

  /** Installs the settings on the stage, replacing what aws-cdk-lib rendered from props. */
  public applyTo(stage: apigw.Stage): void {
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.methodSettings = Lazy.any({ produce: () => this.render() });
  }

  private settingsOf(route: HttpRouteKey): RouteSettings {
    let settings = this.routes.get(route.key);
    if (!settings) {
      settings = { route };
      this.routes.set(route.key, settings);
    }
    return settings;
  }

  private render(): apigw.CfnStage.MethodSettingProperty[] {
    const common = {
      loggingLevel: this.defaults.loggingLevel,
      dataTraceEnabled: this.defaults.dataTrace,
      metricsEnabled: true,
    };
    const cache = this.defaults.cache;
    const perRoute = [...this.routes.values()]
      .sort((a, b) => (a.route.key < b.route.key ? -1 : 1))
      .map(({ route, throttle, caching }) => ({
        ...common,
        resourcePath: methodSettingPath(route),
        httpMethod: route.method,
        throttlingRateLimit: (throttle ?? this.defaults.throttle).rateLimit,
        throttlingBurstLimit: burstLimitOf(throttle ?? this.defaults.throttle),
        // A stage without a cache caches nothing, whatever the route opted in to on another stage.
        cachingEnabled: cache !== undefined && (caching?.enabled ?? false),
        ...(caching?.enabled && cache ? { cacheTtlInSeconds: caching.routeTtlSeconds ?? cache.ttlSeconds, cacheDataEncrypted: cache.encrypted } : {}),
      }));
    return [
      {
        ...common,
        resourcePath: '/*',
        httpMethod: '*',
        throttlingRateLimit: this.defaults.throttle.rateLimit,
        throttlingBurstLimit: burstLimitOf(this.defaults.throttle),
        cachingEnabled: false,
        ...(cache ? { cacheTtlInSeconds: cache.ttlSeconds, cacheDataEncrypted: cache.encrypted } : {}),
      },
      ...perRoute,
    ];
  }
}

/**
 * Method settings name a resource by its path with `/` escaped as `~1`: `/~1orders~1{id}`;
 * the root resource is plain `/`.
 */
export function methodSettingPath(route: HttpRouteKey): string {
  return route.path === '/' ? '/' : '/' + route.path.replace(/\//g, '~1');
}
