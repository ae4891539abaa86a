import { Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, DefinitionStyle, GatewayResponseOptions, GatewayResponseType, HttpGateway, Integration, RestGateway, RestGatewayProps,
  WebSocketGateway,
} from '../../src';
import { testStack } from '../support/app';

/** API Gateway's own answers, shaped per type (`gatewayResponses`). */

const UNAUTHORIZED: GatewayResponseOptions = {
  type: GatewayResponseType.UNAUTHORIZED,
  statusCode: 401,
  headers: { 'WWW-Authenticate': 'Bearer' },
  body: '{"error":"unauthorized","requestId":"$context.requestId"}',
};

function gateway(props: RestGatewayProps) {
  const stack = testStack();
  new RestGateway(stack, 'Api', { defaultAuthorization: Authorization.none(), routes: { 'GET /health': Integration.mock() }, ...props });
  return Template.fromStack(stack);
}

describe('gatewayResponses', () => {
  test('status, fixed headers and a body per type, with an ID from the type', () => {
    const t = gateway({ gatewayResponses: [UNAUTHORIZED] });
    const responses = t.findResources('AWS::ApiGateway::GatewayResponse');
    expect(Object.keys(responses)).toEqual([expect.stringMatching(/^ApiUnauthorized[0-9A-F]{8}$/)]);
    expect(Object.values(responses)[0].Properties).toEqual({
      ResponseType: 'UNAUTHORIZED',
      RestApiId: { Ref: expect.any(String) },
      StatusCode: '401',
      ResponseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
      ResponseTemplates: { 'application/json': '{"error":"unauthorized","requestId":"$context.requestId"}' },
    });
  });

  test('another type added later keeps every ID', () => {
    const ids = (responses: GatewayResponseOptions[]) => Object.keys(gateway({ gatewayResponses: responses }).findResources('AWS::ApiGateway::GatewayResponse'));
    const before = ids([UNAUTHORIZED]);
    const after = ids([{ type: GatewayResponseType.THROTTLED, body: '{"error":"slow down"}' }, UNAUTHORIZED]);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(2);
  });

  test('with CORS every shaped response carries the CORS headers; a shaped DEFAULT_4XX is the one 4XX default', () => {
    const t = gateway({
      cors: { allowOrigins: ['https://shop.example.com'] },
      gatewayResponses: [UNAUTHORIZED, { type: GatewayResponseType.DEFAULT_4XX, body: '{"error":$context.error.messageString}' }],
    });
    const byType = Object.fromEntries(Object.values(t.findResources('AWS::ApiGateway::GatewayResponse')).map(r => [r.Properties.ResponseType, r.Properties]));
    expect(Object.keys(byType).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED']);
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED']) {
      expect(byType[type].ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin']).toBe("'https://shop.example.com'");
    }
    expect(byType.UNAUTHORIZED.ResponseParameters['gatewayresponse.header.WWW-Authenticate']).toBe("'Bearer'");
    expect(byType.DEFAULT_4XX.ResponseTemplates).toEqual({ 'application/json': '{"error":$context.error.messageString}' });
  });

  test('with several origins a shaped response allows no origin (it cannot test the caller\'s)', () => {
    const t = gateway({ cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'], allowCredentials: true }, gatewayResponses: [UNAUTHORIZED] });
    const unauthorized = Object.values(t.findResources('AWS::ApiGateway::GatewayResponse')).find(r => r.Properties.ResponseType === 'UNAUTHORIZED')!;
    expect(Object.keys(unauthorized.Properties.ResponseParameters)).not.toContain('gatewayresponse.header.Access-Control-Allow-Origin');
    expect(Object.keys(unauthorized.Properties.ResponseParameters)).not.toContain('gatewayresponse.header.Access-Control-Allow-Credentials');
  });

  test('an OPENAPI definition holds them as x-amazon-apigateway-gateway-responses', () => {
    const t = gateway({ definitionStyle: DefinitionStyle.OPENAPI, gatewayResponses: [UNAUTHORIZED] });
    const body = Object.values(t.findResources('AWS::ApiGateway::RestApi'))[0].Properties.Body;
    expect(body['x-amazon-apigateway-gateway-responses'].UNAUTHORIZED).toEqual({
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
      responseTemplates: { 'application/json': '{"error":"unauthorized","requestId":"$context.requestId"}' },
    });
  });

  test.each<[string, () => void, RegExp]>([
    ['a type twice', () => gateway({ gatewayResponses: [UNAUTHORIZED, { type: GatewayResponseType.UNAUTHORIZED }] }),
      /\[InvalidGatewayResponse\] gatewayResponses\[1\].type must be shaped once, got "UNAUTHORIZED"; merge the two entries for this type/],
    ['a status outside 4XX and 5XX', () => gateway({ gatewayResponses: [{ type: GatewayResponseType.THROTTLED, statusCode: 200 }] }),
      /\[InvalidGatewayResponse\] gatewayResponses\[0\].statusCode must be a whole number from 400 to 599, got 200; use e.g. 401/],
    ['an Access-Control header', () => gateway({ gatewayResponses: [{ type: GatewayResponseType.THROTTLED, headers: { 'Access-Control-Allow-Origin': '*' } }] }),
      /\[InvalidGatewayResponse\] gatewayResponses\[0\].headers must not set Access-Control-\* headers \(the gateway's cors sets them on every answer\)/],
    ['a header value with a line break', () => gateway({ gatewayResponses: [{ type: GatewayResponseType.THROTTLED, headers: { 'Retry-After': '1\r\nSet-Cookie: a=b' } }] }),
      /\[InvalidGatewayResponse\] gatewayResponses\[0\].headers\['Retry-After'\] must be printable ASCII/],
    ['a quoted messageString (already a JSON string)', () => gateway({ gatewayResponses: [{ type: GatewayResponseType.DEFAULT_4XX, body: '{"error":"$context.error.messageString"}' }] }),
      /\[InvalidGatewayResponse\] gatewayResponses\[0\].body must not quote \$context.error.messageString/],
    ['gateway responses on an HttpGateway', () => new HttpGateway(testStack(), 'Api', { gatewayResponses: [UNAUTHORIZED] } as object),
      /\[UnsupportedCombination\] gatewayResponses is not available on an HttpGateway \(HTTP APIs have no gateway responses\)/],
    ['gateway responses on a WebSocketGateway', () => new WebSocketGateway(testStack(), 'Chat', { authorization: Authorization.none(), gatewayResponses: [UNAUTHORIZED] } as object),
      /\[UnsupportedCombination\] gatewayResponses is not available on a WebSocketGateway/],
  ])('refuses %s', (_name, act, message) => {
    expect(act).toThrow(message);
  });
});
