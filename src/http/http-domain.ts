import { Problem } from '../core/errors';
import { domainOptionProblems } from '../shared/custom-domain';
import { securityPolicyProblems } from '../shared/domain-security-policy';
import { DomainOptions } from '../vocabulary/domain-options';

/** An HTTP API's domain is regional: its certificate must be in the stack's region. */
export function httpDomainProblems(domain: DomainOptions | undefined, region: string): Problem[] {
  return domain ? [...domainOptionProblems(domain, region), ...securityPolicyProblems(domain, 'http')] : [];
}
