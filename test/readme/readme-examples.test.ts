// Every TypeScript block in README.md, and every `@example` of the API docs in src/, compiles as
// printed and synthesizes, inside the fixture that
// jsii-rosetta also translates them in (rosetta/default.ts-fixture): the fixture declares what the
// examples assume (`this`, functions, queues, tables, ...), the block replaces its `/// here`, and
// the block's imports go first, as jsii-rosetta places them. `cdk-gatehouse` is this repository's src/.
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { testApp } from '../support/app';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = fs.readFileSync(path.join(ROOT, 'rosetta', 'default.ts-fixture'), 'utf8');
/** The line a block replaces, matched as jsii-rosetta matches it. */
const MARKER = /[/]{3}[ \t]*here[ \t]*$/im;

interface Block {
  /** Line of README.md the block's code starts on. */
  readonly line: number;
  readonly code: string;
  /** The block in the fixture: a module that exports the stack class `Fixture`. */
  readonly source: string;
  /** Where the compiler sees `source` (a file that exists only in memory). */
  readonly fileName: string;
}

/** The ```ts and ```typescript blocks of a markdown text, with the line each starts on. */
function typeScriptBlocks(markdown: string): Array<{ line: number; code: string }> {
  const blocks: Array<{ line: number; code: string }> = [];
  const fence = /^```(?:ts|typescript)[ \t]*\n([\s\S]*?)^```/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, match.index).split('\n').length + 1, code: match[1] });
  }
  return blocks;
}

/** The block's import declarations above the fixture, the rest of it where `/// here` stands. */
function inFixture(code: string): string {
  const file = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  const imports = file.statements.filter(ts.isImportDeclaration);
  let body = code;
  for (const declaration of [...imports].reverse()) {
    body = body.slice(0, declaration.getStart(file)) + body.slice(declaration.getEnd());
  }
  if (!MARKER.test(FIXTURE)) throw new Error('rosetta/default.ts-fixture has no `/// here` line');
  return [...imports.map(i => i.getText(file)), FIXTURE.replace(MARKER, () => body.trim())].join('\n');
}

/** Compiler options of the project (test/tsconfig.json), with `cdk-gatehouse` resolving to src/. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = path.join(ROOT, 'test', 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  return {
    ...config!.options,
    noEmit: true,
    // Examples are excerpts: the fixture declares more than any one of them uses.
    noUnusedLocals: false,
    noUnusedParameters: false,
    paths: { 'cdk-gatehouse': [path.join(ROOT, 'src', 'index.ts')] },
  };
}

/** Type-checks all blocks in one program; returns each file's errors, formatted. */
function compile(blocks: Block[]): Map<string, string[]> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const sources = new Map(blocks.map(b => [b.fileName, b.source]));
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = f => sources.has(f) || fileExists.call(host, f);
  host.readFile = f => sources.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, languageVersion, ...rest) => (sources.has(f)
    ? ts.createSourceFile(f, sources.get(f)!, languageVersion, true)
    : getSourceFile.call(host, f, languageVersion, ...rest));
  const program = ts.createProgram([...sources.keys()], options, host);
  const errors = new Map<string, string[]>(blocks.map(b => [b.fileName, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    if (!file || !errors.has(file) || diagnostic.category !== ts.DiagnosticCategory.Error) continue;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const text = diagnostic.file!.text.split('\n')[line].trim();
    errors.get(file)!.push(`${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}\n    at: ${text}`);
  }
  return errors;
}

/**
 * Runs a block's module and returns its stack class. `cdk-gatehouse` is src/; the modules the
 * fixture declares (`cdk`, `constructs`, `gatehouse`) are passed in.
 */
function fixtureClass(source: string): new (scope: unknown, id: string) => Stack {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  /* eslint-disable @typescript-eslint/no-require-imports */
  const load = (id: string): unknown => (id === 'cdk-gatehouse' ? require('../../src') : require(id));
  const declared = { cdk: require('aws-cdk-lib'), constructs: require('constructs'), gatehouse: require('../../src') };
  /* eslint-enable @typescript-eslint/no-require-imports */
  new Function('exports', 'require', 'module', ...Object.keys(declared), js)(module.exports, load, module, ...Object.values(declared));
  return module.exports.Fixture as new (scope: unknown, id: string) => Stack;
}

/** The `@example` blocks of the doc comments under src/, with the file and line each starts on. */
function docExamples(dir: string): Array<{ where: string; code: string }> {
  const found: Array<{ where: string; code: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) { found.push(...docExamples(file)); continue; }
    if (!entry.name.endsWith('.ts')) continue;
    const text = fs.readFileSync(file, 'utf8');
    // From `@example` to the next tag or the comment's end, without the leading ` * `.
    const example = /^[ \t]*\* @example[ \t]*\n((?:[ \t]*\*(?! @)(?!\/).*\n)*)/gm;
    for (let match = example.exec(text); match; match = example.exec(text)) {
      const code = match[1].split('\n').map(l => l.replace(/^[ \t]*\* ?/, '')).join('\n');
      found.push({ where: `${path.relative(ROOT, file)}:${text.slice(0, match.index).split('\n').length}`, code });
    }
  }
  return found;
}

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks: Block[] = typeScriptBlocks(README).map(({ line, code }) => ({
  line, code, source: inFixture(code), fileName: path.join(ROOT, 'test', 'readme', `README-L${line}.generated.ts`),
}));
const examples = docExamples(path.join(ROOT, 'src')).map(({ where, code }, i) => ({
  where, code, source: inFixture(code), fileName: path.join(ROOT, 'test', 'readme', `example-${i}.generated.ts`),
}));

let errors: Map<string, string[]>;
beforeAll(() => { errors = compile([...blocks, ...examples.map(e => ({ ...e, line: 0 }))]); }, 180_000);

/** The block synthesizes in the fixture's stack with no error annotation. */
function expectSynthesizes(source: string): void {
  const app = testApp();
  const stack = new (fixtureClass(source))(app, 'Readme');
  expect(() => app.synth()).not.toThrow();
  expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
}

describe('README.md TypeScript blocks', () => {
  test('README has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
  });

  describe.each(blocks.map(b => [b.line, b] as const))('block at README.md line %d', (_line, block) => {
    test('compiles as printed', () => {
      expect(errors.get(block.fileName)).toEqual([]);
    });

    test('synthesizes with no error annotations', () => {
      expectSynthesizes(block.source);
    });
  });
});

describe('@example blocks of the API docs', () => {
  test('the main constructs and factories have examples', () => {
    const documented = examples.map(e => e.code).join('\n');
    for (const name of ['RestGateway', 'HttpGateway', 'WebSocketGateway', 'Integration', 'Authorization', 'RequestValue', 'ApiAccess', 'Waf', 'Endpoint', 'SortKeyCondition']) {
      expect(documented).toMatch(new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from 'cdk-gatehouse'`));
    }
  });

  describe.each(examples.map(e => [e.where, e] as const))('example at %s', (_where, example) => {
    test('compiles as printed', () => {
      expect(errors.get(example.fileName)).toEqual([]);
    });

    test('synthesizes with no error annotations', () => {
      expectSynthesizes(example.source);
    });
  });
});
