import { Duration, Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IntegrationTarget } from '../integration-target';
import { webSocketHttpProxy } from '../../websocket/integrations/http-proxy';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindHttpProxyHttp } from '../../http/integrations/http-proxy';
import { fail, throwIfProblems } from '../../core/errors';
import { integrationUrlProblems, URL_PLACEHOLDER, warnOnPlainHttp } from '../integration-url';
import { pathParameterNames, ROUTE_METHODS } from '../../core/route-key';
import { restIntegrationTimeout } from '../../rest/integration-timeout';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Integration.http`. */
export interface HttpIntegrationOptions {
  /**
   * The method used to call the backend.
   * @default - the route's method (`ANY` forwards the client's method)
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 29 s; longer only on regional and
   * private REST APIs after a quota increase).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;
}

/** HTTP proxy: the request goes to the URL as it came, the response comes back as it is. */
export class HttpTarget implements IntegrationTarget {
  public readonly factory = 'Integration.http';

  constructor(private readonly url: string, private readonly options: HttpIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    this.validate(ctx);
    return webSocketHttpProxy(ctx, this.url, this.options);
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    this.validate(ctx);
    const placeholders = Token.isUnresolved(this.url) ? [] : [...this.url.matchAll(URL_PLACEHOLDER)].map(m => m[1]);
    const received = pathParameterNames(ctx.route);
    const unknown = placeholders.find(name => !received.includes(name));
    if (unknown) {
      fail(ctx.scope, {
        code: 'InvalidIntegration',
        prop: `${ctx.prop} Integration.http url`,
        rule: `uses {${unknown}}, which the route does not receive`,
        value: this.url,
        fix: `use one of the route's path parameters (${received.map(n => `{${n}}`).join(', ') || 'none'})`,
      });
    }
    const requestParameters: Record<string, string> = {};
    for (const name of placeholders) requestParameters[`integration.request.path.${name}`] = `method.request.path.${name}`;
    return {
      integration: new apigw.HttpIntegration(this.url, {
        proxy: true,
        httpMethod: this.options.method ?? ctx.route.method,
        options: {
          timeout: restIntegrationTimeout(ctx, this.options.timeout),
          requestParameters: placeholders.length > 0 ? requestParameters : undefined,
        },
      }),
    };
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    this.validate(ctx);
    return bindHttpProxyHttp(ctx, this.url, this.options);
  }

  private validate(ctx: { readonly scope: Construct; readonly prop: string }): void {
    throwIfProblems(ctx.scope, integrationUrlProblems(`${ctx.prop} Integration.http url`, this.url));
    warnOnPlainHttp(ctx.scope, ctx.prop, this.url);
    const method = this.options.method;
    if (method !== undefined && !(ROUTE_METHODS as readonly string[]).includes(method)) {
      fail(ctx.scope, {
        code: 'InvalidIntegration',
        prop: `${ctx.prop} Integration.http method`,
        rule: `must be one of ${ROUTE_METHODS.join(', ')}`,
        value: method,
        fix: 'use an upper-case HTTP method',
      });
    }
  }
}
