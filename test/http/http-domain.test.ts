import { Stack, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DomainOptions, Endpoint, HttpGateway, Integration, RestGateway } from '../../src';
import { logicalIds, testStack } from '../support/app';

function zoneIn(stack: Stack) {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
}

function gateway(stack: Stack, id: string, domain: DomainOptions | undefined) {
  const api = new HttpGateway(stack, id, { domain });
  api.addRoute('GET /a', Integration.http('https://example.org/a'));
  return api;
}

describe('HttpGateway custom domains', () => {
  test('default: certificate by DNS, regional TLS 1.2 domain, API mapping of the stage, alias record; execute-api off; url is the custom one', () => {
    const stack = testStack();
    const api = gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: zoneIn(stack) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'api.example.com', ValidationMethod: 'DNS' });
    t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [{
        CertificateArn: { Ref: Match.stringLikeRegexp('^GatehouseDomainapiexamplecomCertificate') },
        EndpointType: 'REGIONAL',
        SecurityPolicy: 'TLS_1_2',
      }],
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiId: { Ref: Match.stringLikeRegexp('^ApiCD79AAA0') },
      DomainName: { Ref: Match.stringLikeRegexp('^GatehouseDomainapiexamplecomDomain') },
      Stage: '$default',
    });
    t.hasResource('AWS::ApiGatewayV2::ApiMapping', { DependsOn: [Match.stringLikeRegexp('^ApiStage')] });
    expect(Object.values(t.findResources('AWS::ApiGatewayV2::ApiMapping'))[0].Properties.ApiMappingKey).toBeUndefined();
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789ABC',
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GatehouseDomainapiexamplecomDomain'), 'RegionalDomainName'] },
        HostedZoneId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GatehouseDomainapiexamplecomDomain'), 'RegionalHostedZoneId'] },
      },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    expect(api.url).toBe('https://api.example.com/');
    expect(api.domainName).toBeDefined();
  });

  test('without domain: the execute-api endpoint stays and is not mentioned', () => {
    const stack = testStack();
    gateway(stack, 'Api', undefined);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    expect(Object.values(t.findResources('AWS::ApiGatewayV2::Api'))[0].Properties.DisableExecuteApiEndpoint).toBeUndefined();
  });

  test('with basePath: the mapping key, and the url under it (a named stage is not in the path)', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', { stageName: 'live', domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: 'orders', Stage: 'live' });
    expect(api.url).toBe('https://api.example.com/orders/');
  });

  test('HttpGateways of one stack share the domain under their own base paths; a taken or shared root path is an error', () => {
    const stack = testStack();
    const zone = zoneIn(stack);
    gateway(stack, 'Orders', { domainName: 'api.example.com', hostedZone: zone, basePath: 'orders' });
    gateway(stack, 'Users', { domainName: 'api.example.com', hostedZone: zone, basePath: 'users' });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::DomainName', 1);
    t.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    t.resourceCountIs('AWS::Route53::RecordSet', 1);
    t.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2);
    expect(() => gateway(stack, 'Clash', { domainName: 'api.example.com', hostedZone: zone, basePath: 'users' }))
      .toThrow(/\[InvalidDomain\] domain.basePath is taken on api.example.com by Test\/Users \(the root path cannot be shared\), got "users"; give each gateway on a shared domain its own basePath/);
    expect(() => gateway(stack, 'Root', { domainName: 'api.example.com', hostedZone: zone }))
      .toThrow(/\[InvalidDomain\] domain.basePath is taken on api.example.com by Test\/Orders .*got "\(root\)"/);
  });

  test('mutual TLS and an own certificate; the default endpoint stays off', () => {
    const stack = testStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
    const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'truststore-bucket');
    gateway(stack, 'Api', { domainName: 'mtls.example.com', certificate, mutualTls: { bucket, key: 'ca.pem', version: '3' } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc' })],
      MutualTlsAuthentication: { TruststoreUri: 's3://truststore-bucket/ca.pem', TruststoreVersion: '3' },
    });
    t.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    t.resourceCountIs('AWS::Route53::RecordSet', 0);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
  });

  test('keeping the default endpoint', () => {
    const stack = testStack();
    gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: zoneIn(stack), keepExecuteApiEndpoint: true });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
  });

  test.each<[string, (stack: Stack) => unknown, RegExp]>([
    ['no certificate and no zone', stack => gateway(stack, 'Api', { domainName: 'api.example.com' }),
      /\[InvalidDomain\] domain needs a certificate, or a hostedZone to create and validate one in, got "api.example.com"; pass certificate or hostedZone/],
    ['a nested base path', stack => gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'v1/orders' }),
      /\[InvalidDomain\] domain.basePath must be one path segment of letters, digits and \$ - _ \. \+ ! \* ' \( \) \(API Gateway's characters; this library maps one level\), got "v1\/orders"/],
    ['a bad domain name', stack => gateway(stack, 'Api', { domainName: 'api_example', hostedZone: zoneIn(stack) }),
      /\[InvalidDomain\] domain.domainName must be a lower-case DNS name .*, got "api_example"/],
    ['a certificate from another region', stack => gateway(stack, 'Api', {
      domainName: 'api.example.com', certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc'),
    }), /\[InvalidDomain\] domain.certificate must be in eu-west-1, where this domain's endpoint uses it, got "arn:aws:acm:us-east-1:111111111111:certificate\/abc"/],
    ['a second certificate for a shared domain', stack => {
      gateway(stack, 'A', { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'a' });
      gateway(stack, 'B', { domainName: 'api.example.com', basePath: 'b', certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc') });
    }, /\[InvalidDomain\] domain.certificate must be the certificate Test\/A uses for this shared domain, got "arn:aws:acm:eu-west-1:111111111111:certificate\/abc"/],
    ['another truststore for a shared domain', stack => {
      const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'truststore-bucket');
      const zone = zoneIn(stack);
      gateway(stack, 'A', { domainName: 'api.example.com', hostedZone: zone, basePath: 'a', mutualTls: { bucket, key: 'ca.pem' } });
      gateway(stack, 'B', { domainName: 'api.example.com', hostedZone: zone, basePath: 'b', mutualTls: { bucket, key: 'other.pem' } });
    }, /\[InvalidDomain\] domain.mutualTls must be the truststore Test\/A set for this shared domain .*got "other.pem"/],
  ])('throws with %s', (_name, build, message) => {
    expect(() => build(testStack())).toThrow(message);
  });

  test.each([['REST first', true], ['HTTP first', false]])('a RestGateway and an HttpGateway naming one domain is an error (%s)', (_order, restFirst) => {
    const stack = testStack();
    const zone = zoneIn(stack);
    const rest = () => new RestGateway(stack, 'Rest', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'rest' } });
    const http = () => gateway(stack, 'Http', { domainName: 'api.example.com', hostedZone: zone, basePath: 'http' });
    (restFirst ? rest : http)();
    expect(restFirst ? http : rest).toThrow(restFirst
      ? /\[InvalidDomain\] domain is already the domain of Test\/Rest \(RestGateway, REGIONAL endpoint\), and gateways share a domain only when they are of one kind and endpoint type \(this one is HttpGateway\), got "api.example.com"; give one of the gateways another domain name/
      : /\[InvalidDomain\] domain is already the domain of Test\/Http \(HttpGateway\), .*\(this one is RestGateway, REGIONAL endpoint\)/);
  });

  test('REST gateways of different endpoint types cannot share a domain either', () => {
    const stack = testStack(undefined, 'UsEast', { env: { account: '111111111111', region: 'us-east-1' } });
    const zone = zoneIn(stack);
    new RestGateway(stack, 'Regional', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'a' } });
    expect(() => new RestGateway(stack, 'Edge', { endpoint: Endpoint.edge(), domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'b' } }))
      .toThrow(/\[InvalidDomain\] domain is already the domain of UsEast\/Regional \(RestGateway, REGIONAL endpoint\).*\(this one is RestGateway, EDGE endpoint\)/);
  });

  test('logical IDs come from the domain name and the gateway, not from order', () => {
    const build = (order: string[]) => {
      const stack = testStack();
      const zone = zoneIn(stack);
      for (const id of order) gateway(stack, id, { domainName: 'api.example.com', hostedZone: zone, basePath: id.toLowerCase() });
      return logicalIds(stack).filter(id => /Domain|Mapping|Certificate/.test(id));
    };
    expect(build(['Orders', 'Users'])).toEqual(build(['Users', 'Orders']));
    expect(build(['Orders'])).toEqual([
      expect.stringMatching(/^GatehouseDomainapiexamplecomAlias/),
      expect.stringMatching(/^GatehouseDomainapiexamplecomCertificate/),
      expect.stringMatching(/^GatehouseDomainapiexamplecomDomain/),
      expect.stringMatching(/^OrdersApiMapping/),
    ]);
  });
});
