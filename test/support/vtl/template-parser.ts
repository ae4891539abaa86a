import { Helper, parse as parseVelocity } from 'velocityjs';
import { BinaryOperator, ConditionalBranch, Expression, Reference, ReferenceStep, TemplateNode } from './template-ast';
import { VtlRenderError } from './vtl-error';

/**
 * Parses a template with velocityjs and turns its tree into the checked TemplateNode tree.
 *
 * Velocity 1.7's whitespace rules are applied here, because velocityjs's own trimming is
 * Velocity 2's: a directive with parentheses (#set, #if, #elseif, #foreach), #else and #end eat
 * the spaces, tabs and one line break that follow them on their line; `##` comments eat their
 * line break; #set also eats the spaces and tabs before it when nothing else precedes it since
 * the previous token. Nothing else is trimmed.
 */
export function parseTemplate(template: string): TemplateNode[] {
  if (/[\uFDD0-\uFDD2]/.test(template)) throw new VtlRenderError('Template contains reserved noncharacters U+FDD0..U+FDD2');
  let tree: unknown[];
  try {
    // A sentinel after the template shows whether velocityjs silently dropped a tail after a
    // stray #end, or closed a block left open at the end: in both cases it is not at top level.
    tree = parseVelocity(hideBackslashes(`${template}${TAIL}`), undefined, false);
  } catch (e) {
    throw new VtlRenderError(`Template does not parse: ${firstLine(e)}`);
  }
  if (!stripTail(tree)) {
    throw new VtlRenderError('Template does not parse: unbalanced #end (a block is left open or closed twice)');
  }
  const nodes = new TreeConverter(`${template}${TAIL}`).convertList(tree, false);
  return nodes.filter(n => n.kind !== 'text' || n.text !== '');
}

/**
 * Removes the tail appended before parsing; false when it is not where it belongs. velocityjs
 * drops whatever follows a stray #end, and copies an unclosed block's content after the block,
 * so the sentinel must end the last top-level text and appear in no block.
 */
function stripTail(tree: unknown[]): boolean {
  const last = tree[tree.length - 1];
  if (typeof last !== 'string' || !last.endsWith(SENTINEL) || tree.some(n => Array.isArray(n) && containsSentinel(n))) return false;
  tree[tree.length - 1] = last.slice(0, -SENTINEL.length);
  // The line break before the sentinel may sit in the same text or in the one before it.
  for (let i = tree.length - 1; i >= 0; i--) {
    const item = tree[i];
    if (typeof item !== 'string') return false;
    if (item.endsWith('\n')) {
      tree[i] = item.slice(0, -1);
      return true;
    }
    if (item !== '') return false;
  }
  return false;
}

function containsSentinel(items: readonly unknown[]): boolean {
  return items.some(n => (typeof n === 'string' ? n.includes(SENTINEL) : Array.isArray(n) && containsSentinel(n)));
}

const SENTINEL = '\uFDD2';

/**
 * velocityjs reads backslashes its own way (escaped quotes in string literals, `\\$x` always
 * printed as `$x`), and Velocity 1.7 does not. So every backslash reaches velocityjs as a
 * placeholder it treats as text, and this converter applies Velocity's rules: literals keep
 * their backslashes, a run before a reference escapes it (see the evaluator), and an odd run
 * before a directive's `#` turns the directive into text. Placeholders keep every offset.
 */
const BACKSLASH = '\uFDD0';
const ESCAPED_HASH = '\uFDD1';

/** What Velocity 1.7 lets a backslash escape: its own directives. */
const ESCAPABLE_DIRECTIVES = new Set([
  'if', 'elseif', 'else', 'end', 'set', 'foreach', 'include', 'parse', 'macro', 'literal', 'evaluate', 'break', 'define', 'stop',
]);

function hideBackslashes(source: string): string {
  const escapedDirective = /(\\+)#(\{([A-Za-z_@][A-Za-z0-9_@]*)\}|([A-Za-z_@][A-Za-z0-9_@]*))/g;
  return source.replace(escapedDirective, (whole, run: string, rest: string, braced?: string, bare?: string) => {
    const escaped = run.length % 2 === 1 && ESCAPABLE_DIRECTIVES.has(braced ?? bare ?? '');
    return escaped ? `${run}${ESCAPED_HASH}${rest}` : whole;
  }).replace(/\\/g, BACKSLASH);
}

/** Literal text back to what was written. */
function restore(text: string): string {
  return text.replace(/\uFDD0/g, '\\').replace(/\uFDD1/g, '#');
}

/** Template text as Velocity prints it: an escaped directive loses half its backslashes (rounded up). */
function restoreText(text: string, beforeDirective: boolean): string {
  let t = text.replace(/(\uFDD0+)\uFDD1/g, (_, run: string) => `${'\\'.repeat((run.length - 1) / 2)}#`);
  if (beforeDirective) t = t.replace(/\uFDD0+$/, run => BACKSLASH.repeat(run.length / 2));
  return restore(t);
}

/** A line break first, so a `##` comment on the last line ends before the sentinel. */
const TAIL = `\n${SENTINEL}`;

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

type Raw = Record<string, unknown>;
type VelocityAst = Parameters<typeof Helper.getRefText>[0];

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string | undefined {
  return isRaw(value) && typeof value.type === 'string' ? value.type : undefined;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new VtlRenderError(`Template does not parse: ${what} is missing`);
  return value;
}

const LINE_BREAK_AFTER_DIRECTIVE = /^[ \t]*(?:\r\n|\n|\r)/;

/** Whether the token before a text eats that text's first line break (see parseTemplate). */
function eatsFollowingLineBreak(previous: unknown): boolean {
  if (Array.isArray(previous)) return true; // a block, which ends with #end
  const type = typeOf(previous);
  if (type === 'comment') return String((previous as Raw).value).startsWith('##');
  return type !== undefined && ['set', 'if', 'elseif', 'else', 'foreach'].includes(type);
}

const UNSUPPORTED: Record<string, string> = {
  macro: '#macro',
  macro_call: 'macros and #include/#parse/#evaluate',
  macro_body: '#@ block macros',
  define: '#define',
  noescape: '#noescape',
};

class TreeConverter {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: string) {
    for (const m of source.matchAll(/\r\n|\r|\n/g)) this.lineStarts.push(m.index + m[0].length);
  }

  /** Converts one list of siblings; `inBlock` lists start with their directive. */
  convertList(list: readonly unknown[], inBlock: boolean): TemplateNode[] {
    // velocityjs splits some text runs (after a reference, around a lone `#` or `$`); Velocity does not.
    const raw = list.reduce<unknown[]>((merged, item) => {
      const previous = merged[merged.length - 1];
      if (typeof item === 'string' && typeof previous === 'string' && merged.length > (inBlock ? 1 : 0)) merged[merged.length - 1] = previous + item;
      else merged.push(item);
      return merged;
    }, []);
    const nodes: TemplateNode[] = [];
    let pendingBackslashes = 0;
    for (let i = inBlock ? 1 : 0; i < raw.length; i++) {
      const item = raw[i];
      if (typeof item === 'string') {
        let t = item;
        if (i > 0 && eatsFollowingLineBreak(raw[i - 1])) t = t.replace(LINE_BREAK_AFTER_DIRECTIVE, '');
        const next = raw[i + 1];
        if (typeOf(next) === 'set' && /^[ \t]*$/.test(t)) t = '';
        // A run of backslashes before a reference belongs to the reference.
        const run = typeOf(next) === 'references' ? /\uFDD0*$/.exec(t)![0] : '';
        t = t.slice(0, t.length - run.length);
        pendingBackslashes = run.length;
        nodes.push({ kind: 'text', text: restoreText(t, this.beforeControlDirective(raw, i, inBlock)) });
      } else if (Array.isArray(item)) {
        nodes.push(this.convertBlock(item));
      } else {
        const node = this.convertStatement(item, pendingBackslashes);
        if (node) nodes.push(node);
      }
      if (typeof item !== 'string') pendingBackslashes = 0;
    }
    return nodes;
  }

  /** Whether a text at `i` is followed by #if, #elseif, #else, #end or #foreach (which halve backslashes before them). */
  private beforeControlDirective(raw: readonly unknown[], i: number, inBlock: boolean): boolean {
    const next = raw[i + 1];
    if (next === undefined) return inBlock;
    if (Array.isArray(next)) return ['if', 'foreach'].includes(typeOf(next[0]) ?? '');
    return ['elseif', 'else'].includes(typeOf(next) ?? '');
  }

  private convertBlock(block: readonly unknown[]): TemplateNode {
    const head = block[0];
    const type = typeOf(head);
    if (type === 'foreach') {
      const h = head as Raw;
      return {
        kind: 'foreach',
        variable: requireString(h.to, 'the #foreach variable'),
        iterable: this.expression(h.from),
        body: this.convertList(block, true),
      };
    }
    if (type === 'if') return { kind: 'if', branches: this.branches(block) };
    throw new VtlRenderError(`Not supported in mapping templates: ${UNSUPPORTED[type ?? ''] ?? `#${type}`}`);
  }

  private branches(block: readonly unknown[]): ConditionalBranch[] {
    // Split the block's list at #elseif / #else, keeping each part's own whitespace handling.
    const parts: unknown[][] = [[block[0]]];
    for (const item of block.slice(1)) {
      const type = typeOf(item);
      if (type === 'elseif' || type === 'else') parts.push([item]);
      else parts[parts.length - 1].push(item);
    }
    return parts.map((part, n) => {
      const head = part[0] as Raw;
      if (n > 0 && head.type === 'elseif' && parts[n - 1][0] !== undefined && typeOf(parts[n - 1][0]) === 'else') {
        throw new VtlRenderError('Template does not parse: #elseif after #else');
      }
      const body = this.convertList(part, true);
      return head.type === 'else' ? { body } : { condition: this.expression(head.condition), body };
    });
  }

  private convertStatement(item: unknown, backslashes: number): TemplateNode | undefined {
    const type = typeOf(item);
    const raw = item as Raw;
    switch (type) {
      case 'references': return { kind: 'reference', reference: this.reference(raw, this.sourceText(raw)), backslashes };
      case 'set': {
        const equal = raw.equal;
        if (!Array.isArray(equal) || equal.length !== 2 || typeOf(equal[0]) !== 'references') {
          throw new VtlRenderError('Template does not parse: malformed #set');
        }
        return { kind: 'set', target: this.reference(equal[0] as Raw), value: this.expression(equal[1]) };
      }
      case 'comment': return undefined;
      case 'raw': return { kind: 'text', text: restore(requireString(raw.value, 'the #[[ ]]# text')) };
      case 'break': return { kind: 'break' };
      case 'else': case 'elseif': throw new VtlRenderError(`Template does not parse: #${type} outside #if`);
      default: throw new VtlRenderError(`Not supported in mapping templates: ${UNSUPPORTED[type ?? ''] ?? `#${type}`}`);
    }
  }

  /** The exact text of a statement-level reference, from velocityjs's line/column positions. */
  private sourceText(raw: Raw): string | undefined {
    const pos = raw.pos;
    if (!isRaw(pos)) return undefined;
    const { first_line: fl, first_column: fc, last_line: ll, last_column: lc } = pos;
    if (typeof fl !== 'number' || typeof fc !== 'number' || typeof ll !== 'number' || typeof lc !== 'number') return undefined;
    const start = this.lineStarts[fl - 1] + fc;
    const end = this.lineStarts[ll - 1] + lc;
    const slice = this.source.slice(start, end);
    return slice.startsWith('$') ? slice : undefined;
  }

  private reference(raw: Raw, literal?: string): Reference {
    if (raw.args !== undefined) throw new VtlRenderError(`Not supported in mapping templates: calling $${String(raw.id)}(...) directly`);
    const steps: ReferenceStep[] = [];
    for (const step of Array.isArray(raw.path) ? raw.path : []) {
      steps.push(this.referenceStep(step));
    }
    return {
      name: requireString(raw.id, 'a reference name'),
      quiet: raw.leader === '$!',
      steps,
      literal: literal ?? restore(Helper.getRefText(raw as unknown as VelocityAst)),
    };
  }

  private referenceStep(step: unknown): ReferenceStep {
    if (isRaw(step) && step.type === 'property') return { kind: 'property', name: requireString(step.id, 'a property name') };
    if (isRaw(step) && step.type === 'index') return { kind: 'index', index: this.expression(step.id) };
    if (isRaw(step) && step.type === 'method') {
      const args = Array.isArray(step.args) ? step.args.map(a => this.expression(a)) : [];
      return { kind: 'method', name: requireString(step.id, 'a method name'), args };
    }
    throw new VtlRenderError('Template does not parse: malformed reference');
  }

  private expression(raw: unknown): Expression {
    const type = typeOf(raw);
    const r = raw as Raw;
    switch (type) {
      case 'references': return { kind: 'reference', reference: this.reference(r) };
      case 'string': {
        const value = restore(requireString(r.value, 'a string literal'));
        const doubleQuoted = r.isEval === true;
        // Velocity decides on interpolation from the literal as written, before \u escapes.
        return { kind: 'string', value: doubleQuoted ? unescapeUnicode(value) : value, interpolated: doubleQuoted && /[$#]/.test(value) };
      }
      case 'integer': return { kind: 'integer', value: BigInt(String(r.value)) };
      case 'decimal': return { kind: 'decimal', value: Number(r.value) };
      case 'bool':
        if (r.value === 'null') return { kind: 'null' };
        return { kind: 'boolean', value: r.value === 'true' };
      case 'array': {
        const items = Array.isArray(r.value) ? r.value : [];
        if (r.isRange === true) return { kind: 'range', from: this.rangeBound(items[0]), to: this.rangeBound(items[1]) };
        return { kind: 'list', items: items.map(i => this.expression(i)) };
      }
      case 'map': {
        const entries = isRaw(r.value) ? Object.entries(r.value) : [];
        return { kind: 'map', entries: entries.map(([k, v]) => [restore(k), this.expression(v)] as const) };
      }
      case 'math': return this.math(r);
      default: throw new VtlRenderError(`Template does not parse: unexpected ${type ?? 'expression'}`);
    }
  }

  private rangeBound(raw: unknown): Expression {
    if (typeof raw === 'string' || typeof raw === 'number') return { kind: 'integer', value: BigInt(raw) };
    return this.expression(raw);
  }

  private math(r: Raw): Expression {
    const operands = Array.isArray(r.expression) ? r.expression : [];
    const operator = String(r.operator);
    if (operator === 'not') return { kind: 'not', operand: this.expression(operands[0]) };
    if (operator === 'minus') return { kind: 'negate', operand: this.expression(operands[0]) };
    if (operator === 'parenthesis') return { kind: 'group', inner: this.expression(operands[0]) };
    if (!BINARY_OPERATORS.has(operator)) throw new VtlRenderError(`Template does not parse: operator ${operator}`);
    const expression: Expression = {
      kind: 'binary',
      operator: operator as BinaryOperator,
      left: this.expression(operands[0]),
      right: this.expression(operands[1]),
    };
    return operator === '&&' || operator === '||' ? withLogicalPrecedence(expression) : expression;
  }
}

const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '&&', '||', '==', '!=', '<', '<=', '>', '>=']);

/**
 * velocityjs gives `&&` and `||` the same precedence; Velocity (like Java) binds `&&` tighter.
 * Regroups a chain of them (parenthesised groups are left alone).
 */
function withLogicalPrecedence(expression: Expression): Expression {
  const operands: Expression[] = [];
  const operators: Array<'&&' | '||'> = [];
  const flatten = (e: Expression): void => {
    if (e.kind === 'binary' && (e.operator === '&&' || e.operator === '||')) {
      flatten(e.left);
      operators.push(e.operator);
      flatten(e.right);
    } else {
      operands.push(e);
    }
  };
  flatten(expression);
  const conjunctions: Expression[] = [operands[0]];
  operators.forEach((op, i) => {
    const operand = operands[i + 1];
    if (op === '&&') {
      const left = conjunctions.pop()!;
      conjunctions.push({ kind: 'binary', operator: '&&', left, right: operand });
    } else {
      conjunctions.push(operand);
    }
  });
  return conjunctions.reduce((left, right) => ({ kind: 'binary', operator: '||', left, right }));
}

/** Velocity 1.7 reads `\uXXXX` in double-quoted literals, and no other backslash escape. */
function unescapeUnicode(value: string): string {
  return value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
