/**
 * What the benchmarks share: the app and stack every variant is synthesized in (one Lambda
 * function as the backend), the median of timings, and the Markdown table they print.
 */
import { App, Stack, aws_lambda as lambda } from 'aws-cdk-lib';

export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const STACK_NAME = 'Bench';
/** CloudFormation's quota of resources per template. */
export const CFN_RESOURCE_LIMIT = 500;
/** Context key of CDK's own resource-count check at synth; 0 turns the check off. */
export const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';

export interface BenchStack {
  readonly app: App;
  readonly stack: Stack;
  /** The one function every Lambda route of the benchmark calls. */
  readonly fn: lambda.Function;
}

/**
 * A new app with one stack and its function, without CDK's built-in CloudFormation validator
 * (it would dominate the timings) and, when `liftResourceLimit`, without CDK's resource-count
 * check, so that templates over CloudFormation's limit can still be measured.
 */
export function benchStack(liftResourceLimit: boolean): BenchStack {
  const app = new App({
    context: {
      'aws:cdk:disable-creation-stack-traces': true,
      ...(liftResourceLimit ? { [STACK_RESOURCE_LIMIT_CONTEXT]: 0 } : {}),
    },
    builtinCloudFormationValidation: false,
  });
  const stack = new Stack(app, STACK_NAME, { env: { account: ACCOUNT, region: REGION } });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
  return { app, stack, fn };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints a Markdown table: the first `leftColumns` columns left-aligned, the others (figures) right-aligned. */
export function printTable(header: string[], rows: string[][], leftColumns = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const left = (i: number) => i < leftColumns;
  const line = (cells: string[]) => `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (left(i) ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  rows.forEach(r => console.log(line(r)));
}
