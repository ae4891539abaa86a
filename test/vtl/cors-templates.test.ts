import { Template } from 'aws-cdk-lib/assertions';
import { catalogueStack, corsCatalogueStack } from './catalogue-stack';
import { emittedRoute, emittedRoutes } from './emitted-templates';
import { HOSTILE_ORIGINS, LISTED_ORIGINS } from './hostile-corpus';
import { SERVICE_RESPONSES } from './service-responses';
import { renderVtl } from '../support/vtl/render';
import { VtlRequest } from '../support/vtl/vtl-request';

/**
 * With several CORS origins no literal `Access-Control-Allow-Origin` fits every caller, so
 * response templates decide: only a listed origin, exactly as the request sent it in its
 * `Origin` header, is ever allowed.
 */
const corsStack = corsCatalogueStack();
const routes = emittedRoutes(corsStack);
const plainRoutes = emittedRoutes(catalogueStack());
const ours = routes.filter(r => !r.route.startsWith('OPTIONS '));
const preflights = routes.filter(r => r.route.startsWith('OPTIONS '));

function request(origin: typeof HOSTILE_ORIGINS[number], body = '{}'): VtlRequest {
  return { body, header: origin.header, querystring: origin.querystring, path: origin.path, context: { requestId: 'r1' } };
}

const allowedOrigin = (template: string, req: VtlRequest) => renderVtl(template, req).headerOverrides?.['Access-Control-Allow-Origin'];

const responseTemplates = ours.flatMap(route => Object.entries(route.responses).map(([status, template]) => ({
  name: `${route.route} ${status}`, route: route.route, status, template,
})));

describe('CORS with several origins in the templates the library writes', () => {
  test('mock and service responses set the origin from a template', () => {
    expect(ours.map(r => r.route).sort()).toEqual([
      'GET /answers/found/{id}', 'GET /answers/mock-text', 'GET /carts/{id}', 'GET /mock', 'POST /answers/own-events', 'POST /orders',
    ]);
    expect(responseTemplates.map(t => t.name).sort()).toEqual([
      'GET /answers/found/{id} 200', 'GET /answers/found/{id} 400', 'GET /answers/found/{id} 502', 'GET /answers/mock-text 200',
      'GET /carts/{id} 200', 'GET /carts/{id} 400', 'GET /carts/{id} 502', 'GET /mock 200',
      'POST /answers/own-events 200', 'POST /answers/own-events 400', 'POST /answers/own-events 502',
      'POST /orders 200', 'POST /orders 400', 'POST /orders 502',
    ]);
  });

  describe.each(responseTemplates)('$name', ({ template }) => {
    test.each(HOSTILE_ORIGINS)('allows only a listed origin: $name', origin => {
      expect(allowedOrigin(template, request(origin))).toBe(origin.echoed);
    });
  });

  test.each(responseTemplates)('$name prints what it prints without CORS', ({ route, status, template }) => {
    const plain = emittedRoute(plainRoutes, route).responses[status];
    const origin = HOSTILE_ORIGINS[0];
    const outcome = (text: string, body: string) => {
      try {
        const result = renderVtl(text, request(origin, body));
        return { output: result.output, status: result.statusOverride };
      } catch (e) {
        return { error: String(e) };
      }
    };
    for (const { body } of SERVICE_RESPONSES) expect(outcome(template, body)).toEqual(outcome(plain, body));
  });
});

describe('CORS with several origins in aws-cdk-lib\'s preflight', () => {
  const preflightMethods = Object.values(Template.fromStack(corsStack).findResources('AWS::ApiGateway::Method', {
    Properties: { HttpMethod: 'OPTIONS' },
  })) as any[];

  test('its literal origin is a listed one (the first)', () => {
    expect(preflightMethods.length).toBeGreaterThan(0);
    for (const method of preflightMethods) {
      const literal = method.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin'];
      expect(literal).toBe(`'${LISTED_ORIGINS[0]}'`);
    }
  });

  describe.each(preflights.map(p => ({ name: p.route, template: p.responses['204'] })))('$name', ({ template }) => {
    test.each(HOSTILE_ORIGINS)('overrides it only with another listed origin: $name', origin => {
      const override = allowedOrigin(template, request(origin));
      // The literal first origin stands unless the caller sent another listed one.
      const expected = origin.echoed === LISTED_ORIGINS[0] ? undefined : origin.echoed;
      expect(override).toBe(expected);
    });
  });
});
