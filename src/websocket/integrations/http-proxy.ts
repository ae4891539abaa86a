import { fail } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { checkHttpProxy, urlPlaceholders } from '../../vocabulary/integrations/http-proxy';
import { webSocketIntegrationTimeout } from '../integration-timeout';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';

/**
 * HTTP proxy on a WebSocket route: each message is sent to the URL as the request body
 * (POST unless `method` says otherwise); on a two-way route the answer's body goes back.
 */
export function webSocketHttpProxy(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'http'>): WebSocketIntegrationBinding {
  const { url, options } = spec;
  checkHttpProxy(ctx.scope, ctx.prop, url, options);
  const placeholder = urlPlaceholders(url)[0];
  if (placeholder !== undefined) {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.http url`,
      rule: `uses {${placeholder}}, but WebSocket routes have no path parameters`,
      value: url,
      fix: 'use a fixed URL',
    });
  }
  for (const name of ['requestHeaders', 'requestQueryStrings', 'requestPath', 'responseMappings'] as const) {
    if (options[name] !== undefined) {
      fail(ctx.scope, {
        code: 'UnsupportedCombination',
        prop: `${ctx.prop} Integration.http ${name}`,
        rule: 'is not supported on a WebSocket route (a message carries no headers, query strings or path of its own)',
        value: options[name],
        fix: 'put what the backend needs in the URL, or use a RestGateway or HttpGateway route',
      });
    }
  }
  if (options.method === 'ANY') {
    fail(ctx.scope, {
      code: 'InvalidIntegration',
      prop: `${ctx.prop} Integration.http method`,
      rule: 'must be a concrete method on a WebSocket route (a message has no method to forward)',
      value: options.method,
      fix: "leave it out for POST, or use e.g. 'PUT'",
    });
  }
  return {
    integration: {
      integrationType: 'HTTP_PROXY',
      integrationMethod: options.method ?? 'POST',
      integrationUri: url,
      timeoutInMillis: webSocketIntegrationTimeout(ctx, options.timeout),
    },
  };
}
