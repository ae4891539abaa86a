/**
 * VTL conformance: renders every case with the project's renderer and with Apache Velocity 1.7
 * (test/vtl/conformance/VtlHarness.java, one JVM for all cases) and compares the results byte
 * for byte. Prints one line per difference and a closing summary line; exits 1 on any
 * difference not listed in known-differences.ts, or when the Java side cannot run.
 *
 * Needs a JDK and the jars of Debian's velocity, libcommons-lang-java and
 * libjackson2-databind-java packages (looked up in VTL_JAR_DIR, by default Debian's jar folder).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCases, ConformanceCase } from './cases';
import { KNOWN_DIFFERENCES, KnownDifference } from './known-differences';
import { renderVtl } from '../../support/vtl/render';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Git-ignored: compiled harness, the cases and both engines' results of the last run. */
const WORK_DIR = path.join(ROOT, 'test-reports', 'vtl-conformance');
const HARNESS_SOURCE = path.join(__dirname, 'VtlHarness.java');
const JAR_DIR = process.env.VTL_JAR_DIR ?? '/usr/share/java';
const JARS = [
  'velocity.jar', 'commons-lang.jar', 'commons-collections3.jar',
  'jackson-databind.jar', 'jackson-core.jar', 'jackson-annotations.jar',
];
const INSTALL_HINT = 'install a JDK and the Debian packages velocity libcommons-lang-java libjackson2-databind-java '
  + '(apt-get install -y --no-install-recommends velocity libcommons-lang-java libjackson2-databind-java)';

/** What one engine made of one case. */
interface Outcome {
  readonly output?: string;
  readonly statusOverride?: unknown;
  readonly headerOverrides?: Record<string, string>;
  readonly error?: string;
}

class SetupError extends Error {}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) {
    throw new SetupError(`cannot run ${command} (${result.error.message}): ${INSTALL_HINT}`);
  }
  if (result.status !== 0) {
    throw new SetupError(`${command} ${args[0] ?? ''} exited with ${result.status ?? result.signal}`);
  }
}

function classpath(): string {
  const missing = JARS.filter((jar) => !fs.existsSync(path.join(JAR_DIR, jar)));
  if (missing.length > 0) {
    throw new SetupError(`missing ${missing.join(', ')} in ${JAR_DIR}: ${INSTALL_HINT}`);
  }
  return JARS.map((jar) => path.join(JAR_DIR, jar)).join(path.delimiter);
}

/** Renders every case with Apache Velocity 1.7. */
function renderWithVelocity(cases: ConformanceCase[]): Outcome[] {
  const jars = classpath();
  const classes = path.join(WORK_DIR, 'classes');
  fs.mkdirSync(classes, { recursive: true });
  run('javac', ['-nowarn', '-encoding', 'UTF-8', '-cp', jars, '-d', classes, HARNESS_SOURCE]);

  const casesFile = path.join(WORK_DIR, 'cases.json');
  const resultsFile = path.join(WORK_DIR, 'velocity-results.json');
  fs.writeFileSync(casesFile, JSON.stringify(cases));
  fs.rmSync(resultsFile, { force: true });
  run('java', ['-cp', [classes, jars].join(path.delimiter), 'VtlHarness', casesFile, resultsFile]);

  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as (Outcome & { name: string })[];
  if (results.length !== cases.length || results.some((r, i) => r.name !== cases[i].name)) {
    throw new SetupError(`the harness returned ${results.length} results for ${cases.length} cases, or out of order`);
  }
  return results;
}

/** Renders one case with the project's renderer. */
function renderWithJs(c: ConformanceCase): Outcome {
  try {
    const result = renderVtl(c.template, c.request);
    return { output: result.output, statusOverride: result.statusOverride, headerOverrides: result.headerOverrides };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** Header overrides compared without regard to order; none and an empty map are the same. */
function headersKey(headers: Record<string, string> | undefined): string {
  return JSON.stringify(Object.entries(headers ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function agree(velocity: Outcome, js: Outcome): boolean {
  if (velocity.error !== undefined || js.error !== undefined) {
    return velocity.error !== undefined && js.error !== undefined;
  }
  return velocity.output === js.output
    && JSON.stringify(velocity.statusOverride) === JSON.stringify(js.statusOverride)
    && headersKey(velocity.headerOverrides) === headersKey(js.headerOverrides);
}

/** Long outputs are shown from a little before their first difference. */
const WINDOW = 240;

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function describe(outcome: Outcome, from: number): string {
  if (outcome.error !== undefined) return `error ${JSON.stringify(outcome.error)}`;
  const output = outcome.output ?? '';
  let text = JSON.stringify(output.length > WINDOW ? output.slice(from, from + WINDOW) : output);
  if (output.length > WINDOW) text = `${from > 0 ? `[from char ${from}] ` : ''}${text}${from + WINDOW < output.length ? '…' : ''}`;
  if (outcome.statusOverride !== undefined) text += ` status=${JSON.stringify(outcome.statusOverride)}`;
  if (headersKey(outcome.headerOverrides) !== '[]') text += ` headers=${headersKey(outcome.headerOverrides)}`;
  return text;
}

function differenceLine(name: string, velocity: Outcome, js: Outcome): string {
  const a = velocity.output ?? '';
  const b = js.output ?? '';
  const from = Math.max(0, firstDifference(a, b) - 40);
  return `${JSON.stringify(name)}: velocity ${describe(velocity, from)} | js ${describe(js, from)}`;
}

function knownDifference(name: string): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((k) => (typeof k.case === 'string' ? k.case === name : k.case.test(name)));
}

function main(): number {
  const cases = buildCases();
  if (cases.length === 0) {
    console.error('conformance: no case to run');
    return 1;
  }
  fs.mkdirSync(WORK_DIR, { recursive: true });

  let velocity: Outcome[];
  try {
    velocity = renderWithVelocity(cases);
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`conformance: ${e.message}`);
      return 1;
    }
    throw e;
  }

  let identical = 0;
  const known: string[] = [];
  const unexpected: string[] = [];
  const usedKnown = new Set<KnownDifference>();
  const differences: object[] = [];
  cases.forEach((c, i) => {
    const js = renderWithJs(c);
    if (agree(velocity[i], js)) {
      identical++;
      return;
    }
    differences.push({ ...c, velocity: velocity[i], js });
    const line = differenceLine(c.name, velocity[i], js);
    const k = knownDifference(c.name);
    if (k) {
      usedKnown.add(k);
      known.push(`known difference ${line} (${k.reason})`);
    } else {
      unexpected.push(`DIFFERENCE ${line}`);
    }
  });
  fs.writeFileSync(path.join(WORK_DIR, 'differences.json'), JSON.stringify(differences, undefined, 2));

  for (const line of [...known, ...unexpected]) console.log(line);
  for (const k of KNOWN_DIFFERENCES.filter((d) => !usedKnown.has(d))) {
    console.log(`note: known difference ${String(k.case)} no longer occurs: remove it from known-differences.ts`);
  }
  console.log(`conformance: ${cases.length} cases, ${identical} identical, ${known.length} known differences, `
    + `${unexpected.length} unexpected differences`);
  return unexpected.length > 0 ? 1 : 0;
}

process.exitCode = main();
