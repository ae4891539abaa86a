import { Problem } from '../core/errors';
import { DomainOptions } from '../vocabulary/domain-options';
import { UrlOutputOptions } from '../vocabulary/url-output-options';

/** What decides whether a gateway's default `execute-api` endpoint answers. */
export interface ExecuteApiEndpointChoice {
  /** The gateway's `disableExecuteApiEndpoint` prop. */
  readonly disable?: boolean;
  readonly domain?: DomainOptions;
  readonly urlOutput?: UrlOutputOptions;
  /** Set for a REST API with a private endpoint, which is reached only through that endpoint. */
  readonly privateApi?: boolean;
}

/**
 * Whether the default endpoint is off: as asked, else off exactly when a custom domain serves
 * the API (unless `domain.keepExecuteApiEndpoint`). Both settings given must agree.
 */
export function executeApiEndpointDisabled(choice: ExecuteApiEndpointChoice): boolean {
  if (choice.disable !== undefined) return choice.disable;
  return choice.domain !== undefined && !choice.domain.keepExecuteApiEndpoint;
}

/** A URL output has a URL to show: a custom domain's, or the default endpoint's while it answers. */
export function hasCallableUrl(choice: ExecuteApiEndpointChoice): boolean {
  return choice.domain !== undefined || !executeApiEndpointDisabled(choice);
}

export function executeApiEndpointProblems(choice: ExecuteApiEndpointChoice): Problem[] {
  const { disable, domain } = choice;
  const problems: Problem[] = [];
  if (disable === true && domain?.keepExecuteApiEndpoint === true) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: 'disableExecuteApiEndpoint',
      rule: 'contradicts domain.keepExecuteApiEndpoint: true',
      value: true,
      fix: 'keep one of the two',
    });
  }
  if (disable === false && domain?.mutualTls !== undefined) {
    problems.push({
      code: 'InvalidDomain',
      prop: 'disableExecuteApiEndpoint',
      rule: 'must not be false with domain.mutualTls: clients could call the execute-api endpoint without a certificate',
      value: false,
      fix: 'remove disableExecuteApiEndpoint (the gateway turns the endpoint off), or drop mutualTls',
    });
  }
  if (disable === true && domain === undefined && choice.privateApi) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: 'disableExecuteApiEndpoint',
      rule: 'would leave a private API unreachable: clients reach it only through its execute-api endpoint, from their VPC endpoints',
      value: true,
      fix: 'remove disableExecuteApiEndpoint, or give the gateway a domain',
    });
  }
  const output = choice.urlOutput;
  if (!hasCallableUrl(choice) && output && (output.enabled === true || output.name !== undefined || output.exportName !== undefined)) {
    problems.push({
      code: 'InvalidOutput',
      prop: 'urlOutput',
      rule: 'has no URL to show: disableExecuteApiEndpoint turns off the only endpoint of a gateway without a domain',
      value: output,
      fix: 'remove urlOutput (the output is left out), or give the gateway a domain',
    });
  }
  return problems;
}
