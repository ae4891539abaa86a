import { JavaIntegral, javaInteger } from './java-numbers';
import { javaMatches, javaReplace } from './java-regex';
import { JavaCharacter, JavaValue, MethodResult, NO_SUCH_METHOD, foldCase } from './java-values';
import { VtlRenderError } from './vtl-error';

/**
 * The java.lang.String methods of the model. Lengths and indexes count UTF-16 units, as Java
 * and JS both do. A method whose arguments do not fit its Java parameter types is not found
 * (Velocity then prints the reference as written); a null where Java needs a String, or an
 * index out of range, throws as it does in Java.
 */
export function invokeStringMethod(s: string, method: string, args: readonly JavaValue[]): MethodResult {
  const handler = STRING_METHODS[`${method}/${args.length}`];
  return handler === undefined ? NO_SUCH_METHOD : handler(s, args);
}

type Handler = (s: string, args: readonly JavaValue[]) => MethodResult;

/** An `int` parameter takes an Integer (Velocity does not narrow a Long). */
function intArg(v: JavaValue): number | undefined {
  return v instanceof JavaIntegral && v.type === 'Integer' ? Number(v.value) : undefined;
}

/** A String (or CharSequence) parameter takes a String, or a null that then fails like Java. */
function stringArg(v: JavaValue): string | undefined {
  if (v === null) throw new VtlRenderError('NullPointerException');
  return typeof v === 'string' ? v : undefined;
}

function outOfRange(index: number): never {
  throw new VtlRenderError(`StringIndexOutOfBoundsException: String index out of range: ${index}`);
}

function withStrings(fn: (s: string, ...strings: string[]) => JavaValue): Handler {
  return (s, args) => {
    const strings = args.map(stringArg);
    return strings.every((x): x is string => x !== undefined) ? fn(s, ...strings) : NO_SUCH_METHOD;
  };
}

function withInts(fn: (s: string, ...ints: number[]) => JavaValue): Handler {
  return (s, args) => {
    const ints = args.map(intArg);
    return ints.every((x): x is number => x !== undefined) ? fn(s, ...ints) : NO_SUCH_METHOD;
  };
}

function withStringAndInt(fn: (s: string, text: string, n: number) => JavaValue): Handler {
  return (s, [text, n]) => {
    const t = stringArg(text);
    const i = intArg(n);
    return t === undefined || i === undefined ? NO_SUCH_METHOD : fn(s, t, i);
  };
}

/** `String.trim`: strips every char up to U+0020 (controls included, Unicode spaces not). */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

function substring(s: string, begin: number, end: number): string {
  if (begin < 0) outOfRange(begin);
  if (end > s.length) outOfRange(end);
  if (end < begin) outOfRange(end - begin);
  return s.slice(begin, end);
}

const STRING_METHODS: Record<string, Handler | undefined> = {
  'length/0': s => javaInteger(s.length),
  'isEmpty/0': s => s.length === 0,
  'toString/0': s => s,
  'trim/0': javaTrim,
  'toLowerCase/0': s => s.toLowerCase(),
  'toUpperCase/0': s => s.toUpperCase(),
  'substring/1': withInts((s, begin) => substring(s, begin, s.length)),
  'substring/2': withInts((s, begin, end) => substring(s, begin, end)),
  'charAt/1': withInts((s, index) => (index >= 0 && index < s.length ? new JavaCharacter(s[index]) : outOfRange(index))),
  'indexOf/1': withStrings((s, text) => javaInteger(s.indexOf(text))),
  'indexOf/2': withStringAndInt((s, text, from) => javaInteger(s.indexOf(text, Math.max(from, 0)))),
  'lastIndexOf/1': withStrings((s, text) => javaInteger(s.lastIndexOf(text))),
  'lastIndexOf/2': withStringAndInt((s, text, from) => javaInteger(from < 0 ? -1 : s.lastIndexOf(text, from))),
  'contains/1': withStrings((s, text) => s.includes(text)),
  'startsWith/1': withStrings((s, prefix) => s.startsWith(prefix)),
  'startsWith/2': withStringAndInt((s, prefix, offset) => offset >= 0 && offset <= s.length - prefix.length && s.startsWith(prefix, offset)),
  'endsWith/1': withStrings((s, suffix) => s.endsWith(suffix)),
  'concat/1': withStrings((s, other) => s + other),
  'replace/2': withStrings((s, target, replacement) => s.replaceAll(target, () => replacement)),
  'replaceAll/2': withStrings((s, regex, replacement) => javaReplace(s, regex, replacement, true)),
  'replaceFirst/2': withStrings((s, regex, replacement) => javaReplace(s, regex, replacement, false)),
  'matches/1': withStrings((s, regex) => javaMatches(s, regex)),
  'equals/1': (s, [other]) => s === other,
  'equalsIgnoreCase/1': (s, [other]) => typeof other === 'string' && other.length === s.length && foldCase(other) === foldCase(s),
};
