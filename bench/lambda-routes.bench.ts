/**
 * Synthesizes a REST API of N Lambda proxy routes on one function, with cdk-gatehouse and
 * with plain aws-cdk-lib (its defaults, and its own fix for the function policy:
 * `scopePermissionToMethod: false`), and compares template size, Lambda permissions and synth time.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx projen bench
 */
import * as fs from 'fs';
import { App, Stack, aws_apigateway as apigateway } from 'aws-cdk-lib';
import { ACCOUNT, CFN_RESOURCE_LIMIT, REGION, STACK_NAME, STACK_RESOURCE_LIMIT_CONTEXT, benchStack, median } from './bench-app';
import { Integration, RestGateway } from '../src';

const ROUTE_COUNTS = [50, 150, 300];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
/** Lambda's quota on the size of a function's resource-based policy. */
const POLICY_LIMIT_BYTES = 20 * 1024;
/** Stands in for a physical ID CloudFormation assigns at deploy time (a REST API ID is 10 chars). */
const PLACEHOLDER_ID = 'a1b2c3d4e5';

/** aws-cdk-lib's LambdaIntegration with `scopePermissionToMethod: false`: one permission per function and API. */
const API_SCOPED = 'aws-cdk-lib api-scoped';
const VARIANTS = ['cdk-gatehouse', 'aws-cdk-lib', API_SCOPED] as const;
type Variant = typeof VARIANTS[number];

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

interface Row {
  readonly variant: Variant;
  readonly routes: number;
  readonly resources: number;
  readonly permissions: number;
  readonly templateBytes: number;
  readonly policyBytes: number;
  /** The SourceArn of each Lambda permission, rendered (distinct values). */
  readonly sourceArns: string[];
  readonly synthMs: number;
  /** Why synth fails with default settings; the figures then come from a synth without the resource check. */
  readonly defaultSynthError?: string;
}

/** Route i: methods cycle so that four routes share a path and N distinct methods exist. */
function routes(n: number): Array<{ method: string; path: string }> {
  return Array.from({ length: n }, (_, i) => ({ method: METHODS[i % METHODS.length], path: `/r${Math.floor(i / METHODS.length)}` }));
}

function build(variant: Variant, n: number, liftResourceLimit: boolean): { app: App; stack: Stack } {
  const { app, stack, fn } = benchStack(liftResourceLimit);
  if (variant === 'cdk-gatehouse') {
    const api = new RestGateway(stack, 'Api');
    for (const r of routes(n)) api.addRoute(`${r.method} ${r.path}`, Integration.lambda(fn));
  } else {
    const api = new apigateway.RestApi(stack, 'Api');
    const scopePermissionToMethod = variant !== API_SCOPED;
    for (const r of routes(n)) {
      api.root.resourceForPath(r.path).addMethod(r.method, new apigateway.LambdaIntegration(fn, { scopePermissionToMethod }));
    }
  }
  return { app, stack };
}

/** One timed construct+synth; the temporary cloud assembly is removed outside the timing. */
function synthOnce(variant: Variant, n: number, liftResourceLimit = false): { ms: number; template: CfnTemplate } {
  const start = process.hrtime.bigint();
  const { app, stack } = build(variant, n, liftResourceLimit);
  try {
    const template = app.synth().getStackByName(stack.stackName).template as CfnTemplate;
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, template };
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

/** Runs `runs` timed synths; when CDK refuses the template for its resource count, says why and retries without that check. */
function synthRuns(variant: Variant, n: number, runs: number): { samples: Array<{ ms: number; template: CfnTemplate }>; error?: string } {
  try {
    return { samples: Array.from({ length: runs }, () => synthOnce(variant, n)) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!message.includes('greater than allowed maximum')) throw e;
    // Keep the headline ("... 982 is greater than allowed maximum of 500"), drop the per-type counts.
    const error = `TooManyResourcesInStack: ${message.split(': AWS::')[0]}`;
    return { samples: Array.from({ length: runs }, () => synthOnce(variant, n, true)), error };
  }
}

/**
 * A name as CloudFormation generates it (`stack-logicalId-SUFFIX`, cut to the service's
 * maximum), used for statement IDs and the function name, which exist only after deploy.
 */
function generatedName(logicalId: string, maxLength: number): string {
  const suffix = 'ABCDEFGHIJKL';
  const head = `${STACK_NAME}-${logicalId}`.slice(0, maxLength - suffix.length - 1);
  return `${head}-${suffix}`;
}

/** Renders a CloudFormation value to the text the deployed policy would hold. */
function render(value: unknown, template: CfnTemplate): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  const intrinsic = value as Record<string, unknown>;
  if ('Ref' in intrinsic) {
    const pseudo: Record<string, string> = {
      'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com',
    };
    const ref = String(intrinsic.Ref);
    // A stage's Ref is its name, known from the template; other Refs are IDs known only after deploy.
    const stageName = template.Resources?.[ref]?.Type === 'AWS::ApiGateway::Stage' ? template.Resources[ref].Properties?.StageName : undefined;
    return pseudo[ref] ?? (typeof stageName === 'string' ? stageName : PLACEHOLDER_ID);
  }
  if ('Fn::Join' in intrinsic) {
    const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
    return parts.map(p => render(p, template)).join(separator);
  }
  if ('Fn::GetAtt' in intrinsic) {
    const [logicalId, attribute] = intrinsic['Fn::GetAtt'] as [string, string];
    if (template.Resources?.[logicalId]?.Type === 'AWS::Lambda::Function' && attribute === 'Arn') {
      return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${generatedName(logicalId, 64)}`;
    }
    return PLACEHOLDER_ID;
  }
  return JSON.stringify(value);
}

/** The template's Lambda permissions, by logical ID. */
function permissions(template: CfnTemplate): Array<[string, CfnResource]> {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::Lambda::Permission');
}

/** The function's resource policy as Lambda would store it, built from the template's permissions. */
function policyDocument(template: CfnTemplate): string {
  const statements = permissions(template)
    .map(([logicalId, r]) => {
      const p = r.Properties ?? {};
      return {
        Sid: generatedName(logicalId, 100),
        Effect: 'Allow',
        Principal: { Service: render(p.Principal, template) },
        Action: render(p.Action, template),
        Resource: render(p.FunctionName, template),
        Condition: { ArnLike: { 'AWS:SourceArn': render(p.SourceArn, template) } },
      };
    });
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}

function measure(variant: Variant, n: number, runs: number): Row {
  const { samples, error } = synthRuns(variant, n, runs);
  const template = samples[0].template;
  const resources = Object.values(template.Resources ?? {});
  return {
    variant,
    routes: n,
    resources: resources.length,
    permissions: resources.filter(r => r.Type === 'AWS::Lambda::Permission').length,
    templateBytes: JSON.stringify(template).length,
    policyBytes: policyDocument(template).length,
    sourceArns: [...new Set(permissions(template).map(([, p]) => render(p.Properties?.SourceArn, template)))],
    synthMs: median(samples.map(s => s.ms)),
    defaultSynthError: error,
  };
}

function main(): void {
  // Unmeasured warm-up, so the first timed row does not pay for lazy module loading and JIT.
  for (const variant of VARIANTS) synthOnce(variant, 10);

  const rows: Row[] = [];
  for (const n of ROUTE_COUNTS) {
    for (const variant of VARIANTS) rows.push(measure(variant, n, 3));
  }

  console.log(`REST API with N Lambda proxy routes on one function (${METHODS.join('/')} on /r0, /r1, ...), ${STACK_NAME} stack in ${REGION}`);
  console.log('  variant      cdk-gatehouse RestGateway + Integration.lambda; aws-cdk-lib RestApi + LambdaIntegration with its defaults;');
  console.log(`               ${API_SCOPED}: the same with LambdaIntegration's scopePermissionToMethod: false`);
  console.log('  N            routes (API Gateway methods)');
  console.log('  resources    resources in the synthesized template');
  console.log('  permissions  AWS::Lambda::Permission resources');
  console.log('  template B   bytes of JSON.stringify(template)');
  console.log('  policy B     estimated size of the function\'s resource policy (one statement per permission; IDs CloudFormation');
  console.log(`               assigns at deploy are stand-ins of realistic length); Lambda's limit is ${POLICY_LIMIT_BYTES} bytes (20 KB)`);
  console.log('  synth ms     construct + synth, median of 3 runs after a warm-up');
  console.log('');

  const header = ['variant', 'N', 'resources', 'permissions', 'template B', 'policy B', 'synth ms'];
  const cells = rows.map(r => [
    r.defaultSynthError ? `${r.variant} *` : r.variant, String(r.routes), String(r.resources), String(r.permissions),
    String(r.templateBytes), String(r.policyBytes), r.synthMs.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  cells.forEach(c => console.log(line(c)));
  console.log('');

  console.log(`Plain aws-cdk-lib function policy vs Lambda's ${POLICY_LIMIT_BYTES}-byte limit:`);
  for (const r of rows.filter(row => row.variant !== 'cdk-gatehouse')) {
    const perStatement = Math.round(r.policyBytes / r.permissions);
    const verdict = r.policyBytes > POLICY_LIMIT_BYTES ? 'EXCEEDS the limit: deploy would fail' : 'within the limit';
    console.log(`  ${r.variant.padEnd(API_SCOPED.length)} N=${r.routes}: ${r.permissions} statements, ~${perStatement} B each, ${r.policyBytes} B total -> ${verdict}`);
  }
  const sample = rows.find(r => r.variant === 'aws-cdk-lib');
  if (sample) {
    // Two statements per method (deployment stage + test-invoke-stage).
    const perRoute = sample.policyBytes / sample.routes;
    console.log(`  at ~${Math.round(perRoute)} B per route (2 statements), at most about ${Math.floor(POLICY_LIMIT_BYTES / perRoute)} routes fit in the limit`);
  }
  console.log('');
  console.log('What each single permission allows (SourceArn; IDs known only after deploy are stand-ins):');
  for (const variant of VARIANTS) {
    const arns = [...new Set(rows.filter(r => r.variant === variant && r.permissions === 1).flatMap(r => r.sourceArns))];
    for (const arn of arns) console.log(`  ${variant.padEnd(API_SCOPED.length)}  ${arn}`);
  }
  const overCfn = rows.filter(r => r.resources > CFN_RESOURCE_LIMIT);
  if (overCfn.length > 0) {
    console.log('');
    console.log(`Templates over CloudFormation's ${CFN_RESOURCE_LIMIT}-resource limit: ${overCfn.map(r => `${r.variant} N=${r.routes} (${r.resources})`).join(', ')}`);
  }
  for (const r of rows.filter(row => row.defaultSynthError)) {
    console.log(`* ${r.variant} N=${r.routes}: synth fails with default settings (${r.defaultSynthError});`);
    console.log(`  its figures come from a synth with context ${STACK_RESOURCE_LIMIT_CONTEXT}=0 (CDK's resource check off)`);
  }
}

main();
