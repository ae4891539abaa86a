import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { fail } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';

const PAYLOAD_VERSIONS = ['1.0', '2.0'];

/**
 * Lambda proxy on an HTTP API: one integration per function and settings, shared by every
 * route, and one invoke permission per function per API (aws-cdk-lib's HttpLambdaIntegration
 * adds one per route, which overflows the function policy at a few dozen routes).
 */
export function bindLambdaHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'lambda'>): HttpIntegrationBinding {
  const { handler, options } = spec;
  const payloadFormatVersion = options.payloadFormatVersion ?? apigwv2.PayloadFormatVersion.VERSION_2_0;
  if (!PAYLOAD_VERSIONS.includes(payloadFormatVersion.version)) {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.lambda payloadFormatVersion`,
      rule: `must be one of ${PAYLOAD_VERSIONS.join(', ')}`,
      value: payloadFormatVersion.version,
      fix: 'use PayloadFormatVersion.VERSION_2_0 (the default) or VERSION_1_0',
    });
  }
  ctx.grantInvoke(handler);
  return {
    integration: ctx.integration(handler, {
      integrationType: apigwv2.HttpIntegrationType.AWS_PROXY,
      integrationUri: handler.functionArn,
      payloadFormatVersion,
      timeout: httpIntegrationTimeout(ctx, options.timeout),
    }),
  };
}
