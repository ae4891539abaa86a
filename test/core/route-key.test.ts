import { conflictWith, HTTP_PATH_RULES, HttpRouteKey, parseHttpRouteKey, PathRules, pathShape, REST_PATH_RULES } from '../../src/core/route-key';

function parse(key: string, rules: PathRules = REST_PATH_RULES): HttpRouteKey {
  const parsed = parseHttpRouteKey('routeKey', key, rules);
  if (Array.isArray(parsed)) throw new Error(parsed.map(p => p.rule).join('; '));
  return parsed;
}

function problemsOf(key: string, rules: PathRules = REST_PATH_RULES): string {
  const parsed = parseHttpRouteKey('routeKey', key, rules);
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

  // API Gateway's rule for a REST path part: letters, digits and . _ - : $ (aws-cdk-lib checks the same).
  test.each([
    ['GET /$appliances:all', ['$appliances:all']],
    ['POST /v1/events:batch', ['v1', 'events:batch']],
    ['GET /a_b-c.d', ['a_b-c.d']],
    ['GET /$', ['$']],
  ])('REST accepts %s', (key, segments) => {
    expect(parse(key).segments.map(s => (s.kind === 'literal' ? s.text : ''))).toEqual(segments);
  });

  test.each(['GET /a~b', 'GET /a@b', 'GET /a,b', 'GET /a+b', 'GET /caf\u00e9', 'GET /a%20b', 'GET /a*'])('REST refuses %s', key => {
    expect(problemsOf(key)).toMatch(/\[InvalidRouteKey\] segment '.*' must be letters, digits, \. _ - : \$ or a whole-segment \{param\} \/ \{param\+\}/);
  });

  // HTTP APIs keep their own rule: unreserved characters and ':'.
  test.each(['GET /a~b', 'GET /events:batch', 'GET /a_b-c.d'])('HTTP accepts %s', key => {
    expect(problemsOf(key, HTTP_PATH_RULES)).toBe('');
  });

  test.each(['GET /$appliances', 'GET /a@b', 'GET /a,b'])('HTTP refuses %s', key => {
    expect(problemsOf(key, HTTP_PATH_RULES)).toMatch(/\[InvalidRouteKey\] segment '.*' must be letters, digits, \. _ - : ~ or a whole-segment/);
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
