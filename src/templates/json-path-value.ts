import { checkNumbersIn, refuseLoneSurrogates, REFUSED } from './json-value-checks';
import { TemplatePlace } from './template-places';
import { VtlStringExpr } from './vtl-text';

/**
 * A value read from the body by a JSON path, as a String for its place (see
 * template-places.ts); null and missing read as empty. `slot` names the template variables
 * it uses, unique per template. Jackson holds numbers as integers or doubles, so a number,
 * object or array is checked for numbers a double could not hold; the text for lone
 * surrogates.
 */
export function jsonPathValue(path: string, slot: string, place: TemplatePlace): { prelude: string; expr: VtlStringExpr } {
  const value = `$${slot}`;
  const text = `$${slot}s`;
  const json = `$input.json("${path}")`;
  const checks = refuseLoneSurrogates(text);
  if (place.json === 'document') {
    // Jackson writes an infinity as a string, "Infinity": strings are checked too.
    return { prelude: `#set(${text}=${json})${checkNumbersIn(text)}${checks}`, expr: text };
  }
  // Only a String has concat(); of the rest, only a Map or List has isEmpty().
  const isString = `"$!{${slot}.concat('x')}"!=""`;
  const isContainer = `"$!{${slot}.isEmpty()}"!=""`;
  // A scalar place refuses a container outright, so its numbers need no check.
  const container = place.json === 'text' ? `#set(${text}=${json})${checkNumbersIn(text)}` : `#set(${REFUSED}=true)`;
  const prelude = `#set(${value}=$input.path("${path}"))#set(${text}="")`
    + `#if(${isString})#set(${text}=${value})`
    + `#elseif(${isContainer})${container}`
    + `#elseif("$!{${slot}}"!="")#set(${text}="$!{${slot}}")${checkNumbersIn(text)}#end`;
  return { prelude: prelude + checks, expr: text };
}
