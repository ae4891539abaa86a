/**
 * Velocity reads `$name`, `${`, `$!` as references and `#word`, `#{`, `##`, `#*`, `#[[` as
 * directives or comments, and `#@name` / `#@{` as a block macro call (which needs its `#end`,
 * or the template does not parse); anything else after `$` or `#` is plain text. Returns the
 * first sequence in `text` that Velocity would not print as written, or undefined.
 */
export function vtlDirectiveIn(text: string): string | undefined {
  const match = /[$][A-Za-z{!]|#[A-Za-z{*#[]|#@[A-Za-z{]/.exec(text);
  return match ? match[0] : undefined;
}
