import { Token, aws_apigateway as apigw, aws_route53_targets as targets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem } from '../core/errors';
import { domainOptionProblems, SharedDomain } from '../shared/custom-domain';
import { restDomainSecurity, securityPolicyProblems, warnOnWeakPolicy } from '../shared/domain-security-policy';
import { DomainOptions } from '../vocabulary/domain-options';

export function domainProblems(domain: DomainOptions | undefined, endpointType: apigw.EndpointType, region: string): Problem[] {
  if (!domain) return [];
  const edge = endpointType === apigw.EndpointType.EDGE;
  const problems = domainOptionProblems(domain, edge ? 'us-east-1' : region);
  problems.push(...securityPolicyProblems(domain, edge ? 'edge' : 'regional'));
  if (!domain.certificate && edge && region !== 'us-east-1') {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.certificate',
      rule: `is required for an edge-optimized API outside us-east-1 (CloudFront only uses certificates from us-east-1; this stack is in ${Token.isUnresolved(region) ? 'an unknown region' : region})`,
      value: undefined,
      fix: 'pass a certificate made in us-east-1 (e.g. from a us-east-1 stack), or use Endpoint.regional()',
    });
  }
  if (edge && domain.mutualTls) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: 'domain.mutualTls',
      rule: 'needs a regional custom domain (API Gateway offers mutual TLS on regional domains only)',
      value: endpointType,
      fix: 'use Endpoint.regional() for the API behind the mutual TLS domain',
    });
  }
  if (endpointType === apigw.EndpointType.PRIVATE) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: 'domain',
      rule: 'is not supported with Endpoint.privateInVpc() by this library yet',
      value: domain.domainName,
      fix: 'use a regional endpoint for the custom domain, or reach the private API through its VPC endpoint',
    });
  }
  return problems;
}

/**
 * Maps `stage` of `api` under the custom domain the stack's gateways share (TLS 1.2 unless
 * `securityPolicy` says otherwise, of the API's endpoint type); returns the API's URL there.
 */
export function mapRestDomain(
  gateway: Construct, api: apigw.RestApi, stage: apigw.Stage, endpointType: apigw.EndpointType, options: DomainOptions,
): { url: string; domain: apigw.DomainName } {
  const shared = SharedDomain.of(gateway, options, `RestGateway, ${endpointType} endpoint`, (scope, certificate) => {
    const domain = new apigw.DomainName(scope, 'Domain', {
      domainName: options.domainName,
      certificate,
      endpointType,
      ...restDomainSecurity(options),
      mtls: options.mutualTls,
    });
    return { domain, aliasTarget: new targets.ApiGatewayDomain(domain) };
  });
  warnOnWeakPolicy(gateway, options);
  const basePath = options.basePath ?? '';
  const url = shared.claim(gateway, basePath);
  new apigw.BasePathMapping(gateway, 'BasePathMapping', {
    domainName: shared.domain,
    restApi: api,
    stage,
    basePath: basePath || undefined,
  });
  return { url, domain: shared.domain };
}
