import { jsonPathValue } from './json-path-value';
import { TemplatePlace } from './template-places';
import { formLiteral, formValue, jsonString, jsonStringLiteral, vtlNameLiteral, VtlStringExpr } from './vtl-text';
import { Problem } from '../core/errors';
import { loneSurrogateProblems } from '../core/unicode';
import { RequestValue } from '../vocabulary/request-value';

/** Names that can sit in a Velocity string literal as they are. */
const TEMPLATE_SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
const VELOCITY_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A `RequestValue` as a mapping template reads it. */
export interface TemplateValue {
  /** `#set` directives the template must run first (empty for most values). */
  readonly prelude: string;
  /** As a JSON string literal, quotes included. */
  readonly json: string;
  /** Form-encoded, for query-protocol bodies. */
  readonly form: string;
  /** A VTL String expression (never null), or undefined for literals known at synth time. */
  readonly expr?: VtlStringExpr;
  /** Whether the prelude may refuse the request (see json-value-checks.ts). */
  readonly refuses: boolean;
}

/**
 * How `value` reads in a mapping template, in `place`. `slot` names the template variables a
 * JSON path value is held in: unique per template, so a missing value can never leave an
 * older one behind (Velocity 1.7 ignores `#set` to null).
 */
export function templateValue(value: RequestValue, slot: string, place: TemplatePlace): TemplateValue {
  if (value._source === 'literal') {
    return { prelude: '', json: jsonStringLiteral(value._name), form: formLiteral(value._name), refuses: false };
  }
  let prelude = '';
  let expr: VtlStringExpr;
  switch (value._source) {
    case 'body':
      expr = '$input.body';
      break;
    case 'jsonPath':
      ({ prelude, expr } = jsonPathValue(value._name, slot, place));
      break;
    case 'pathParameter':
      expr = `"$!{input.params().path.get(${vtlNameLiteral(value._name)})}"`;
      break;
    case 'queryString':
      expr = `"$!{input.params().querystring.get(${vtlNameLiteral(value._name)})}"`;
      break;
    case 'header':
      expr = `"$!{input.params().header.get(${vtlNameLiteral(value._name)})}"`;
      break;
    case 'context':
      expr = `"$!{context${propertyChain(value._name)}}"`;
      break;
    case 'stageVariable':
      expr = `"$!{stageVariables.get(${vtlNameLiteral(value._name)})}"`;
      break;
    default:
      throw new Error(`internal: no template form for ${value}`);
  }
  return { prelude, expr, json: jsonString(expr), form: formValue(expr), refuses: value._source === 'jsonPath' };
}

/** `.identity.sourceIp`; segments that are not Velocity identifiers are read with `get`. */
function propertyChain(path: string): string {
  return path.split('.')
    .map(segment => (VELOCITY_IDENTIFIER.test(segment) ? `.${segment}` : `.get(${vtlNameLiteral(segment)})`))
    .join('');
}

/** Context variables that hold maps: a template would print them as Java's `{a=1, b=x}`. */
const MAP_CONTEXT_VARIABLES = new Set([
  'identity', 'identity.clientCert', 'identity.clientCert.validity', 'authorizer', 'authorizer.claims', 'error',
  'requestOverride', 'requestOverride.header', 'requestOverride.path', 'requestOverride.querystring',
  'responseOverride', 'responseOverride.header',
]);

/**
 * Problems with using `value` in a mapping template, in `place`, beyond its own: names must
 * be plain enough to quote in Velocity, context variables must not be maps, and a literal
 * must be something the service takes there, intact.
 */
export function templateValueProblems(value: RequestValue, prop: string, place: TemplatePlace): Problem[] {
  const problems = value._problems(prop);
  if (problems.length > 0) return problems;
  const name = value._name;
  if (['pathParameter', 'queryString', 'header', 'stageVariable'].includes(value._source) && !TEMPLATE_SAFE_NAME.test(name)) {
    problems.push({
      code: 'InvalidRequestValue',
      prop,
      rule: 'must be letters, digits, _ . or - to be read by a mapping template',
      value: name,
      fix: 'rename the parameter',
    });
  }
  if (value._source === 'context' && MAP_CONTEXT_VARIABLES.has(name)) {
    problems.push({
      code: 'InvalidRequestValue',
      prop,
      rule: 'must name a single value: this context variable is a map, which a template would write as {a=1, b=x}',
      value,
      fix: `read one of its values, e.g. RequestValue.context('${name === 'authorizer' ? 'authorizer.principalId' : `${name}.<name>`}')`,
    });
  }
  if (value._source === 'literal') problems.push(...literalProblems(name, prop, place));
  return problems;
}

function literalProblems(literal: string, prop: string, place: TemplatePlace): Problem[] {
  const unicode = loneSurrogateProblems('InvalidRequestValue', prop, literal);
  if (unicode.length > 0) return unicode;
  const rule = place.literal;
  return rule && !rule.test(literal) ? [{ code: 'InvalidRequestValue', prop, rule: rule.rule, value: literal, fix: rule.fix }] : [];
}
