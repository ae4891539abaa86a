import { Stack, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, DomainOptions, HttpGateway, Integration, WebSocketGateway } from '../../src';
import { RouteManifest } from '../../src/review/route-manifest';
import { testStack } from '../support/app';

function zoneIn(stack: Stack) {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
}

function chat(stack: Stack, id: string, domain: DomainOptions | undefined) {
  return new WebSocketGateway(stack, id, { authorization: Authorization.none(), domain, routes: { send: Integration.mock() } });
}

describe('WebSocketGateway custom domains', () => {
  test('certificate by DNS, regional TLS 1.2 domain, API mapping of the stage, alias record; url is wss:// on the domain', () => {
    const stack = testStack();
    const api = chat(stack, 'Chat', { domainName: 'chat.example.com', hostedZone: zoneIn(stack) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'chat.example.com', ValidationMethod: 'DNS' });
    t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'chat.example.com',
      DomainNameConfigurations: [{
        CertificateArn: { Ref: Match.stringLikeRegexp('^GatehouseDomainchatexamplecomCertificate') },
        EndpointType: 'REGIONAL',
        SecurityPolicy: 'TLS_1_2',
      }],
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiId: { Ref: Match.stringLikeRegexp('^ChatApi') },
      DomainName: { Ref: Match.stringLikeRegexp('^GatehouseDomainchatexamplecomDomain') },
      Stage: 'prod',
    });
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'chat.example.com.',
      Type: 'A',
      AliasTarget: { DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GatehouseDomainchatexamplecomDomain'), 'RegionalDomainName'] } },
    });
    // Backends post to @connections on the execute-api endpoint: it stays on.
    expect(Object.values(t.findResources('AWS::ApiGatewayV2::Api'))[0].Properties.DisableExecuteApiEndpoint).toBeUndefined();
    expect(api.url).toBe('wss://chat.example.com');
    expect(JSON.stringify(stack.resolve(api.callbackUrl))).toContain('execute-api');
    expect(api.domainName).toBeDefined();
    t.hasOutput('*', { Value: 'wss://chat.example.com', Description: 'The URL clients connect to' });
  });

  test('with basePath: the mapping key and the url under it; WebSocket gateways share a domain under their own base paths', () => {
    const stack = testStack();
    const zone = zoneIn(stack);
    const support = chat(stack, 'Support', { domainName: 'ws.example.com', hostedZone: zone, basePath: 'support' });
    chat(stack, 'Sales', { domainName: 'ws.example.com', hostedZone: zone, basePath: 'sales' });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::DomainName', 1);
    t.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2);
    t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: 'support', Stage: 'prod' });
    expect(support.url).toBe('wss://ws.example.com/support');
    expect(() => chat(stack, 'Clash', { domainName: 'ws.example.com', hostedZone: zone, basePath: 'sales' }))
      .toThrow(/\[InvalidDomain\] domain.basePath is taken on ws.example.com by Test\/Sales/);
  });

  test('a domain of an HttpGateway cannot also serve a WebSocketGateway (API Gateway refuses the mapping)', () => {
    const stack = testStack();
    const zone = zoneIn(stack);
    new HttpGateway(stack, 'Http', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'rest' } }).addRoute('GET /a', Integration.http('https://example.org/a'));
    expect(() => chat(stack, 'Chat', { domainName: 'api.example.com', hostedZone: zone, basePath: 'chat' }))
      .toThrow(/\[InvalidDomain\] domain is already the domain of Test\/Http \(HttpGateway\), and gateways share a domain only when they are of one kind and endpoint type \(this one is WebSocketGateway\)/);
  });

  test.each<[string, (stack: Stack) => DomainOptions, RegExp]>([
    ['mutual TLS (REST and HTTP only)', stack => ({
      domainName: 'chat.example.com', hostedZone: zoneIn(stack), mutualTls: { bucket: s3.Bucket.fromBucketName(stack, 'Trust', 'trust'), key: 'ca.pem' },
    }), /\[InvalidDomain\] domain.mutualTls is not available on a WebSocket API domain \(API Gateway offers mutual TLS on REST and HTTP APIs\), got "ca.pem"; remove mutualTls/],
    ['keepExecuteApiEndpoint: false (backends post to @connections there)', stack => ({ domainName: 'chat.example.com', hostedZone: zoneIn(stack), keepExecuteApiEndpoint: false }),
      /\[InvalidDomain\] domain.keepExecuteApiEndpoint cannot be false on a WebSocketGateway: its backends post to @connections on the execute-api endpoint \(callbackUrl\), got false; remove keepExecuteApiEndpoint/],
    ['a TLS 1.3 policy', stack => ({ domainName: 'chat.example.com', hostedZone: zoneIn(stack), securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' as any }),
      /\[InvalidDomain\] domain.securityPolicy is not available on a WebSocket API domain/],
    ['a certificate of another region', stack => ({
      domainName: 'chat.example.com', certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc'),
    }), /\[InvalidDomain\] domain.certificate must be in eu-west-1/],
    ['neither certificate nor hosted zone', () => ({ domainName: 'chat.example.com' }), /\[InvalidDomain\] domain needs a certificate, or a hostedZone/],
  ])('refuses %s', (_name, domain, message) => {
    const stack = testStack();
    expect(() => chat(stack, 'Chat', domain(stack))).toThrow(message);
  });

  test('the route manifest records the domain and its TLS policy', () => {
    const stack = testStack();
    chat(stack, 'Chat', { domainName: 'chat.example.com', hostedZone: zoneIn(stack) });
    const [gateway] = RouteManifest.fromStacks([stack]).gateways;
    expect(gateway.domain).toEqual({ domainName: 'chat.example.com', securityPolicy: 'TLS_1_2', mutualTls: false });
  });
});
