import * as fs from 'fs';
import * as path from 'path';
import { Aspects, IAspect, Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { GatewayEntry, MANIFEST_VERSION } from './manifest-format';
import { reportRouteFindings } from './route-checks';

/** What a gateway gives the manifest: its entry, built when the stack is synthesized. */
export type DescribeGateway = () => GatewayEntry;

const described = new WeakMap<Stack, DescribeGateway[]>();
const byGateway = new WeakMap<IConstruct, DescribeGateway>();

/** The file next to the stack's template that holds its gateways' manifest. */
export function manifestFileName(artifactId: string): string {
  return `${artifactId}.gatehouse.json`;
}

/** The stack whose template holds the gateway: the top-level one for gateways in nested stacks. */
export function topLevelStack(scope: IConstruct): Stack {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
}

/** The gateway's construct path below its top-level stack (`Sales/Orders`). */
export function pathInStack(scope: IConstruct): string {
  const stack = topLevelStack(scope);
  return scope.node.path.slice(stack.node.path.length + 1);
}

/**
 * Records a gateway for the route manifest. The first gateway of a stack adds an aspect that
 * writes the stack's manifest file into the cloud assembly when the app is synthesized. The
 * route checks run when the gateway is validated: in its own stage's synthesis (an aspect on
 * an App does not reach into nested stages), after every route and acknowledgement is in.
 */
export function registerGateway(gateway: IConstruct, describe: DescribeGateway): void {
  byGateway.set(gateway, describe);
  gateway.node.addValidation({ validate: () => { reportRouteFindings(gateway, describe); return []; } });
  const stack = topLevelStack(gateway);
  const list = described.get(stack);
  if (list) {
    list.push(describe);
    return;
  }
  described.set(stack, [describe]);
  Aspects.of(stack).add(new ManifestWriter(stack));
}

/** The gateways recorded in a stack, as manifest entries, in the order they were created. */
export function describeStack(stack: Stack): GatewayEntry[] {
  return (described.get(topLevelStack(stack)) ?? []).map(describe => describe());
}

/** One gateway's manifest entry, built now: what its routes are, for checks at synth. */
export function describeGateway(gateway: IConstruct): GatewayEntry | undefined {
  return byGateway.get(gateway)?.();
}

/** Resolves what a manifest value may hold as a token into plain JSON text. */
export function plainText(scope: IConstruct, value: string): string {
  return Token.isUnresolved(value) ? JSON.stringify(Stack.of(scope).resolve(value)) : value;
}

class ManifestWriter implements IAspect {
  constructor(private readonly stack: Stack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const outdir = Stage.of(this.stack)?.outdir;
    if (!outdir || !fs.existsSync(outdir)) return;
    const manifest = { version: MANIFEST_VERSION, gateways: describeStack(this.stack) };
    fs.writeFileSync(path.join(outdir, manifestFileName(this.stack.artifactId)), `${JSON.stringify(manifest, undefined, 2)}\n`);
  }
}
