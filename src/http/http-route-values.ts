import { HttpRouteContext } from './http-binding';
import { httpMappingProblems, httpMappingValue } from './parameter-mapping';
import { Problem } from '../core/errors';
import { pathParameterNames } from '../core/route-key';
import { unknownPathParameter } from '../vocabulary/path-parameters';
import { RequestValue } from '../vocabulary/request-value';

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
    const own = httpMappingProblems(value, prop);
    this.problems.push(...own);
    if (own.length > 0) return '';
    const unknown = unknownPathParameter(prop, value, this.pathParameters);
    if (unknown) this.problems.push(unknown);
    return httpMappingValue(value._source, value._name)!;
  }
}
