import { Match, Template } from 'aws-cdk-lib/assertions';
import { ClientCertificate, HttpGateway, HttpGatewayProps, Integration, RestGateway, WebSocketGateway } from '../../src';
import { logicalIds, testStack } from '../support/app';

function rest(clientCertificate?: ClientCertificate) {
  const stack = testStack();
  const api = new RestGateway(stack, 'Api', { clientCertificate });
  api.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
  return { stack, api, template: () => Template.fromStack(stack) };
}

describe('ClientCertificate', () => {
  test('default: no client certificate on the stage', () => {
    const { api, template } = rest();
    const t = template();
    t.resourceCountIs('AWS::ApiGateway::ClientCertificate', 0);
    t.hasResourceProperties('AWS::ApiGateway::Stage', { ClientCertificateId: Match.absent() });
    expect(api.clientCertificateId).toBeUndefined();
  });

  test('generate(): the gateway creates a certificate and the stage presents it to HTTP backends', () => {
    const { api, template } = rest(ClientCertificate.generate());
    const t = template();
    t.resourceCountIs('AWS::ApiGateway::ClientCertificate', 1);
    t.hasResourceProperties('AWS::ApiGateway::ClientCertificate', { Description: 'Presented by Test/Api to its HTTP backends' });
    t.hasResourceProperties('AWS::ApiGateway::Stage', { ClientCertificateId: { Ref: Match.stringLikeRegexp('^ApiClientCertificate') } });
    expect(api.clientCertificateId).toBeDefined();
  });

  test('its logical ID derives from the gateway\'s path, not from order', () => {
    const { stack } = rest(ClientCertificate.generate());
    expect(logicalIds(stack).filter(id => id.startsWith('ApiClientCertificate'))).toEqual(['ApiClientCertificate16699EDA']);
  });

  test('fromClientCertificateId(): an existing certificate, e.g. the next one while rotating', () => {
    const { api, template } = rest(ClientCertificate.fromClientCertificateId('z7rl9t'));
    const t = template();
    t.resourceCountIs('AWS::ApiGateway::ClientCertificate', 0);
    t.hasResourceProperties('AWS::ApiGateway::Stage', { ClientCertificateId: 'z7rl9t' });
    expect(api.clientCertificateId).toBe('z7rl9t');
  });

  test('on a WebSocketGateway too (WebSocket APIs present it to their HTTP backends)', () => {
    const stack = testStack();
    new WebSocketGateway(stack, 'Chat', { defaultRoute: Integration.http('https://chat.example.com'), clientCertificate: ClientCertificate.generate() });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::ClientCertificate', { Description: 'Presented by Test/Chat to its HTTP backends' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { ClientCertificateId: { Ref: Match.stringLikeRegexp('^ChatClientCertificate') } });
  });

  test.each<[string, () => unknown, RegExp]>([
    ['an ID that is not one', () => rest(ClientCertificate.fromClientCertificateId('arn:aws:apigateway:eu-west-1::/clientcertificates/abc')),
      /\[InvalidClientCertificate\] clientCertificate must be a client certificate ID \(letters and digits\), got "arn:aws:apigateway:eu-west-1::\/clientcertificates\/abc"; use the ID API Gateway gave it/],
    ['an empty ID', () => rest(ClientCertificate.fromClientCertificateId('')), /\[InvalidClientCertificate\] clientCertificate must be a client certificate ID/],
    ['not a ClientCertificate (from JavaScript)', () => rest(true as unknown as ClientCertificate),
      /\[InvalidType\] clientCertificate must be a ClientCertificate \(made by ClientCertificate.generate\(\) or another ClientCertificate.\* method\), got true/],
    ['set on an HttpGateway (from JavaScript)', () => new HttpGateway(testStack(), 'Api', { clientCertificate: ClientCertificate.generate() } as HttpGatewayProps),
      /\[UnsupportedCombination\] clientCertificate is not available on an HttpGateway \(HTTP APIs have no backend client certificates\)/],
  ])('throws for %s', (_case, build, error) => {
    expect(build).toThrow(error);
  });
});
