import { Duration, Size, Token } from 'aws-cdk-lib';
import { describeValue, Problem, throwIfArgumentProblems } from './errors';

/**
 * The type one value must have, checked before any rule about its content (ranges,
 * patterns). JavaScript callers and jsii's untyped paths reach the library without the
 * compiler's help; these checks give them a `[Code]` error instead of a `TypeError` or a
 * silently wrong template.
 *
 * `T` is the TypeScript type the check accepts, in both directions, so a shape whose check
 * disagrees with its interface (a `str()` for a number prop) does not compile.
 */
export interface Check<T> {
  /** The type, as messages name it: `a string`, `a Duration`. */
  readonly expected: string;
  /** A right value, for the fix: `Duration.seconds(30)`. */
  readonly example: string;
  /** The fields of a struct, the element check of a list or map: what tests walk. */
  readonly fields?: FieldTable;
  readonly structName?: string;
  readonly element?: Check<any>;
  /** Ties the check to `T` (never set). */
  readonly _accepts?: (value: T) => T;
  /**
   * Problems with a value that is neither undefined nor null. `keyPrefix` names the members
   * of a struct (default `<at>.`).
   */
  problems(value: unknown, at: string, keyPrefix?: string): Problem[];
}

/** A prop of a shape: its check, and whether it may be left out. */
export interface Field<T> {
  readonly check: Check<T>;
  readonly optional: boolean;
}
export interface OptionalField<T> extends Field<T> { readonly optional: true }
export interface RequiredField<T> extends Field<T> { readonly optional: false }

/**
 * The declared type of every prop of a props struct. The mapped type makes the compiler
 * refuse a shape that forgets a prop, adds one the interface lacks, or gets optionality wrong.
 */
/** Fields by name, whatever they describe. */
export type FieldTable = { readonly [name: string]: Field<any> };

export type Shape<T> = {
  readonly [K in keyof T]-?: undefined extends T[K] ? OptionalField<NonNullable<T[K]>> : RequiredField<T[K]>
};

export function optional<T>(check: Check<T>): OptionalField<T> {
  return { check, optional: true };
}

export function required<T>(check: Check<T>): RequiredField<T> {
  return { check, optional: false };
}

/**
 * Problems with one prop. `undefined` means "not set". `null` is an error, optional prop or
 * not: jsii's other languages never send it (their kernel turns None/null into undefined), and
 * from JavaScript it is ambiguous (`accessLogs: null`: off, or the default?).
 */
export function fieldProblems(field: Field<any>, value: unknown, at: string, keyPrefix?: string): Problem[] {
  const { check } = field;
  if (value === undefined) {
    return field.optional ? [] : [typeProblem(at, `is required (${check.expected})`, value, `set it, e.g. ${check.example}`)];
  }
  if (value === null) {
    return [field.optional
      ? typeProblem(at, `must be ${check.expected} or left out`, value, `leave it out for the default (null is not "not set"), or pass e.g. ${check.example}`)
      : typeProblem(at, `is required (${check.expected})`, value, `pass e.g. ${check.example}`)];
  }
  return check.problems(value, at, keyPrefix);
}

function typeProblem(prop: string, rule: string, value: unknown, fix: string): Problem {
  return { code: 'InvalidType', prop, rule, value, fix };
}

/** A check of one type, from a predicate. */
export function simple<T>(expected: string, example: string, accepts: (value: unknown) => boolean): Check<T> {
  return {
    expected,
    example,
    problems: (value, at) => (accepts(value) ? [] : [typeProblem(at, `must be ${expected}`, value, `pass e.g. ${example}`)]),
  };
}

export function str(example = "'text'"): Check<string> {
  return simple('a string', example, v => typeof v === 'string');
}

/** A finite number, or a number token. */
export function num(example = '10'): Check<number> {
  return simple('a number', example, v => typeof v === 'number' && (Number.isFinite(v) || Token.isUnresolved(v)));
}

export function bool(): Check<boolean> {
  return simple('true or false', 'true', v => typeof v === 'boolean');
}

/** aws-cdk-lib's `Duration` (by its methods: an app may load two copies of aws-cdk-lib). */
export function duration(example = 'Duration.seconds(30)'): Check<Duration> {
  return simple('a Duration', example, v => hasMethods(v, 'toSeconds', 'toMilliseconds', 'toHumanString'));
}

/** aws-cdk-lib's `Size`. */
export function size(example = 'Size.kibibytes(1)'): Check<Size> {
  return simple('a Size', example, v => hasMethods(v, 'toBytes', 'toKibibytes'));
}

/** A plain object the library passes on as it is (a JSON schema, a subnet selection). */
export function plainObject<T>(expected: string, example: string): Check<T> {
  return simple(expected, example, isPlainObject);
}

/**
 * Marks an object as made by the library's class `name` (in its constructor), for `madeBy`.
 * A symbol rather than `instanceof`: the shapes need not import the classes (whose modules
 * import the shapes), and objects from another copy of the library are recognized too.
 */
export function brand(made: object, name: string): void {
  Object.defineProperty(made, Symbol.for(`cdk-gatehouse.${name}`), { value: true });
}

/** An object made by one of the library's factories (`Integration.lambda(…)`), not a look-alike. */
export function madeBy<T>(name: string, example: string): Check<T> {
  const mark = Symbol.for(`cdk-gatehouse.${name}`);
  return simple(`${article(name)} (made by ${example.replace(/\(.*$/, '')}() or another ${name}.* method)`, example,
    v => isObject(v) && mark in (v as object));
}

/**
 * An object of an aws-cdk-lib interface (`lambda.IFunction`), recognized by an attribute every
 * implementation has: an object of another kind (a queue where a function is due) is refused.
 */
export function ref<T>(name: string, attribute: string, example: string): Check<T> {
  return simple(`${article(name)} (an object with ${attribute})`, example, v => isObject(v) && attribute in (v as object));
}

/**
 * A member of an enum (looked up when checked). JavaScript users often pass a member's name
 * (`'GB_0_5'`) or a lower-case value: both are refused with the list of members.
 */
export function enumOf<T>(name: string, enumValues: () => object): Check<T> {
  const members = (): [string, unknown][] => {
    const entries = Object.entries(enumValues());
    const numeric = entries.some(([, v]) => typeof v === 'number');
    return entries.filter(([, v]) => (numeric ? typeof v === 'number' : true));
  };
  return {
    expected: `a member of ${name}`,
    get example() {
      return `${name}.${members()[0][0]}`;
    },
    problems: (value, at) => {
      const all = members();
      if (all.some(([, v]) => v === value)) return [];
      const listed = all.slice(0, 8).map(([key, v]) => `${name}.${key} (${JSON.stringify(v)})`).join(', ');
      return [typeProblem(at, `must be a member of ${name}`, value, `use one of ${listed}${all.length > 8 ? ', …' : ''}`)];
    },
  };
}

/** Either of two types (`addApiKey`'s name or key). */
export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  const expected = `${a.expected} or ${b.expected}`;
  return {
    expected,
    example: a.example,
    problems: (value, at) => (a.problems(value, at).length === 0 || b.problems(value, at).length === 0
      ? []
      : [typeProblem(at, `must be ${expected}`, value, `pass e.g. ${a.example}`)]),
  };
}

/** An array; each element is checked, `null` elements included. Tokens for lists are arrays too. */
export function list<T>(element: Check<T>): Check<T[]> {
  const expected = `a list of ${plural(element.expected)}`;
  return {
    expected,
    example: `[${element.example}]`,
    element,
    problems: (value, at) => {
      if (!Array.isArray(value)) return [typeProblem(at, `must be ${expected}`, value, `pass e.g. [${element.example}]`)];
      return value.flatMap((item, i) => fieldProblems(required(element), item, `${at}[${i}]`));
    },
  };
}

/** A plain object of string keys; each value is checked. */
export function map<T>(element: Check<T>, example: string): Check<{ [key: string]: T }> {
  const expected = `an object of ${plural(element.expected)} by name`;
  return {
    expected,
    example,
    element,
    problems: (value, at) => {
      if (!isPlainObject(value)) return [typeProblem(at, `must be ${expected}`, value, `pass e.g. ${example}`)];
      return Object.entries(value as object).flatMap(([key, item]) => fieldProblems(required(element), item, `${at}['${key}']`));
    },
  };
}

/**
 * What to say about a key a struct does not have: a problem of its own (e.g. a RestGateway
 * prop on an HttpGateway), `ignore`, or undefined for the generic `UnknownProp`.
 */
export type UnknownKeyRule = (key: string, value: unknown, at: string) => Problem | 'ignore' | undefined;

/**
 * A props struct: an object whose every prop is checked against its field, and whose
 * unknown keys are errors that list the props it has. Keys set to undefined are ignored.
 */
export function struct<T>(name: string, fields: Shape<T>, example: string, unknownKey?: UnknownKeyRule): Check<T> {
  const known = Object.keys(fields);
  const table = fields as unknown as Record<string, Field<any>>;
  return {
    expected: `an object of ${name}`,
    example,
    fields: table,
    structName: name,
    problems: (value, at, keyPrefix = `${at}.`) => {
      if (!isPlainObject(value)) return [typeProblem(at, `must be an object of ${name}`, value, `pass e.g. ${example}`)];
      const given = value as Record<string, unknown>;
      const problems = known.flatMap(key => fieldProblems(table[key], given[key], `${keyPrefix}${key}`));
      for (const key of Object.keys(given).filter(k => !known.includes(k) && given[k] !== undefined)) {
        const own = unknownKey?.(key, given[key], `${keyPrefix}${key}`);
        if (own === 'ignore') continue;
        problems.push(own ?? unknownProp(name, known, key, given[key], `${keyPrefix}${key}`));
      }
      return problems;
    },
  };
}

function unknownProp(name: string, known: string[], key: string, value: unknown, at: string): Problem {
  const near = known.find(k => k.toLowerCase() === key.toLowerCase()) ?? known.find(k => editDistance(k, key) <= 2);
  return {
    code: 'UnknownProp',
    prop: at,
    rule: `is not a prop of ${name}`,
    value,
    fix: `${near ? `did you mean ${near}? ` : ''}${name} has ${known.join(', ')}`,
  };
}

/** The arguments of a factory or method, as a shape of an object of them (`A` names their types). */
export function args<A>(shape: Shape<A>): Shape<A> {
  return shape;
}

/**
 * Problems with the arguments of a factory (`Integration.sqs`): each named `<factory> <arg>`,
 * and the props of its `options` argument `<factory> <prop>`, as route errors name them.
 */
export function argumentProblems<S extends FieldTable>(factory: string, shape: S, values: { readonly [K in keyof S]-?: unknown }): Problem[] {
  const table: FieldTable = shape;
  const given = values as Record<string, unknown>;
  return Object.keys(table).flatMap(name =>
    fieldProblems(table[name], given[name], `${factory} ${name}`, name === 'options' ? `${factory} ` : undefined));
}

/**
 * A checker of the factories of one registry (`Integration.*`): throws every problem with the
 * arguments of one call at once. The argument object must name exactly the declared arguments.
 */
export function argumentChecker<R extends Record<string, FieldTable>>(registry: R) {
  return <K extends keyof R & string>(factory: K, given: { readonly [P in keyof R[K]]-?: unknown }): void =>
    throwIfArgumentProblems(argumentProblems(factory, registry[factory], given));
}

/** Problems with a gateway's props (`undefined` is no props), named by their keys. */
export function propsProblems(check: Check<any>, props: unknown): Problem[] {
  return fieldProblems(optional(check), props, 'props', '');
}

/** How messages name a method call on a key: `addRoute('GET /a')`, or `addRoute(42)` for a key that is no string. */
export function callName(method: string, key: unknown): string {
  return typeof key === 'string' ? `${method}('${key}')` : `${method}(${describeValue(key)})`;
}

/** Problems with the options of a method call, named after the call: `addRoute('GET /a').throttle`. */
export function optionsProblems(check: Check<any>, value: unknown, call: string): Problem[] {
  return fieldProblems(optional(check), value, `${call} options`, `${call}.`);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structs and maps are plain objects (`{ … }`, or what jsii's kernel makes of a struct): a
 * construct or a `Duration` where a struct is due is a mistake, not a struct with odd keys.
 */
function isPlainObject(value: unknown): boolean {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasMethods(value: unknown, ...names: string[]): boolean {
  return isObject(value) && names.every(name => typeof (value as Record<string, unknown>)[name] === 'function');
}

function article(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

function plural(expected: string): string {
  return expected === 'true or false' ? 'booleans' : expected.replace(/^an? /, '').replace(/^(\S+)/, '$1s');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
