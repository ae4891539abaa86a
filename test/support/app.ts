import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';

/** CDK's recommended feature flags for new projects, as `cdk init` writes them today. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RECOMMENDED_FLAGS: Record<string, unknown> = require('aws-cdk-lib/recommended-feature-flags.json');

export interface TestAppOptions {
  /**
   * Run CDK's built-in CloudFormation validator with errors failing synthesis.
   * Costs ~3 s per process the first time, so unit tests leave it off and the golden
   * stacks (one file) turn it on.
   * @default false
   */
  readonly strictValidation?: boolean;
}

/** An app as users get it from `cdk init`, plus the options tests need. */
export function testApp(options: TestAppOptions = {}): App {
  const strict = options.strictValidation ?? false;
  return new App({
    context: {
      ...RECOMMENDED_FLAGS,
      // Snapshots must not record the machine's paths.
      'aws:cdk:disable-creation-stack-traces': true,
      '@aws-cdk/core:validateAgainstDefaultRules': strict,
      '@aws-cdk/core:strictCfnValidateErrors': strict,
    },
    builtinCloudFormationValidation: strict,
  });
}

/** A stack in a fixed account and region, so ARNs and AZs are deterministic. */
export function testStack(app: App = testApp(), id = 'Test', props: StackProps = {}): Stack {
  return new Stack(app, id, { env: { account: '111111111111', region: 'eu-west-1' }, ...props });
}

/** A fresh stack for one test. */
export function stack(): Stack {
  return testStack();
}

/** Resources of one type in a template, by logical ID. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties?: any; DependsOn?: unknown }> {
  return template.findResources(type);
}

/** Logical IDs of every resource in a stack's template. */
export function logicalIds(scope: Construct): string[] {
  return Object.keys(Template.fromStack(Stack.of(scope)).toJSON().Resources ?? {}).sort();
}
