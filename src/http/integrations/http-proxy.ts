import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { checkHttpProxy, placeholdersFromRoute } from '../../vocabulary/integrations/http-proxy';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';

/**
 * HTTP proxy on an HTTP API: `{name}` in the URL receives the route's path parameter of that
 * name (API Gateway substitutes it). One integration per URL, method and timeout.
 */
export function bindHttpProxyHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'http'>): HttpIntegrationBinding {
  const { url, options } = spec;
  checkHttpProxy(ctx.scope, ctx.prop, url, options);
  placeholdersFromRoute(ctx.scope, ctx.prop, url, ctx.route);
  return {
    integration: ctx.integration(url, {
      integrationType: apigwv2.HttpIntegrationType.HTTP_PROXY,
      integrationUri: url,
      method: (options.method ?? ctx.route.method) as apigwv2.HttpMethod,
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
      timeout: httpIntegrationTimeout(ctx, options.timeout),
    }),
  };
}
