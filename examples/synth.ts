// The examples task: synthesizes every example stack into examples/cdk.out and prints, per
// stack, its template, its API routes with their authorization, and its resources by type.
// Exits non-zero when synthesis fails or a construct reports an error.
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { addExampleStacks } from './stacks';

const REPO_ROOT = path.resolve(__dirname, '..');
const OUTDIR = path.join(__dirname, 'cdk.out');

/** The parts of a synthesized CloudFormation template this report reads. */
interface Template {
  readonly Resources?: Record<string, TemplateResource>;
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

interface Route {
  readonly method: string;
  readonly path: string;
  readonly authorization: string;
}

function main(): void {
  const app = new App({ outdir: OUTDIR, context: { 'aws:cdk:disable-creation-stack-traces': true } });
  addExampleStacks(app);
  const assembly = app.synth();

  const stacks = assembly.stacksRecursively;
  console.log(`Synthesized ${stacks.length} stack(s) into ${path.relative(REPO_ROOT, assembly.directory)}`);
  let errors = 0;
  for (const stack of stacks) {
    console.log('');
    errors += report(stack);
  }
  // app.synth() only throws on validation errors; the CDK CLI also fails on error annotations.
  if (errors > 0) throw new Error(`${errors} error annotation(s) in the example stacks (see above)`);
}

/** Prints one stack and returns its number of error annotations. */
function report(stack: CloudFormationStackArtifact): number {
  const template = stack.template as Template;
  const resources = template.Resources ?? {};
  console.log(`Stack ${stack.stackName}`);
  console.log(`  Template: ${path.relative(REPO_ROOT, stack.templateFullPath)}`);

  for (const [apiId, routes] of routesByApi(resources)) {
    console.log(`  Routes of ${apiId} (${routes.length}):`);
    const width = Math.max(...routes.map(r => r.path.length));
    for (const route of routes) {
      console.log(`    ${route.method.padEnd(7)} ${route.path.padEnd(width)}  ${route.authorization}`);
    }
  }

  const counts = new Map<string, number>();
  for (const resource of Object.values(resources)) counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
  const types = [...counts.keys()].sort();
  const width = Math.max(...types.map(t => t.length), 'Total'.length);
  console.log('  Resources by type:');
  for (const type of types) console.log(`    ${type.padEnd(width)}  ${counts.get(type)}`);
  console.log(`    ${'Total'.padEnd(width)}  ${Object.keys(resources).length}`);

  // Warnings and errors the constructs attached (what `cdk synth` would print).
  const messages = stack.messages.filter(m => m.entry.type === 'aws:cdk:warning' || m.entry.type === 'aws:cdk:error');
  for (const m of messages) {
    console.log(`  ${m.entry.type === 'aws:cdk:error' ? 'Error' : 'Warning'} at ${m.id}: ${String(m.entry.data)}`);
  }
  return messages.filter(m => m.entry.type === 'aws:cdk:error').length;
}

/** Every route of every API in the template (REST methods, HTTP and WebSocket routes), sorted by path then method. */
function routesByApi(resources: Record<string, TemplateResource>): Map<string, Route[]> {
  const byApi = new Map<string, Route[]>();
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::ApiGateway::RestApi') byApi.set(id, []);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::ApiGateway::Method') continue;
    const props = resource.Properties ?? {};
    const apiId = refOf(props.RestApiId);
    const routes = apiId === undefined ? undefined : byApi.get(apiId);
    if (!routes) throw new Error(`method ${id}: RestApiId ${JSON.stringify(props.RestApiId)} is not a REST API of this template`);
    const scopes = props.AuthorizationScopes as string[] | undefined;
    routes.push({
      method: String(props.HttpMethod),
      path: resourcePath(resources, props.ResourceId),
      // CloudFormation's default when the property is absent.
      authorization: String(props.AuthorizationType ?? 'NONE') + (scopes ? ` [${scopes.join(' ')}]` : ''),
    });
  }
  addV2Routes(resources, byApi);
  for (const routes of byApi.values()) {
    routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
  return byApi;
}

/**
 * HTTP and WebSocket APIs (API Gateway v2): each AWS::ApiGatewayV2::Route names its key,
 * `GET /orders/{id}` or `$connect`, and its authorization.
 */
function addV2Routes(resources: Record<string, TemplateResource>, byApi: Map<string, Route[]>): void {
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::ApiGatewayV2::Api') byApi.set(id, []);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Route') continue;
    const props = resource.Properties ?? {};
    const apiId = refOf(props.ApiId);
    const routes = apiId === undefined ? undefined : byApi.get(apiId);
    if (!routes) throw new Error(`route ${id}: ApiId ${JSON.stringify(props.ApiId)} is not an API of this template`);
    const key = String(props.RouteKey);
    const space = key.indexOf(' ');
    const scopes = props.AuthorizationScopes as string[] | undefined;
    routes.push({
      method: space > 0 ? key.slice(0, space) : '',
      path: space > 0 ? key.slice(space + 1) : key,
      authorization: String(props.AuthorizationType ?? 'NONE') + (scopes ? ` [${scopes.join(' ')}]` : ''),
    });
  }
}

/**
 * The path of an API Gateway resource, rebuilt from the template: each
 * AWS::ApiGateway::Resource names its PathPart and its parent, up to the RestApi's
 * RootResourceId, which is `/`.
 */
function resourcePath(resources: Record<string, TemplateResource>, resourceId: unknown): string {
  if (isRootResource(resourceId)) return '/';
  const id = refOf(resourceId);
  const resource = id === undefined ? undefined : resources[id];
  if (!resource || resource.Type !== 'AWS::ApiGateway::Resource') {
    throw new Error(`cannot resolve API Gateway resource ${JSON.stringify(resourceId)}`);
  }
  const parent = resourcePath(resources, resource.Properties?.ParentId);
  return `${parent === '/' ? '' : parent}/${String(resource.Properties?.PathPart)}`;
}

/** `{ "Ref": "Id" }` → `Id`. */
function refOf(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** `{ "Fn::GetAtt": ["Api", "RootResourceId"] }` */
function isRootResource(value: unknown): boolean {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  return Array.isArray(getAtt) && getAtt[1] === 'RootResourceId';
}

try {
  main();
} catch (error) {
  console.error('examples: synthesis failed');
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
}
