import { Token, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from '../../core/errors';
import { checkMethod } from '../../shared/vpc-links';
import { PrivateIntegrationOptions } from '../../vocabulary/integrations/private';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';

/**
 * A private integration on an HTTP API: an HTTP proxy through a VPC link v2 to `uri`, the
 * ARN of a load balancer listener or a Cloud Map service. One integration per target and
 * settings, shared by every route.
 *
 * HTTP APIs send the request's path to a private backend themselves (path parameters and
 * `{proxy+}` as the client sent them), but prefixed with the stage's name on a named stage.
 * Overwriting the path with `$request.path`, the path the route matched, sends the same path
 * on every stage and through a custom domain, as a RestGateway does.
 */
export function bindPrivateHttp(
  ctx: HttpRouteContext, factory: string, target: IConstruct, uri: string, link: apigwv2.IVpcLink, options: PrivateIntegrationOptions,
): HttpIntegrationBinding {
  checkMethod(ctx, factory, options.method);
  const method = options.method ?? ctx.route.method;
  return {
    integration: ctx.integration(target, {
      integrationType: apigwv2.HttpIntegrationType.HTTP_PROXY,
      integrationUri: uri,
      connectionType: apigwv2.HttpConnectionType.VPC_LINK,
      connectionId: link.vpcLinkId,
      method: method as apigwv2.HttpMethod,
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
      parameterMapping: new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.requestPath()),
      timeout: httpIntegrationTimeout(ctx, options.timeout),
    }),
  };
}

/** Refuses a `port` that differs from the port of the listener the integration sends to. */
export function checkListenerPort(
  ctx: HttpRouteContext, factory: string, listener: IConstruct, listenerPort: number | undefined, port: number | undefined,
): void {
  if (port === undefined || listenerPort === undefined || Token.isUnresolved(port) || Token.isUnresolved(listenerPort)) return;
  if (port === listenerPort) return;
  fail(ctx.scope, {
    code: 'InvalidIntegration',
    prop: `${ctx.prop} ${factory} port`,
    rule: `must match the port of the listener it sends to (${listener.node.path} listens on ${listenerPort})`,
    value: port,
    fix: `set port to ${listenerPort} or leave it out`,
  });
}
