import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { checkHttpProxy, placeholdersFromRoute } from '../../vocabulary/integrations/http-proxy';
import { restIntegrationTimeout } from '../integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';

/** HTTP proxy: the request goes to the URL as it came, `{name}` placeholders filled from the path. */
export function bindHttpProxyRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'http'>): RestIntegrationBinding {
  const { url, options } = spec;
  checkHttpProxy(ctx.scope, ctx.prop, url, options);
  const placeholders = placeholdersFromRoute(ctx.scope, ctx.prop, url, ctx.route);
  const requestParameters: Record<string, string> = {};
  for (const name of placeholders) requestParameters[`integration.request.path.${name}`] = `method.request.path.${name}`;
  return {
    integration: new apigw.HttpIntegration(url, {
      proxy: true,
      httpMethod: options.method ?? ctx.route.method,
      options: {
        timeout: restIntegrationTimeout(ctx, options.timeout),
        requestParameters: placeholders.length > 0 ? requestParameters : undefined,
      },
    }),
  };
}
