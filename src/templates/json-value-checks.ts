import { VtlStringExpr } from './vtl-text';

/**
 * Checks on values a mapping template reads out of a JSON body, for what the service would
 * otherwise receive changed: numbers Jackson read as a double that cannot hold them, and
 * strings with a lone UTF-16 surrogate. Each sets `REFUSED`; the template then sends the
 * call a request the service refuses (400) instead of the changed data (see guardedRequest).
 *
 * Both checks avoid regular expressions that repeat over the client's text with a
 * quantifier: java.util.regex recurses on each switch between one- and two-unit characters
 * there, and a long enough text would overflow the stack.
 */
export const REFUSED = '$gR';

/** Set by a value whose JSON text shows a double 0 or an infinity: the body's numbers are then checked. */
const CHECK_NUMBERS = '$gC';

/**
 * Has the request checked for numbers a double cannot hold when `json`, the JSON text of a
 * value the template read, shows a double 0 or an infinity (what such numbers become).
 */
export function checkNumbersIn(json: VtlStringExpr): string {
  return `#if(${json}.contains('0.0')||${json}.contains('Infinity'))#set(${CHECK_NUMBERS}=true)#end`;
}

/**
 * Refuses when the body holds a number that a double cannot hold: non-zero but rounding to
 * 0 (`1e-400`, `4.9e-325`) or beyond ±1.8e308 (`1e400`, which Jackson reads as Infinity).
 * Every number of the body is read again on its own: string contents are taken out (after
 * the escapes that could hide a quote), then `true`, `false` and `null`, numbers written as
 * zero become `0`, and the rest are parsed as one JSON array; a double 0 or infinity left in
 * it (an element `0.0`, `-0.0`, `Infinity` or `-Infinity` of the printed list) came from
 * such a number.
 */
function refuseUnrepresentableNumbers(): string {
  const numbers = String.raw`$input.body.replaceAll('[^-+.0-9a-zA-Z"\\]',' ').replace('\\','').replace('\"','')`
    + String.raw`.replaceAll('"[^"]*"',' ').replaceAll('[a-zA-Z]{2,}',' ')`
    + String.raw`.replaceAll('(?<![-+.0-9eE])-?[0.]+([eE][-+]?[0-9]+)?(?![-+.0-9eE])','0').trim().replaceAll('[^-+.0-9eE]+',',')`;
  return `#set($gN=${numbers})#set($gN=$util.parseJson("[$gN]"))#set($gN="$gN")`
    + String.raw`#if($gN.matches('.*[\[ ]-?(?:0\.0|Infinity)[,\]].*'))#set(${REFUSED}=true)#end`;
}

/** One code point that is not a lone surrogate (a surrogate pair is one code point outside the range). */
const NOT_A_LONE_SURROGATE = String.raw`[^\x{D800}-\x{DFFF}]`;

/**
 * Refuses when `text` holds a lone UTF-16 surrogate (only a JSON escape such as `"\ud800"`
 * makes one): URL and UTF-8 encoding would turn it into `?`. What is left after removing
 * every other code point, one match at a time, is the lone surrogates.
 */
export function refuseLoneSurrogates(text: VtlStringExpr): string {
  return `#if(!${text}.replaceAll('${NOT_A_LONE_SURROGATE}','').isEmpty())#set(${REFUSED}=true)#end`;
}

/**
 * `request`, or `refusal` when a check refused the request; `checks` (the values' preludes)
 * run first. Without checks, the request as it is.
 */
export function guardedRequest(checks: string, refuses: boolean, request: string, refusal: string): string {
  if (!refuses) return checks + request;
  return `#set(${REFUSED}=false)#set(${CHECK_NUMBERS}=false)${checks}#if(${CHECK_NUMBERS})${refuseUnrepresentableNumbers()}#end`
    + `#if(${REFUSED})${refusal}#{else}${request}#{end}`;
}
