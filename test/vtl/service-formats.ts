/**
 * Readers for what services receive, written independently of the renderer so that tests
 * check the rendered requests against the service formats, not against themselves.
 */

/** Decodes `application/x-www-form-urlencoded` as SQS does (`+` is a space, UTF-8 escapes). */
export function parseForm(body: string): Map<string, string> {
  const params = new Map<string, string>();
  if (body === '') return params;
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    if (/[^A-Za-z0-9*\-._+%]/.test(value)) throw new Error(`unencoded character in form value ${JSON.stringify(value)}`);
    params.set(decode(name), decode(value));
  }
  return params;
}

function decode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** The message attributes of a SendMessage form, by name, checking they are numbered 1..n. */
export function formMessageAttributes(form: Map<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let n = 1; form.has(`MessageAttribute.${n}.Name`); n++) {
    expect(form.get(`MessageAttribute.${n}.Value.DataType`)).toBe('String');
    attributes[form.get(`MessageAttribute.${n}.Name`)!] = form.get(`MessageAttribute.${n}.Value.StringValue`)!;
  }
  const numbered = [...form.keys()].filter(k => /^MessageAttribute\.\d+\.Name$/.test(k)).length;
  expect(Object.keys(attributes)).toHaveLength(numbered);
  return attributes;
}

export type AttributeValue =
  | { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

/**
 * DynamoDB's typed form of a JSON value, with numbers as JS numbers' text. Compare with
 * `sameAttributeValue`, which compares numbers by value (Java prints `1e21` as `1.0E21`).
 */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') return { N: String(value) };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toAttributeValue(v)])) };
}

/** Replaces every `N` by its numeric value so typed values compare by meaning. */
export function numbersByValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(numbersByValue);
  if (value !== null && typeof value === 'object') {
    // `+ 0` makes -0 and 0 the same number: Java prints -0.0, JavaScript 0.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'N' ? Number(v) + 0 : numbersByValue(v)]));
  }
  return value;
}

/** Plain JSON with every number rounded to a double, for comparing re-printed numbers. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Whether `body` is a JSON object (what the routes' validators let through to DynamoDB). */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body === '' ? '{}' : body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Levels of maps and lists under an item's attributes: `{"a": 1}` is 0, `{"a": [1]}` is 1.
 * The templates write `MAX_NESTING` levels; deeper bodies are refused.
 */
export function attributeNesting(item: Record<string, unknown>): number {
  const depth = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 0;
    return 1 + Math.max(0, ...Object.values(value).map(depth));
  };
  return Math.max(0, ...Object.values(item).map(depth));
}
