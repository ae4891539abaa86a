import { Stack, aws_certificatemanager as acm, aws_ec2 as ec2, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DomainOptions, Endpoint, HttpGateway, Integration, RestGateway, UrlOutputOptions } from '../../src';
import { testStack } from '../support/app';

interface GatewayOptions {
  readonly disableExecuteApiEndpoint?: boolean;
  readonly domain?: DomainOptions;
  readonly urlOutput?: UrlOutputOptions;
}

type Build = (stack: Stack, options: GatewayOptions) => void;

const GATEWAYS: Array<[string, Build, string]> = [
  ['RestGateway', (stack, options) => new RestGateway(stack, 'Api', options).addRoute('GET /a', Integration.mock()), 'AWS::ApiGateway::RestApi'],
  ['HttpGateway', (stack, options) => new HttpGateway(stack, 'Api', options).addRoute('GET /a', Integration.http('https://example.org/a')), 'AWS::ApiGatewayV2::Api'],
];

const certificate = (stack: Stack) => acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
const apiOf = (stack: Stack, type: string) => Object.values(Template.fromStack(stack).findResources(type))[0].Properties;
const urlOutputs = (stack: Stack) => Object.keys(Template.fromStack(stack).toJSON().Outputs ?? {}).filter(id => /^ApiUrl/.test(id));

describe.each(GATEWAYS)('%s disableExecuteApiEndpoint', (_name, build, type) => {
  test('turns the endpoint off without a domain, and leaves out the URL output (no URL answers)', () => {
    const stack = testStack();
    build(stack, { disableExecuteApiEndpoint: true });
    expect(apiOf(stack, type).DisableExecuteApiEndpoint).toBe(true);
    expect(urlOutputs(stack)).toEqual([]);
  });

  test('on by default without a domain, with its URL output', () => {
    const stack = testStack();
    build(stack, {});
    expect(apiOf(stack, type).DisableExecuteApiEndpoint ?? false).toBe(false);
    expect(urlOutputs(stack)).toHaveLength(1);
  });

  test('false keeps the endpoint next to a domain, as keepExecuteApiEndpoint does', () => {
    const stack = testStack();
    build(stack, { disableExecuteApiEndpoint: false, domain: { domainName: 'api.example.com', certificate: certificate(stack) } });
    expect(apiOf(stack, type).DisableExecuteApiEndpoint).toBe(false);
  });

  test('throws when it contradicts domain.keepExecuteApiEndpoint', () => {
    const stack = testStack();
    expect(() => build(stack, { disableExecuteApiEndpoint: true, domain: { domainName: 'api.example.com', certificate: certificate(stack), keepExecuteApiEndpoint: true } }))
      .toThrow(/\[UnsupportedCombination\] disableExecuteApiEndpoint contradicts domain.keepExecuteApiEndpoint: true, got true; keep one of the two/);
  });

  test('throws when false next to a mutual TLS domain (clients could skip the certificate)', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'truststores');
    expect(() => build(stack, {
      disableExecuteApiEndpoint: false,
      domain: { domainName: 'mtls.example.com', certificate: certificate(stack), mutualTls: { bucket, key: 'ca.pem' } },
    })).toThrow(/\[InvalidDomain\] disableExecuteApiEndpoint must not be false with domain.mutualTls: clients could call the execute-api endpoint without a certificate, got false/);
  });

  test('throws when a URL output is asked for but there is no URL', () => {
    expect(() => build(testStack(), { disableExecuteApiEndpoint: true, urlOutput: { name: 'OrdersUrl' } }))
      .toThrow(/\[InvalidOutput\] urlOutput has no URL to show: disableExecuteApiEndpoint turns off the only endpoint of a gateway without a domain, got .*; remove urlOutput/);
  });
});

test('a private REST API refuses it: clients reach it only through its execute-api endpoint', () => {
  const stack = testStack();
  const vpcEndpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
  expect(() => new RestGateway(stack, 'Api', { endpoint: Endpoint.privateInVpc({ vpcEndpoints: [vpcEndpoint] }), disableExecuteApiEndpoint: true }))
    .toThrow(/\[UnsupportedCombination\] disableExecuteApiEndpoint would leave a private API unreachable/);
});
