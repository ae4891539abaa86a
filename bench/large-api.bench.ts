/**
 * APIs at API Gateway's quotas, side by side with plain aws-cdk-lib for the same API:
 * - REST at 50, 150 and 300 API Gateway resources: paths `/orders{i}/{id}` (2 resources
 *   each), GET + POST on each, Lambda proxy on one function, every POST with the same request
 *   schema; RestGateway with DefinitionStyle.OPENAPI and RESOURCES, and aws-cdk-lib's RestApi
 *   with one Model and request validator per POST.
 * - HTTP at 300 routes (the same paths and methods): HttpGateway and aws-cdk-lib's HttpApi.
 * Prints CloudFormation resources, template bytes, whether the template fits CloudFormation's
 * limits, synth time and peak memory. Each variant is synthesized in a child process of its
 * own, so its peak memory (RSS high-water mark) is its own.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node -P bench/tsconfig.json bench/large-api.bench.ts
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aws_apigateway as apigateway } from 'aws-cdk-lib';
import * as ts from 'typescript';
import { BenchStack, CFN_RESOURCE_LIMIT, REGION, STACK_RESOURCE_LIMIT_CONTEXT, benchStack, median, printTable } from './bench-app';
import { BenchRoute, HttpVariant, addHttpApi } from './http-routes.bench';
import { DefinitionStyle, Integration, RestGateway } from '../src';

/** Paths per REST API: each `/orders{i}/{id}` is 2 API Gateway resources, so 50, 150 and 300 resources. */
const REST_PATH_COUNTS = [25, 75, 150];
/** Paths of the HTTP API: 150 paths × GET + POST = 300 routes, HTTP API's default quota. */
const HTTP_PATH_COUNT = 150;
/** Timed synths per variant (in one child process); the first one's is the peak memory reported. */
const RUNS = 5;
/** CloudFormation's quota on the size of a template (given through S3, as the CDK CLI does): 1 MB. */
const CFN_TEMPLATE_LIMIT_BYTES = 1024 * 1024;
/** Marks the line a child process prints its measurement on. */
const RESULT_MARK = 'BENCH-RESULT ';

/** The request body of every POST: one schema, the same for all routes. */
const ORDER_SCHEMA: apigateway.JsonSchema = {
  schema: apigateway.JsonSchemaVersion.DRAFT4,
  title: 'Order',
  type: apigateway.JsonSchemaType.OBJECT,
  required: ['sku', 'quantity'],
  additionalProperties: false,
  properties: {
    sku: { type: apigateway.JsonSchemaType.STRING, pattern: '^[A-Z0-9-]{4,32}$' },
    quantity: { type: apigateway.JsonSchemaType.INTEGER, minimum: 1, maximum: 1000 },
    note: { type: apigateway.JsonSchemaType.STRING, maxLength: 500 },
  },
};

const REST_VARIANTS = ['cdk-gatehouse OPENAPI', 'cdk-gatehouse RESOURCES', 'aws-cdk-lib RestApi'] as const;
type RestVariant = typeof REST_VARIANTS[number];
const HTTP_VARIANTS: Record<string, HttpVariant> = { 'cdk-gatehouse HttpGateway': 'cdk-gatehouse', 'aws-cdk-lib HttpApi': 'aws-cdk-lib' };

/** What a child process is asked to synthesize. */
interface Job {
  readonly api: 'REST' | 'HTTP';
  readonly variant: string;
  readonly paths: number;
}

/** What a child process measures. */
interface Measurement {
  readonly resources: number;
  readonly templateBytes: number;
  readonly synthMs: number[];
  /** RSS high-water mark (KiB) of the first timed synth. */
  readonly peakRssKb: number;
  /** RSS (KiB) right before it: modules loaded, a small warm-up synth done, garbage collected. */
  readonly startRssKb: number;
  /** Whether the high-water mark was reset before the synth; if not, it counts from the process's start. */
  readonly peakReset: boolean;
}

/** GET and POST on `/orders{i}/{id}` for each of `paths` paths. */
function orderRoutes(paths: number): BenchRoute[] {
  return Array.from({ length: paths }, (_, i) => [
    { method: 'GET', path: `/orders${i}/{id}` },
    { method: 'POST', path: `/orders${i}/{id}` },
  ]).flat();
}

/** Adds the REST API the way each variant's user writes it. */
function addRestApi(variant: RestVariant, bench: BenchStack, routes: BenchRoute[]): void {
  const { stack, fn } = bench;
  if (variant !== 'aws-cdk-lib RestApi') {
    const definitionStyle = variant === 'cdk-gatehouse OPENAPI' ? DefinitionStyle.OPENAPI : DefinitionStyle.RESOURCES;
    const api = new RestGateway(stack, 'Api', { definitionStyle });
    for (const r of routes) {
      api.addRoute(`${r.method} ${r.path}`, Integration.lambda(fn), r.method === 'POST' ? { requestSchema: ORDER_SCHEMA } : {});
    }
    return;
  }
  const api = new apigateway.RestApi(stack, 'Api');
  const integration = new apigateway.LambdaIntegration(fn);
  routes.forEach((r, i) => {
    const resource = api.root.resourceForPath(r.path);
    if (r.method !== 'POST') {
      resource.addMethod(r.method, integration);
      return;
    }
    resource.addMethod(r.method, integration, {
      requestModels: { 'application/json': api.addModel(`OrderModel${i}`, { contentType: 'application/json', schema: ORDER_SCHEMA }) },
      requestValidator: api.addRequestValidator(`OrderValidator${i}`, { validateRequestBody: true }),
    });
  });
}

/** Construct + synth of one job; returns the time and the written template file. */
function synthOnce(job: Job): { ms: number; templateFile: string; outdir: string } {
  const start = process.hrtime.bigint();
  const bench = benchStack(true);
  const routes = orderRoutes(job.paths);
  if (job.api === 'REST') addRestApi(job.variant as RestVariant, bench, routes);
  else addHttpApi(HTTP_VARIANTS[job.variant], bench.stack, bench.fn, routes);
  const assembly = bench.app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, templateFile: path.join(assembly.directory, assembly.getStackByName(bench.stack.stackName).templateFile), outdir: assembly.directory };
}

/**
 * Resets the process's RSS high-water mark (which `process.resourceUsage().maxRSS` reads) to
 * its current RSS, so that the mark read later is the synthesis's own, not the module loading's
 * (Linux 4.0+: /proc/self/clear_refs). False where that is not possible.
 */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Runs in the child: a warm-up synth, then RUNS timed synths of the job; prints the measurement. */
function child(job: Job): void {
  // The warm-up loads the modules the variant uses; collecting its garbage leaves the RSS the synth starts from.
  fs.rmSync(synthOnce({ ...job, paths: 2 }).outdir, { recursive: true, force: true });
  global.gc?.();
  const peakReset = resetPeakRss();
  const startRssKb = Math.round(process.memoryUsage.rss() / 1024);
  const synthMs: number[] = [];
  let first: Pick<Measurement, 'resources' | 'templateBytes' | 'peakRssKb'> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const { ms, templateFile, outdir } = synthOnce(job);
    synthMs.push(ms);
    if (!first) {
      // Read the high-water mark before anything else allocates (the template is read after).
      const peakRssKb = process.resourceUsage().maxRSS;
      const text = fs.readFileSync(templateFile, 'utf-8');
      first = { peakRssKb, templateBytes: Buffer.byteLength(text), resources: Object.keys(JSON.parse(text).Resources ?? {}).length };
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const measurement: Measurement = { ...first!, synthMs, startRssKb, peakReset };
  console.log(`${RESULT_MARK}${JSON.stringify(measurement)}`);
}

/**
 * Transpiles src/ and bench/ to JavaScript in a temporary directory, so that the children run
 * on plain Node: under ts-node the TypeScript compiler alone holds more memory than a synthesis.
 * Returns the path of this file's JavaScript.
 */
function transpileForChildren(outDir: string): string {
  const root = path.resolve(__dirname, '..');
  for (const dir of ['src', 'bench']) {
    for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf-8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      const source = fs.readFileSync(path.join(root, dir, file), 'utf-8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      const target = path.join(outDir, dir, file.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, outputText);
    }
  }
  return path.join(outDir, 'bench', `${path.basename(__filename, '.ts')}.js`);
}

/** Runs the job in a child process of its own (plain Node, garbage collection exposed) and reads its measurement. */
function measureInChild(script: string, job: Job): Measurement {
  const result = spawnSync(process.execPath, ['--expose-gc', script, '--child', JSON.stringify(job)], {
    encoding: 'utf-8',
    // The transpiled files live outside the project: resolve packages from its node_modules.
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '..', 'node_modules') },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find(l => l.startsWith(RESULT_MARK));
  if (result.status !== 0 || !line) {
    throw new Error(`${job.api} ${job.variant} (${job.paths} paths) failed (exit ${result.status}):\n${result.stderr}`);
  }
  return JSON.parse(line.slice(RESULT_MARK.length)) as Measurement;
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

function fits(m: Measurement): string {
  const over = [
    ...(m.resources > CFN_RESOURCE_LIMIT ? [`> ${CFN_RESOURCE_LIMIT} resources`] : []),
    ...(m.templateBytes > CFN_TEMPLATE_LIMIT_BYTES ? ['> 1 MB'] : []),
  ];
  return over.length === 0 ? 'yes' : `no (${over.join(', ')})`;
}

function main(): void {
  const jobs: Job[] = [
    ...REST_PATH_COUNTS.flatMap(paths => REST_VARIANTS.map(variant => ({ api: 'REST' as const, variant, paths }))),
    ...Object.keys(HTTP_VARIANTS).map(variant => ({ api: 'HTTP' as const, variant, paths: HTTP_PATH_COUNT })),
  ];
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'large-api-bench-'));
  let results: Array<{ job: Job; m: Measurement }>;
  try {
    const script = transpileForChildren(outDir);
    results = jobs.map(job => ({ job, m: measureInChild(script, job) }));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }

  console.log(`Large APIs: paths /orders{i}/{id} × GET + POST, Lambda proxy on one function, every REST POST with the same request schema (${REGION})`);
  console.log('');
  const header = ['API', 'variant', 'API GW resources', 'routes', 'CFN resources', 'template bytes', 'fits CloudFormation', 'synth ms', 'peak RSS MB', 'RSS growth MB'];
  printTable(header, results.map(({ job, m }) => [
    job.api,
    job.variant,
    job.api === 'REST' ? String(job.paths * 2) : '-',
    String(job.paths * 2),
    String(m.resources),
    String(m.templateBytes),
    fits(m),
    median(m.synthMs).toFixed(0),
    mb(m.peakRssKb),
    mb(m.peakRssKb - m.startRssKb),
  ]), 2);
  const reset = results.every(r => r.m.peakReset);
  console.log('');
  console.log('- API GW resources: API Gateway resources (paths) of the REST API, quota 300; routes: REST methods or HTTP routes (HTTP quota 300).');
  console.log('- CFN resources: resources in the template; template bytes: size of the template file the synth writes (what CloudFormation');
  console.log(`  receives); fits CloudFormation: at most ${CFN_RESOURCE_LIMIT} resources and at most 1 MB (${CFN_TEMPLATE_LIMIT_BYTES} bytes).`);
  console.log(`- synth ms: construct + synth, median of ${RUNS} runs after a small warm-up synth, each variant in its own Node process`);
  console.log('  (src/ and bench/ transpiled to JavaScript beforehand, so no TypeScript compiler is loaded).');
  console.log(reset
    ? '- peak RSS MB: process.resourceUsage().maxRSS (RSS high-water mark) at the end of the first timed synth, the mark reset through'
    : '- peak RSS MB: process.resourceUsage().maxRSS (RSS high-water mark since the process started: no reset possible here) at the end');
  console.log(reset
    ? '  /proc/self/clear_refs right before it (after the warm-up and a garbage collection); RSS growth MB: that peak minus the RSS then.'
    : '  of the first timed synth; RSS growth MB: that mark minus the RSS right before the synth (after the warm-up and a garbage collection).');
  console.log(`- CDK's own resource check is off (context ${STACK_RESOURCE_LIMIT_CONTEXT}: 0), so templates over the limit are measured too;`);
  console.log('  with it on, their synth fails.');
  console.log('- aws-cdk-lib RestApi: resource.addMethod with one LambdaIntegration, and per POST a Model and a RequestValidator (api.addModel,');
  console.log('  api.addRequestValidator); aws-cdk-lib HttpApi: one HttpLambdaIntegration per route.');
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) child(JSON.parse(process.argv[childAt + 1]) as Job);
else main();
