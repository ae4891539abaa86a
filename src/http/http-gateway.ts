import {
  ArnFormat, aws_apigatewayv2 as apigwv2, aws_iam as iam, aws_lambda as lambda, aws_logs as logs, Duration, Stack,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { HttpDefinition } from './definition/http-definition';
import { HTTP_ACCESS_LOG_FIELDS, httpAccessLogFormat } from './http-access-log-format';
import { HttpAuthorizers } from './http-authorizers';
import { HttpIntegrationSettings, HttpRouteContext } from './http-binding';
import { bindHttpAuthorization, bindHttpIntegration } from './http-capabilities';
import { toHttpCors } from './http-cors';
import { HttpDefaultAuthorizer } from './http-default-authorizer';
import { httpDomainProblems } from './http-domain';
import { routeId } from './http-ids';
import { HttpIntegrations } from './http-integrations';
import { HTTP_REFUSED_ROUTE_OPTIONS } from './http-refusals';
import { DEFAULT_ROUTE_KEY, parseHttpApiRouteKey } from './http-route-key';
import { HttpRouteSettings } from './http-route-settings';
import { defaultApiName } from '../core/api-name';
import { fail, Problem, throwIfProblems, warn } from '../core/errors';
import { conflictWith, DEFAULT_AUTHORIZATION_ROUTE, HttpRouteKey } from '../core/route-key';
import { bool, optional, optionsProblems, propsProblems as propsShapeProblems, str, struct } from '../core/shape';
import { stageNameProblems, stageVariableProblems } from '../core/stage-rules';
import { addHttpMonitoring } from '../monitoring/gateway-hosts';
import { MetricDimensions } from '../monitoring/gateway-metric';
import { GatewayMonitoring } from '../monitoring/gateway-monitoring';
import { HttpGatewayMetrics } from '../monitoring/http-gateway-metrics';
import { httpMetricDimensions } from '../monitoring/metric-dimensions';
import { monitoredRoute, MonitoredRoutes } from '../monitoring/monitored-routes';
import { MonitoringOptions } from '../monitoring/monitoring-options';
import { registerGateway } from '../review/gateway-registry';
import { V2RouteRecord, v2GatewayEntry } from '../review/v2-gateway-entry';
import { additionalFieldProblems } from '../shared/access-log-fields';
import { accessLogGroup, accessLogKeyProblems, accessLogOptionProblems } from '../shared/access-logs';
import { escapeHatchDuplicates } from '../shared/escape-hatch-routes';
import { ExecuteApiEndpointChoice, executeApiEndpointDisabled, executeApiEndpointProblems, hasCallableUrl } from '../shared/execute-api-endpoint';
import { grantExecuteApi } from '../shared/execute-api-grant';
import { addRouteProblems, methodProblems, ROUTES, STAGE_VARIABLES } from '../shared/gateway-methods';
import { LambdaInvokePermissions } from '../shared/lambda-invocation';
import { RouteTable, routeInvokeArn } from '../shared/route-table';
import { ServiceRoles } from '../shared/service-roles';
import { refusedOptionProblems, restOnlyProps, shownValue } from '../shared/unsupported-options';
import { addUrlOutput } from '../shared/url-output';
import { mapV2Domain } from '../shared/v2-domain-mapping';
import { ACCESS_LOG_OPTIONS, AccessLogOptions } from '../vocabulary/access-log-options';
import { API_QUOTAS, ApiQuotas, apiQuotasProblems, DEFAULT_QUOTAS } from '../vocabulary/api-quotas';
import { AUTHORIZATION, Authorization } from '../vocabulary/authorization';
import { CORS_OPTIONS, CorsOptions } from '../vocabulary/cors-options';
import { corsProblems } from '../vocabulary/cors-validation';
import { DEFINITION_STYLE, DefinitionStyle, definitionStyleFromContext } from '../vocabulary/definition-style';
import { DOMAIN_OPTIONS, DomainOptions } from '../vocabulary/domain-options';
import { Integration } from '../vocabulary/integration';
import { OPEN_API_DEFINITION_OPTIONS, OpenApiDefinitionOptions } from '../vocabulary/openapi-definition-options';
import { ROUTE_OPTIONS, RouteOptions } from '../vocabulary/route-options';
import { burstLimitOf, exceedsAccountDefaults, THROTTLE_SETTINGS, throttleProblems, ThrottleSettings } from '../vocabulary/throttle-settings';
import { URL_OUTPUT_OPTIONS, UrlOutputOptions } from '../vocabulary/url-output-options';

/** API Gateway's default quota of routes per HTTP API. */
const DEFAULT_THROTTLE: ThrottleSettings = { rateLimit: 1000, burstLimit: 2000 };

/** Properties of an `HttpGateway`. */
export interface HttpGatewayProps {
  /**
   * Routes by route key (`'GET /orders/{id}'`, `'$default'`), with default route options;
   * use `addRoute` for per-route options.
   * @default - no routes
   */
  readonly routes?: { [routeKey: string]: Integration };

  /**
   * Authorization of routes that do not set their own.
   * @default Authorization.iam()
   */
  readonly defaultAuthorization?: Authorization;

  /**
   * Stage-wide throttling (token bucket). Above the account defaults (10,000 / 5,000) a
   * warning reminds you to raise the account quota.
   * @default { rateLimit: 1000, burstLimit: 2000 }
   */
  readonly throttle?: ThrottleSettings;

  /**
   * Cross-origin resource sharing through the HTTP API's CORS configuration: API Gateway
   * answers preflight requests itself, without authorization, and adds the CORS headers to
   * every response.
   * @default - no CORS
   */
  readonly cors?: CorsOptions;

  /**
   * Name of the stage. `$default` serves the API at the root of its URL; any other name
   * becomes the URL's first path segment.
   * @default '$default'
   */
  readonly stageName?: string;

  /**
   * Stage variables.
   * @default - none
   */
  readonly stageVariables?: { [name: string]: string };

  /**
   * Description of the stage, as API Gateway shows it.
   * @default - none
   */
  readonly stageDescription?: string;

  /**
   * JSON access logs.
   * @default - on, to a log group the gateway owns, kept one year
   */
  readonly accessLogs?: AccessLogOptions;

  /**
   * A custom domain: certificate (created and validated by DNS when not given), the regional
   * domain with TLS 1.2, the API mapping of the stage (under `basePath`) and the alias
   * record; the default `execute-api` endpoint is turned off. HttpGateways of one stack that
   * name the same domain share it.
   * @default - the `execute-api` endpoint only
   */
  readonly domain?: DomainOptions;

  /**
   * Turn off the default `execute-api` endpoint, e.g. when a custom domain managed elsewhere
   * serves the API. Without a domain the gateway then has no URL to output (the output is
   * left out).
   * @default - off with a custom domain (unless `domain.keepExecuteApiEndpoint`), on without
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * Name of the HTTP API.
   * @default - the stack name and the gateway's construct path in it, e.g. `orders-prod/Sales/Api`
   */
  readonly apiName?: string;

  /**
   * Description of the HTTP API.
   * @default - none
   */
  readonly description?: string;

  /**
   * The stack output with the URL clients call (the custom domain's when there is one), shown
   * after `cdk deploy`. `{ enabled: false }` leaves it out; `name` fixes its name.
   * @default - an output named after the gateway's construct path
   */
  readonly urlOutput?: UrlOutputOptions;

  /**
   * Per-API quotas AWS raised for this API, which the synth-time limit checks then use.
   * @default - API Gateway's defaults (300 resources or routes, 10 authorizers)
   */
  readonly quotas?: ApiQuotas;

  /**
   * How the routes are written into the template: one OpenAPI document as the API's `Body`
   * (CloudFormation resources stay constant however many routes), or one resource per route,
   * integration and authorizer. Switching an existing API from one to the other replaces
   * its routes in one deploy: see README "Large APIs".
   * @default - the context value `@cdk-gatehouse:definitionStyle` (e.g. in cdk.json), else DefinitionStyle.RESOURCES
   */
  readonly definitionStyle?: DefinitionStyle;
}

/**
 * An HTTP API (API Gateway v2) with its auto-deployed stage, secure by default: IAM
 * authorization on every route, throttling, JSON access logs, detailed metrics, one
 * integration per target and one Lambda permission per function.
 *
 * @example
 * import { Authorization, HttpGateway, Integration } from 'cdk-gatehouse';
 *
 * const shop = new HttpGateway(this, 'Shop', {
 *   cors: { allowOrigins: ['https://shop.example.com'] },
 *   defaultAuthorization: Authorization.jwt({
 *     issuer: 'https://auth.example.com/',
 *     audiences: ['shop'],
 *   }),
 * });
 * shop.addRoute('GET /products/{id}', Integration.lambda(fn));
 * shop.addRoute('GET /health', Integration.lambda(fn), { authorization: Authorization.none() });
 */
export class HttpGateway extends Construct {
  /** The underlying HTTP API (escape hatch). */
  public readonly api: apigwv2.HttpApi;
  /** The stage clients call; it deploys every change automatically. */
  public readonly stage: apigwv2.HttpStage;
  /** Where access logs go; undefined when they are off. */
  public readonly accessLogGroup?: logs.ILogGroup;
  /** The custom domain, when `domain` is set (shared by the stack's HttpGateways that name it). */
  public readonly domainName?: apigwv2.DomainName;
  /** How the routes are written into the template. */
  public readonly definitionStyle: DefinitionStyle;
  /** CloudWatch metrics of the stage and of each route. */
  public readonly metrics: HttpGatewayMetrics;

  private readonly stageName: string;
  private readonly customUrl?: string;
  private readonly defaultAuthorization: Authorization;
  private readonly cors?: CorsOptions;
  private readonly routes = new RouteTable<HttpRouteKey>(this);
  private readonly routeScope: Construct;
  private readonly routeSettings: HttpRouteSettings;
  private readonly permissions: LambdaInvokePermissions;
  private readonly serviceRoles = new ServiceRoles(this);
  private readonly integrations: HttpIntegrations;
  private readonly authorizers: HttpAuthorizers;
  /** What each route is, for the route manifest. */
  private readonly manifestRoutes: V2RouteRecord[] = [];
  private readonly quotas: Required<ApiQuotas>;
  private readonly definition: HttpDefinition;
  private readonly stageThrottle: ThrottleSettings;
  private readonly metricDimensions: MetricDimensions;
  private readonly monitoredRoutes = new MonitoredRoutes();
  private monitoring?: GatewayMonitoring;

  constructor(scope: Construct, id: string, props: HttpGatewayProps = {}) {
    super(scope, id);
    throwIfProblems(this, propsShapeProblems(HTTP_GATEWAY_PROPS, props));
    const throttle = props.throttle ?? DEFAULT_THROTTLE;
    throwIfProblems(this, [
      ...propsProblems(props), ...apiQuotasProblems(props.quotas, 'routes', 'an HttpGateway'), ...httpDomainProblems(props.domain, Stack.of(this).region), ...executeApiEndpointProblems(endpointChoice(props)), ...accessLogKeyProblems(this, props.accessLogs),
    ]);
    if (exceedsAccountDefaults(throttle)) {
      warn(this, 'ThrottleAboveAccountDefault',
        `throttle ${JSON.stringify(throttle)} is above API Gateway's default account limits (10000 requests/s, burst 5000): request a quota increase or the account limit applies`);
    }

    this.quotas = { ...DEFAULT_QUOTAS, ...props.quotas };
    this.stageName = props.stageName ?? DEFAULT_ROUTE_KEY;
    this.defaultAuthorization = props.defaultAuthorization ?? Authorization.iam();
    this.cors = props.cors;

    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: props.apiName ?? defaultApiName(this),
      description: props.description,
      createDefaultStage: false,
      corsPreflight: this.cors ? toHttpCors(this.cors) : undefined,
      // Written only when off (or kept next to a domain), so gateways without either keep their template.
      disableExecuteApiEndpoint: props.domain || props.disableExecuteApiEndpoint !== undefined
        ? executeApiEndpointDisabled(endpointChoice(props))
        : undefined,
      defaultAuthorizer: new HttpDefaultAuthorizer(() => bindHttpAuthorization(this.defaultAuthorization._spec, {
        ...this.routeContext('defaultAuthorization', DEFAULT_AUTHORIZATION_ROUTE, undefined), authorizationProp: 'defaultAuthorization',
      })),
    });
    this.definitionStyle = props.definitionStyle ?? definitionStyleFromContext(this) ?? DefinitionStyle.RESOURCES;
    this.definition = new HttpDefinition(this, this.api, this.definitionStyle);
    // `apiId/*` covers every stage, route and authorizer of this API, `$default` included.
    const sourceArn = Stack.of(this).formatArn({
      service: 'execute-api', resource: this.api.apiId, resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.permissions = new LambdaInvokePermissions(this, 'InvokePermissions', sourceArn);
    this.integrations = new HttpIntegrations(this, 'Integrations', this.api);
    this.authorizers = new HttpAuthorizers(this, 'Authorizers');
    this.authorizers.limit = this.quotas.authorizersPerApi;
    this.routeScope = new Construct(this, 'Routes');

    this.accessLogGroup = accessLogGroup(this, props.accessLogs);
    this.stage = new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: this.stageName,
      autoDeploy: true,
      throttle: { rateLimit: throttle.rateLimit, burstLimit: burstLimitOf(throttle) },
      detailedMetricsEnabled: true,
      stageVariables: props.stageVariables,
      accessLogSettings: this.accessLogGroup
        ? { destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup), format: httpAccessLogFormat(props.accessLogs) }
        : undefined,
    });
    // Set on the CloudFormation stage: older aws-cdk-lib versions have no stage description prop.
    (this.stage.node.defaultChild as apigwv2.CfnStage).description = props.stageDescription;
    this.routeSettings = new HttpRouteSettings(this.stage.node.defaultChild as apigwv2.CfnStage);
    if (props.domain) {
      const mapped = mapV2Domain(this, this.api, this.stage, props.domain, 'HttpGateway');
      this.domainName = mapped.domain;
      this.customUrl = mapped.url;
    }

    if (hasCallableUrl(endpointChoice(props))) {
      addUrlOutput(this, { prop: 'urlOutput', id: 'Url', value: this.url, description: 'The URL clients call' }, props.urlOutput);
    }
    registerGateway(this, () => v2GatewayEntry({
      gateway: this,
      type: 'HTTP',
      stageName: this.stageName,
      stageThrottle: throttle,
      accessLogs: this.accessLogGroup !== undefined,
      cors: this.cors && { allowOrigins: [...this.cors.allowOrigins].sort(), allowCredentials: this.cors.allowCredentials ?? false },
      domain: props.domain && {
        domainName: props.domain.domainName,
        securityPolicy: props.domain.securityPolicy ?? 'TLS_1_2',
        mutualTls: props.domain.mutualTls !== undefined,
      },
      defaultTimeoutMillis: 30_000,
      routes: this.manifestRoutes,
    }));

    this.stageThrottle = throttle;
    this.metricDimensions = httpMetricDimensions(this, this.api.apiId, this.stageName, (prop, key) => this.routes.require(prop, key));
    this.metrics = HttpGatewayMetrics._of(this.metricDimensions);
    // A repeated route is also caught when the definition is written at synth, in either style.
    this.node.addValidation({ validate: () => escapeHatchDuplicates(this.api, key => this.routes.has(key)) });
    for (const [routeKey, integration] of Object.entries(props.routes ?? {})) {
      this.bindRoute(`routes['${routeKey}']`, routeKey, integration, {});
    }
  }

  /** The URL clients call, ending in `/`: the custom domain's when there is one, else the stage's. */
  public get url(): string {
    if (this.customUrl) return this.customUrl;
    // aws-cdk-lib ends the `$default` stage's URL with `/` but not a named stage's.
    return this.stageName === DEFAULT_ROUTE_KEY ? this.stage.url : `${this.stage.url}/`;
  }

  /**
   * Adds a route, e.g. `addRoute('GET /orders/{id}', Integration.lambda(fn))` or
   * `addRoute('$default', Integration.http(url))`.
   * @returns the route resource (escape hatch)
   */
  public addRoute(routeKey: string, integration: Integration, options: RouteOptions = {}): apigwv2.CfnRoute {
    const { call, problems } = addRouteProblems(routeKey, integration, options, ROUTE_OPTIONS);
    throwIfProblems(this, problems);
    return this.bindRoute(call, routeKey, integration, options);
  }

  /**
   * The API's OpenAPI 3 document: with `DefinitionStyle.OPENAPI` what its `Body` holds, else
   * what its routes, integrations and authorizers amount to. References to other resources
   * (a function's ARN) are CloudFormation intrinsics. Also written at synth into the cloud
   * assembly as `<stack>.<gateway path>.openapi.json`.
   * @returns the document as JSON text
   */
  public openApiDefinition(options: OpenApiDefinitionOptions = {}): string {
    throwIfProblems(this, optionsProblems(OPEN_API_DEFINITION_OPTIONS, options, 'openApiDefinition'));
    return `${JSON.stringify(this.definition.document(options.apiGatewayExtensions ?? true), undefined, 2)}\n`;
  }

  /**
   * Adds CloudWatch alarms sized by what the gateway knows of each route (its integration
   * timeout, its throttle), routes added later included, and a dashboard. Once per gateway.
   */
  public addMonitoring(options: MonitoringOptions = {}): GatewayMonitoring {
    this.monitoring = addHttpMonitoring({
      gateway: this, dimensions: this.metricDimensions, routes: this.monitoredRoutes, stageThrottle: this.stageThrottle, existing: this.monitoring,
    }, options);
    return this.monitoring;
  }

  /**
   * Allows `grantee` to call IAM-authorized routes (`execute-api:Invoke`): every route of
   * the stage, or only `routeKey` (`$default`: every request the other routes do not match,
   * which IAM can only name as the whole stage).
   */
  public grantInvoke(grantee: iam.IGrantable, routeKey?: string): iam.Grant {
    throwIfProblems(this, methodProblems('grantInvoke', { grantee, routeKey }));
    let arn = this.api.arnForExecuteApi('*', '/*', this.stageName);
    if (routeKey !== undefined) {
      const route = this.routes.require('grantInvoke routeKey', routeKey);
      if (route.key !== DEFAULT_ROUTE_KEY) arn = routeInvokeArn(this.api, route, this.stageName);
    }
    return grantExecuteApi(this, this.definitionStyle, { grantee, actions: ['execute-api:Invoke'], resourceArns: [arn] });
  }

  private bindRoute(prop: string, routeKey: string, integration: Integration, options: RouteOptions): apigwv2.CfnRoute {
    const route = this.acceptRoute(prop, routeKey);
    throwIfProblems(this, [...throttleProblems(`${prop}.throttle`, options.throttle), ...refusedOptionProblems(HTTP_REFUSED_ROUTE_OPTIONS, options, prop, shownValue)]);

    const ctx = this.routeContext(prop, route, options.timeout);
    const binding = bindHttpIntegration(integration._spec, ctx);
    const auth = bindHttpAuthorization((options.authorization ?? this.defaultAuthorization)._spec, ctx);
    const cfnRoute = new apigwv2.CfnRoute(this.routeScope, routeId(route), {
      apiId: this.api.apiId,
      routeKey: route.key,
      target: `integrations/${binding.integration.integrationId}`,
      authorizationType: auth.authorizationType,
      authorizerId: auth.authorizer?.authorizerId,
      authorizationScopes: auth.authorizationScopes,
    });
    this.manifestRoutes.push({
      routeKey: route.key,
      integration: integration._spec,
      authorization: (options.authorization ?? this.defaultAuthorization)._spec,
      throttle: options.throttle,
      validatesBody: false,
      requiredParameters: [],
      cfnIntegration: binding.integration.node.defaultChild as apigwv2.CfnIntegration,
    });
    if (options.throttle) this.routeSettings.throttleRoute(route.key, options.throttle, cfnRoute);
    this.monitoredRoutes.add(monitoredRoute(route.key, integration._spec, options));
    return cfnRoute;
  }

  /** Parses the key and checks it against the routes already on the API. */
  private acceptRoute(prop: string, routeKey: string): HttpRouteKey {
    const parsed = parseHttpApiRouteKey(prop, routeKey);
    if (Array.isArray(parsed)) throwIfProblems(this, parsed);
    const route = parsed as HttpRouteKey;
    if (this.routes.has(route.key)) {
      fail(this, {
        code: 'DuplicateRoute',
        prop,
        rule: 'must be unique, but the gateway already has it',
        value: routeKey,
        fix: 'remove one of the two routes',
      });
    }
    const conflict = route.key === DEFAULT_ROUTE_KEY
      ? undefined
      : conflictWith(prop, route, this.routes.values().filter(r => r.key !== DEFAULT_ROUTE_KEY));
    if (conflict) throwIfProblems(this, [conflict]);
    if (this.cors && route.method === 'OPTIONS') {
      fail(this, {
        code: 'DuplicateRoute',
        prop,
        rule: 'must not be an OPTIONS route while cors is set (API Gateway answers preflights)',
        value: routeKey,
        fix: 'remove the OPTIONS route or the cors option',
      });
    }
    this.routes.add(prop, route.key, route, {
      limit: this.quotas.routesPerApi, otherFix: 'split the API into several gateways (e.g. per domain), or use a greedy {proxy+} route',
    });
    return route;
  }

  private routeContext(prop: string, route: HttpRouteKey, routeTimeout: Duration | undefined): HttpRouteContext {
    return {
      scope: this,
      api: this.api,
      route,
      prop,
      authorizationProp: `${prop}.authorization`,
      routeTimeout,
      grantInvoke: (fn: lambda.IFunction) => this.permissions.grant(fn),
      serviceRole: (target: IConstruct, description: string) => this.serviceRoles.for(target, description),
      integration: (owner: IConstruct | string, settings: HttpIntegrationSettings) => this.integrations.get(owner, settings, prop),
      sharedAuthorizer: (owner, kind, settings, create) => this.authorizers.get(owner, kind, settings, prop, create),
    };
  }
}


function propsProblems(props: HttpGatewayProps): Problem[] {
  const problems: Problem[] = [...throttleProblems('throttle', props.throttle), ...corsProblems(props.cors)];
  problems.push(...stageNameProblems(props.stageName, true), ...stageVariableProblems('stageVariables', props.stageVariables));
  problems.push(...accessLogOptionProblems(props.accessLogs), ...additionalFieldProblems(HTTP_ACCESS_LOG_FIELDS, props.accessLogs));
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const HTTP_GATEWAY_PROPS = struct<HttpGatewayProps>('HttpGatewayProps', {
  routes: ROUTES,
  defaultAuthorization: optional(AUTHORIZATION),
  throttle: optional(THROTTLE_SETTINGS),
  cors: optional(CORS_OPTIONS),
  stageName: optional(str("'$default'")),
  stageVariables: STAGE_VARIABLES,
  stageDescription: optional(str()),
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  domain: optional(DOMAIN_OPTIONS),
  disableExecuteApiEndpoint: optional(bool()),
  apiName: optional(str("'orders'")),
  description: optional(str()),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
  quotas: optional(API_QUOTAS),
  definitionStyle: optional(DEFINITION_STYLE),
}, '{ throttle: { rateLimit: 500, burstLimit: 1000 } }', restOnlyProps('an HttpGateway', 'HTTP APIs'));

function endpointChoice(props: HttpGatewayProps): ExecuteApiEndpointChoice {
  return { disable: props.disableExecuteApiEndpoint, domain: props.domain, urlOutput: props.urlOutput };
}
