import { parseBody } from './input';
import { JavaHostObject, JavaValue, MethodResult, NO_SUCH_METHOD } from './java-values';
import { VtlRenderError } from './vtl-error';

/**
 * `$util`. Every function takes one String. Velocity finds no method for any other argument,
 * and a null argument gives null; either way the reference stays as written in the template.
 */
export class JavaUtil extends JavaHostObject {
  readonly javaClassName = 'Util';

  javaToString(): string {
    return 'Util';
  }

  invoke(method: string, args: readonly JavaValue[]): MethodResult {
    const fn = UTIL_FUNCTIONS[method];
    if (fn === undefined || args.length !== 1) return NO_SUCH_METHOD;
    const [arg] = args;
    if (arg === null) return null;
    if (typeof arg !== 'string') return NO_SUCH_METHOD;
    return fn(arg);
  }
}

const UTIL_FUNCTIONS: Record<string, ((s: string) => JavaValue) | undefined> = {
  escapeJavaScript,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
  parseJson: parseBody,
};

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`: `'` `"` `\` `/` backslash-escaped,
 * \b \n \t \f \r in short form, other controls and every UTF-16 unit above 0x7F as `\uXXXX`.
 */
export function escapeJavaScript(s: string): string {
  const short: Record<string, string> = {
    '\'': '\\\'', '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r',
  };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (short[c] !== undefined) out += short[c];
    else if (code < 0x20 || code > 0x7f) out += `\\u${hex4(code)}`;
    else out += c;
  }
  return out;
}

/** `String.getBytes(UTF_8)`: like TextEncoder, except that a lone surrogate becomes `?`. */
export function javaUtf8Bytes(s: string): Uint8Array {
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
  return new TextEncoder().encode(wellFormed);
}

/** `new String(bytes, UTF_8)`: malformed input becomes U+FFFD, and a BOM is kept. */
export function javaUtf8String(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** `URLEncoder.encode(s, "UTF-8")`: letters, digits and `.-*_` kept, space as `+`, the rest `%XX` per UTF-8 byte. */
export function urlEncode(s: string): string {
  let out = '';
  for (const byte of javaUtf8Bytes(s)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `URLDecoder.decode(s, "UTF-8")`: `+` is a space, runs of `%XX` are UTF-8; a broken escape is an error. */
export function urlDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i + 2 < s.length && s[i] === '%') {
        // Integer.parseInt(pair, 16): a sign is accepted, a negative value is refused.
        const pair = s.slice(i + 1, i + 3);
        if (!/^[+-]?[0-9a-fA-F]+$/.test(pair)) {
          throw new VtlRenderError(`URLDecoder: Illegal hex characters in escape (%) pattern - ${pair}`);
        }
        const value = parseInt(pair, 16);
        if (value < 0) throw new VtlRenderError('URLDecoder: Illegal hex characters in escape (%) pattern - negative value');
        bytes.push(value);
        i += 3;
      }
      if (i < s.length && s[i] === '%') throw new VtlRenderError('URLDecoder: Incomplete trailing escape (%) pattern');
      out += javaUtf8String(Uint8Array.from(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `Base64.getEncoder()` over the UTF-8 bytes: standard alphabet, padded. */
export function base64Encode(s: string): string {
  return Buffer.from(javaUtf8Bytes(s)).toString('base64');
}

/**
 * `Base64.getDecoder()` then UTF-8. Java's basic decoder is strict where Node's is lenient: no
 * white space or foreign characters, padding optional but correct when present, nothing after it.
 */
export function base64Decode(s: string): string {
  const bytes: number[] = [];
  let bits = 0;
  let bitCount = 0;
  let charsInUnit = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '=') {
      // "xx=" must be followed by a second "="; "=" may not start a unit or follow one character.
      if (charsInUnit === 0 || (charsInUnit === 2 && s[++i] !== '=')) {
        throw new VtlRenderError('Input byte array has wrong 4-byte ending unit');
      }
      i++;
      break;
    }
    const value = BASE64_ALPHABET.indexOf(c);
    if (value < 0) throw new VtlRenderError(`Illegal base64 character ${c.charCodeAt(0).toString(16)}`);
    bits = bits * 64 + value;
    bitCount += 6;
    charsInUnit = (charsInUnit + 1) % 4;
    if (bitCount >= 8) {
      bitCount -= 8;
      const divisor = 2 ** bitCount;
      bytes.push(Math.floor(bits / divisor));
      bits %= divisor;
    }
  }
  if (charsInUnit === 1) throw new VtlRenderError('Last unit does not have enough valid bits');
  if (i < s.length) throw new VtlRenderError(`Input byte array has incorrect ending byte at ${i}`);
  return javaUtf8String(Uint8Array.from(bytes));
}
