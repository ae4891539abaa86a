import { Problem } from '../core/errors';
import { domainOptionProblems } from '../shared/custom-domain';
import { securityPolicyProblems } from '../shared/domain-security-policy';
import { DomainOptions } from '../vocabulary/domain-options';

/**
 * A WebSocket API's domain is regional (its certificate in the stack's region), without
 * mutual TLS (API Gateway offers it on REST and HTTP APIs only), and keeps the execute-api
 * endpoint: backends post to `@connections` there.
 */
export function webSocketDomainProblems(domain: DomainOptions | undefined, region: string): Problem[] {
  if (!domain) return [];
  const problems = [...domainOptionProblems(domain, region), ...securityPolicyProblems(domain, 'websocket')];
  if (domain.mutualTls !== undefined) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.mutualTls',
      rule: 'is not available on a WebSocket API domain (API Gateway offers mutual TLS on REST and HTTP APIs)',
      value: domain.mutualTls.key,
      fix: 'remove mutualTls and authorize clients on $connect (the gateway\'s authorization)',
    });
  }
  if (domain.keepExecuteApiEndpoint === false) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'domain.keepExecuteApiEndpoint',
      rule: 'cannot be false on a WebSocketGateway: its backends post to @connections on the execute-api endpoint (callbackUrl)',
      value: false,
      fix: 'remove keepExecuteApiEndpoint',
    });
  }
  return problems;
}
