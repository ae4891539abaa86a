import { Token, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { HttpIntegrationOptions } from '../../vocabulary/integrations/http-proxy';
import { fail } from '../../core/errors';
import { URL_PLACEHOLDER } from '../../vocabulary/integration-url';
import { pathParameterNames } from '../../core/route-key';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { httpIntegrationTimeout } from '../http-integration-timeout';

/**
 * HTTP proxy on an HTTP API: `{name}` in the URL receives the route's path parameter of that
 * name (API Gateway substitutes it). One integration per URL, method and timeout.
 */
export function bindHttpProxyHttp(ctx: HttpRouteContext, url: string, options: HttpIntegrationOptions): HttpIntegrationBinding {
  const placeholders = Token.isUnresolved(url) ? [] : [...url.matchAll(URL_PLACEHOLDER)].map(m => m[1]);
  const received = pathParameterNames(ctx.route);
  const unknown = placeholders.find(name => !received.includes(name));
  if (unknown) {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.http url`,
      rule: `uses {${unknown}}, which the route does not receive`,
      value: url,
      fix: `use one of the route's path parameters (${received.map(n => `{${n}}`).join(', ') || 'none'})`,
    });
  }
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
