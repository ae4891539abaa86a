import { JavaList, JavaMap, JavaValue } from './java-values';
import { VtlRenderError } from './vtl-error';

/**
 * The JSONPath subset of the model: `$` then any chain of `.name`, `['name']` and `[index]`.
 * A step that does not apply (missing key, index out of range, wrong kind of container) gives
 * null; any other syntax (wildcards, `..`, filters, negative indexes) is an error, so a template
 * never silently depends on JSONPath features the model does not pin down.
 */
export function selectJsonPath(root: JavaValue, path: string): JavaValue {
  const unsupported = (): never => {
    throw new VtlRenderError(`Unsupported JSONPath: ${path}`);
  };
  if (!path.startsWith('$')) unsupported();
  let current = root;
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const start = ++i;
      while (i < path.length && isNameChar(path[i])) i++;
      if (i === start) unsupported();
      current = member(current, path.slice(start, i));
    } else if (c === '[' && path[i + 1] === '\'') {
      const start = i + 2;
      const end = path.indexOf('\'', start);
      if (end < 0 || path[end + 1] !== ']') unsupported();
      current = member(current, path.slice(start, end));
      i = end + 2;
    } else if (c === '[') {
      const digits = /^[0-9]{1,9}\]/.exec(path.slice(i + 1));
      if (!digits) unsupported();
      const index = Number(digits![0].slice(0, -1));
      current = current instanceof JavaList && index < current.items.length ? current.items[index] : null;
      i += 1 + digits![0].length;
    } else {
      unsupported();
    }
  }
  return current;
}

function member(container: JavaValue, name: string): JavaValue {
  return container instanceof JavaMap ? container.get(name) : null;
}

/** A `.name` step runs until the path's own punctuation, a wildcard or white space. */
function isNameChar(c: string): boolean {
  return !'.[]\'*'.includes(c) && !isJavaWhitespace(c);
}

/** `Character.isWhitespace`: Unicode space separators except the no-break ones, plus these controls. */
export function isJavaWhitespace(c: string): boolean {
  if ('\t\n\u000B\f\r\u001C\u001D\u001E\u001F'.includes(c)) return true;
  if (c === '\u00A0' || c === '\u2007' || c === '\u202F') return false;
  return /^[\p{Zs}\p{Zl}\p{Zp}]$/u.test(c);
}
