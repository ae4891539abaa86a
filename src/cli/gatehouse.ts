import { ChangeSeverity } from '../review/manifest-diff';
import { RouteManifest } from '../review/route-manifest';

/** What a run of the command printed and how it ended. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Exit statuses: 0 done, 1 risky changes found, 2 bad usage or input. */
export const EXIT_RISKY = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Usage:
  gatehouse routes [ASSEMBLY] [--json]
      Every route of every gateway in a cloud assembly (default: cdk.out), as Markdown tables.
  gatehouse diff OLD NEW [--json] [--allow-risky]
      API-level changes from the assembly OLD to NEW, classified risky, notable or neutral,
      as Markdown for a pull-request comment. Exits with 1 when a change is risky, unless
      --allow-risky.

Reads only the cloud assemblies (synthesize them with cdk synth); needs no AWS access.`;

/** Runs `gatehouse <args>` and returns what it printed (the bin script writes it out). */
export function runGatehouse(args: string[]): CommandResult {
  const flags = new Set(args.filter(a => a.startsWith('--')));
  const positional = args.filter(a => !a.startsWith('--'));
  const unknown = [...flags].filter(f => !['--json', '--allow-risky', '--help'].includes(f));
  const [command, ...operands] = positional;
  if (flags.has('--help')) return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (unknown.length) return usageError(`unknown option ${unknown.join(', ')}`);
  try {
    if (command === 'routes' && operands.length <= 1 && !flags.has('--allow-risky')) return routes(operands[0] ?? 'cdk.out', flags.has('--json'));
    if (command === 'diff' && operands.length === 2) return diff(operands[0], operands[1], flags.has('--json'), flags.has('--allow-risky'));
  } catch (e) {
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `gatehouse: ${(e as Error).message}\n` };
  }
  return usageError(command ? `wrong arguments for ${command}` : 'no command');
}

function usageError(message: string): CommandResult {
  return { exitCode: EXIT_USAGE, stdout: '', stderr: `gatehouse: ${message}\n\n${USAGE}\n` };
}

function noGateways(directory: string): Error {
  return new Error(`[NoGateways] ${directory} holds no cdk-gatehouse gateway (no <stack>.gatehouse.json): ` +
    'synthesize an app with a RestGateway, HttpGateway or WebSocketGateway');
}

function routes(directory: string, json: boolean): CommandResult {
  const manifest = RouteManifest.fromAssembly(directory);
  if (!manifest.gateways.length) throw noGateways(directory);
  return { exitCode: 0, stdout: json ? manifest.toJson() : manifest.routesToMarkdown(), stderr: '' };
}

function diff(before: string, after: string, json: boolean, allowRisky: boolean): CommandResult {
  const old = RouteManifest.fromAssembly(before);
  const now = RouteManifest.fromAssembly(after);
  if (!old.gateways.length && !now.gateways.length) throw noGateways(`${before} and ${after}`);
  const changes = RouteManifest.diff(old, now);
  const risky = changes.some(c => c.severity === ChangeSeverity.RISKY);
  return {
    exitCode: risky && !allowRisky ? EXIT_RISKY : 0,
    stdout: json ? `${JSON.stringify(changes, undefined, 2)}\n` : RouteManifest.changesToMarkdown(changes),
    stderr: risky && !allowRisky ? 'gatehouse: risky changes found (pass --allow-risky once reviewed)\n' : '',
  };
}
