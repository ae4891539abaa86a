import { aws_apigatewayv2 as apigwv2, aws_route53_targets as targets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SharedDomain } from './custom-domain';
import { httpDomainSecurityPolicy, warnOnWeakPolicy } from './domain-security-policy';
import { DomainOptions } from '../vocabulary/domain-options';

/** The API Gateway v2 gateways that take a custom domain, and the scheme their clients use. */
const SCHEMES = { HttpGateway: 'https', WebSocketGateway: 'wss' } as const;

/**
 * Maps `stage` of `api` under the custom domain the stack's gateways of `kind` share
 * (regional, TLS 1.2 unless `securityPolicy` says TLS 1.0), with `basePath` as the API mapping
 * key; returns the API's URL there. API Gateway maps no WebSocket API on a domain of HTTP or
 * REST APIs, so a domain is shared by gateways of one kind only.
 */
export function mapV2Domain(
  gateway: Construct, api: apigwv2.IApi, stage: apigwv2.IStage, options: DomainOptions, kind: keyof typeof SCHEMES,
): { url: string; domain: apigwv2.DomainName } {
  const shared = SharedDomain.of(gateway, options, kind, (scope, certificate) => {
    const domain = new apigwv2.DomainName(scope, 'Domain', {
      domainName: options.domainName,
      certificate,
      endpointType: apigwv2.EndpointType.REGIONAL,
      securityPolicy: httpDomainSecurityPolicy(options),
      mtls: options.mutualTls,
    });
    return { domain, aliasTarget: new targets.ApiGatewayv2DomainProperties(domain.regionalDomainName, domain.regionalHostedZoneId) };
  });
  warnOnWeakPolicy(gateway, options);
  const basePath = options.basePath ?? '';
  const url = shared.claim(gateway, basePath, SCHEMES[kind]);
  new apigwv2.ApiMapping(gateway, 'ApiMapping', {
    api,
    domainName: shared.domain,
    stage,
    apiMappingKey: basePath || undefined,
  });
  return { url, domain: shared.domain };
}
