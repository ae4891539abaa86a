import { VtlRenderError } from './vtl-error';
import { END_OF_INPUT, TranslatedRegex, translateJavaRegex, UnsupportedJavaRegexError } from '../../../src/core/java-regex';

/** The library's translation of a java.util.regex pattern; what it cannot translate fails the rendering. */
function translated(pattern: string): TranslatedRegex {
  try {
    return translateJavaRegex(pattern);
  } catch (e) {
    if (e instanceof UnsupportedJavaRegexError) throw new VtlRenderError(e.message);
    throw e;
  }
}

/** `String.matches`: the whole string must match. */
export function javaMatches(input: string, pattern: string): boolean {
  const { source, flags } = translated(pattern);
  return new RegExp(`(?:${source})${END_OF_INPUT}`, `${flags}y`).test(input);
}

type ReplacementPart = { text: string } | { group: number } | { name: string };

/** Parses a Matcher replacement: `$n` (as many digits as name a group), `${name}`, `\x` for a literal x. */
function parseReplacement(replacement: string, groupCount: number, names: readonly string[]): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  let i = 0;
  const flush = (): void => {
    if (text !== '') parts.push({ text });
    text = '';
  };
  while (i < replacement.length) {
    const c = replacement[i++];
    if (c === '\\') {
      if (i >= replacement.length) throw new VtlRenderError('character to be escaped is missing');
      text += replacement[i++];
    } else if (c === '$') {
      if (i >= replacement.length) throw new VtlRenderError('Illegal group reference: group index is missing');
      flush();
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        const name = end < 0 ? '' : replacement.slice(i + 1, end);
        if (!names.includes(name)) throw new VtlRenderError(`No group with name {${name}}`);
        parts.push({ name });
        i = end + 1;
        continue;
      }
      if (!/[0-9]/.test(replacement[i])) throw new VtlRenderError('Illegal group reference');
      let group = Number(replacement[i++]);
      while (i < replacement.length && /[0-9]/.test(replacement[i]) && group * 10 + Number(replacement[i]) <= groupCount) {
        group = group * 10 + Number(replacement[i++]);
      }
      if (group > groupCount) throw new VtlRenderError(`No group ${group}`);
      parts.push({ group });
    } else {
      text += c;
    }
  }
  flush();
  return parts;
}

/** `String.replaceAll` / `replaceFirst` with java.util.regex semantics. */
export function javaReplace(input: string, pattern: string, replacement: string, all: boolean): string {
  const { source, flags } = translated(pattern);
  const probe = new RegExp(`${source}|`, flags).exec('')!;
  const groupCount = probe.length - 1;
  const names = Object.keys(probe.groups ?? {});
  const parts = parseReplacement(replacement, groupCount, names);
  const regex = new RegExp(source, all ? `${flags}g` : flags);
  return input.replace(regex, (...args: unknown[]) => {
    const groups = args.slice(0, groupCount + 1) as Array<string | undefined>;
    const last = args[args.length - 1];
    const named = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : {};
    return parts.map(p => ('text' in p ? p.text : 'group' in p ? groups[p.group] ?? '' : named[p.name] ?? '')).join('');
  });
}
