import { Stack, aws_apigateway as apigw, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DomainOptions, Endpoint, HttpGateway, Integration, RestGateway } from '../../src';
import { testStack } from '../support/app';

const { SecurityPolicy } = apigw;

function zoneIn(stack: Stack) {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
}

function domain(stack: Stack, options: Partial<DomainOptions> = {}): DomainOptions {
  return { domainName: 'api.example.com', hostedZone: zoneIn(stack), ...options };
}

const edgeCertificate = (stack: Stack) =>
  acm.Certificate.fromCertificateArn(stack, 'EdgeCert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');

function withRoute(api: RestGateway): RestGateway {
  api.addRoute('GET /a', Integration.mock());
  return api;
}

function regionalRest(stack: Stack, options: Partial<DomainOptions>) {
  return withRoute(new RestGateway(stack, 'Api', { domain: domain(stack, options) }));
}

function edgeRest(stack: Stack, options: Partial<DomainOptions>) {
  return withRoute(new RestGateway(stack, 'Api', { endpoint: Endpoint.edge(), domain: domain(stack, { certificate: edgeCertificate(stack), ...options }) }));
}

function http(stack: Stack, options: Partial<DomainOptions>) {
  return new HttpGateway(stack, 'Api', { domain: domain(stack, options) });
}

describe('RestGateway domain.securityPolicy', () => {
  test('default: TLS 1.2, no endpoint access mode', () => {
    const stack = testStack();
    regionalRest(stack, {});
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { SecurityPolicy: 'TLS_1_2', EndpointAccessMode: Match.absent() });
  });

  test.each([
    SecurityPolicy.TLS13_1_3_2025_09, SecurityPolicy.TLS13_1_3_FIPS_2025_09,
    SecurityPolicy.TLS13_1_2_PQ_2025_09, SecurityPolicy.TLS13_1_2_PFS_PQ_2025_09,
  ])('regional with %s: the policy, with the strict endpoint access mode enhanced policies need', policy => {
    const stack = testStack();
    regionalRest(stack, { securityPolicy: policy });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: policy, EndpointAccessMode: 'STRICT', EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  test.each([SecurityPolicy.TLS13_2025_EDGE, SecurityPolicy.TLS12_PFS_2025_EDGE, SecurityPolicy.TLS12_2018_EDGE])('edge with %s', policy => {
    const stack = testStack();
    edgeRest(stack, { securityPolicy: policy });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: policy, EndpointAccessMode: 'STRICT', EndpointConfiguration: { Types: ['EDGE'] },
    });
  });

  test('TLS 1.0 is accepted with a warning', () => {
    const stack = testStack();
    const api = regionalRest(stack, { securityPolicy: SecurityPolicy.TLS_1_0 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { SecurityPolicy: 'TLS_1_0' });
    Annotations.fromStack(stack).hasWarning(`/${api.node.path}`, Match.stringLikeRegexp('domain.securityPolicy TLS_1_0 accepts TLS 1.0 and 1.1 clients.*WeakTlsPolicy'));
  });

  test('gateways sharing a domain may leave the policy to the first', () => {
    const stack = testStack();
    const zone = zoneIn(stack);
    withRoute(new RestGateway(stack, 'Orders', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'orders', securityPolicy: SecurityPolicy.TLS13_1_3_2025_09 } }));
    withRoute(new RestGateway(stack, 'Users', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'users' } }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' });
  });

  test.each<[string, (stack: Stack) => unknown, RegExp]>([
    ['an edge policy on a regional domain', stack => regionalRest(stack, { securityPolicy: SecurityPolicy.TLS13_2025_EDGE }),
      /\[InvalidDomain\] domain.securityPolicy is not available on a regional domain, got "SecurityPolicy_TLS13_2025_EDGE"; use one of TLS_1_2, SecurityPolicy_TLS13_1_3_2025_09, /],
    ['a regional policy on an edge domain', stack => edgeRest(stack, { securityPolicy: SecurityPolicy.TLS13_1_3_2025_09 }),
      /\[InvalidDomain\] domain.securityPolicy is not available on an edge-optimized domain, got "SecurityPolicy_TLS13_1_3_2025_09"; use one of TLS_1_2, SecurityPolicy_TLS13_2025_EDGE, /],
    ['an enhanced policy with mutual TLS', stack => regionalRest(stack, {
      securityPolicy: SecurityPolicy.TLS13_1_3_2025_09, mutualTls: { bucket: s3.Bucket.fromBucketName(stack, 'Trust', 'truststore'), key: 'ca.pem' },
    }), /\[InvalidDomain\] domain.securityPolicy cannot be an enhanced policy \(SecurityPolicy_…\) with mutualTls, got "SecurityPolicy_TLS13_1_3_2025_09"; use TLS_1_2 with mutual TLS/],
    ['an unknown policy (from JavaScript)', stack => regionalRest(stack, { securityPolicy: 'TLS_1_3' as apigw.SecurityPolicy }),
      /\[InvalidType\] domain.securityPolicy must be a member of apigw.SecurityPolicy, got "TLS_1_3"; use one of apigw.SecurityPolicy.TLS_1_0/],
    ['a different policy than the gateway sharing the domain', stack => {
      const zone = zoneIn(stack);
      new RestGateway(stack, 'Orders', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'orders' } });
      new RestGateway(stack, 'Users', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'users', securityPolicy: SecurityPolicy.TLS13_1_3_2025_09 } });
    }, /\[InvalidDomain\] domain.securityPolicy must be the policy Test\/Orders set for this shared domain \(TLS_1_2\), got "SecurityPolicy_TLS13_1_3_2025_09"/],
  ])('throws for %s', (_case, build, error) => {
    expect(() => build(testStack())).toThrow(error);
  });
});

describe('HttpGateway domain.securityPolicy', () => {
  test('default: TLS 1.2', () => {
    const stack = testStack();
    http(stack, {});
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainNameConfigurations: [Match.objectLike({ SecurityPolicy: 'TLS_1_2' })] });
  });

  test('TLS_1_2 explicitly', () => {
    const stack = testStack();
    http(stack, { securityPolicy: SecurityPolicy.TLS_1_2 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainNameConfigurations: [Match.objectLike({ SecurityPolicy: 'TLS_1_2' })] });
  });

  test('throws for an enhanced policy: HTTP API domains take TLS_1_2 only', () => {
    expect(() => http(testStack(), { securityPolicy: SecurityPolicy.TLS13_1_3_2025_09 })).toThrow(
      /\[InvalidDomain\] domain.securityPolicy is not available on an HTTP API domain, got "SecurityPolicy_TLS13_1_3_2025_09"; use one of TLS_1_2, TLS_1_0 \(HTTP API domains have no TLS 1.3 policy; a RestGateway has\)/);
  });
});
