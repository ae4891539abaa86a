import { aws_apigatewayv2 as apigwv2, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LambdaIntegrationOptions } from '../../vocabulary/integrations/lambda';
import { fail } from '../../core/errors';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';

const PAYLOAD_VERSIONS = ['1.0', '2.0'];

/**
 * Lambda proxy on an HTTP API: one integration per function and settings, shared by every
 * route, and one invoke permission per function per API (aws-cdk-lib's HttpLambdaIntegration
 * adds one per route, which overflows the function policy at a few dozen routes).
 */
export function bindLambdaHttp(ctx: HttpRouteContext, handler: lambda.IFunction, options: LambdaIntegrationOptions): HttpIntegrationBinding {
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

/** REST (and WebSocket) Lambda proxies have one event format: `payloadFormatVersion` is an error there. */
export function refuseHttpOnlyOptions(ctx: { readonly scope: Construct; readonly prop: string }, options: LambdaIntegrationOptions): void {
  if (options.payloadFormatVersion === undefined) return;
  fail(ctx.scope, {
    code: 'UnsupportedCombination',
    prop: `${ctx.prop} Integration.lambda payloadFormatVersion`,
    rule: 'only applies on an HttpGateway (REST and WebSocket APIs send one event format)',
    value: options.payloadFormatVersion.version,
    fix: 'remove it, or move the route to an HttpGateway',
  });
}
