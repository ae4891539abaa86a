import { conflictWith, HttpRouteKey, parseHttpRouteKey, pathShape } from '../../src/private/route-key';

function parse(key: string): HttpRouteKey {
  const parsed = parseHttpRouteKey('routeKey', key);
  if (Array.isArray(parsed)) throw new Error(parsed.map(p => p.rule).join('; '));
  return parsed;
}

function problemsOf(key: string): string {
  const parsed = parseHttpRouteKey('routeKey', key);
  return Array.isArray(parsed) ? parsed.map(p => `[${p.code}] ${p.rule}`).join('\n') : '';
}

describe('parseHttpRouteKey', () => {
  test.each([
    ['GET /orders/{id}', 'GET', ['orders', '{id}']],
    ['ANY /{proxy+}', 'ANY', ['{proxy+}']],
    ['POST /', 'POST', []],
    ['DELETE /v1/items.json', 'DELETE', ['v1', 'items.json']],
  ])('accepts %s', (key, method, segments) => {
    const route = parse(key);
    expect(route.method).toBe(method);
    expect(route.segments.map(s => (s.kind === 'literal' ? s.text : `{${s.name}${s.greedy ? '+' : ''}}`))).toEqual(segments);
  });

  test.each([
    ['get /orders', /must start with one of GET, POST/],
    ['FETCH /orders', /must start with one of/],
    ['GET orders', /path must start with \//],
    ['GET  /orders', /must be a method, one space and a path/],
    ['GET /orders/', /must not end with \//],
    ['GET /orders//items', /segment '' must be/],
    ['GET /orders/id{x}', /segment 'id\{x\}' must be/],
    ['GET /{proxy+}/items', /greedy parameter \{proxy\+\} may only be the last segment/],
    ['GET /a/{id}/b/{id}', /path parameter \{id\} must appear once/],
    ['$default', /must be a method, one space and a path/],
  ])('rejects %s', (key, message) => {
    expect(problemsOf(key)).toMatch(message);
  });

  test('every problem starts with the InvalidRouteKey code', () => {
    expect(problemsOf('get /x/')).toMatch(/^\[InvalidRouteKey\]/);
  });
});

describe('conflictWith', () => {
  test('the same method and path shape is a duplicate', () => {
    const problem = conflictWith('routeKey', parse('GET /orders/{id}'), [parse('GET /orders/{id}')]);
    expect(problem?.code).toBe('DuplicateRoute');
  });

  test('differently named parameters at one level conflict', () => {
    const problem = conflictWith('routeKey', parse('GET /orders/{orderId}/items'), [parse('DELETE /orders/{id}')]);
    expect(problem?.code).toBe('ConflictingPathParameter');
    expect(problem?.rule).toContain("uses {orderId} where 'DELETE /orders/{id}' uses {id}");
  });

  test('a greedy and a plain parameter at one level conflict', () => {
    expect(conflictWith('routeKey', parse('GET /files/{path+}'), [parse('GET /files/{path}')])?.code).toBe('ConflictingPathParameter');
  });

  test.each([
    ['GET /orders/{id}', 'POST /orders/{id}'],
    ['GET /orders/{id}', 'GET /orders/latest'],
    ['GET /orders/{id}', 'GET /customers/{customerId}'],
    ['ANY /orders', 'GET /orders'],
  ])('%s and %s live together', (a, b) => {
    expect(conflictWith('routeKey', parse(a), [parse(b)])).toBeUndefined();
  });

  test('path shape ignores parameter names', () => {
    expect(pathShape(parse('GET /a/{x}/b/{y+}'))).toBe('/a/{}/b/{+}');
  });
});
