import { HttpRouteContext } from './http-binding';
import { RequestValue } from '../common/request-value';
import { Problem } from '../private/errors';
import { pathParameterNames } from '../private/route-key';

/**
 * The `RequestValue`s one HTTP API route maps into an integration's parameters: checks each
 * against the parameter-mapping syntax and the route (a path parameter must be in its path)
 * and renders it (`$request.path.id`, `$request.body.a.b`, a static string, …).
 */
export class HttpRouteValues {
  public readonly problems: Problem[] = [];
  private readonly pathParameters: Set<string>;

  constructor(ctx: HttpRouteContext) {
    this.pathParameters = new Set(pathParameterNames(ctx.route));
  }

  public use(value: RequestValue, prop: string): string {
    const own = value._httpMappingProblems(prop);
    this.problems.push(...own);
    if (own.length > 0) return '';
    if (value._source === 'pathParameter' && !this.pathParameters.has(value._name)) {
      this.problems.push({
        code: 'InvalidRequestValue',
        prop,
        rule: 'must name a path parameter of the route',
        value: value._name,
        fix: `use one of: ${[...this.pathParameters].join(', ') || '(the route has none)'}, or add {${value._name}} to the route's path`,
      });
    }
    return value._httpMappingValue()!;
  }
}
