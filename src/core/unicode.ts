import { Token } from 'aws-cdk-lib';
import { ErrorCode, Problem } from './errors';

/**
 * Text a user wrote, in a mapping template. Velocity reads `$` and `#` (references,
 * directives, comments, `#[[` blocks) and the backslashes before them; everything else is
 * printed as written.
 */

/**
 * A template that prints `text` exactly: as it is when it has no `$` or `#`, else inside
 * Velocity's unparsed-content blocks `#[[ … ]]#`. A block ends at the first `]]#`, so each
 * `]]#` in the text ends one block after its `]]` and opens the next with its `#`.
 */
export function vtlVerbatim(text: string): string {
  if (!/[$#]/.test(text)) return text;
  return `#[[${text.split(']]#').join(']]]]##[[#')}]]#`;
}

/** Whether `text` holds a UTF-16 surrogate without its pair, which no UTF-8 text can carry. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** The problem of a user's `text` with a lone surrogate, if it has one (tokens are skipped). */
export function loneSurrogateProblems(code: ErrorCode, prop: string, text: string): Problem[] {
  if (Token.isUnresolved(text) || !hasLoneSurrogate(text)) return [];
  return [{
    code,
    prop,
    rule: 'must be well-formed Unicode (it has a lone UTF-16 surrogate, which cannot be sent as UTF-8)',
    value: text,
    fix: 'remove the half surrogate pair, or write the whole character',
  }];
}
