import { Lazy, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { burstLimitOf, ThrottleSettings } from '../vocabulary/throttle-settings';

/**
 * The stage's route settings: defaults for every route (throttle, execution logging,
 * detailed metrics) and one entry per route that throttles on its own. Rendered lazily so
 * routes added after the stage still count, and sorted so route order never changes the
 * template.
 */
export class WebSocketRouteSettings {
  private readonly routeThrottles = new Map<string, ThrottleSettings>();

  constructor(private readonly defaults: { throttle: ThrottleSettings; loggingLevel: string; dataTrace: boolean }) {}

  public throttleRoute(routeKey: string, throttle: ThrottleSettings): void {
    this.routeThrottles.set(routeKey, throttle);
  }

  /** Installs the settings on the stage, replacing what aws-cdk-lib rendered from props. */
  public applyTo(stage: apigwv2.WebSocketStage): void {
    const cfnStage = stage.node.defaultChild as apigwv2.CfnStage;
    cfnStage.defaultRouteSettings = { ...this.common(), ...throttling(this.defaults.throttle) };
    cfnStage.routeSettings = Lazy.any({ produce: () => this.render() }, { omitEmptyArray: true });
  }

  private common(): apigwv2.CfnStage.RouteSettingsProperty {
    return {
      loggingLevel: this.defaults.loggingLevel,
      dataTraceEnabled: this.defaults.dataTrace,
      detailedMetricsEnabled: true,
    };
  }

  /** `RouteSettings` is plain JSON to CloudFormation: its keys are written as CloudFormation spells them. */
  private render(): Record<string, Record<string, unknown>> | undefined {
    if (this.routeThrottles.size === 0) return undefined;
    const keys = [...this.routeThrottles.keys()].sort();
    return Object.fromEntries(keys.map(key => {
      const throttle = this.routeThrottles.get(key)!;
      return [key, {
        LoggingLevel: this.defaults.loggingLevel,
        DataTraceEnabled: this.defaults.dataTrace,
        DetailedMetricsEnabled: true,
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: burstLimitOf(throttle),
      }];
    }));
  }
}

function throttling(throttle: ThrottleSettings): apigwv2.CfnStage.RouteSettingsProperty {
  return { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: burstLimitOf(throttle) };
}
