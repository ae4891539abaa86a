import { readdirSync, readFileSync } from 'fs';
import { dirname, join, normalize, relative } from 'path';
import { loadESLint } from 'eslint';

/**
 * The floors of src/ are enforced by lint (README "Architecture"). These tests lint small
 * upward imports with the rules as projen generates them into .eslintrc.json, so a rule that
 * stops biting (a zone dropped, an error turned into a warning) fails here.
 */
const ROOT = join(__dirname, '..', '..');
const RULES = ['import/no-cycle', 'import/no-restricted-paths'];

/** Each floor and the floors it may import (its own included), as README and .projenrc.ts say. */
const FLOORS: Record<string, string[]> = {
  core: ['core'],
  vocabulary: ['core', 'vocabulary'],
  review: ['core', 'vocabulary', 'review'],
  shared: ['core', 'vocabulary', 'shared'],
  templates: ['core', 'vocabulary', 'shared', 'templates'],
  monitoring: ['core', 'vocabulary', 'monitoring'],
  rest: ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring', 'rest'],
  http: ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring', 'http'],
  websocket: ['core', 'vocabulary', 'review', 'shared', 'templates', 'monitoring', 'websocket'],
  cli: ['core', 'review', 'cli'],
};

async function findings(file: string, text: string): Promise<Array<{ ruleId: string | null; severity: number }>> {
  const generated = JSON.parse(readFileSync(join(ROOT, '.eslintrc.json'), 'utf8').replace(/^\/\/.*\n/, ''));
  const ESLint = await loadESLint({ useFlatConfig: false });
  const eslint = new ESLint({
    cwd: ROOT,
    useEslintrc: false,
    overrideConfig: {
      root: true,
      parser: generated.parser,
      plugins: ['import'],
      settings: generated.settings,
      rules: Object.fromEntries(RULES.map(rule => [rule, generated.rules[rule]])),
    },
  } as ConstructorParameters<typeof ESLint>[0]);
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, file) });
  return result.messages.map(m => ({ ruleId: m.ruleId, severity: m.severity }));
}

describe('floors of src/', () => {
  test('both rules are errors in the generated config', () => {
    const generated = JSON.parse(readFileSync(join(ROOT, '.eslintrc.json'), 'utf8').replace(/^\/\/.*\n/, ''));
    for (const rule of RULES) expect(generated.rules[rule][0]).toBe('error');
  });

  test('the vocabulary may not import a gateway', async () => {
    const found = await findings('src/vocabulary/path-parameters.ts', withImport('src/vocabulary/path-parameters.ts', "import '../rest/rest-gateway';"));
    expect(found).toContainEqual({ ruleId: 'import/no-restricted-paths', severity: 2 });
  }, 60_000);

  test('a gateway may not import another gateway', async () => {
    const found = await findings('src/rest/endpoint.ts', withImport('src/rest/endpoint.ts', "import type { HttpGatewayProps } from '../http/http-gateway';"));
    expect(found).toContainEqual({ ruleId: 'import/no-restricted-paths', severity: 2 });
  }, 60_000);

  test('the route manifest may not import a gateway', async () => {
    const found = await findings('src/review/manifest-diff.ts', withImport('src/review/manifest-diff.ts', "import type { RestGateway } from '../rest/rest-gateway';"));
    expect(found).toContainEqual({ ruleId: 'import/no-restricted-paths', severity: 2 });
  }, 60_000);

  test('core imports nothing from src', async () => {
    const found = await findings('src/core/unicode.ts', withImport('src/core/unicode.ts', "import type { Integration } from '../vocabulary/integration';"));
    expect(found).toContainEqual({ ruleId: 'import/no-restricted-paths', severity: 2 });
  }, 60_000);

  test('the layering as it is passes', async () => {
    const file = 'src/rest/rest-capabilities.ts';
    expect(await findings(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  }, 60_000);
});

/**
 * eslint-plugin-import's no-cycle skips type-only imports by design, so this test walks every
 * import of src/ (type-only ones included) and fails on a circle or an import across floors.
 */
describe('imports of src/', () => {
  const graph = importGraph();

  test('no import circle, type-only imports included', () => {
    expect(circles(graph)).toEqual([]);
  });

  test('each floor imports only the floors below it; gateways never import each other', () => {
    const upward = [...graph].flatMap(([file, imports]) => imports
      .filter(target => FLOORS[floorOf(file)] && !FLOORS[floorOf(file)].includes(floorOf(target)))
      .map(target => `${file} -> ${target}`));
    expect(upward).toEqual([]);
  });
});

function withImport(file: string, line: string): string {
  return `${line}\n${readFileSync(join(ROOT, file), 'utf8')}`;
}

function floorOf(file: string): string {
  return file.split('/')[1];
}

/** Every .ts file of src/ (paths like `src/rest/quota.ts`) and the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
    .filter(f => f.endsWith('.ts')).map(f => `src/${f.split('\\').join('/')}`);
  const known = new Set(files);
  return new Map(files.map(file => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)[^'"]*?from '(\.[^']+)'|^import '(\.[^']+)'/gm)]
      .map(m => relative(ROOT, normalize(join(ROOT, dirname(file), m[1] ?? m[2]))).split('\\').join('/'))
      .map(target => known.has(`${target}.ts`) ? `${target}.ts` : `${target}/index.ts`)
      .filter(target => known.has(target));
    return [file, targets];
  }));
}

/** The import circles of a graph, each as the files on it (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next); low.set(file, next); next++; stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do { member = stack.pop()!; component.push(member); } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}
