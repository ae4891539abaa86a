/**
 * Building blocks for the mapping templates the library emits. Templates are written on one
 * line: Velocity engines differ in how they treat the newline after a directive, and the
 * services parse form bodies and JSON strictly.
 */

/**
 * A VTL expression whose value is a String and is never null: the body, a `"$!{…}"`
 * interpolation, or a variable set by a template's prelude.
 */
export type VtlStringExpr = string;

/**
 * The contents of a JSON string literal holding `expr`. `escapeJavaScript` escapes `'` as
 * `\'`, which JSON does not allow; the `replaceAll` takes it back (a `\\'` in the input stays
 * an escaped backslash followed by a quote). Everything else it writes is valid JSON.
 */
export function jsonStringContent(expr: VtlStringExpr): string {
  return `$util.escapeJavaScript(${expr}).replaceAll("\\\\'","'")`;
}

/** A JSON string literal (with its quotes) holding `expr`. */
export function jsonString(expr: VtlStringExpr): string {
  return `"${jsonStringContent(expr)}"`;
}

/** The form-encoded (`application/x-www-form-urlencoded`) value of `expr`. */
export function formValue(expr: VtlStringExpr): string {
  return `$util.urlEncode(${expr})`;
}

/**
 * A JSON string literal of a value known at synth time. `$` and `#` are written as JSON
 * escapes so Velocity prints them as they are; the result is still the same JSON string.
 */
export function jsonStringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
}

/** A form-encoded value known at synth time, encoded the way `java.net.URLEncoder` does. */
export function formLiteral(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Velocity string literal of a value known at synth time that contains no quote, `$`, `#`
 * or backslash (names the library has validated), so it reads the same in every engine.
 */
export function vtlNameLiteral(name: string): string {
  if (/['"$#\\]/.test(name)) throw new Error(`internal: ${JSON.stringify(name)} cannot be a Velocity name literal`);
  return `'${name}'`;
}

/**
 * A JSON string literal holding a JSON document read from `expr` (the body, usually); an empty
 * value becomes `{}`, which services that take a document (Step Functions input, EventBridge
 * detail) accept where they refuse an empty string.
 */
export function jsonDocumentString(expr: VtlStringExpr, variable: string): string {
  return `#set($${variable}=${expr})#if($${variable}.isEmpty())#set($${variable}='{}')#end"${jsonStringContent(`$${variable}`)}"`;
}
