import { aws_lambda as lambda } from 'aws-cdk-lib';
import { HttpTarget, HttpIntegrationOptions } from './http-integration';
import { IntegrationTarget } from './integration-target';
import { LambdaTarget, LambdaIntegrationOptions } from './lambda-integration';
import { MockTarget, MockIntegrationOptions } from './mock-integration';
import { fail } from '../private/errors';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';

/**
 * The backend a route sends requests to. The same object works on every gateway that can
 * express it; a gateway that cannot says so at synth time and names one that can.
 */
export class Integration {
  /** Lambda proxy integration: the function receives the whole request and shapes the response. */
  public static lambda(handler: lambda.IFunction, options: LambdaIntegrationOptions = {}): Integration {
    return new Integration(new LambdaTarget(handler, options));
  }

  /** HTTP proxy to a public URL; `{name}` placeholders in the URL receive the route's path parameters. */
  public static http(url: string, options: HttpIntegrationOptions = {}): Integration {
    return new Integration(new HttpTarget(url, options));
  }

  /** A fixed response produced by API Gateway itself, without a backend. */
  public static mock(options: MockIntegrationOptions = {}): Integration {
    return new Integration(new MockTarget(options));
  }

  private readonly target: IntegrationTarget;

  private constructor(target: IntegrationTarget) {
    this.target = target;
  }

  /** @internal */
  public _bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    if (!this.target.bindRest) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: ctx.prop,
        rule: `cannot use ${this.target.factory} on a RestGateway`,
        value: ctx.route.key,
        fix: 'use a gateway that supports it',
      });
    }
    return this.target.bindRest(ctx);
  }
}
