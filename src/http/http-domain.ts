import { aws_apigatewayv2 as apigwv2, aws_route53_targets as targets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem } from '../core/errors';
import { domainOptionProblems, SharedDomain } from '../shared/custom-domain';
import { httpDomainSecurityPolicy, securityPolicyProblems, warnOnWeakPolicy } from '../shared/domain-security-policy';
import { DomainOptions } from '../vocabulary/domain-options';

/** An HTTP API's domain is regional: its certificate must be in the stack's region. */
export function httpDomainProblems(domain: DomainOptions | undefined, region: string): Problem[] {
  return domain ? [...domainOptionProblems(domain, region), ...securityPolicyProblems(domain, 'http')] : [];
}

/**
 * Maps `stage` of `api` under the custom domain the stack's HTTP gateways share (regional,
 * TLS 1.2 unless `securityPolicy` says TLS 1.0), with `basePath` as the API mapping key; returns the API's URL there.
 */
export function mapHttpDomain(
  gateway: Construct, api: apigwv2.HttpApi, stage: apigwv2.HttpStage, options: DomainOptions,
): { url: string; domain: apigwv2.DomainName } {
  const shared = SharedDomain.of(gateway, options, 'HttpGateway', (scope, certificate) => {
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
  const url = shared.claim(gateway, basePath);
  new apigwv2.ApiMapping(gateway, 'ApiMapping', {
    api,
    domainName: shared.domain,
    stage,
    apiMappingKey: basePath || undefined,
  });
  return { url, domain: shared.domain };
}
