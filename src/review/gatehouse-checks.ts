import { Construct, IConstruct } from 'constructs';
import { enableRouteChecks } from './route-checks';
import { args, argumentChecker, required, simple } from '../core/shape';

/**
 * The library's own route checks, for what cdk-nag's method-level rules cannot see in an API
 * defined by an OpenAPI document: each gateway in the scope reports, at synth, one warning per
 * route that is open (`cdk-gatehouse:OpenRoute`), limited by no throttle of its API
 * (`cdk-gatehouse:UnthrottledRoute`) or cached although its answer depends on the caller
 * (`cdk-gatehouse:PerCallerCachedRoute`). Acknowledge a route's finding with
 * `Validations.of(scope).acknowledge({ id: 'cdk-gatehouse:OpenRoute[GET /health]', reason })`.
 *
 * @example
 * import { Validations } from 'aws-cdk-lib';
 * import { Authorization, GatehouseChecks, Integration, RestGateway } from 'cdk-gatehouse';
 *
 * GatehouseChecks.enable(this); // this stack; in an app's entry point: GatehouseChecks.enable(app)
 * const api = new RestGateway(this, 'Orders');
 * api.addRoute('GET /health', Integration.mock(), { authorization: Authorization.none() });
 * // Public on purpose: this route's finding is acknowledged, with the reason.
 * Validations.of(api).acknowledge({ id: 'cdk-gatehouse:OpenRoute[GET /health]', reason: 'health checks of the load balancer' });
 */
export class GatehouseChecks {
  /**
   * Turns the route checks on for every gateway in `scope` (an App, a Stage, a Stack or one
   * gateway), those in nested stages included, whether created before or after this call.
   * Findings are warnings: `cdk synth` prints them, `--strict` fails on them, and apps that
   * run validation plugins (cdk-nag) with `@aws-cdk/core:annotationsInValidationReport` list
   * them in the validation report.
   * @param scope the App, Stage, Stack or gateway to check
   */
  public static enable(scope: IConstruct): void {
    checkArguments('GatehouseChecks.enable', { scope });
    enableRouteChecks(scope);
  }

  private constructor() {}
}

// The shapes untyped (JavaScript) callers are checked against.

const CONSTRUCT = simple<IConstruct>('a construct (an App, Stage, Stack or gateway)', 'app', value => Construct.isConstruct(value));

export const GATEHOUSE_CHECKS_FACTORIES = {
  'GatehouseChecks.enable': args<{ scope: IConstruct }>({ scope: required(CONSTRUCT) }),
};

const checkArguments = argumentChecker(GATEHOUSE_CHECKS_FACTORIES);
