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
          expect(response.ResponseTemplates['application/json']).toMatch(/^#set\(\$gO=.*#if\(\$gO=='https:\/\/a\.example\.com'\|\|\$gO=='https:\/\/b\.example\.com'\)#set\(\$context\.responseOverride\.header\.Access-Control-Allow-Origin=\$gO\)#end/);
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
