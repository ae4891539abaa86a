import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { TemplateValue, templateValue, templateValueProblems } from './request-value-vtl';
import { TemplatePlace } from './template-places';
import { Problem } from '../core/errors';
import { pathParameterNames, HttpRouteKey } from '../core/route-key';
import { unknownPathParameter } from '../vocabulary/path-parameters';
import { RequestValue } from '../vocabulary/request-value';
import { RequestValueSource } from '../vocabulary/request-value-source';

/**
 * What a route offers its mapping templates, for gateways other than REST: the path
 * parameters it has, and the sources its templates cannot read, each with why and what to
 * use instead (a WebSocket message has no path, headers or query strings).
 */
export interface TemplateValueRules {
  readonly pathParameters: readonly string[];
  readonly unavailable: Partial<Record<RequestValueSource, { readonly rule: string; readonly fix: string }>>;
}

/**
 * The `RequestValue`s one route's mapping template reads: checks each against the route
 * (a path parameter must be in its path), declares path, query-string and header values as
 * method request parameters, and gives each a template variable of its own.
 */
export class RouteValues {
  public readonly problems: Problem[] = [];
  public readonly requestParameters: Record<string, boolean> = {};
  /** Whether a value is read from the JSON body, which must then parse. */
  public readsJsonBody = false;
  private readonly pathParameters: Set<string>;
  private readonly unavailable: TemplateValueRules['unavailable'] = {};
  private slots = 0;

  /** @param route a REST route, or the rules of another gateway's route */
  constructor(route: { readonly route: HttpRouteKey } | TemplateValueRules) {
    if ('pathParameters' in route) {
      this.pathParameters = new Set(route.pathParameters);
      this.unavailable = route.unavailable;
    } else {
      this.pathParameters = new Set(pathParameterNames(route.route));
    }
  }

  /**
   * @param place where the value goes in the service call: how it reads a JSON value, whether
   * API Gateway's validator should refuse requests without it (a key or a message group)
   * rather than the template leaving it empty, and what a literal must be there.
   */
  public use(value: RequestValue, prop: string, place: TemplatePlace): TemplateValue {
    // A placeholder keeps building the template; the problems are thrown before it is used.
    const placeholder = (): TemplateValue => templateValue(RequestValue.literal(''), '', place);
    const own = templateValueProblems(value, prop, place);
    this.problems.push(...own);
    if (own.length > 0) return placeholder();
    const unavailable = this.unavailable[value._source];
    if (unavailable) {
      this.problems.push({ code: 'InvalidRequestValue', prop, rule: unavailable.rule, value, fix: unavailable.fix });
      return placeholder();
    }
    const unknown = unknownPathParameter(prop, value, this.pathParameters);
    if (unknown) this.problems.push(unknown);
    if (value._source === 'jsonPath') this.readsJsonBody = true;
    const parameter = value._restRequestParameter();
    if (parameter) this.requestParameters[parameter] = this.requestParameters[parameter] || place.required;
    return templateValue(value, `gV${this.slots++}`, place);
  }

  /**
   * The body schema the route needs: a JSON object when a value is read from it, so the
   * validator answers 400 to a body that does not parse instead of the template failing (500).
   */
  public requestSchema(): apigw.JsonSchema | undefined {
    return this.readsJsonBody ? { type: apigw.JsonSchemaType.OBJECT } : undefined;
  }
}
