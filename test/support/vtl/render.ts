import { Evaluator } from './evaluator';
import { JavaInput } from './input';
import { JavaDouble, JavaIntegral } from './java-numbers';
import { JavaMap, JavaValue, javaToString } from './java-values';
import { parseJavaJson } from './json-model';
import { parseTemplate } from './template-parser';
import { JavaUtil } from './util';
import { VtlRenderError } from './vtl-error';
import { VtlRequest, VtlResult } from './vtl-request';

export { VtlRenderError } from './vtl-error';

/**
 * Renders an API Gateway mapping template as API Gateway does: Apache Velocity 1.7 with
 * default settings over `$input`, `$util`, `$context` and `$stageVariables` (the model is
 * described in the project's VTL notes and checked byte for byte against the real engine by
 * the conformance suite). Throws VtlRenderError when the template does not parse, reads a
 * body that is not JSON, uses a JSONPath or regular expression outside the model, or a Java
 * method it calls fails.
 *
 * Known differences from Velocity 1.7 (where velocityjs's parser cannot be made to follow it;
 * templates should avoid these forms):
 * 1. Syntax velocityjs lacks fails to parse here, where Velocity accepts it: `#{if}`,
 *    `#{foreach}`, `#{set}` (only `#{else}` and `#{end}` are read), doubled quotes inside
 *    string literals (`"a""b"`, `'it''s'`), floating-point literals with an exponent (`1e3`),
 *    map literals with non-string keys, `[null]`, unknown directives such as `#foo(…)`
 *    (Velocity prints them as text), `#stop`.
 * 2. Operator precedence: velocityjs's grammar is used as is, except that `&&` is regrouped
 *    to bind tighter than `||`; use parentheses in mixed expressions.
 * 3. Backslashes before a directive: an odd run before #if/#set/… prints the directive as
 *    text with half the backslashes, as Velocity does; an even run is halved before
 *    #if/#elseif/#else/#end/#foreach and kept before other directives (Velocity's own rule
 *    there depends on its token stream and is not reproduced exactly).
 * 4. A null reference inside an expression (`"x" + $missing`) is written back by velocityjs,
 *    with method arguments joined by "," and no spaces; at statement level the text is cut
 *    from the template exactly.
 * 5. Objects of the runtime ($input, $util, $foreach) print as their class name, where Java
 *    prints `Class@hash`.
 * 6. Regular expressions: `(?i)` folds case over all of Unicode (Java: ASCII only), `\b`
 *    uses ASCII word characters; what cannot be translated is refused (see java-regex.ts).
 *    String.split is not modelled.
 * 7. Numbers: Double.toString follows JDK 19+ (shortest digits; older JDKs print a few values
 *    with extra digits). Arithmetic mixing BigInteger and Double (BigDecimal in Velocity) is
 *    refused.
 */
export function renderVtl(template: string, request: VtlRequest): VtlResult {
  try {
    return render(template, request);
  } catch (e) {
    if (e instanceof VtlRenderError) throw e;
    throw new VtlRenderError(`Rendering failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function render(template: string, request: VtlRequest): VtlResult {
  const nodes = parseTemplate(template);
  const context = jsonMap(request.context);
  const responseOverride = new JavaMap();
  responseOverride.put('header', new JavaMap());
  context.put('responseOverride', responseOverride);

  const variables = new Map<string, JavaValue>([
    ['input', new JavaInput(request)],
    ['util', new JavaUtil()],
    ['context', context],
    ['stageVariables', jsonMap(request.stageVariables)],
  ]);
  const output = new Evaluator(variables).renderTemplate(nodes);
  return { output, ...overrides(context.get('responseOverride')) };
}

/** Plain JSON data as the Java side gets it (through JSON), so numbers get the same Java types. */
function jsonMap(value: Record<string, unknown> | undefined): JavaMap {
  const parsed = value === undefined ? null : parseJavaJson(JSON.stringify(value));
  return parsed instanceof JavaMap ? parsed : new JavaMap();
}

/** What the template left in `$context.responseOverride` (only if it is still a map). */
function overrides(responseOverride: JavaValue): Pick<VtlResult, 'statusOverride' | 'headerOverrides'> {
  if (!(responseOverride instanceof JavaMap)) return {};
  const result: { statusOverride?: number; headerOverrides?: Record<string, string> } = {};
  const status = responseOverride.get('status');
  if (status instanceof JavaIntegral) result.statusOverride = Number(status.value);
  else if (status instanceof JavaDouble) result.statusOverride = status.value;
  else if (typeof status === 'string' && /^-?[0-9]+$/.test(status.trim())) result.statusOverride = Number(status.trim());
  const header = responseOverride.get('header');
  if (header instanceof JavaMap && header.size > 0) {
    result.headerOverrides = Object.fromEntries(header.entries().map(e => [javaToString(e.key), javaToString(e.value)]));
  }
  return result;
}
