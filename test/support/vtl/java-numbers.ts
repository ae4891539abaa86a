import { VtlRenderError } from './vtl-error';

/**
 * Java's boxed numbers as Velocity sees them. JSON and literals give Integer, Long or
 * BigInteger (the smallest that holds the value) and Double; a JS `number` cannot tell 1 from
 * 1.0, and Velocity prints them differently, so the type travels with the value.
 */
export type IntegralType = 'Integer' | 'Long' | 'BigInteger';

export class JavaIntegral {
  constructor(readonly type: IntegralType, readonly value: bigint) {}
}

export class JavaDouble {
  constructor(readonly value: number) {}
}

export type JavaNumber = JavaIntegral | JavaDouble;

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function isJavaNumber(value: unknown): value is JavaNumber {
  return value instanceof JavaIntegral || value instanceof JavaDouble;
}

/** The type Jackson and Velocity's literals pick for an integral value: the smallest that fits. */
export function integral(value: bigint): JavaIntegral {
  if (value >= INT_MIN && value <= INT_MAX) return new JavaIntegral('Integer', value);
  if (value >= LONG_MIN && value <= LONG_MAX) return new JavaIntegral('Long', value);
  return new JavaIntegral('BigInteger', value);
}

export function javaInteger(value: number): JavaIntegral {
  return new JavaIntegral('Integer', BigInt(value));
}

/** `Double.toString`: shortest digits that read back, plain between 1e-3 and 1e7, else `d.dddE±n`. */
export function doubleToJavaString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const magnitude = Math.abs(d);
  const [mantissa, exponentText] = magnitude.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

export function numberToJavaString(n: JavaNumber): string {
  return n instanceof JavaDouble ? doubleToJavaString(n.value) : n.value.toString();
}

export function toDouble(n: JavaNumber): number {
  return n instanceof JavaDouble ? n.value : Number(n.value);
}

/** `(long) d` / `(int) d`: NaN is 0, out-of-range values saturate, the rest truncate. */
function doubleToIntegral(d: number, min: bigint, max: bigint): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d === Infinity) return max;
  if (d === -Infinity) return min;
  const truncated = BigInt(Math.trunc(d));
  return truncated < min ? min : truncated > max ? max : truncated;
}

export function intValue(n: JavaNumber): JavaIntegral {
  const value = n instanceof JavaDouble ? doubleToIntegral(n.value, INT_MIN, INT_MAX) : BigInt.asIntN(32, n.value);
  return new JavaIntegral('Integer', value);
}

export function longValue(n: JavaNumber): JavaIntegral {
  const value = n instanceof JavaDouble ? doubleToIntegral(n.value, LONG_MIN, LONG_MAX) : BigInt.asIntN(64, n.value);
  return new JavaIntegral('Long', value);
}

export function doubleValue(n: JavaNumber): JavaDouble {
  return new JavaDouble(toDouble(n));
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

/** Velocity 1.7's MathUtils: which arithmetic two operands get. */
function calculationBase(a: JavaNumber, b: JavaNumber): 'long' | 'biginteger' | 'double' {
  const bothIntegral = a instanceof JavaIntegral && b instanceof JavaIntegral;
  if (bothIntegral) return a.type === 'BigInteger' || b.type === 'BigInteger' ? 'biginteger' : 'long';
  const bigInteger = (a instanceof JavaIntegral && a.type === 'BigInteger') || (b instanceof JavaIntegral && b.type === 'BigInteger');
  if (bigInteger) {
    // Velocity switches to BigDecimal here, whose printing this model does not follow.
    throw new VtlRenderError('Arithmetic mixing a BigInteger with a Double is not supported');
  }
  return 'double';
}

/** Velocity keeps the wider operand type for a long result, and widens when it does not fit. */
function wrapLong(result: bigint, a: JavaIntegral, b: JavaIntegral): JavaIntegral {
  const type: IntegralType = a.type === 'Long' || b.type === 'Long' ? 'Long' : 'Integer';
  if (type === 'Integer' && result >= INT_MIN && result <= INT_MAX) return new JavaIntegral('Integer', result);
  return new JavaIntegral('Long', result);
}

function isZero(n: JavaNumber): boolean {
  return n instanceof JavaDouble ? n.value === 0 : n.value === 0n;
}

/**
 * `a op b` as Velocity 1.7 computes it: Integer/Long arithmetic that moves to Long, then
 * BigInteger, on overflow; Double as soon as one side is a Double; division and remainder by
 * zero give null (Velocity logs and returns null, and `#set` then leaves its target alone).
 */
export function arithmetic(operator: ArithmeticOperator, a: JavaNumber, b: JavaNumber): JavaNumber | null {
  if ((operator === '/' || operator === '%') && isZero(b)) return null;
  const base = calculationBase(a, b);
  if (base === 'double') return new JavaDouble(doubleOperation(operator, toDouble(a), toDouble(b)));
  const x = (a as JavaIntegral).value;
  const y = (b as JavaIntegral).value;
  const exact = integralOperation(operator, x, y);
  if (base === 'biginteger') return new JavaIntegral('BigInteger', exact);
  if (operator === '/' || operator === '%') {
    // Long.MIN_VALUE / -1 wraps in Java.
    return wrapLong(BigInt.asIntN(64, exact), a as JavaIntegral, b as JavaIntegral);
  }
  if (exact < LONG_MIN || exact > LONG_MAX) return new JavaIntegral('BigInteger', exact);
  return wrapLong(exact, a as JavaIntegral, b as JavaIntegral);
}

function doubleOperation(operator: ArithmeticOperator, x: number, y: number): number {
  switch (operator) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
  }
}

function integralOperation(operator: ArithmeticOperator, x: bigint, y: bigint): bigint {
  switch (operator) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
  }
}

/** Numeric comparison regardless of class: negative, zero or positive. */
export function compareNumbers(a: JavaNumber, b: JavaNumber): number {
  if (a instanceof JavaIntegral && b instanceof JavaIntegral) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  const x = toDouble(a);
  const y = toDouble(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function negate(n: JavaNumber): JavaNumber | null {
  return arithmetic('-', javaInteger(0), n);
}
