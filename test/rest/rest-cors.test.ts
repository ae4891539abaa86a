import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Integration, RestGateway, RestGatewayProps } from '../../src';
import { testStack } from '../support/app';

describe('RestGateway cors', () => {
  function corsTemplate(cors: RestGatewayProps['cors']) {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cors });
    api.addRoute('GET /orders', Integration.mock());
    api.addRoute('POST /orders', Integration.mock());
    api.addRoute('GET /orders/{id}', Integration.mock());
    return Template.fromStack(stack);
  }

  test('one unauthenticated OPTIONS preflight per path', () => {
    const t = corsTemplate({ allowOrigins: ['https://app.example.com'] });
    const preflights = t.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } });
    expect(Object.keys(preflights)).toHaveLength(2);
    for (const preflight of Object.values(preflights)) {
      expect(preflight.Properties.AuthorizationType).toBe('NONE');
      expect(preflight.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin'])
        .toBe("'https://app.example.com'");
    }
  });

  test('4XX and 5XX gateway responses carry the CORS headers', () => {
    const t = corsTemplate({ allowOrigins: ['https://app.example.com'], allowCredentials: true });
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      t.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
          'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
          'gatewayresponse.header.Vary': "'Origin'",
        },
      });
    }
  });

  describe('several origins', () => {
    const several = { allowOrigins: ['https://a.example.com', 'https://b.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) };

    test('gateway responses (no condition possible) carry no Access-Control-Allow-Origin and no Allow-Credentials', () => {
      const t = corsTemplate(several);
      for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
        t.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
          ResponseType: type,
          ResponseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': Match.absent(),
            'gatewayresponse.header.Access-Control-Allow-Credentials': Match.absent(),
            'gatewayresponse.header.Vary': "'Origin'",
          },
        });
      }
    });

    test('mock and service responses set the origin in their templates and declare the header', () => {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api', { cors: several });
      api.addRoute('GET /mock', Integration.mock({ body: '{"ok":true}' }));
      api.addRoute('POST /orders', Integration.sqs(new sqs.Queue(stack, 'Orders')));
      const t = Template.fromStack(stack);
      for (const method of ['GET', 'POST']) {
        const [props] = Object.values(t.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: method } })).map((m: any) => m.Properties);
        for (const response of props.Integration.IntegrationResponses) {
          expect(response.ResponseTemplates['application/json']).toMatch(/^#set\(\$gO=.*#if\(\$gO=='https:\/\/a\.example\.com'\|\|\$gO=='https:\/\/b\.example\.com'\)#set\(\$context\.responseOverride\.header\.Access-Control-Allow-Origin=\$gO\)#\{end\}/);
          expect(response.ResponseParameters).toEqual({
            'method.response.header.Vary': "'Origin'",
            'method.response.header.Access-Control-Allow-Credentials': "'true'",
          });
        }
        for (const response of props.MethodResponses) {
          expect(response.ResponseParameters['method.response.header.Access-Control-Allow-Origin']).toBe(true);
        }
      }
    });

    test('the preflight answers with the first origin, or another listed one the caller sent', () => {
      const t = corsTemplate(several);
      t.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: 'OPTIONS',
        Integration: {
          IntegrationResponses: [Match.objectLike({
            ResponseParameters: Match.objectLike({ 'method.response.header.Access-Control-Allow-Origin': "'https://a.example.com'" }),
            ResponseTemplates: { 'application/json': Match.stringLikeRegexp('\\$origin == "https://b.example.com"') },
          })],
        },
      });
    });
  });

  test('one origin: service responses carry it as a literal, templates unchanged', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cors: { allowOrigins: ['https://app.example.com'] } });
    api.addRoute('POST /orders', Integration.sqs(new sqs.Queue(stack, 'Orders')));
    const [props] = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'POST' } }))
      .map((m: any) => m.Properties);
    for (const response of props.Integration.IntegrationResponses) {
      expect(response.ResponseParameters['method.response.header.Access-Control-Allow-Origin']).toBe("'https://app.example.com'");
      expect(response.ResponseTemplates['application/json']).not.toContain('$gO');
    }
  });

  test('mock responses carry the allowed origin', () => {
    const t = corsTemplate({ allowOrigins: ['https://app.example.com'] });
    t.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      Integration: { Type: 'MOCK', IntegrationResponses: [Match.objectLike({ ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'", 'method.response.header.Vary': "'Origin'" } })] },
    });
  });

  test('without cors there are no preflights or gateway responses', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::GatewayResponse', 0);
    expect(Object.keys(t.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }))).toHaveLength(0);
  });

  describe('throws when', () => {
    test.each([
      [{ allowOrigins: ['https://app.example.com/'] }, /\[InvalidCors\] cors.allowOrigins must be scheme:\/\/host\[:port\] without a path, or \*, got "https:\/\/app.example.com\/"/],
      [{ allowOrigins: ['*', 'https://a.example.com'] }, /must not mix \* with named origins/],
      [{ allowOrigins: ['*'], allowCredentials: true }, /\[InvalidCors\] cors.allowCredentials must not be true with the \* origin/],
      [{ allowOrigins: ['*'], allowMethods: ['FETCH'] }, /\[InvalidCors\] cors.allowMethods must be among GET/],
    ])('%j', (cors, message) => {
      expect(() => new RestGateway(testStack(), 'Api', { cors })).toThrow(message);
    });

    test('an OPTIONS route is added while cors is on', () => {
      const api = new RestGateway(testStack(), 'Api', { cors: { allowOrigins: ['*'] } });
      expect(() => api.addRoute('OPTIONS /a', Integration.mock())).toThrow(/\[DuplicateRoute\] .*must not be an OPTIONS route while cors is set/);
    });
  });
});

describe('cors per route (per path)', () => {
  const PARTNER = { allowOrigins: ['https://partner.example.com'] };
  const SHOP = { allowOrigins: ['https://shop.example.com'] };

  function preflightOrigins(t: Template): Record<string, string> {
    const resources = t.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
    const pathOf = (ref: { Ref?: string }): string => {
      const r = ref.Ref ? resources[ref.Ref] : undefined;
      return r?.Type === 'AWS::ApiGateway::Resource' ? `${pathOf(r.Properties.ParentId)}/${r.Properties.PathPart}` : '';
    };
    return Object.fromEntries(Object.values(resources)
      .filter(r => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'OPTIONS')
      .map(r => [pathOf(r.Properties.ResourceId), r.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin']]));
  }

  test("a route's cors gives its path its own preflight and its answers its origin; other paths keep the gateway's", () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { cors: SHOP });
    api.addRoute('GET /orders', Integration.mock());
    api.addRoute('GET /partner/orders', Integration.mock(), { cors: PARTNER });
    api.addRoute('POST /partner/orders', Integration.mock(), { cors: PARTNER });
    const t = Template.fromStack(stack);
    expect(preflightOrigins(t)).toEqual({ '/orders': "'https://shop.example.com'", '/partner/orders': "'https://partner.example.com'" });
    const partnerGet = Object.values(t.findResources('AWS::ApiGateway::Method'))
      .filter(m => m.Properties.HttpMethod !== 'OPTIONS')
      .map(m => m.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin']);
    expect(partnerGet.sort()).toEqual(["'https://partner.example.com'", "'https://partner.example.com'", "'https://shop.example.com'"]);
  });

  test('a gateway without cors: only the route that sets it has a preflight', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /internal', Integration.mock());
    api.addRoute('GET /public', Integration.mock(), { cors: SHOP });
    expect(preflightOrigins(Template.fromStack(stack))).toEqual({ '/public': "'https://shop.example.com'" });
  });

  test.each<[string, (api: RestGateway) => void, RegExp]>([
    ['two routes of a path with different cors', api => {
      api.addRoute('GET /p', Integration.mock(), { cors: PARTNER });
      api.addRoute('POST /p', Integration.mock(), { cors: SHOP });
    }, /\[InvalidCors\] addRoute\('POST \/p'\).cors must be the same for every route of \/p \(one preflight answers the path\), and GET \/p has other CORS, got .*; give every route of \/p the same cors/],
    ['a route without cors on a path whose first route has it', api => {
      api.addRoute('GET /p', Integration.mock(), { cors: PARTNER });
      api.addRoute('DELETE /p', Integration.mock());
    }, /\[InvalidCors\] addRoute\('DELETE \/p'\).cors must be the same for every route of \/p .* and GET \/p has other CORS, got "none"/],
    ['an OPTIONS route on a path with a preflight', api => {
      api.addRoute('GET /p', Integration.mock(), { cors: PARTNER });
      api.addRoute('OPTIONS /p', Integration.mock());
    }, /\[DuplicateRoute\] addRoute\('OPTIONS \/p'\) must not be an OPTIONS route: GET \/p has cors, and the library adds the path's preflight/],
    ['cors on a path with an OPTIONS route of its own', api => {
      api.addRoute('OPTIONS /p', Integration.mock());
      api.addRoute('GET /p', Integration.mock(), { cors: PARTNER });
    }, /\[DuplicateRoute\] addRoute\('GET \/p'\).cors needs the path's preflight, and the path has an OPTIONS route of its own/],
    ['a bad origin', api => api.addRoute('GET /p', Integration.mock(), { cors: { allowOrigins: ['partner.example.com'] } }),
      /\[InvalidCors\] addRoute\('GET \/p'\).cors.allowOrigins/],
  ])('refuses %s', (_name, act, message) => {
    const api = new RestGateway(testStack(), 'Api');
    expect(() => act(api)).toThrow(message);
  });
});
