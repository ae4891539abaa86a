import { RequestValue } from './request-value';
import { Problem } from '../core/errors';

/**
 * The problem with `value` when it is a path parameter the route does not have, with the
 * route's parameters as the fix. One wording for every place that reads path parameters.
 */
export function unknownPathParameter(prop: string, value: RequestValue, routeParameters: Iterable<string>): Problem | undefined {
  const names = [...routeParameters];
  if (value._source !== 'pathParameter' || names.includes(value._name)) return undefined;
  return {
    code: 'InvalidRequestValue',
    prop,
    rule: 'must name a path parameter of the route',
    value: value._name,
    fix: `use one of: ${names.join(', ') || '(the route has none)'}, or add {${value._name}} to the route's path`,
  };
}
