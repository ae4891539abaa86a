import { isIP } from 'net';
import { Duration, Token } from 'aws-cdk-lib';
import { Problem } from './errors';
import { translateJavaRegex } from './java-regex';

/** Whole seconds of a duration in [min, max], or a problem. Token durations pass. */
export function durationRangeProblem(
  prop: string, value: Duration | undefined, minSeconds: number, maxSeconds: number, fix: string,
  code: Problem['code'],
): Problem | undefined {
  if (value === undefined || Token.isUnresolved(value.toSeconds({ integral: false }))) return undefined;
  const seconds = value.toSeconds({ integral: false });
  if (Number.isInteger(seconds) && seconds >= minSeconds && seconds <= maxSeconds) return undefined;
  return { code, prop, rule: `must be whole seconds from ${minSeconds} to ${maxSeconds}`, value, fix };
}

/** Problem when a string value is neither a token nor matching the pattern. */
export function patternProblem(
  prop: string, value: string, pattern: RegExp, rule: string, fix: string, code: Problem['code'],
): Problem | undefined {
  if (Token.isUnresolved(value) || pattern.test(value)) return undefined;
  return { code, prop, rule, value, fix };
}

/**
 * True for an IPv4 or IPv6 address, alone or as a CIDR range (`203.0.113.0/24`,
 * `2001:db8::/32`): what IAM's `IpAddress` operator compares `aws:SourceIp` with.
 */
export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const version = address.includes('%') ? 0 : isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Whether `pattern` compiles as a Java regular expression, as API Gateway reads it. The VTL
 * renderer's translator knows most of Java's syntax; what it refuses (possessive quantifiers,
 * atomic groups, inline flags) is set aside and the rest must parse.
 */
export function isJavaRegex(pattern: string): boolean {
  if (hasIllegalRepetition(pattern)) return false;
  try {
    translateJavaRegex(pattern);
    return true;
  } catch {
    const rest = pattern
      .replace(/([*+?}])\+/g, '$1')
      .replace(/\(\?>/g, '(?:')
      .replace(/\(\?[a-zA-Z]*-?[a-zA-Z]*\)/g, '')
      .replace(/\(\?[a-zA-Z]*-?[a-zA-Z]*:/g, '(?:');
    try {
      new RegExp(rest);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Whether `pattern` has a `{` outside a character class, a quote (`\Q…\E`) and an escape's
 * own braces (`\p{Alpha}`, `\x{41}`) that does not start a quantifier `{n}`, `{n,}` or
 * `{n,m}`: Java refuses it ("Illegal repetition") where JavaScript, and so the checks above,
 * take it as a literal brace.
 */
function hasIllegalRepetition(pattern: string): boolean {
  let classDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        if (end < 0) return false;
        i = end + 1;
      } else if ('pPxN'.includes(next) && pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i + 3);
        if (end < 0) return false;
        i = end;
      } else {
        i++;
      }
    } else if (c === '[') {
      classDepth++;
    } else if (c === ']' && classDepth > 0) {
      classDepth--;
    } else if (c === '{' && classDepth === 0 && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      return true;
    }
  }
  return false;
}
