import { ForeachScope } from './foreach-scope';
import { invokeMethod, readIndex, readProperty } from './java-methods';
import {
  ArithmeticOperator, JavaDouble, JavaIntegral, arithmetic, compareNumbers, integral, intValue, isJavaNumber, javaInteger, negate,
} from './java-numbers';
import {
  JavaList, JavaMap, JavaValue, NO_SUCH_METHOD, javaToString, velocityEquals, velocityTruthy,
} from './java-values';
import { BinaryOperator, Expression, Reference, TemplateNode } from './template-ast';
import { parseTemplate } from './template-parser';
import { VtlRenderError } from './vtl-error';

/** Ranges larger than this are refused rather than built. */
const MAX_RANGE = 1_000_000;

/** API Gateway's quota of iterations of one #foreach in a mapping template. */
const FOREACH_LIMIT = 1000;

/** `#break`: leaves the innermost #foreach, or ends the template outside one. */
class BreakSignal {}

/**
 * Evaluates a parsed template against one set of variables, with Velocity 1.7's semantics:
 * a single variable scope (only the #foreach variable is restored after the loop), null
 * references printed as written, `#set` to null ignored, and the rest of the Java model.
 */
export class Evaluator {
  private readonly parsedLiterals = new Map<string, TemplateNode[]>();

  constructor(private readonly variables: Map<string, JavaValue>) {}

  renderTemplate(nodes: readonly TemplateNode[]): string {
    const out: string[] = [];
    try {
      this.render(nodes, out);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    }
    return out.join('');
  }

  private render(nodes: readonly TemplateNode[], out: string[]): void {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text': out.push(node.text); break;
        case 'reference': out.push(this.referenceText(node.reference, node.backslashes)); break;
        case 'set': this.set(node.target, node.value); break;
        case 'if': {
          const branch = node.branches.find(b => b.condition === undefined || this.condition(b.condition));
          if (branch) this.render(branch.body, out);
          break;
        }
        case 'foreach': this.foreach(node.variable, node.iterable, node.body, out); break;
        case 'break': throw new BreakSignal();
      }
    }
  }

  /**
   * A reference as Velocity 1.7 prints it. With an odd run of backslashes before it, it is
   * escaped: `\\$x` prints `$x` when $x has a value and stays `\\$x` when not; an even run
   * prints half its backslashes before the value, or stays as written when there is none.
   */
  private referenceText(reference: Reference, backslashes: number): string {
    const value = this.resolve(reference);
    const prefix = '\\'.repeat(Math.floor(backslashes / 2));
    if (backslashes % 2 === 1) return value === null ? `${prefix}\\${reference.literal}` : prefix + reference.literal;
    if (value === null) return prefix + prefix + (reference.quiet ? '' : reference.literal);
    return prefix + javaToString(value);
  }

  private resolve(reference: Reference, stepCount = reference.steps.length): JavaValue {
    let value = this.variables.get(reference.name) ?? null;
    for (const step of reference.steps.slice(0, stepCount)) {
      if (value === null) return null;
      const target: Exclude<JavaValue, null> = value;
      if (step.kind === 'property') {
        value = readProperty(target, step.name);
      } else if (step.kind === 'index') {
        value = readIndex(target, this.evaluate(step.index));
      } else {
        const result = invokeMethod(target, step.name, step.args.map(a => this.evaluate(a)));
        value = result === NO_SUCH_METHOD ? null : result;
      }
    }
    return value;
  }

  /** `#set`: a null value leaves the target as it was; a path sets a Map entry or a List element. */
  private set(target: Reference, expression: Expression): void {
    const value = this.evaluate(expression);
    if (value === null) return;
    const last = target.steps[target.steps.length - 1];
    if (last === undefined) {
      this.variables.set(target.name, value);
      return;
    }
    const container = this.resolve(target, target.steps.length - 1);
    if (last.kind === 'method') throw new VtlRenderError(`Cannot #set a method call: ${target.literal}`);
    const key = last.kind === 'property' ? last.name : this.evaluate(last.index);
    if (container instanceof JavaMap) {
      container.put(key, value);
    } else if (container instanceof JavaList && container.kind === 'ArrayList' && key instanceof JavaIntegral) {
      const index = Number(key.value);
      if (index < 0 || index >= container.items.length) {
        throw new VtlRenderError(`IndexOutOfBoundsException: Index: ${index}, Size: ${container.items.length}`);
      }
      container.items[index] = value;
    }
  }

  private foreach(variable: string, iterable: Expression, body: readonly TemplateNode[], out: string[]): void {
    const source = this.evaluate(iterable);
    // Velocity 1.7 iterates a List's items and a Map's values; anything else gives no iterations.
    const items = source instanceof JavaList ? [...source.items] : source instanceof JavaMap ? source.values() : [];
    if (items.length > FOREACH_LIMIT) {
      // API Gateway's quota; what it then does is not documented, so a template must never get there.
      throw new VtlRenderError(`#foreach over ${items.length} items: API Gateway runs at most ${FOREACH_LIMIT} iterations of one #foreach`);
    }
    const saved = ['foreach', 'velocityCount', 'velocityHasNext', variable].map(name => [name, this.variables.get(name)] as const);
    const scope = new ForeachScope(items.length, this.variables.get('foreach') ?? null);
    this.variables.set('foreach', scope);
    try {
      for (const [i, item] of items.entries()) {
        scope.index = i;
        this.variables.set('velocityCount', javaInteger(i + 1));
        this.variables.set('velocityHasNext', i + 1 < items.length);
        if (item === null) this.variables.delete(variable);
        else this.variables.set(variable, item);
        this.render(body, out);
      }
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) this.variables.delete(name);
        else this.variables.set(name, value);
      }
    }
  }

  private evaluate(expression: Expression): JavaValue {
    switch (expression.kind) {
      case 'reference': return this.resolve(expression.reference);
      case 'string': return expression.interpolated ? this.interpolate(expression.value) : expression.value;
      case 'integer': return integral(expression.value);
      case 'decimal': return new JavaDouble(expression.value);
      case 'boolean': return expression.value;
      case 'null': return null;
      case 'list': return new JavaList(expression.items.map(e => this.evaluate(e)));
      case 'range': return this.range(this.evaluate(expression.from), this.evaluate(expression.to));
      case 'map': {
        const map = new JavaMap();
        for (const [key, value] of expression.entries) map.put(key, this.evaluate(value));
        return map;
      }
      case 'group': return this.evaluate(expression.inner);
      case 'not': return !this.condition(expression.operand);
      case 'negate': {
        const operand = this.evaluate(expression.operand);
        return isJavaNumber(operand) ? negate(operand) : null;
      }
      case 'binary': return this.binary(expression.operator, expression.left, expression.right);
    }
  }

  /**
   * An expression as a condition (`#if`, `!`, `&&`, `||`): Velocity 1.7 asks each node to
   * `evaluate()`. References apply the truthiness rule, `true`/`false` and comparisons are
   * themselves, and every other node (literals, lists, ranges, arithmetic) does not implement
   * it and so is false: `#if("")` and `#if(1)` are false, `#if(!"")` is true.
   */
  private condition(expression: Expression): boolean {
    switch (expression.kind) {
      case 'reference': return velocityTruthy(this.evaluate(expression));
      case 'boolean': return expression.value;
      case 'group': return this.condition(expression.inner);
      case 'not': return !this.condition(expression.operand);
      case 'binary':
        if (['+', '-', '*', '/', '%'].includes(expression.operator)) return false;
        return this.evaluate(expression) === true;
      default: return false;
    }
  }

  private binary(operator: BinaryOperator, leftExpression: Expression, rightExpression: Expression): JavaValue {
    if (operator === '&&') return this.condition(leftExpression) && this.condition(rightExpression);
    if (operator === '||') return this.condition(leftExpression) || this.condition(rightExpression);
    const left = this.evaluate(leftExpression);
    const right = this.evaluate(rightExpression);
    switch (operator) {
      case '==': return velocityEquals(left, right);
      case '!=': return !velocityEquals(left, right);
      case '<': case '<=': case '>': case '>=': {
        // Velocity 1.7 compares numbers only; anything else is false.
        if (!isJavaNumber(left) || !isJavaNumber(right)) return false;
        const c = compareNumbers(left, right);
        return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
      }
    }
    if (operator === '+' && (typeof left === 'string' || typeof right === 'string')) {
      // String concatenation; a null side is written as the reference's text.
      return this.operandText(left, leftExpression) + this.operandText(right, rightExpression);
    }
    if (!isJavaNumber(left) || !isJavaNumber(right)) return null;
    return arithmetic(operator as ArithmeticOperator, left, right);
  }

  private operandText(value: JavaValue, expression: Expression): string {
    if (value !== null || expression.kind !== 'reference') return javaToString(value);
    return expression.reference.literal;
  }

  private range(from: JavaValue, to: JavaValue): JavaValue {
    if (!isJavaNumber(from) || !isJavaNumber(to)) return null;
    const start = Number(intValue(from).value);
    const end = Number(intValue(to).value);
    if (Math.abs(end - start) >= MAX_RANGE) throw new VtlRenderError(`Range [${start}..${end}] is too large`);
    const step = end >= start ? 1 : -1;
    const items: JavaValue[] = [];
    for (let i = start; i !== end + step; i += step) items.push(javaInteger(i));
    return new JavaList(items);
  }

  /**
   * A double-quoted literal with `$` or `#`, rendered as a template. Velocity 1.7 appends a
   * space before parsing and strips the last character after rendering (unless the literal
   * holds `##`); doing the same keeps the cases where that is visible.
   */
  private interpolate(content: string): string {
    const hasLineComment = content.includes('##');
    const text = hasLineComment ? content : `${content} `;
    let nodes = this.parsedLiterals.get(text);
    if (!nodes) {
      nodes = parseTemplate(text);
      this.parsedLiterals.set(text, nodes);
    }
    const out: string[] = [];
    this.render(nodes, out);
    const rendered = out.join('');
    return !hasLineComment && rendered.length > 0 ? rendered.slice(0, -1) : rendered;
  }
}
