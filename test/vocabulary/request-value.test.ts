import { RequestValue } from '../../src';

describe('RequestValue', () => {
  test.each<[RequestValue, string | undefined, string | undefined]>([
    [RequestValue.pathParameter('id'), 'method.request.path.id', undefined],
    [RequestValue.queryString('lang'), 'method.request.querystring.lang', 'method.request.querystring.lang'],
    [RequestValue.header('X-Tenant'), 'method.request.header.X-Tenant', 'method.request.header.X-Tenant'],
    [RequestValue.stageVariable('env'), undefined, 'stageVariables.env'],
    [RequestValue.context('identity.sourceIp'), undefined, 'context.identity.sourceIp'],
    [RequestValue.body(), undefined, undefined],
    [RequestValue.jsonPath('$.a'), undefined, undefined],
    [RequestValue.literal('x'), undefined, undefined],
  ])('%s renders for REST', (value, parameter, identitySource) => {
    expect(value._restRequestParameter()).toBe(parameter);
    expect(value._restIdentitySource()).toBe(identitySource);
  });

  test.each([
    RequestValue.jsonPath('$.customer.id'), RequestValue.jsonPath("$.items[0]['sku-code']"), RequestValue.jsonPath('$'),
    RequestValue.pathParameter('order_id'), RequestValue.header('X-Api-Key'), RequestValue.context('authorizer.claims.sub'),
    RequestValue.literal('anything at all'), RequestValue.body(),
  ])('%s is valid', (value) => {
    expect(value._problems('prop')).toEqual([]);
  });

  test.each<[RequestValue, RegExp]>([
    [RequestValue.jsonPath('customer.id'), /must be a JSON path/],
    [RequestValue.jsonPath('$..id'), /must be a JSON path/],
    [RequestValue.pathParameter('{id}'), /must be letters, digits, _ . or -/],
    [RequestValue.queryString('a b'), /must be letters, digits, _ . or -/],
    [RequestValue.header('X:Tenant'), /must be a valid HTTP header name/],
    [RequestValue.context('$context.requestId'), /must be a context variable path without \$context\./],
    [RequestValue.stageVariable('my-var'), /must be letters, digits or _/],
  ])('%s is rejected', (value, rule) => {
    const [problem] = value._problems('prop');
    expect(problem.code).toBe('InvalidRequestValue');
    expect(problem.rule).toMatch(rule);
  });

  test('reads like the factory call', () => {
    expect(String(RequestValue.header('X-Tenant'))).toBe('header("X-Tenant")');
    expect(String(RequestValue.body())).toBe('body()');
  });
});
