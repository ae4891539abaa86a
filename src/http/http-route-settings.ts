import { Lazy, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { burstLimitOf, ThrottleSettings } from '../vocabulary/throttle-settings';

/**
 * Per-route throttles as the stage's route settings (aws-cdk-lib's HttpStage has none):
 * rendered lazily so routes added after the stage count, sorted so order never changes the
 * template, and each with detailed metrics like the stage default.
 */
export class HttpRouteSettings {
  private readonly throttles = new Map<string, ThrottleSettings>();

  constructor(private readonly stage: apigwv2.CfnStage) {
    stage.routeSettings = Lazy.any({ produce: () => this.render() });
  }

  /** Throttles `routeKey`; the stage waits for the route, which must exist before its settings. */
  public throttleRoute(routeKey: string, throttle: ThrottleSettings, route: apigwv2.CfnRoute): void {
    this.throttles.set(routeKey, throttle);
    this.stage.addResourceDependency(route);
  }

  private render(): Record<string, unknown> | undefined {
    if (this.throttles.size === 0) return undefined;
    const rendered: Record<string, unknown> = {};
    for (const key of [...this.throttles.keys()].sort()) {
      const throttle = this.throttles.get(key)!;
      const settings: apigwv2.CfnStage.RouteSettingsProperty = {
        throttlingRateLimit: throttle.rateLimit,
        throttlingBurstLimit: burstLimitOf(throttle),
        detailedMetricsEnabled: true,
      };
      // routeSettings is untyped JSON in CloudFormation's schema: write its property names.
      rendered[key] = {
        ThrottlingRateLimit: settings.throttlingRateLimit,
        ThrottlingBurstLimit: settings.throttlingBurstLimit,
        DetailedMetricsEnabled: settings.detailedMetricsEnabled,
      };
    }
    return rendered;
  }
}
