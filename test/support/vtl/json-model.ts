import { JavaDouble, JavaIntegral, doubleToJavaString, integral } from './java-numbers';
import { JavaCharacter, JavaHostObject, JavaList, JavaMap, JavaMapEntry, JavaValue } from './java-values';
import { VtlRenderError } from './vtl-error';

/** Jackson's default nesting limit (StreamReadConstraints). */
const MAX_DEPTH = 1000;

/**
 * JSON text to the Java model, as Jackson's `readValue(text, Object.class)` builds it:
 * LinkedHashMap, ArrayList, String, Integer/Long/BigInteger for integral numbers, Double for
 * numbers with a fraction or an exponent. Strict like Jackson's defaults (no comments, single
 * quotes, NaN, leading zeros or raw control characters); like Jackson, whatever follows the
 * first complete value is not read.
 */
export function parseJavaJson(text: string): JavaValue {
  return new JsonReader(text).readRoot();
}

class JsonReader {
  private position = 0;

  constructor(private readonly text: string) {}

  readRoot(): JavaValue {
    this.skipWhitespace();
    if (this.position >= this.text.length) this.fail('no content to map due to end-of-input');
    const value = this.readValue(0, true);
    return value;
  }

  private readValue(depth: number, atRoot: boolean): JavaValue {
    const c = this.text[this.position];
    if (c === '{') return this.readObject(depth + 1);
    if (c === '[') return this.readArray(depth + 1);
    if (c === '"') return this.readString();
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber(atRoot);
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        // Jackson reads the whole identifier-like token: "truex" is an error.
        if (/^[\p{L}\p{N}_$]/u.test(this.text.slice(this.position, this.position + 2))) this.fail('unrecognized token');
        return value;
      }
    }
    return this.fail(c === undefined ? 'unexpected end-of-input' : `unexpected character '${c}'`);
  }

  private readObject(depth: number): JavaMap {
    this.checkDepth(depth);
    this.position++;
    const map = new JavaMap();
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return map;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail('expected a field name in double quotes');
      const key = this.readString();
      this.skipWhitespace();
      this.expect(':');
      this.skipWhitespace();
      map.put(key, this.readValue(depth, false));
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect('}');
      return map;
    }
  }

  private readArray(depth: number): JavaList {
    this.checkDepth(depth);
    this.position++;
    const items: JavaValue[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return new JavaList(items);
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.readValue(depth, false));
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect(']');
      return new JavaList(items);
    }
  }

  private readString(): string {
    this.position++;
    let out = '';
    for (;;) {
      const c = this.text[this.position];
      if (c === undefined) this.fail('unexpected end-of-input in a string');
      this.position++;
      if (c === '"') return out;
      if (c < ' ') this.fail('illegal unquoted control character in a string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.position++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position, this.position + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.position, this.position + 4), 16));
        this.position += 4;
      } else {
        this.fail('unrecognized character escape');
      }
    }
  }

  private readNumber(atRoot: boolean): JavaValue {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.position));
    if (!match) return this.fail('invalid number');
    this.position += match[0].length;
    const next = this.text[this.position];
    if (next !== undefined && /[0-9.eE]/.test(next)) this.fail('invalid number');
    // At the root, Jackson wants white space (or the end) right after a number.
    if (atRoot && next !== undefined && !' \t\r\n'.includes(next)) this.fail('expected space separating root-level values');
    if (match[2] === undefined && match[3] === undefined) return integral(BigInt(match[0]));
    return new JavaDouble(Number(match[0]));
  }

  private skipWhitespace(): void {
    while (' \t\r\n'.includes(this.text[this.position] ?? 'x')) this.position++;
  }

  private expect(c: string): void {
    if (this.text[this.position] !== c) this.fail(`expected '${c}'`);
    this.position++;
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
  }

  private fail(reason: string): never {
    throw new VtlRenderError(`Invalid JSON: ${reason} at offset ${this.position}`);
  }
}

/**
 * The Java model to JSON text, as Jackson's `writeValueAsString` writes it: compact, non-ASCII
 * kept, `"` `\` and control characters escaped (short forms, else `\u00XX` in upper case), `/`
 * not escaped, doubles as `Double.toString`.
 */
export function writeJacksonJson(value: JavaValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteJson(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JavaIntegral) return value.value.toString();
  if (value instanceof JavaDouble) {
    // Jackson quotes non-finite doubles by default (QUOTE_NON_NUMERIC_NUMBERS).
    const text = doubleToJavaString(value.value);
    return Number.isFinite(value.value) ? text : `"${text}"`;
  }
  if (value instanceof JavaCharacter) return quoteJson(value.value);
  if (value instanceof JavaMap) {
    return `{${value.entries().map(e => `${quoteJson(javaKeyText(e.key))}:${writeJacksonJson(e.value)}`).join(',')}}`;
  }
  if (value instanceof JavaList) return `[${value.items.map(writeJacksonJson).join(',')}]`;
  if (value instanceof JavaMapEntry) return `{${quoteJson(javaKeyText(value.key))}:${writeJacksonJson(value.value)}}`;
  return unsupportedHost(value);
}

function javaKeyText(key: JavaValue): string {
  if (key === null) return '';
  return typeof key === 'string' ? key : writeJacksonJson(key).replace(/^"|"$/g, '');
}

function unsupportedHost(value: JavaHostObject): never {
  throw new VtlRenderError(`Cannot write a ${value.javaClassName} as JSON`);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

export function quoteJson(s: string): string {
  let out = '"';
  for (const c of s.split('')) {
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c < ' ') out += `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
