// The examples task: synthesizes every example stack into examples/cdk.out and prints, per
// stack, its template and its resources by type, then every gateway's routes as
// `npx gatehouse routes examples/cdk.out` prints them (the same code, from the route manifests).
// Exits non-zero when synthesis fails or a construct reports an error.
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { addExampleStacks } from './stacks';
import { RouteManifest } from '../src';

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
  console.log('');
  console.log('Routes (npx gatehouse routes examples/cdk.out):');
  console.log('');
  console.log(RouteManifest.fromAssembly(assembly.directory).routesToMarkdown());
  // app.synth() only throws on validation errors; the CDK CLI also fails on error annotations.
  if (errors > 0) throw new Error(`${errors} error annotation(s) in the example stacks (see above)`);
}

/** Prints one stack and returns its number of error annotations. */
function report(stack: CloudFormationStackArtifact): number {
  const template = stack.template as Template;
  const resources = template.Resources ?? {};
  console.log(`Stack ${stack.stackName}`);
  console.log(`  Template: ${path.relative(REPO_ROOT, stack.templateFullPath)}`);

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

main();
