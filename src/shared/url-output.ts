import { CfnOutput } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem, throwIfProblems } from '../core/errors';
import { patternProblem } from '../core/validation';
import { UrlOutputOptions } from '../vocabulary/url-output-options';

/** What one gateway URL output shows. */
export interface UrlOutputSpec {
  /** The gateway prop that configures it, for messages (`urlOutput`). */
  readonly prop: string;
  /** The construct ID under the gateway (`Url`, `CallbackUrl`). */
  readonly id: string;
  readonly value: string;
  readonly description: string;
}

/** Adds a gateway URL as a stack output unless turned off, named and exported as asked. */
export function addUrlOutput(gateway: Construct, spec: UrlOutputSpec, options: UrlOutputOptions = {}): CfnOutput | undefined {
  throwIfProblems(gateway, urlOutputProblems(spec.prop, options));
  if (options.enabled === false) return undefined;
  const output = new CfnOutput(gateway, spec.id, {
    value: spec.value,
    description: spec.description,
    exportName: options.exportName,
  });
  if (options.name !== undefined) output.overrideLogicalId(options.name);
  return output;
}

function urlOutputProblems(prop: string, options: UrlOutputOptions): Problem[] {
  const problems: Array<Problem | undefined> = [];
  if (options.name !== undefined) {
    problems.push(patternProblem(`${prop}.name`, options.name, /^[A-Za-z0-9]{1,255}$/,
      'must be 1 to 255 letters and digits (a CloudFormation logical ID)', "name it like 'OrdersApiUrl'", 'InvalidOutput'));
  }
  if (options.exportName !== undefined) {
    problems.push(patternProblem(`${prop}.exportName`, options.exportName, /^[A-Za-z0-9:-]{1,255}$/,
      'must be 1 to 255 letters, digits, colons and hyphens (a CloudFormation export name)', "e.g. 'orders-prod:api-url'", 'InvalidOutput'));
  }
  if (options.enabled === false && (options.name !== undefined || options.exportName !== undefined)) {
    problems.push({
      code: 'InvalidOutput',
      prop: `${prop}.enabled`,
      rule: 'is false, so name and exportName would be ignored',
      value: false,
      fix: 'remove name and exportName, or the enabled: false',
    });
  }
  return problems.filter((p): p is Problem => p !== undefined);
}
