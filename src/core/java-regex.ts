/**
 * java.util.regex patterns, translated to JS: what synth-time checks use to tell whether API
 * Gateway (Java) can compile a pattern, and what the test suite's VTL renderer matches with. The translation covers
 * what mapping templates use (classes, `\Q..\E`, anchors, groups, POSIX and Unicode
 * properties, leading `(?i)`/`(?s)`/`(?m)`) and refuses the rest with an error rather than
 * guessing: possessive quantifiers, atomic groups, class intersections and nesting, `\G`,
 * `\R`, `\X`, `\h`, `\v`, inline flags after the start.
 */
export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
}

/** A pattern outside what the translation covers, or one that does not compile. */
export class UnsupportedJavaRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedJavaRegexError';
  }
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
export const END_OF_INPUT = '(?![\\s\\S])';
const START_OF_INPUT = '(?<![\\s\\S])';

const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

const GENERAL_CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf',
  'Po', 'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Cs', 'Co', 'Cn',
]);

/** A literal character written so it means itself anywhere in a `u`-mode pattern. */
function literal(c: string): string {
  return /[A-Za-z0-9 ]/.test(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

class Translator {
  private i = 0;
  private out = '';
  private caseInsensitive = false;
  private dotAll = false;
  private multiline = false;

  constructor(private readonly pattern: string) {}

  translate(): TranslatedRegex {
    this.readLeadingFlags();
    while (this.i < this.pattern.length) this.translateAtom();
    return { source: this.out, flags: this.caseInsensitive ? 'iu' : 'u' };
  }

  private fail(reason: string): never {
    throw new UnsupportedJavaRegexError(`Unsupported Java regular expression ${JSON.stringify(this.pattern)}: ${reason}`);
  }

  private readLeadingFlags(): void {
    for (;;) {
      const m = /^\(\?([a-zA-Z]+)\)/.exec(this.pattern.slice(this.i));
      if (!m) return;
      for (const flag of m[1]) {
        if (flag === 'i') this.caseInsensitive = true;
        else if (flag === 's') this.dotAll = true;
        else if (flag === 'm') this.multiline = true;
        else this.fail(`inline flag ${flag}`);
      }
      this.i += m[0].length;
    }
  }

  private translateAtom(): void {
    const c = this.pattern[this.i++];
    switch (c) {
      case '\\': this.out += this.escapeOutsideClass(); break;
      case '[': this.out += this.characterClass(); break;
      case '.': this.out += this.dotAll ? '[\\s\\S]' : `[^${LINE_TERMINATORS}]`; break;
      case '^':
        this.out += this.multiline ? `(?:${START_OF_INPUT}|(?<=[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?=[\\s\\S]))` : START_OF_INPUT;
        break;
      case '$':
        this.out += this.multiline
          ? `(?=[${LINE_TERMINATORS}]|${END_OF_INPUT})`
          : `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
        break;
      case '(': this.out += this.groupOpening(); break;
      case '*': case '+': case '?': this.out += c + this.quantifierSuffix(); break;
      case '{': this.out += this.braceQuantifier(); break;
      case '}': case ']': this.out += `\\${c}`; break;
      default: this.out += c === ')' || c === '|' ? c : literal(this.withLowSurrogate(c));
    }
  }

  /** Java matches code points: keep a surrogate pair together. */
  private withLowSurrogate(c: string): string {
    const next = this.pattern[this.i];
    if (/[\uD800-\uDBFF]/.test(c) && next !== undefined && /[\uDC00-\uDFFF]/.test(next)) {
      this.i++;
      return c + next;
    }
    return c;
  }

  private quantifierSuffix(): string {
    const next = this.pattern[this.i];
    if (next === '+') this.fail('possessive quantifier');
    if (next === '?') {
      this.i++;
      return '?';
    }
    return '';
  }

  private braceQuantifier(): string {
    const m = /^([0-9]+)(,([0-9]*))?\}/.exec(this.pattern.slice(this.i));
    if (!m) return this.fail('illegal repetition');
    this.i += m[0].length;
    return `{${m[1]}${m[2] ?? ''}}${this.quantifierSuffix()}`;
  }

  private groupOpening(): string {
    const rest = this.pattern.slice(this.i);
    if (!rest.startsWith('?')) return '(';
    const m = /^\?(:|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.exec(rest);
    if (!m) return this.fail(rest.startsWith('?>') ? 'atomic group' : 'inline flags or group syntax');
    this.i += m[0].length;
    return `(${m[0]}`;
  }

  private escapeOutsideClass(): string {
    const c = this.pattern[this.i++];
    if (c === undefined) this.fail('trailing backslash');
    const shared = this.sharedEscape(c, false);
    if (shared !== undefined) return shared;
    switch (c) {
      case 'b': case 'B': return `\\${c}`;
      case 'A': return START_OF_INPUT;
      case 'z': return END_OF_INPUT;
      case 'Z': return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
      case 'k': {
        const m = /^<[A-Za-z][A-Za-z0-9]*>/.exec(this.pattern.slice(this.i));
        if (!m) return this.fail('named back reference');
        this.i += m[0].length;
        return `\\k${m[0]}`;
      }
    }
    if (/[1-9]/.test(c)) return `\\${c}`;
    return this.fail(`escape \\${c}`);
  }

  /** Escapes that read the same inside and outside a class; undefined when `c` is not one. */
  private sharedEscape(c: string, inClass: boolean): string | undefined {
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': return `\\${c}`;
      case 's': return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      case 'S': return inClass ? this.fail('\\S inside a class') : `[^${JAVA_SPACE}]`;
      case 't': return '\\t';
      case 'n': return '\\n';
      case 'r': return '\\r';
      case 'f': return '\\f';
      case 'a': return '\\x07';
      case 'e': return '\\x1B';
      case 'p': case 'P': return this.property(c === 'P', inClass);
      case 'Q': return this.quoted();
      case 'u': return this.hexEscape(/^[0-9a-fA-F]{4}/);
      case 'x': return this.hexEscape(/^(?:[0-9a-fA-F]{2}|\{[0-9a-fA-F]+\})/);
      case '0': {
        const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(this.pattern.slice(this.i));
        if (!m) return this.fail('octal escape');
        this.i += m[0].length;
        return `\\u{${parseInt(m[0], 8).toString(16)}}`;
      }
      case 'c': {
        const letter = this.pattern[this.i++];
        if (letter === undefined) return this.fail('control escape');
        return `\\u{${(letter.charCodeAt(0) % 64).toString(16)}}`;
      }
    }
    // Java reads any other non-letter, non-digit after a backslash as itself.
    if (!/[A-Za-z0-9]/.test(c)) return literal(c);
    return undefined;
  }

  private hexEscape(shape: RegExp): string {
    const m = shape.exec(this.pattern.slice(this.i));
    if (!m) return this.fail('hexadecimal escape');
    this.i += m[0].length;
    return `\\u{${m[0].replace(/[{}]/g, '')}}`;
  }

  private quoted(): string {
    const end = this.pattern.indexOf('\\E', this.i);
    const text = this.pattern.slice(this.i, end < 0 ? undefined : end);
    this.i = end < 0 ? this.pattern.length : end + 2;
    return [...text].map(literal).join('');
  }

  private property(negated: boolean, inClass: boolean): string {
    let name: string;
    if (this.pattern[this.i] === '{') {
      const end = this.pattern.indexOf('}', this.i);
      if (end < 0) return this.fail('unclosed property');
      name = this.pattern.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      name = this.pattern[this.i++] ?? '';
    }
    const posix = POSIX_CLASSES[name];
    if (posix !== undefined) {
      if (inClass) return negated ? this.fail('negated POSIX class inside a class') : posix;
      return negated ? `[^${posix}]` : `[${posix}]`;
    }
    const bare = name.startsWith('Is') ? name.slice(2) : name;
    let unicode: string | undefined;
    if (GENERAL_CATEGORIES.has(bare)) unicode = bare;
    else if (bare === 'Alphabetic' || bare === 'Letter') unicode = bare === 'Letter' ? 'L' : 'Alphabetic';
    else if (name.startsWith('Is') && /^[A-Z][a-z]+$/.test(bare)) unicode = `Script=${bare}`;
    if (unicode === undefined) return this.fail(`property ${name}`);
    return `\\${negated ? 'P' : 'p'}{${unicode}}`;
  }

  private characterClass(): string {
    let body = '';
    if (this.pattern[this.i] === '^') {
      body += '^';
      this.i++;
    }
    if (this.pattern[this.i] === ']') this.fail('a class starting with ]');
    for (;;) {
      const c = this.pattern[this.i++];
      if (c === undefined) return this.fail('unclosed character class');
      if (c === ']') return `[${body}]`;
      if (c === '[') this.fail('nested character class');
      if (c === '&' && this.pattern[this.i] === '&') this.fail('class intersection');
      if (c === '\\') {
        const e = this.pattern[this.i++];
        if (e === undefined) return this.fail('trailing backslash');
        const shared = this.sharedEscape(e, true);
        if (shared === undefined) return this.fail(`escape \\${e} inside a class`);
        body += shared;
      } else {
        body += c === '-' || c === '^' ? c : literal(this.withLowSurrogate(c));
      }
    }
  }
}

const translations = new Map<string, TranslatedRegex>();

export function translateJavaRegex(pattern: string): TranslatedRegex {
  let translated = translations.get(pattern);
  if (!translated) {
    translated = new Translator(pattern).translate();
    try {
      new RegExp(translated.source, translated.flags);
    } catch (e) {
      throw new UnsupportedJavaRegexError(`Unsupported Java regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
    translations.set(pattern, translated);
  }
  return translated;
}
