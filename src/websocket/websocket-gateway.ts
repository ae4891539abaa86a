import {
  ArnFormat, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_iam as iam, aws_lambda as lambda, aws_logs as logs, Names, Stack, Validations,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { modelSchema } from './request-model-schema';
import { WEBSOCKET_ACCESS_LOG_FIELDS, webSocketAccessLogFormat } from './websocket-access-log-format';
import { DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_SELECTION, WebSocketRouteContext } from './websocket-binding';
import { bindWebSocketAuthorization, bindWebSocketIntegration } from './websocket-capabilities';
import { webSocketDomainProblems } from './websocket-domain';
import { WEBSOCKET_REFUSED_ROUTE_OPTIONS } from './websocket-refusals';
import { hasMessageBody, parseWebSocketRouteKey, WebSocketRouteKey } from './websocket-route-key';
import { RefusedWebSocketRouteOptions, WEBSOCKET_ROUTE_OPTIONS, WebSocketRouteOptions } from './websocket-route-options';
import { WebSocketRouteSettings } from './websocket-route-settings';
import { defaultApiName } from '../core/api-name';
import { fail, Problem, throwIfProblems, warn } from '../core/errors';
import { bool, map, optional, propsProblems as propsShapeProblems, str, struct } from '../core/shape';
import { METHOD_LOGGING_LEVEL } from '../core/shapes/aws';
import { stageNameProblems, stageVariableProblems } from '../core/stage-rules';
import { patternProblem } from '../core/validation';
import { addWebSocketMonitoring } from '../monitoring/gateway-hosts';
import { MetricDimensions } from '../monitoring/gateway-metric';
import { GatewayMonitoring } from '../monitoring/gateway-monitoring';
import { webSocketMetricDimensions } from '../monitoring/metric-dimensions';
import { monitoredRoute, MonitoredRoutes } from '../monitoring/monitored-routes';
import { MonitoringOptions } from '../monitoring/monitoring-options';
import { WebSocketGatewayMetrics } from '../monitoring/websocket-gateway-metrics';
import { registerGateway } from '../review/gateway-registry';
import { V2RouteRecord, v2GatewayEntry } from '../review/v2-gateway-entry';
import { additionalFieldProblems } from '../shared/access-log-fields';
import { accessLogGroup, accessLogKeyProblems, accessLogOptionProblems } from '../shared/access-logs';
import { AccountLogsRole } from '../shared/account-logs-role';
import { dataTraceOf } from '../shared/data-trace';
import { escapeHatchDuplicates } from '../shared/escape-hatch-routes';
import { addRouteProblems, methodProblems, STAGE_VARIABLES } from '../shared/gateway-methods';
import { LambdaInvokePermissions } from '../shared/lambda-invocation';
import { RouteTable } from '../shared/route-table';
import { ServiceRoles } from '../shared/service-roles';
import { refusedOptionProblems, restOnlyProps } from '../shared/unsupported-options';
import { addUrlOutput } from '../shared/url-output';
import { ApiKeyRegistry, UsagePlan, UsagePlanOptions } from '../shared/usage-plan';
import { mapV2Domain } from '../shared/v2-domain-mapping';
import { ACCESS_LOG_OPTIONS, AccessLogOptions } from '../vocabulary/access-log-options';
import { API_QUOTAS, ApiQuotas, apiQuotasProblems, DEFAULT_QUOTAS } from '../vocabulary/api-quotas';
import { AUTHORIZATION, Authorization } from '../vocabulary/authorization';
import { authorizationFactory } from '../vocabulary/authorization-spec';
import { CLIENT_CERTIFICATE, ClientCertificate } from '../vocabulary/client-certificate';
import { DOMAIN_OPTIONS, DomainOptions } from '../vocabulary/domain-options';
import { INTEGRATION, Integration } from '../vocabulary/integration';
import { exceedsAccountDefaults, THROTTLE_SETTINGS, throttleProblems, ThrottleSettings } from '../vocabulary/throttle-settings';
import { URL_OUTPUT_OPTIONS, UrlOutputOptions } from '../vocabulary/url-output-options';

/** API Gateway's default quota of routes per WebSocket API. */
const DEFAULT_THROTTLE: ThrottleSettings = { rateLimit: 1000, burstLimit: 2000 };
const DEFAULT_ROUTE_SELECTION = '$request.body.action';
/** `$request.body.<path>`, or a text of `${request.body.<path>}` parts and literals. */
const BODY_PATH = '[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*';
const ROUTE_SELECTION = new RegExp(`^(\\$request\\.body\\.${BODY_PATH}|([A-Za-z0-9_.:-]*\\$\\{request\\.body\\.${BODY_PATH}\\})+[A-Za-z0-9_.:-]*)$`);

/**
 * Properties of a `WebSocketGateway`.
 *
 * API Gateway's limits apply to every WebSocket API: a frame is at most 32 KB and a message
 * at most 128 KB; idle connections close after 10 minutes and every connection after 2 hours.
 */
export interface WebSocketGatewayProps {
  /**
   * The `$connect` route: runs when a client opens a connection, after `authorization`; a
   * Lambda function can refuse the connection by failing or answering a non-2XX status.
   * @default - API Gateway accepts every authorized connection itself (a mock `$connect`
   * route, so that `authorization` still applies)
   */
  readonly connect?: Integration;

  /**
   * The `$disconnect` route: runs (best effort) when a connection closes, from either side.
   * @default - none
   */
  readonly disconnect?: Integration;

  /**
   * The `$default` route: messages whose route selection matches no route, and messages
   * that are not JSON.
   * @default - none: such messages are answered with an error
   */
  readonly defaultRoute?: Integration;

  /**
   * Message routes by route key (the value the route selection expression reads from a
   * message, e.g. `sendMessage` for `{"action":"sendMessage"}`); use `addRoute` for route
   * options. A message is at most 128 KB (frames of 32 KB).
   * @default - no routes
   */
  readonly routes?: { [routeKey: string]: Integration };

  /**
   * Who may connect: checked on `$connect` only, as API Gateway does (messages on an open
   * connection are not authorized again). IAM, a Lambda request authorizer reading query
   * strings or headers, or `Authorization.none()`.
   * @default Authorization.iam()
   */
  readonly authorization?: Authorization;

  /**
   * Where the route key is read from each message: `$request.body.<field>`, or a text of
   * `${request.body.<field>}` parts.
   * @default '$request.body.action'
   */
  readonly routeSelectionExpression?: string;

  /**
   * Stage-wide throttling of messages and connections (token bucket). Above the account
   * defaults (10,000 / 5,000) a warning reminds you to raise the account quota.
   * @default { rateLimit: 1000, burstLimit: 2000 }
   */
  readonly throttle?: ThrottleSettings;

  /**
   * Name of the stage, the last path segment of the URLs.
   * @default 'prod'
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
   * JSON access logs, one line per connect, message and disconnect, with the connection
   * ID, event type and route key.
   * @default - on, to a log group the gateway owns, kept one year
   */
  readonly accessLogs?: AccessLogOptions;

  /**
   * A certificate the stage presents to HTTP backends (`Integration.http`), so they can accept
   * only calls from this API: `ClientCertificate.generate()` or an existing one by ID.
   * @default - none: HTTP backends get no client certificate
   */
  readonly clientCertificate?: ClientCertificate;

  /**
   * Execution logging level of every route.
   * @default apigw.MethodLoggingLevel.ERROR
   */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;

  /**
   * Log full messages and responses in the execution logs, for debugging. They may hold
   * credentials and personal data: a warning (`cdk-gatehouse:DataTraceLogging`) says it is
   * on, and the route manifest's diff calls turning it on risky.
   * @default false
   */
  readonly dataTrace?: boolean;

  /**
   * Set API Gateway's account-level CloudWatch Logs role when none is set in the account
   * and region (needed by execution logging): one shared role per account and region,
   * `gatehouse-apigateway-logs-{region}`, created at deploy time only when needed and owned
   * by no stack. Never overwrites a role already set. Turn off where a platform team owns
   * that setting.
   * @default true
   */
  readonly manageAccountLogsRole?: boolean;

  /**
   * Name of the WebSocket API.
   * @default - the stack name and the gateway's construct path in it, e.g. `chat-prod/Chat`
   */
  readonly apiName?: string;

  /**
   * Description of the WebSocket API.
   * @default - none
   */
  readonly description?: string;

  /**
   * The stack output with the URL clients connect to (`wss://…`), shown after `cdk deploy`.
   * `{ enabled: false }` leaves it out; `name` fixes its name.
   * @default - an output named after the gateway's construct path
   */
  readonly urlOutput?: UrlOutputOptions;

  /**
   * Per-API quotas AWS raised for this API, which the synth-time limit checks then use.
   * @default - API Gateway's defaults (300 resources or routes, 10 authorizers)
   */
  readonly quotas?: ApiQuotas;

  /**
   * The stack output with the callback URL backends post to (`https://…/@connections`
   * endpoint), shown after `cdk deploy`. `{ enabled: false }` leaves it out; `name` fixes its name.
   * @default - an output named after the gateway's construct path
   */
  readonly callbackUrlOutput?: UrlOutputOptions;

  /**
   * A custom domain clients connect to (`wss://<domainName>/<basePath>`): certificate
   * (created and validated by DNS when not given), the regional domain with TLS 1.2, the API
   * mapping of the stage and the alias record. WebSocket gateways of a stack that name the
   * same domain share it; API Gateway maps no WebSocket API on a domain of HTTP or REST APIs,
   * and offers no mutual TLS on it. The execute-api endpoint stays on: backends post to
   * `@connections` there (`callbackUrl`).
   * @default - none
   */
  readonly domain?: DomainOptions;

  /**
   * Require an API key (the `x-api-key` header of the connection request) to connect: API
   * Gateway checks it on `$connect`, so the plans of `addUsagePlan` throttle and count
   * connections per key. Browsers cannot set headers on a WebSocket: for server and device
   * clients.
   * @default false
   */
  readonly apiKeyRequired?: boolean;
}

/**
 * A WebSocket API (API Gateway v2) and its auto-deployed stage, secure by default: every
 * connection authorized (IAM unless you say otherwise), throttling, JSON access logs with
 * the connection ID, execution logs, detailed metrics, and one Lambda permission per
 * function.
 *
 * API Gateway's limits: frames of at most 32 KB, messages of at most 128 KB, idle
 * connections closed after 10 minutes, every connection after 2 hours.
 *
 * @example
 * import { Authorization, Integration, WebSocketGateway } from 'cdk-gatehouse';
 *
 * const chat = new WebSocketGateway(this, 'Chat', {
 *   authorization: Authorization.none(),
 *   connect: Integration.lambda(onConnect),
 *   disconnect: Integration.lambda(onDisconnect),
 *   routes: { sendMessage: Integration.lambda(onMessage) },
 * });
 * chat.grantManageConnections(onMessage);
 */
export class WebSocketGateway extends Construct {
  /** The underlying WebSocket API (escape hatch). */
  public readonly api: apigwv2.WebSocketApi;
  /** The stage clients connect to; it deploys every change automatically. */
  public readonly stage: apigwv2.WebSocketStage;
  /** Where access logs go; undefined when they are off. */
  public readonly accessLogGroup?: logs.ILogGroup;
  /** The ID of the client certificate the stage presents to HTTP backends, when `clientCertificate` is set. */
  public readonly clientCertificateId?: string;
  /** The custom domain, when `domain` is set (shared by the stack's WebSocketGateways that name it). */
  public readonly domainName?: apigwv2.DomainName;
  /** CloudWatch metrics of the stage and of each route. */
  public readonly metrics: WebSocketGatewayMetrics;

  private readonly authorization: Authorization;
  private readonly routes = new RouteTable<WebSocketRouteKey>(this);
  /** Every route's resources live under this scope; the stage depends on all of them. */
  private readonly routesScope: Construct;
  private readonly routeSettings: WebSocketRouteSettings;
  private readonly permissions: LambdaInvokePermissions;
  private readonly serviceRoles = new ServiceRoles(this);
  /** What each route is, for the route manifest. */
  private readonly manifestRoutes: V2RouteRecord[] = [];
  private readonly quotas: Required<ApiQuotas>;
  /** The URL under the custom domain, when there is one. */
  private readonly customUrl?: string;
  private readonly apiKeyRequired: boolean;
  private readonly stageThrottle: ThrottleSettings;
  private readonly apiKeys = new ApiKeyRegistry(this);
  private readonly usagePlans: UsagePlan[] = [];
  private readonly metricDimensions: MetricDimensions;
  private readonly monitoredRoutes = new MonitoredRoutes();
  private monitoring?: GatewayMonitoring;

  constructor(scope: Construct, id: string, props: WebSocketGatewayProps = {}) {
    super(scope, id);
    throwIfProblems(this, propsShapeProblems(WEBSOCKET_GATEWAY_PROPS, props));
    const throttle = props.throttle ?? DEFAULT_THROTTLE;
    this.stageThrottle = throttle;
    throwIfProblems(this, [
      ...propsProblems(props), ...apiQuotasProblems(props.quotas, 'routes', 'a WebSocketGateway'), ...accessLogKeyProblems(this, props.accessLogs),
      ...(props.clientCertificate?._problems('clientCertificate') ?? []), ...webSocketDomainProblems(props.domain, Stack.of(this).region),
    ]);
    this.quotas = { ...DEFAULT_QUOTAS, ...props.quotas };
    if (exceedsAccountDefaults(throttle)) {
      warn(this, 'ThrottleAboveAccountDefault',
        `throttle ${JSON.stringify(throttle)} is above API Gateway's default account limits (10000 requests/s, burst 5000): request a quota increase or the account limit applies`);
    }
    this.authorization = props.authorization ?? Authorization.iam();
    this.apiKeyRequired = props.apiKeyRequired ?? false;

    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      apiName: props.apiName ?? defaultApiName(this),
      description: props.description,
      routeSelectionExpression: props.routeSelectionExpression ?? DEFAULT_ROUTE_SELECTION,
      apiKeySelectionExpression: this.apiKeyRequired ? apigwv2.WebSocketApiKeySelectionExpression.HEADER_X_API_KEY : undefined,
    });
    // Routes and authorizers alike: `apiId/*` covers `apiId/<stage>/<route>` and `apiId/authorizers/<id>`.
    const sourceArn = Stack.of(this).formatArn({
      service: 'execute-api', resource: this.api.apiId, resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.permissions = new LambdaInvokePermissions(this, 'InvokePermissions', sourceArn);
    this.routesScope = new Construct(this, 'Routes');

    const loggingLevel = props.executionLogLevel ?? apigw.MethodLoggingLevel.ERROR;
    this.accessLogGroup = accessLogGroup(this, props.accessLogs);
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: props.stageName ?? 'prod',
      autoDeploy: true,
      stageVariables: props.stageVariables,
      accessLogSettings: this.accessLogGroup
        ? { destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup), format: webSocketAccessLogFormat(props.accessLogs) }
        : undefined,
    });
    // Set on the CloudFormation stage: older aws-cdk-lib versions have no stage description prop.
    (this.stage.node.defaultChild as apigwv2.CfnStage).description = props.stageDescription;
    this.routeSettings = new WebSocketRouteSettings({
      throttle, loggingLevel, dataTrace: dataTraceOf(this, 'a WebSocketGateway', props.dataTrace, loggingLevel),
    });
    this.routeSettings.applyTo(this.stage);
    this.clientCertificateId = props.clientCertificate?._bind(this);
    // aws-cdk-lib's WebSocketStage has no prop for it; the CloudFormation stage has.
    (this.stage.node.defaultChild as apigwv2.CfnStage).clientCertificateId = this.clientCertificateId;
    // Route settings name routes, which must exist first.
    this.stage.node.addDependency(this.routesScope);
    if (loggingLevel !== apigw.MethodLoggingLevel.OFF && (props.manageAccountLogsRole ?? true)) {
      this.stage.node.addDependency(AccountLogsRole.of(this).resource);
    }

    if (props.domain) {
      const mapped = mapV2Domain(this, this.api, this.stage, props.domain, 'WebSocketGateway');
      this.domainName = mapped.domain;
      // `wss://chat.example.com/v1`, as API Gateway writes WebSocket URLs (no trailing slash).
      this.customUrl = mapped.url.replace(/\/$/, '');
    }
    addUrlOutput(this, { prop: 'urlOutput', id: 'Url', value: this.url, description: 'The URL clients connect to' }, props.urlOutput);
    registerGateway(this, () => v2GatewayEntry({
      gateway: this,
      type: 'WEBSOCKET',
      stageName: props.stageName ?? 'prod',
      stageThrottle: throttle,
      accessLogs: this.accessLogGroup !== undefined,
      executionLogLevel: loggingLevel,
      dataTrace: props.dataTrace === true,
      domain: props.domain && { domainName: props.domain.domainName, securityPolicy: props.domain.securityPolicy ?? 'TLS_1_2', mutualTls: false },
      defaultTimeoutMillis: 29_000,
      routes: this.manifestRoutes,
      usagePlans: this.usagePlans.map(plan => plan._manifestEntry()),
    }));
    addUrlOutput(this, {
      prop: 'callbackUrlOutput',
      id: 'CallbackUrl',
      value: this.callbackUrl,
      description: 'The URL backends post to (@connections)',
    }, props.callbackUrlOutput);

    this.metricDimensions = webSocketMetricDimensions(this, this.api.apiId, this.stage.stageName, (prop, key) => this.routes.require(prop, key));
    this.metrics = WebSocketGatewayMetrics._of(this.metricDimensions);
    this.node.addValidation({ validate: () => escapeHatchDuplicates(this.api, key => this.routes.has(key)) });
    this.node.addValidation({ validate: () => { this.warnOnUnmeteredKeys(); return []; } });
    const declared: [string, string, Integration | undefined][] = [
      ['connect', '$connect', props.connect],
      ['disconnect', '$disconnect', props.disconnect],
      ['defaultRoute', '$default', props.defaultRoute],
    ];
    for (const [prop, routeKey, integration] of declared) {
      if (integration) this.bindRoute(prop, routeKey, integration, {});
    }
    for (const [routeKey, integration] of Object.entries(props.routes ?? {})) {
      this.bindRoute(`routes['${routeKey}']`, routeKey, integration, {});
    }
    if (!this.routes.has('$connect')) {
      // Without a $connect route API Gateway accepts every connection unauthorized.
      this.bindRoute('connect', '$connect', Integration.mock(), {});
    }
  }

  /**
   * The URL clients connect to: the custom domain's when there is one (`wss://{domain}/{basePath}`),
   * else `wss://{api}.execute-api.{region}.amazonaws.com/{stage}`.
   */
  public get url(): string {
    return this.customUrl ?? this.stage.url;
  }

  /**
   * The URL backends post to (`@connections` API): `https://{api}.execute-api.{region}.amazonaws.com/{stage}`,
   * the endpoint of an `ApiGatewayManagementApiClient`.
   */
  public get callbackUrl(): string {
    return this.stage.callbackUrl;
  }

  /**
   * Adds a message route, e.g. `addRoute('sendMessage', Integration.lambda(fn))`.
   * `$connect`, `$disconnect` and `$default` are set with the `connect`, `disconnect` and
   * `defaultRoute` props.
   * @returns the route (escape hatch)
   */
  public addRoute(routeKey: string, integration: Integration, options: WebSocketRouteOptions = {}): apigwv2.CfnRoute {
    const { call, problems } = addRouteProblems(routeKey, integration, options, WEBSOCKET_ROUTE_OPTIONS);
    throwIfProblems(this, problems);
    return this.bindRoute(call, routeKey, integration, options);
  }

  /**
   * Adds CloudWatch alarms sized by what the gateway knows of each route (its integration
   * timeout), routes added later included, and a dashboard. Once per gateway.
   */
  public addMonitoring(options: MonitoringOptions = {}): GatewayMonitoring {
    this.monitoring = addWebSocketMonitoring({
      gateway: this, dimensions: this.metricDimensions, routes: this.monitoredRoutes, stageThrottle: this.stageThrottle, existing: this.monitoring,
    }, options);
    return this.monitoring;
  }

  /**
   * Allows `grantee` to send messages to, read and close this stage's connections
   * (`execute-api:ManageConnections` on `{stage}/*\/@connections/*` of this API only).
   * Post to `callbackUrl`.
   */
  public grantManageConnections(grantee: iam.IGrantable): iam.Grant {
    throwIfProblems(this, methodProblems('grantManageConnections', { grantee }));
    return this.stage.grantManagementApiAccess(grantee);
  }

  /**
   * Allows `grantee` to open connections to this stage (`execute-api:Invoke` on its `$connect`
   * route only): for clients that sign the connection request with SigV4 when the gateway's
   * authorization is `Authorization.iam()` (the default). Other authorizations ignore IAM
   * policies, so the grant is then an error.
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    throwIfProblems(this, methodProblems('grantConnect', { grantee }));
    const kind = this.authorization._spec.kind;
    if (kind !== 'iam') {
      fail(this, {
        code: 'UnsupportedCombination',
        prop: 'grantConnect',
        rule: 'needs the gateway\'s authorization to be Authorization.iam(): only IAM-authorized connections read IAM policies',
        value: `${authorizationFactory(kind)}()`,
        fix: 'set authorization: Authorization.iam() (the default), or let the authorizer decide who connects',
      });
    }
    const connectArn = Stack.of(this).formatArn({
      service: 'execute-api', resource: this.api.apiId, resourceName: `${this.stage.stageName}/$connect`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [connectArn] });
  }

  /**
   * Adds a usage plan for this gateway's stage: a throttle and quota per API key, which API
   * Gateway applies to connection requests (`$connect`, where it reads the key); add keys with
   * `plan.addApiKey`. Needs `apiKeyRequired`.
   */
  public addUsagePlan(id: string, options: UsagePlanOptions = {}): UsagePlan {
    const plan = UsagePlan._add({
      gateway: this,
      apiId: this.api.apiId,
      stageName: this.stage.stageName,
      stage: this.stage,
      stageThrottle: this.stageThrottle,
      // One stage: a plan naming another is refused.
      namedStage: name => (name === this.stage.stageName
        ? { stageName: this.stage.stageName, stage: this.stage, throttle: this.stageThrottle }
        : undefined),
      stageNames: () => [this.stage.stageName],
      noRouteThrottles: 'API Gateway reads a WebSocket API key on $connect only, so a plan meters connections, not routes',
      route: () => undefined,
      routeRequiresApiKey: () => undefined,
      keys: this.apiKeys,
    }, id, options);
    this.usagePlans.push(plan);
    return plan;
  }

  /** Keys and plans only work together: a key nobody must send, or a plan no key reaches, meters nothing. */
  private warnOnUnmeteredKeys(): void {
    if (this.apiKeyRequired && this.usagePlans.length === 0) {
      warn(this, 'ApiKeyRouteWithoutUsagePlan',
        'apiKeyRequired is set but no usage plan grants a key, so nobody can connect: add a usage plan with API keys (addUsagePlan)');
    }
    if (!this.apiKeyRequired && this.usagePlans.length > 0) {
      warn(this, 'UsagePlanWithoutApiKey',
        `usage plans ${this.usagePlans.map(p => p.node.id.replace(/^UsagePlan/, '')).join(', ')} meter callers by API key, but the gateway requires none: set apiKeyRequired: true, or remove the plans`);
    }
  }

  private bindRoute(prop: string, routeKey: string, integration: Integration, options: WebSocketRouteOptions): apigwv2.CfnRoute {
    const route = this.acceptRoute(prop, routeKey);
    throwIfProblems(this, routeOptionProblems(prop, route, options));
    const returnResponse = options.returnResponse ?? false;
    const ctx = this.routeContext(prop, route, options);
    const binding = bindWebSocketIntegration(integration._spec, ctx);
    // The gateway's authorization guards the connection, whichever prop set $connect.
    const auth = route.kind === 'connect' ? bindWebSocketAuthorization(this.authorization._spec, { ...ctx, authorizationProp: 'props.authorization' }) : undefined;

    // A construct per route, named by its key: logical IDs never depend on route order.
    const routeScope = new Construct(this.routesScope, routeKey);
    const cfnIntegration = new apigwv2.CfnIntegration(routeScope, 'Integration', { apiId: this.api.apiId, ...binding.integration });
    const schema = hasMessageBody(route) ? options.requestSchema ?? binding.requestSchema : undefined;
    const model = schema && new apigwv2.CfnModel(routeScope, 'RequestModel', {
      apiId: this.api.apiId,
      contentType: 'application/json',
      name: Names.nodeUniqueId(routeScope.node),
      schema: modelSchema(schema),
    });
    const cfnRoute = new apigwv2.CfnRoute(routeScope, 'Route', {
      apiId: this.api.apiId,
      routeKey,
      target: `integrations/${cfnIntegration.ref}`,
      authorizationType: auth?.authorizationType ?? 'NONE',
      authorizerId: auth?.authorizer?.ref,
      apiKeyRequired: route.kind === 'connect' && this.apiKeyRequired ? true : undefined,
      routeResponseSelectionExpression: returnResponse ? '$default' : undefined,
      modelSelectionExpression: model ? DEFAULT_TEMPLATE_SELECTION : undefined,
      requestModels: model ? { [DEFAULT_TEMPLATE_KEY]: model.name } : undefined,
    });
    if (model) cfnRoute.node.addDependency(model);
    if (route.kind !== 'connect') {
      Validations.of(cfnRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'API Gateway authorizes a WebSocket connection on $connect only; messages arrive on a connection the gateway\'s authorization already admitted',
      });
    }
    if (returnResponse) {
      new apigwv2.CfnRouteResponse(routeScope, 'RouteResponse', {
        apiId: this.api.apiId, routeId: cfnRoute.ref, routeResponseKey: '$default',
      });
      for (const response of binding.responses ?? []) {
        new apigwv2.CfnIntegrationResponse(routeScope, response.id, {
          apiId: this.api.apiId,
          integrationId: cfnIntegration.ref,
          integrationResponseKey: response.key,
          templateSelectionExpression: response.template !== undefined ? DEFAULT_TEMPLATE_SELECTION : undefined,
          responseTemplates: response.template !== undefined ? { [DEFAULT_TEMPLATE_KEY]: response.template } : undefined,
        });
      }
    }
    // Every message arrives over a connection the gateway's authorization admitted on $connect.
    this.manifestRoutes.push({
      routeKey,
      integration: integration._spec,
      authorization: this.authorization._spec,
      throttle: options.throttle,
      validatesBody: schema !== undefined,
      requiredParameters: [],
      // Every message arrives on a connection opened with the key.
      apiKeyRequired: this.apiKeyRequired,
      cfnIntegration,
    });
    if (options.throttle) this.routeSettings.throttleRoute(routeKey, options.throttle);
    this.monitoredRoutes.add(monitoredRoute(routeKey, integration._spec, options));
    return cfnRoute;
  }

  /** Parses the key and checks it against the routes already on the API. */
  private acceptRoute(prop: string, routeKey: string): WebSocketRouteKey {
    const parsed = parseWebSocketRouteKey(prop, routeKey);
    if ('code' in parsed) throwIfProblems(this, [parsed]);
    const route = parsed as WebSocketRouteKey;
    if (this.routes.has(routeKey)) {
      fail(this, {
        code: 'DuplicateRoute',
        prop,
        rule: route.kind === 'message' || route.kind === 'default'
          ? 'must be unique, but the gateway already has this route'
          : `must be unique, but the gateway already has ${routeKey} (from props: ${routeKey === '$connect' ? 'connect, or the one it adds so that authorization applies' : 'disconnect'})`,
        value: routeKey,
        fix: routeKey === '$connect' ? 'pass the $connect integration as the connect prop'
          : routeKey === '$disconnect' ? 'pass the $disconnect integration as the disconnect prop'
            : 'remove one of the two routes or rename it',
      });
    }
    this.routes.add(prop, routeKey, route, {
      limit: this.quotas.routesPerApi, otherFix: 'route several actions to one integration (e.g. the $default route)',
    });
    return route;
  }

  private routeContext(prop: string, route: WebSocketRouteKey, options: WebSocketRouteOptions): WebSocketRouteContext {
    return {
      scope: this,
      api: this.api,
      route,
      prop,
      authorizationProp: `${prop}.authorization`,
      routeTimeout: options.timeout,
      returnResponse: options.returnResponse ?? false,
      grantInvoke: (fn: lambda.IFunction) => this.permissions.grant(fn),
      serviceRole: (target: IConstruct, description: string) => this.serviceRoles.for(target, description),
    };
  }
}


function propsProblems(props: WebSocketGatewayProps): Problem[] {
  const problems: Problem[] = [...throttleProblems('throttle', props.throttle)];
  problems.push(...stageNameProblems(props.stageName, false), ...stageVariableProblems('stageVariables', props.stageVariables));
  const checks = [
    props.routeSelectionExpression !== undefined && patternProblem('routeSelectionExpression', props.routeSelectionExpression,
      ROUTE_SELECTION, 'must be $request.body.<field> or a text of ${request.body.<field>} parts',
      "use e.g. '$request.body.action' or '${request.body.type}.${request.body.action}'", 'InvalidRouteSelectionExpression'),
  ];
  for (const check of checks) if (check) problems.push(check);
  problems.push(...accessLogOptionProblems(props.accessLogs), ...additionalFieldProblems(WEBSOCKET_ACCESS_LOG_FIELDS, props.accessLogs));
  return problems;
}

/** What WebSocket routes cannot take of the shared route options, and two-way where there is no client to answer. */
/** `options` as plain JavaScript may pass it: with options that always fail on a WebSocket route. */
function routeOptionProblems(prop: string, route: WebSocketRouteKey, options: WebSocketRouteOptions & RefusedWebSocketRouteOptions): Problem[] {
  const problems = throttleProblems(`${prop}.throttle`, options.throttle);
  // Authorization is refused when truthy; the others when set to anything but false.
  problems.push(...refusedOptionProblems(WEBSOCKET_REFUSED_ROUTE_OPTIONS, options, prop, () => route.key,
    value => value !== undefined && value !== false && value !== null));
  if (options.returnResponse && !hasMessageBody(route)) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop}.returnResponse`,
      rule: `cannot be set on ${route.key}: there is no open connection to answer on`,
      value: route.key,
      fix: 'remove returnResponse',
    });
  }
  if (options.requestSchema && !hasMessageBody(route)) {
    problems.push({
      code: 'InvalidSchema',
      prop: `${prop}.requestSchema`,
      rule: `cannot be set on ${route.key}: it has no message body`,
      value: route.key,
      fix: 'set it on a message route',
    });
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const WEBSOCKET_GATEWAY_PROPS = struct<WebSocketGatewayProps>('WebSocketGatewayProps', {
  connect: optional(INTEGRATION),
  disconnect: optional(INTEGRATION),
  defaultRoute: optional(INTEGRATION),
  routes: optional(map(INTEGRATION, '{ sendMessage: Integration.lambda(fn) }')),
  authorization: optional(AUTHORIZATION),
  routeSelectionExpression: optional(str("'$request.body.action'")),
  throttle: optional(THROTTLE_SETTINGS),
  stageName: optional(str("'prod'")),
  stageVariables: STAGE_VARIABLES,
  stageDescription: optional(str()),
  dataTrace: optional(bool()),
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  executionLogLevel: optional(METHOD_LOGGING_LEVEL),
  manageAccountLogsRole: optional(bool()),
  apiName: optional(str("'chat'")),
  description: optional(str()),
  clientCertificate: optional(CLIENT_CERTIFICATE),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
  quotas: optional(API_QUOTAS),
  callbackUrlOutput: optional(URL_OUTPUT_OPTIONS),
  domain: optional(DOMAIN_OPTIONS),
  apiKeyRequired: optional(bool()),
}, '{ authorization: Authorization.none() }', restOnlyProps('a WebSocketGateway', 'WebSocket APIs'));
