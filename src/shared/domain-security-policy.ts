import { Token, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Problem, warn } from '../core/errors';
import { DomainOptions } from '../vocabulary/domain-options';

const P = apigw.SecurityPolicy;

/** The kinds of custom domain, each with the security policies API Gateway takes on it (as aws-cdk-lib 2.276 lists them). */
export type DomainKind = 'regional' | 'edge' | 'http' | 'websocket';

const KINDS: Record<DomainKind, { name: string; policies: apigw.SecurityPolicy[]; note: string }> = {
  regional: {
    name: 'a regional domain',
    policies: [P.TLS_1_2, P.TLS13_1_3_2025_09, P.TLS13_1_3_FIPS_2025_09, P.TLS13_1_2_PQ_2025_09, P.TLS13_1_2_PFS_PQ_2025_09, P.TLS_1_0],
    note: ' (the …_EDGE policies are for edge-optimized domains)',
  },
  edge: {
    name: 'an edge-optimized domain',
    policies: [P.TLS_1_2, P.TLS13_2025_EDGE, P.TLS12_PFS_2025_EDGE, P.TLS12_2018_EDGE, P.TLS_1_0],
    note: ' (the …_2025_09 policies are for regional domains)',
  },
  http: { name: 'an HTTP API domain', policies: [P.TLS_1_2, P.TLS_1_0], note: ' (HTTP API domains have no TLS 1.3 policy; a RestGateway has)' },
  websocket: { name: 'a WebSocket API domain', policies: [P.TLS_1_2, P.TLS_1_0], note: ' (WebSocket API domains have no TLS 1.3 policy; a RestGateway has)' },
};

/** Enhanced policies (`SecurityPolicy_…`) need an endpoint access mode and exclude mutual TLS. */
function isEnhanced(policy: apigw.SecurityPolicy): boolean {
  return policy.startsWith('SecurityPolicy_');
}

/** What API Gateway would refuse in `domain.securityPolicy` on a domain of `kind`. */
export function securityPolicyProblems(domain: DomainOptions, kind: DomainKind): Problem[] {
  const policy = domain.securityPolicy;
  if (policy === undefined || Token.isUnresolved(policy)) return [];
  const { name, policies, note } = KINDS[kind];
  if (!policies.includes(policy)) {
    return [{ code: 'InvalidDomain', prop: 'domain.securityPolicy', rule: `is not available on ${name}`, value: policy, fix: `use one of ${policies.join(', ')}${note}` }];
  }
  if (isEnhanced(policy) && domain.mutualTls) {
    return [{
      code: 'InvalidDomain',
      prop: 'domain.securityPolicy',
      rule: 'cannot be an enhanced policy (SecurityPolicy_…) with mutualTls',
      value: policy,
      fix: 'use TLS_1_2 with mutual TLS, or drop mutualTls',
    }];
  }
  return [];
}

/** Warns a gateway that asks for TLS 1.0 (accepted: some clients still need it). */
export function warnOnWeakPolicy(gateway: IConstruct, domain: DomainOptions): void {
  if (domain.securityPolicy === P.TLS_1_0) {
    warn(gateway, 'WeakTlsPolicy', 'domain.securityPolicy TLS_1_0 accepts TLS 1.0 and 1.1 clients, which PCI DSS and NIST 800-52 no longer allow: use TLS_1_2 (the default) or a TLS 1.3 policy unless old clients need it');
  }
}

/**
 * The REST domain's policy, TLS 1.2 by default; an enhanced policy comes with the STRICT
 * endpoint access mode API Gateway requires for it (requests must come through this domain's
 * endpoint type, with a TLS SNI that matches the Host header).
 */
export function restDomainSecurity(domain: DomainOptions): { securityPolicy: apigw.SecurityPolicy; endpointAccessMode?: apigw.EndpointAccessMode } {
  const securityPolicy = domain.securityPolicy ?? P.TLS_1_2;
  return { securityPolicy, endpointAccessMode: isEnhanced(securityPolicy) ? apigw.EndpointAccessMode.STRICT : undefined };
}

/** An API Gateway v2 (HTTP or WebSocket) domain's policy, TLS 1.2 by default (the only other one it takes is TLS 1.0). */
export function httpDomainSecurityPolicy(domain: DomainOptions): apigwv2.SecurityPolicy {
  return domain.securityPolicy === P.TLS_1_0 ? apigwv2.SecurityPolicy.TLS_1_0 : apigwv2.SecurityPolicy.TLS_1_2;
}
