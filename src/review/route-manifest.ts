import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { describeStack, manifestFileName } from './gateway-registry';
import { ApiChange, diffGateways } from './manifest-diff';
import { GatewayEntry, MANIFEST_VERSION } from './manifest-format';
import { changesMarkdown, routesMarkdown } from './manifest-markdown';
import { argumentChecker, args, brand, list, madeBy, required, simple, str } from '../core/shape';

/**
 * What the gateways of an app built, at the level a reviewer reads an API: read it from a
 * cloud assembly (`cdk.out`) or from stacks in a test, list the routes, and compare two
 * versions. The `gatehouse` command prints the same.
 *
 * @example
 * import { RouteManifest } from 'cdk-gatehouse';
 *
 * const manifest = RouteManifest.fromStacks([this]);
 * // What a test can assert on: each gateway's routes, their authorization, throttle, cache, backend.
 * const firstRoute = manifest.gateways[0].routes[0];
 * const isOpen = firstRoute.authorization.type === 'NONE';
 */
export class RouteManifest {
  /**
   * The manifests a cloud assembly holds (every stack, nested stages included).
   * @param directory the cloud assembly, e.g. `cdk.out`
   */
  public static fromAssembly(directory: string): RouteManifest {
    checkValueArguments('RouteManifest.fromAssembly', { directory });
    const manifestJson = path.join(directory, 'manifest.json');
    if (!fs.existsSync(manifestJson)) {
      throw new Error(`[NotACloudAssembly] ${directory} is not a cloud assembly (it has no manifest.json); ` +
        'pass the directory `cdk synth` wrote (cdk.out, or its --output)');
    }
    return new RouteManifest(readAssembly(directory));
  }

  /** The gateways of these stacks, as they would be written at synth (for tests). */
  public static fromStacks(stacks: Stack[]): RouteManifest {
    checkValueArguments('RouteManifest.fromStacks', { stacks });
    return new RouteManifest(stacks.flatMap(describeStack));
  }

  /** Every change from `before` to `after`, risky first. */
  public static diff(before: RouteManifest, after: RouteManifest): ApiChange[] {
    checkValueArguments('RouteManifest.diff', { before, after });
    return diffGateways(before.gateways, after.gateways);
  }

  /** Changes as Markdown for a pull-request comment. */
  public static changesToMarkdown(changes: ApiChange[]): string {
    return changesMarkdown(changes);
  }

  /** The gateways, in stack and construct order. */
  public readonly gateways: GatewayEntry[];

  private constructor(gateways: GatewayEntry[]) {
    brand(this, 'RouteManifest');
    this.gateways = gateways;
  }

  /** Every route of every gateway as Markdown tables. */
  public routesToMarkdown(): string {
    return routesMarkdown(this.gateways);
  }

  /** The manifest as JSON text. */
  public toJson(): string {
    return `${JSON.stringify({ version: MANIFEST_VERSION, gateways: this.gateways }, undefined, 2)}\n`;
  }
}

interface AssemblyManifest {
  readonly artifacts?: Record<string, { type?: string; properties?: { directoryName?: string } }>;
}

/** The gateways of an assembly's stacks, then those of its nested assemblies (stages). */
function readAssembly(directory: string): GatewayEntry[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'manifest.json'), 'utf8')) as AssemblyManifest;
  const gateways: GatewayEntry[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      const file = path.join(directory, manifestFileName(id));
      if (fs.existsSync(file)) gateways.push(...readManifestFile(file));
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      gateways.push(...readAssembly(path.join(directory, artifact.properties.directoryName)));
    }
  }
  return gateways;
}

function readManifestFile(file: string): GatewayEntry[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; gateways?: GatewayEntry[] };
  if (data.version !== MANIFEST_VERSION || !Array.isArray(data.gateways)) {
    throw new Error(`[UnsupportedManifest] ${file} is route manifest version ${data.version}, this cdk-gatehouse reads version ` +
      `${MANIFEST_VERSION}; synthesize both assemblies with the same cdk-gatehouse version`);
  }
  return data.gateways;
}

// The shapes untyped (JavaScript) callers are checked against.

const STACK = simple<Stack>('a Stack', 'this', value => Stack.isStack(value));
const ROUTE_MANIFEST = madeBy<RouteManifest>('RouteManifest', "RouteManifest.fromAssembly('cdk.out')");

export const ROUTE_MANIFEST_FACTORIES = {
  'RouteManifest.fromAssembly': args<{ directory: string }>({ directory: required(str("'cdk.out'")) }),
  'RouteManifest.fromStacks': args<{ stacks: Stack[] }>({ stacks: required(list(STACK)) }),
  'RouteManifest.diff': args<{ before: RouteManifest; after: RouteManifest }>({
    before: required(ROUTE_MANIFEST), after: required(ROUTE_MANIFEST),
  }),
};

const checkValueArguments = argumentChecker(ROUTE_MANIFEST_FACTORIES);
