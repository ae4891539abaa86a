import { Stack, Token, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DomainOptions, Endpoint, HttpGateway, Integration, RestGateway } from '../../src';
import { testStack } from '../support/app';

function zoneIn(stack: Stack, zoneName = 'example.com') {
  return route53.HostedZone.fromHostedZoneAttributes(stack, `Zone${zoneName}`, { hostedZoneId: 'Z0123456789ABC', zoneName });
}

function certificateIn(stack: Stack) {
  return acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
}

function truststore(stack: Stack, key = 'ca.pem', version?: string, bucketName = 'truststore-bucket') {
  return { bucket: s3.Bucket.fromBucketName(stack, `Trust${bucketName}`, bucketName), key, version };
}

const gateways: Array<[string, (stack: Stack, id: string, domain: DomainOptions) => unknown]> = [
  ['RestGateway', (stack, id, domain) => new RestGateway(stack, id, { domain }).addRoute('GET /a', Integration.mock())],
  ['HttpGateway', (stack, id, domain) => new HttpGateway(stack, id, { domain }).addRoute('GET /a', Integration.http('https://example.org/a'))],
];

describe.each(gateways)('%s custom domains (shared rules)', (_kind, gateway) => {
  describe('mutual TLS', () => {
    test('throws when the execute-api endpoint is kept, which clients could call without a certificate', () => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'mtls.example.com', certificate: certificateIn(stack), mutualTls: truststore(stack), keepExecuteApiEndpoint: true }))
        .toThrow(/\[InvalidDomain\] domain.keepExecuteApiEndpoint must be false with mutualTls: clients could call the execute-api endpoint without a certificate, got true; remove keepExecuteApiEndpoint \(the gateway turns the endpoint off\), or drop mutualTls/);
    });

    test('throws when a second gateway on the mutual TLS domain keeps its execute-api endpoint', () => {
      const stack = testStack();
      const certificate = certificateIn(stack);
      gateway(stack, 'A', { domainName: 'mtls.example.com', certificate, basePath: 'a', mutualTls: truststore(stack) });
      expect(() => gateway(stack, 'B', { domainName: 'mtls.example.com', certificate, basePath: 'b', keepExecuteApiEndpoint: true }))
        .toThrow(/\[InvalidDomain\] domain.keepExecuteApiEndpoint must be false on mtls.example.com, which has mutual TLS \(set by Test\/A\): clients could call this gateway's execute-api endpoint without a certificate, got true; remove keepExecuteApiEndpoint/);
    });

    test('a second gateway sharing the domain without its own mutualTls gets its endpoint turned off', () => {
      const stack = testStack();
      const certificate = certificateIn(stack);
      gateway(stack, 'A', { domainName: 'mtls.example.com', certificate, basePath: 'a', mutualTls: truststore(stack) });
      gateway(stack, 'B', { domainName: 'mtls.example.com', certificate, basePath: 'b' });
      const apis = Template.fromStack(stack).findResources(_kind === 'RestGateway' ? 'AWS::ApiGateway::RestApi' : 'AWS::ApiGatewayV2::Api');
      expect(Object.values(apis).map((api: any) => api.Properties.DisableExecuteApiEndpoint)).toEqual([true, true]);
    });

    test.each<[string, (stack: Stack) => ReturnType<typeof truststore>, RegExp]>([
      ['an empty key', stack => truststore(stack, ''),
        /\[InvalidDomain\] domain.mutualTls.key must be the truststore's S3 object key \(1 to 1024 characters, no leading or trailing \/, no control characters\), got ""; e.g. 'truststore.pem'/],
      ['a key with a leading slash', stack => truststore(stack, '/ca.pem'), /domain.mutualTls.key must be the truststore's S3 object key .*got "\/ca.pem"/],
      ['a folder', stack => truststore(stack, 'certs/'), /domain.mutualTls.key must be the truststore's S3 object key .*got "certs\/"/],
      ['a key with a line break', stack => truststore(stack, 'ca\n.pem'), /domain.mutualTls.key must be the truststore's S3 object key/],
      ['an empty version', stack => truststore(stack, 'ca.pem', ''),
        /\[InvalidDomain\] domain.mutualTls.version must be an S3 object version ID \(1 to 1024 characters without spaces\), got ""; leave version out for the latest/],
      ['a version with spaces', stack => truststore(stack, 'ca.pem', 'v 1'), /domain.mutualTls.version must be an S3 object version ID .*got "v 1"/],
      ['a malformed bucket name', stack => truststore(stack, 'ca.pem', undefined, 'Trust_Store'),
        /\[InvalidDomain\] domain.mutualTls.bucket must be an S3 bucket name: Bucket name must only contain lowercase characters .*got "Trust_Store"; pass the truststore's bucket/],
    ])('throws on %s', (_name, store, message) => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'mtls.example.com', certificate: certificateIn(stack), mutualTls: store(stack) })).toThrow(message);
    });

    test('tokens are skipped', () => {
      const stack = testStack();
      const bucket = new s3.Bucket(stack, 'Store');
      expect(() => gateway(stack, 'Api', {
        domainName: 'mtls.example.com', certificate: certificateIn(stack), mutualTls: { bucket, key: Token.asString({ Ref: 'Key' }), version: Token.asString({ Ref: 'V' }) },
      })).not.toThrow();
    });
  });

  describe('domain and hosted zone', () => {
    test('throws when the domain is outside the hosted zone', () => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'api.other.com', hostedZone: zoneIn(stack) }))
        .toThrow(/\[InvalidDomain\] domain.domainName must be in the hostedZone's domain example.com \(the alias record and the certificate's validation records go there\), got "api.other.com"; use a name under example.com, or pass the hosted zone of api.other.com/);
    });

    test('a look-alike suffix is outside too', () => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'api.notexample.com', hostedZone: zoneIn(stack) })).toThrow(/must be in the hostedZone's domain example.com/);
    });

    test.each([
      ['the zone apex', 'example.com', 'example.com'],
      ['a subdomain', 'api.eu.example.com', 'example.com'],
      ['a wildcard', '*.example.com', 'example.com'],
      ['a zone name with a trailing dot and capitals', 'api.example.com', 'Example.COM.'],
    ])('accepts %s', (_name, domainName, zoneName) => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName, hostedZone: zoneIn(stack, zoneName) })).not.toThrow();
    });

    test('throws on a zone imported without its name, which the alias record needs', () => {
      const stack = testStack();
      const byId = route53.HostedZone.fromHostedZoneId(stack, 'ById', 'Z0123456789ABC');
      expect(() => gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: byId, certificate: certificateIn(stack) }))
        .toThrow(/\[InvalidDomain\] domain.hostedZone must know its zone name, which the alias record needs \(HostedZone.fromHostedZoneId does not\), got "Z0123456789ABC"; import it with HostedZone.fromHostedZoneAttributes/);
    });

    test('skips token domain and zone names', () => {
      const stack = testStack();
      const tokenZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'TokenZone', { hostedZoneId: 'Z0123456789ABC', zoneName: Token.asString({ Ref: 'Zone' }) });
      expect(() => gateway(stack, 'A', { domainName: 'a.example.com', hostedZone: tokenZone, basePath: 'a' })).not.toThrow();
      expect(() => gateway(stack, 'B', { domainName: Token.asString({ Ref: 'Name' }), hostedZone: zoneIn(stack) })).not.toThrow();
    });

    test.each([
      ['upper-case letters (API Gateway refuses them)', 'Api.example.com'],
      ['an empty label', 'api..example.com'],
      ['a label starting with a hyphen', '-api.example.com'],
      ['a single label', 'localhost'],
      ['a wildcard not in front', 'api.*.example.com'],
      ['an IP address', '203.0.113.7'],
      ['a label over 63 characters', `${'a'.repeat(64)}.example.com`],
      ['a URL', 'https://api.example.com'],
    ])('throws on a domain name with %s', (_name, domainName) => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName, certificate: certificateIn(stack) }))
        .toThrow(/\[InvalidDomain\] domain.domainName must be a lower-case DNS name \(labels of letters, digits and inner hyphens, up to 63 characters each and 253 in all; a leading \*\. for a wildcard\)/);
    });

    test('accepts an internationalized top-level domain in punycode', () => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'api.example.xn--p1ai', certificate: certificateIn(stack) })).not.toThrow();
    });
  });

  describe('base path', () => {
    test.each(['v1', 'orders_v1', "a$-_.+!*'()b"])('accepts %j', basePath => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath })).not.toThrow();
    });

    test.each(['v1/orders', 'v~1', 'v 1', 'ümlaut', '', '/v1'])('throws on %j', basePath => {
      const stack = testStack();
      expect(() => gateway(stack, 'Api', { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath }))
        .toThrow(/\[InvalidDomain\] domain.basePath must be one path segment of letters, digits and \$ - _ \. \+ ! \* ' \( \) \(API Gateway's characters; this library maps one level\)/);
    });
  });
});

describe('RestGateway custom domains', () => {
  test('throws on mutual TLS with an edge-optimized endpoint, which API Gateway does not offer', () => {
    const stack = testStack(undefined, 'UsEast', { env: { account: '111111111111', region: 'us-east-1' } });
    expect(() => new RestGateway(stack, 'Api', {
      endpoint: Endpoint.edge(),
      domain: { domainName: 'mtls.example.com', hostedZone: zoneIn(stack), mutualTls: truststore(stack) },
    })).toThrow(/\[UnsupportedCombination\] domain.mutualTls needs a regional custom domain \(API Gateway offers mutual TLS on regional domains only\), got "EDGE"; use Endpoint.regional\(\) for the API behind the mutual TLS domain/);
  });
});
