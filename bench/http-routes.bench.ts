/**
 * Synthesizes an HTTP API of N Lambda proxy routes on one function, with cdk-gatehouse and
 * with plain aws-cdk-lib (HttpApi + one HttpLambdaIntegration per route), and compares
 * resources, integrations, Lambda permissions, template size, function policy and synth time.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx projen bench
 */
import * as fs from 'fs';
import { Stack, aws_apigatewayv2 as apigwv2, aws_lambda as lambda } from 'aws-cdk-lib';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ACCOUNT, REGION, benchStack, median } from './bench-app';
import { HttpGateway, Integration } from '../src';

const ROUTE_COUNTS = [50, 150, 300];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
/** Lambda's quota on the size of a function's resource-based policy. */
const POLICY_LIMIT_BYTES = 20 * 1024;
/** Stands in for a physical ID CloudFormation assigns at deploy time (an HTTP API ID is 10 chars). */
const PLACEHOLDER_ID = 'a1b2c3d4e5';

export type HttpVariant = 'cdk-gatehouse' | 'aws-cdk-lib';

export interface BenchRoute {
  readonly method: string;
  readonly path: string;
}

interface CfnResource { readonly Type: string; readonly Properties?: Record<string, unknown> }
interface CfnTemplate { readonly Resources?: Record<string, CfnResource> }

interface Row {
  readonly variant: HttpVariant;
  readonly routes: number;
  readonly resources: number;
  readonly integrations: number;
  readonly permissions: number;
  readonly templateBytes: number;
  readonly policyBytes: number;
  readonly synthMs: number;
}

/** A name as CloudFormation generates it (`stack-logicalId-SUFFIX`, cut to the service's maximum). */
function generatedName(logicalId: string, maxLength: number): string {
  const suffix = 'ABCDEFGHIJKL';
  return `${`Bench-${logicalId}`.slice(0, maxLength - suffix.length - 1)}-${suffix}`;
}

/** Renders a CloudFormation value to the text the deployed policy would hold. */
function render(value: unknown, template: CfnTemplate): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  const intrinsic = value as Record<string, unknown>;
  if ('Ref' in intrinsic) {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' };
    return pseudo[String(intrinsic.Ref)] ?? PLACEHOLDER_ID;
  }
  if ('Fn::Join' in intrinsic) {
    const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
    return parts.map(p => render(p, template)).join(separator);
  }
  if ('Fn::GetAtt' in intrinsic) {
    const [logicalId] = intrinsic['Fn::GetAtt'] as [string, string];
    return template.Resources?.[logicalId]?.Type === 'AWS::Lambda::Function'
      ? `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${generatedName(logicalId, 64)}` : PLACEHOLDER_ID;
  }
  return JSON.stringify(value);
}

/** The function's resource policy as Lambda would store it, one statement per permission. */
function policyBytes(template: CfnTemplate): number {
  const statements = Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::Lambda::Permission')
    .map(([logicalId, r]) => ({
      Sid: generatedName(logicalId, 100),
      Effect: 'Allow',
      Principal: { Service: render(r.Properties?.Principal, template) },
      Action: render(r.Properties?.Action, template),
      Resource: render(r.Properties?.FunctionName, template),
      Condition: { ArnLike: { 'AWS:SourceArn': render(r.Properties?.SourceArn, template) } },
    }));
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }).length;
}

/**
 * Adds an HTTP API of Lambda proxy routes on `fn` the way each library's user writes it:
 * HttpGateway + Integration.lambda, or HttpApi + one HttpLambdaIntegration per route.
 */
export function addHttpApi(variant: HttpVariant, stack: Stack, fn: lambda.IFunction, routes: BenchRoute[]): void {
  if (variant === 'cdk-gatehouse') {
    const api = new HttpGateway(stack, 'Api');
    for (const r of routes) api.addRoute(`${r.method} ${r.path}`, Integration.lambda(fn));
  } else {
    const api = new apigwv2.HttpApi(stack, 'Api');
    routes.forEach((r, i) => api.addRoutes({
      path: r.path, methods: [r.method as apigwv2.HttpMethod], integration: new HttpLambdaIntegration(`Integration${i}`, fn),
    }));
  }
}

function synthOnce(variant: HttpVariant, n: number): { ms: number; template: CfnTemplate } {
  const start = process.hrtime.bigint();
  const { app, stack, fn } = benchStack(true);
  const routes = Array.from({ length: n }, (_, i) => ({ method: METHODS[i % METHODS.length], path: `/r${Math.floor(i / METHODS.length)}` }));
  addHttpApi(variant, stack, fn, routes);
  try {
    const template = app.synth().getStackByName(stack.stackName).template as CfnTemplate;
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, template };
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

function measure(variant: HttpVariant, n: number): Row {
  const samples = Array.from({ length: 3 }, () => synthOnce(variant, n));
  const resources = Object.values(samples[0].template.Resources ?? {});
  const ms = median(samples.map(s => s.ms));
  return {
    variant,
    routes: n,
    resources: resources.length,
    integrations: resources.filter(r => r.Type === 'AWS::ApiGatewayV2::Integration').length,
    permissions: resources.filter(r => r.Type === 'AWS::Lambda::Permission').length,
    templateBytes: JSON.stringify(samples[0].template).length,
    policyBytes: policyBytes(samples[0].template),
    synthMs: ms,
  };
}

function main(): void {
  synthOnce('cdk-gatehouse', 10);
  synthOnce('aws-cdk-lib', 10);
  const rows: Row[] = [];
  for (const n of ROUTE_COUNTS) for (const variant of ['cdk-gatehouse', 'aws-cdk-lib'] as const) rows.push(measure(variant, n));

  console.log(`HTTP API with N Lambda proxy routes on one function (${METHODS.join('/')} on /r0, /r1, ...), Bench stack in ${REGION}`);
  console.log('  variant      cdk-gatehouse HttpGateway + Integration.lambda, or aws-cdk-lib HttpApi + HttpLambdaIntegration per route');
  console.log('  policy B     estimated size of the function\'s resource policy (one statement per permission; IDs CloudFormation');
  console.log(`               assigns at deploy are stand-ins of realistic length); Lambda's limit is ${POLICY_LIMIT_BYTES} bytes (20 KB)`);
  console.log('  synth ms     construct + synth, median of 3 runs after a warm-up');
  console.log('');
  const header = ['variant', 'N', 'resources', 'integrations', 'permissions', 'template B', 'policy B', 'synth ms'];
  const cells = rows.map(r => [r.variant, String(r.routes), String(r.resources), String(r.integrations), String(r.permissions),
    String(r.templateBytes), String(r.policyBytes), r.synthMs.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  cells.forEach(c => console.log(line(c)));
  console.log('');
  for (const r of rows.filter(row => row.variant === 'aws-cdk-lib')) {
    const bytes = r.policyBytes;
    console.log(`  aws-cdk-lib N=${r.routes}: ${r.permissions} permissions, ~${bytes} B of function policy -> ${bytes > POLICY_LIMIT_BYTES ? 'EXCEEDS the 20 KB limit' : 'within the limit'}${r.resources > 500 ? `; ${r.resources} resources exceed CloudFormation's 500` : ''}`);
  }
  const sample = rows.find(r => r.variant === 'aws-cdk-lib')!;
  const perRoute = sample.policyBytes / sample.routes;
  console.log(`  at ~${Math.round(perRoute)} B per route, aws-cdk-lib's per-route permissions fit at most about ${Math.floor(POLICY_LIMIT_BYTES / perRoute)} routes on one function`);
  console.log('  (CDK warns that templates over 500 resources fail to deploy; these figures come from a synth with its resource check off)');
}

// Imported by large-api.bench.ts for its HTTP rows: print this benchmark only when run itself.
if (require.main === module) main();
