import { JavaDouble, JavaIntegral, JavaNumber, isJavaNumber, numberToJavaString, compareNumbers } from './java-numbers';

/**
 * The Java object model templates see. Velocity works on Java objects: what prints, what
 * compares equal and which methods exist all follow Java, so values are modelled as Java
 * values rather than JS ones.
 */
export type JavaValue = string | boolean | null | JavaNumber | JavaCharacter | JavaMap | JavaList | JavaHostObject;

/** Returned by a method lookup that finds nothing: Velocity then leaves the reference unrendered. */
export const NO_SUCH_METHOD: unique symbol = Symbol('no such method');
export type MethodResult = JavaValue | typeof NO_SUCH_METHOD;

/** A `char` (from `String.charAt`): prints as the character but is not equal to a String. */
export class JavaCharacter {
  constructor(readonly value: string) {}
}

/** An object of the API Gateway runtime ($input, $util, $foreach, a map entry) with its own methods. */
export abstract class JavaHostObject {
  abstract readonly javaClassName: string;
  abstract javaToString(): string;
  /** Calls a public method; NO_SUCH_METHOD when none takes these arguments. */
  abstract invoke(method: string, args: readonly JavaValue[]): MethodResult;
}

/** Map.Entry from `entrySet()`: `$e.key`, `$e.value`, printed `key=value`. */
export class JavaMapEntry extends JavaHostObject {
  readonly javaClassName = 'Entry';
  constructor(readonly key: JavaValue, readonly value: JavaValue) {
    super();
  }
  javaToString(): string {
    return `${javaToString(this.key)}=${javaToString(this.value)}`;
  }
  invoke(method: string, args: readonly JavaValue[]): MethodResult {
    if (args.length > 0) return NO_SUCH_METHOD;
    if (method === 'getKey') return this.key;
    if (method === 'getValue') return this.value;
    if (method === 'toString') return this.javaToString();
    return NO_SUCH_METHOD;
  }
}

/**
 * A LinkedHashMap (insertion order), or with `caseInsensitiveKeys` a
 * `TreeMap(String.CASE_INSENSITIVE_ORDER)` (sorted, keys found whatever their case) as used
 * for the request headers.
 */
export class JavaMap {
  private readonly slots = new Map<string, { key: JavaValue; value: JavaValue }>();

  constructor(readonly caseInsensitiveKeys = false) {}

  get javaClassName(): string {
    return this.caseInsensitiveKeys ? 'TreeMap' : 'LinkedHashMap';
  }

  get size(): number {
    return this.slots.size;
  }

  get(key: JavaValue): JavaValue {
    return this.slots.get(this.slotOf(key))?.value ?? null;
  }

  has(key: JavaValue): boolean {
    return this.slots.has(this.slotOf(key));
  }

  /** Map.put: the previous value, or null. A key already present keeps its first spelling and place. */
  put(key: JavaValue, value: JavaValue): JavaValue {
    const slot = this.slotOf(key);
    const existing = this.slots.get(slot);
    if (existing) {
      const previous = existing.value;
      existing.value = value;
      return previous;
    }
    this.slots.set(slot, { key, value });
    return null;
  }

  entries(): Array<{ key: JavaValue; value: JavaValue }> {
    const all = [...this.slots.entries()];
    if (this.caseInsensitiveKeys) all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return all.map(([, entry]) => entry);
  }

  keys(): JavaValue[] {
    return this.entries().map(e => e.key);
  }

  values(): JavaValue[] {
    return this.entries().map(e => e.value);
  }

  private slotOf(key: JavaValue): string {
    if (this.caseInsensitiveKeys && typeof key === 'string') return foldCase(key);
    return identityKey(key);
  }
}

/** What a Java collection view is: it decides the class Velocity's `==` sees and nothing else. */
export type JavaListKind = 'ArrayList' | 'KeySet' | 'Values' | 'EntrySet';

/** An ArrayList (or a copy of a map's keySet/values/entrySet view). */
export class JavaList {
  constructor(readonly items: JavaValue[], readonly kind: JavaListKind = 'ArrayList') {}
}

/** String.CASE_INSENSITIVE_ORDER compares each char as lowerCase(upperCase(c)). */
export function foldCase(s: string): string {
  let folded = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const upper = c.toUpperCase();
    const u = upper.length === 1 ? upper : c;
    const lower = u.toLowerCase();
    folded += lower.length === 1 ? lower : u;
  }
  return folded;
}

/** A string that is equal for two values exactly when Java's equals() says they are (for map keys). */
function identityKey(value: JavaValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `S${value}`;
  if (typeof value === 'boolean') return `B${value}`;
  if (value instanceof JavaIntegral) return `${value.type}:${value.value}`;
  if (value instanceof JavaDouble) return `D${Object.is(value.value, -0) ? '-0' : value.value}`;
  if (value instanceof JavaCharacter) return `C${value.value}`;
  return `O${javaToString(value)}`;
}

export function javaClassName(value: Exclude<JavaValue, null>): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof JavaIntegral) return value.type;
  if (value instanceof JavaDouble) return 'Double';
  if (value instanceof JavaCharacter) return 'Character';
  if (value instanceof JavaList) return value.kind;
  return value.javaClassName;
}

/** `String.valueOf(value)`: what Velocity writes for a reference. */
export function javaToString(value: JavaValue, seen: ReadonlySet<unknown> = new Set()): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isJavaNumber(value)) return numberToJavaString(value);
  if (value instanceof JavaCharacter) return value.value;
  if (value instanceof JavaMap) {
    const inner = new Set([...seen, value]);
    const show = (v: JavaValue): string => (v === value ? '(this Map)' : javaToString(v, inner));
    return `{${value.entries().map(e => `${show(e.key)}=${show(e.value)}`).join(', ')}}`;
  }
  if (value instanceof JavaList) {
    const inner = new Set([...seen, value]);
    return `[${value.items.map(v => (v === value ? '(this Collection)' : javaToString(v, inner))).join(', ')}]`;
  }
  return value.javaToString();
}

/** `a.equals(b)` for the classes of the model. */
export function javaEquals(a: JavaValue, b: JavaValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (a instanceof JavaIntegral) return b instanceof JavaIntegral && a.type === b.type && a.value === b.value;
  if (a instanceof JavaDouble) return b instanceof JavaDouble && Object.is(a.value, b.value);
  if (a instanceof JavaCharacter) return b instanceof JavaCharacter && a.value === b.value;
  if (a instanceof JavaMap) {
    if (!(b instanceof JavaMap) || a.size !== b.size) return false;
    return a.entries().every(e => b.has(e.key) && javaEquals(e.value, b.get(e.key)));
  }
  if (a instanceof JavaList) {
    if (!(b instanceof JavaList) || a.items.length !== b.items.length) return false;
    return a.items.every((item, i) => javaEquals(item, b.items[i]));
  }
  return a === b;
}

/**
 * Velocity 1.7's `==`: numbers by value whatever their class; objects of the same class with
 * equals(); otherwise by their printed forms (so `"1" == 1` is true); null only equals null.
 */
export function velocityEquals(a: JavaValue, b: JavaValue): boolean {
  if (isJavaNumber(a) && isJavaNumber(b)) return compareNumbers(a, b) === 0;
  if (a === null || b === null) return a === b;
  if (javaClassName(a) === javaClassName(b)) return javaEquals(a, b);
  return javaToString(a) === javaToString(b);
}

/** Velocity 1.7's `#if`: null is false, a Boolean is itself, anything else (even "" and 0) is true. */
export function velocityTruthy(value: JavaValue): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  return true;
}
