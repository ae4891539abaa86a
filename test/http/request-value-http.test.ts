import { RequestValue } from '../../src';
import { httpIdentitySource, httpMappingProblems, httpMappingValue } from '../../src/http/parameter-mapping';

describe('RequestValue on HTTP APIs', () => {
  test.each<[RequestValue, string, string | undefined]>([
    [RequestValue.body(), '$request.body', undefined],
    [RequestValue.jsonPath('$'), '$request.body', undefined],
    [RequestValue.jsonPath('$.customer.id'), '$request.body.customer.id', undefined],
    [RequestValue.jsonPath("$.items[0]['sku']"), '$request.body.items[0].sku', undefined],
    [RequestValue.pathParameter('id'), '$request.path.id', undefined],
    [RequestValue.queryString('lang'), '$request.querystring.lang', '$request.querystring.lang'],
    [RequestValue.header('X-Tenant'), '$request.header.X-Tenant', '$request.header.X-Tenant'],
    [RequestValue.context('authorizer.jwt.claims.sub'), '$context.authorizer.jwt.claims.sub', '$context.authorizer.jwt.claims.sub'],
    [RequestValue.stageVariable('env'), '$stageVariables.env', '$stageVariables.env'],
    [RequestValue.literal('shop.orders'), 'shop.orders', undefined],
  ])('%s renders as parameter mapping', (value, mapping, identitySource) => {
    expect(httpMappingProblems(value, 'prop')).toEqual([]);
    expect(httpMappingValue(value._source, value._name)).toBe(mapping);
    expect(httpIdentitySource(value)).toBe(identitySource);
  });

  test.each<[RequestValue, RegExp]>([
    [RequestValue.jsonPath("$['sku-code']"), /quoted keys/],
    [RequestValue.header('X.Tenant'), /letters, digits, _ or -/],
    [RequestValue.queryString('a.b'), /letters, digits, _ or -/],
    [RequestValue.context('identity.user-agent'), /letters, digits, _ and \. steps/],
    [RequestValue.literal(''), /must not be empty/],
    [RequestValue.literal('cost $5'), /must not contain \$/],
    [RequestValue.jsonPath('$..id'), /must be a JSON path/],
  ])('%s is refused', (value, rule) => {
    const problems = httpMappingProblems(value, 'prop');
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('InvalidRequestValue');
    expect(problems[0].rule).toMatch(rule);
  });
});
