import { Lazy, aws_apigateway as apigw } from 'aws-cdk-lib';
import { ThrottleSettings } from '../common/throttle-settings';
import { HttpRouteKey } from '../private/route-key';

/**
 * The stage's method settings: the stage-wide defaults (`/*` `/*`) and one entry per route
 * that overrides them. Rendered lazily so routes added after the stage still count, and
 * sorted so route order never changes the template.
 */
export class RestMethodSettings {
  private readonly routeThrottles = new Map<string, { route: HttpRouteKey; throttle: ThrottleSettings }>();

  constructor(
    private readonly defaults: { throttle: ThrottleSettings; loggingLevel: apigw.MethodLoggingLevel },
  ) {}

  public throttleRoute(route: HttpRouteKey, throttle: ThrottleSettings): void {
    this.routeThrottles.set(route.key, { route, throttle });
  }

  /** Installs the settings on the stage, replacing what aws-cdk-lib rendered from props. */
  public applyTo(stage: apigw.Stage): void {
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.methodSettings = Lazy.any({ produce: () => this.render() });
  }

  private render(): apigw.CfnStage.MethodSettingProperty[] {
    const common = {
      loggingLevel: this.defaults.loggingLevel,
      dataTraceEnabled: false,
      metricsEnabled: true,
    };
    const perRoute = [...this.routeThrottles.values()]
      .sort((a, b) => (a.route.key < b.route.key ? -1 : 1))
      .map(({ route, throttle }) => ({
        ...common,
        resourcePath: methodSettingPath(route),
        httpMethod: route.method,
        throttlingRateLimit: throttle.rateLimit,
        throttlingBurstLimit: throttle.burstLimit,
      }));
    return [
      {
        ...common,
        resourcePath: '/*',
        httpMethod: '*',
        throttlingRateLimit: this.defaults.throttle.rateLimit,
        throttlingBurstLimit: this.defaults.throttle.burstLimit,
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
