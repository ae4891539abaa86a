import { createHash } from 'crypto';
import {
  aws_apigateway as apigw, aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda, aws_logs as logs, Size, Stack, Token,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { REST_ACCESS_LOG_FIELDS, restAccessLogFormat } from './access-log-format';
import { API_ACCESS, ApiAccess } from './api-access';
import { applyInvalidationPolicy } from './cache-invalidation';
import { CANARY_OPTIONS, CanaryOptions } from './canary-options';
import { RestDefinition } from './definition/rest-definition';
import { hashDeployedParts } from './deployment-hash';
import { Endpoint, ENDPOINT } from './endpoint';
import { RestAuthorizers } from './rest-authorizers';
import { RestRouteContext } from './rest-binding';
import {
  applyCacheKeys, canaryCacheProblems, invalidationGrantProblems, proxyKeysUnchecked, routeCaching, routeCallers, stageCacheProblems, ttlSeconds,
} from './rest-cache';
import { bindRestAuthorization, bindRestIntegration } from './rest-capabilities';
import { corsCacheKeys, corsResponse, NO_CORS_RESPONSE, toApigwCors } from './rest-cors';
import { domainProblems, mapRestDomain } from './rest-domain';
import { addGatewayResponses } from './rest-gateway-responses';
import { RestGatewayStage, RestStageOptions } from './rest-gateway-stage';
import { RestRouteRecord, restGatewayEntry } from './rest-manifest';
import { RestMethodDefaults, withoutMethodDefaults } from './rest-method-defaults';
import { RestPreflights } from './rest-preflights';
import { privateEndpointProblems, privateVpcEndpoints } from './rest-private-endpoint';
import { DEPLOYMENT_DESCRIPTION, releaseProblems, RestRelease } from './rest-release';
import { accessProblems, policySizeProblem, restResourcePolicy } from './rest-resource-policy';
import { RestMethodSettings } from './rest-stage';
import { Waf, WAF } from './waf';
import { defaultApiName } from '../core/api-name';
import { fail, formatProblem, Problem, throwIfProblems, warn } from '../core/errors';
import {
  conflictWith, DEFAULT_AUTHORIZATION_ROUTE, HttpRouteKey, parseHttpRouteKey, pathParameterNames, REST_PATH_RULES,
} from '../core/route-key';
import {
  bool, list, optional, optionsProblems, propsProblems as propsShapeProblems, size, str, struct,
} from '../core/shape';
import { API_KEY_SOURCE, METHOD_LOGGING_LEVEL, POLICY_DOCUMENT } from '../core/shapes/aws';
import { stageNameProblems, stageVariableProblems } from '../core/stage-rules';
import { addRestMonitoring } from '../monitoring/gateway-hosts';
import { MetricDimensions } from '../monitoring/gateway-metric';
import { GatewayMonitoring } from '../monitoring/gateway-monitoring';
import { restMetricDimensions } from '../monitoring/metric-dimensions';
import { monitoredRoute, MonitoredRoutes } from '../monitoring/monitored-routes';
import { MonitoringOptions } from '../monitoring/monitoring-options';
import { RestGatewayMetrics } from '../monitoring/rest-gateway-metrics';
import { registerGateway } from '../review/gateway-registry';
import { additionalFieldProblems } from '../shared/access-log-fields';
import { accessLogGroup, accessLogKeyProblems, accessLogOptionProblems } from '../shared/access-logs';
import { AccountLogsRole } from '../shared/account-logs-role';
import { quotaProblem, resourcePaths } from '../shared/api-quota';
import { dataTraceOf } from '../shared/data-trace';
import { ExecuteApiEndpointChoice, executeApiEndpointDisabled, executeApiEndpointProblems, hasCallableUrl } from '../shared/execute-api-endpoint';
import { grantExecuteApi } from '../shared/execute-api-grant';
import { addRouteProblems, methodProblems, ROUTES, STAGE_VARIABLES } from '../shared/gateway-methods';
import { LambdaInvokePermissions } from '../shared/lambda-invocation';
import { acknowledgeMethodAuthorization, acknowledgeStageCache } from '../shared/nag-acknowledgements';
import { RouteTable, routeInvokeArn } from '../shared/route-table';
import { ServiceRoles } from '../shared/service-roles';
import { addUrlOutput } from '../shared/url-output';
import { ApiKeyRegistry, UsagePlan, UsagePlanOptions } from '../shared/usage-plan';
import { ACCESS_LOG_OPTIONS, AccessLogOptions } from '../vocabulary/access-log-options';
import { API_QUOTAS, ApiQuotas, apiQuotasProblems, DEFAULT_QUOTAS } from '../vocabulary/api-quotas';
import { Authorization, AUTHORIZATION } from '../vocabulary/authorization';
import { CACHE_OPTIONS, CacheOptions, CacheSize, UnauthorizedInvalidation } from '../vocabulary/cache-options';
import { CLIENT_CERTIFICATE, ClientCertificate } from '../vocabulary/client-certificate';
import { CORS_OPTIONS, CorsOptions } from '../vocabulary/cors-options';
import { corsProblems } from '../vocabulary/cors-validation';
import { DEFINITION_STYLE, DefinitionStyle, definitionStyleFromContext } from '../vocabulary/definition-style';
import { DOMAIN_OPTIONS, DomainOptions } from '../vocabulary/domain-options';
import { GATEWAY_RESPONSES, GatewayResponseOptions, gatewayResponseProblems } from '../vocabulary/gateway-responses';
import { Integration } from '../vocabulary/integration';
import { OPEN_API_DEFINITION_OPTIONS, OpenApiDefinitionOptions } from '../vocabulary/openapi-definition-options';
import { ROUTE_OPTIONS, RouteOptions } from '../vocabulary/route-options';
import { exceedsAccountDefaults, THROTTLE_SETTINGS, throttleProblems, ThrottleSettings } from '../vocabulary/throttle-settings';
import { URL_OUTPUT_OPTIONS, UrlOutputOptions } from '../vocabulary/url-output-options';

/** API Gateway's default quota of resources (and so routes) per REST API. */
const DEFAULT_THROTTLE: ThrottleSettings = { rateLimit: 1000, burstLimit: 2000 };

/** Properties of a `RestGateway`. */
export interface RestGatewayProps {
  /**
   * Routes by route key (`'GET /orders/{id}'`), with default route options; use `addRoute`
   * for per-route options.
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
   * How clients reach the API.
   * @default Endpoint.regional()
   */
  readonly endpoint?: Endpoint;

  /**
   * Cross-origin resource sharing: adds unauthenticated `OPTIONS` preflight routes and the
   * CORS headers to mock and service responses and to API Gateway's 4XX/5XX responses. With
   * several origins a response allows the caller's `Origin` only when it is listed; gateway
   * responses, which cannot test it, then carry no `Access-Control-Allow-Origin`.
   * @default - no CORS
   */
  readonly cors?: CorsOptions;

  /**
   * API Gateway's own answers shaped your way: status, fixed headers and body per type
   * (`UNAUTHORIZED`, `THROTTLED`, `DEFAULT_4XX`, …). With `cors`, each carries the CORS headers.
   * @default - API Gateway's answers (with `cors`, its 4XX and 5XX with the CORS headers)
   */
  readonly gatewayResponses?: GatewayResponseOptions[];

  /**
   * Name of the stage, the first path segment of the invoke URL.
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
   * JSON access logs.
   * @default - on, to a log group the gateway owns, kept one year
   */
  readonly accessLogs?: AccessLogOptions;

  /**
   * Execution logging level of every method.
   * @default apigw.MethodLoggingLevel.ERROR
   */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;

  /**
   * Log full requests and responses (headers and bodies) in the execution logs, for
   * debugging. They may hold credentials and personal data: a warning
   * (`cdk-gatehouse:DataTraceLogging`) says it is on, and the route manifest's diff calls
   * turning it on risky.
   * @default false
   */
  readonly dataTrace?: boolean;

  /**
   * X-Ray tracing.
   * @default true
   */
  readonly tracing?: boolean;

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
   * Media types API Gateway treats as binary, e.g. `['image/png', '*\/*']`.
   * @default - none
   */
  readonly binaryMediaTypes?: string[];

  /**
   * Compress responses at least this large (0 to 10 MiB) for clients that accept it.
   * @default - no compression
   */
  readonly minCompressionSize?: Size;

  /**
   * Resource policy statements of your own. With `allowOnly` or a private endpoint they come
   * after the gateway's statements, whose denies they cannot lift.
   * @default - none
   */
  readonly policy?: iam.PolicyDocument;

  /**
   * Who may call, enforced by the resource policy whatever the route's authorization: where
   * requests come from (`fromSourceIps`, `fromVpcs`, `fromVpcEndpoints`; each must hold) and
   * who may sign requests to IAM-authorized routes besides the API's own account
   * (`fromAccounts`, `fromOrganization`). Whenever the gateway writes the resource policy
   * (with `allowOnly` or a private endpoint), signed requests of other accounts are denied
   * unless named here, and signers of the API's account still need an identity policy
   * (`grantInvoke`).
   * @default - no restriction (no resource policy unless the endpoint is private)
   */
  readonly allowOnly?: ApiAccess[];

  /**
   * A custom domain: certificate (created when not given), the domain with TLS 1.2 (or
   * `domain.securityPolicy`), the base path mapping and the alias record; the default `execute-api` endpoint is turned off.
   * @default - the `execute-api` endpoint only
   */
  readonly domain?: DomainOptions;

  /**
   * Turn off the default `execute-api` endpoint, e.g. when a custom domain managed elsewhere
   * serves the API. Without a domain the gateway then has no URL to output (the output is
   * left out); a private REST API, reached only through that endpoint, refuses it.
   * @default - off with a custom domain (unless `domain.keepExecuteApiEndpoint`), on without
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * A web application firewall on the stage.
   * @default - none
   */
  readonly waf?: Waf;

  /**
   * A stage cache. Only the routes that opt in with `RouteOptions.cache` are cached; a cached
   * route is keyed on every request parameter it declares, and on the caller's identity when
   * its answer depends on the caller (an authorizer, IAM, an API key).
   * @default - no cache
   */
  readonly cache?: CacheOptions;

  /**
   * A canary release: the stage keeps serving `canary.stableVersion` and sends
   * `trafficPercent` of requests to the latest definition. Promote by removing `canary`;
   * roll back by replacing it with `pinnedVersion: <the stable version>`. A deploy whose
   * stable version the stage does not serve already fails (a custom resource checks).
   * @default - the stage serves the latest definition
   */
  readonly canary?: CanaryOptions;

  /**
   * Serve this version only (a `DeploymentVersion` output of an earlier deploy), not the
   * latest definition: what a rolled-back canary leaves. Remove it to deploy normally. A
   * deploy whose pinned version the stage does not serve already fails.
   * @default - the stage serves the latest definition
   */
  readonly pinnedVersion?: string;

  /**
   * Where API keys come from: the `x-api-key` header, or a Lambda authorizer's
   * `usageIdentifierKey`.
   * @default apigw.ApiKeySourceType.HEADER
   */
  readonly apiKeySource?: apigw.ApiKeySourceType;

  /**
   * Name of the REST API.
   * @default - the stack name and the gateway's construct path in it, e.g. `orders-prod/Sales/Api`
   */
  readonly apiName?: string;

  /**
   * Description of the REST API.
   * @default - none
   */
  readonly description?: string;

  /**
   * A certificate the stage presents to HTTP backends (`Integration.http`), so they can accept
   * only calls from this API: `ClientCertificate.generate()` or an existing one by ID.
   * @default - none: HTTP backends get no client certificate
   */
  readonly clientCertificate?: ClientCertificate;

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
   * (CloudFormation resources stay constant however many routes), or one resource per path,
   * method, model and authorizer. Switching an existing API from one to the other replaces
   * its definition in one deploy: see README "Large APIs".
   * @default - the context value `@cdk-gatehouse:definitionStyle` (e.g. in cdk.json), else DefinitionStyle.RESOURCES
   */
  readonly definitionStyle?: DefinitionStyle;
}

/**
 * A REST API (API Gateway v1) with its deployment and stage, secure by default: IAM
 * authorization on every route, request validation, throttling, JSON access logs,
 * execution logs, X-Ray tracing, and one Lambda permission per function.
 *
 * @example
 * import { Authorization, Integration, RestGateway } from 'cdk-gatehouse';
 *
 * const orders = new RestGateway(this, 'Orders', {
 *   throttle: { rateLimit: 500, burstLimit: 1000 },
 *   urlOutput: { name: 'OrdersUrl' },
 * });
 * orders.addRoute('GET /orders/{id}', Integration.lambda(getOrder));
 * orders.addRoute('POST /orders', Integration.sqs(queue), {
 *   authorization: Authorization.cognito(userPool, { scopes: ['orders/write'] }),
 * });
 * orders.grantInvoke(backOfficeRole, 'GET /orders/{id}');
 */
export class RestGateway extends Construct {
  /** The underlying REST API (escape hatch). */
  public readonly api: apigw.RestApi;
  /** The stage clients call. */
  public readonly stage: apigw.Stage;
  /** The deployment behind the stage; its logical ID changes whenever the API changes. */
  public readonly deployment: apigw.Deployment;
  /** Where access logs go; undefined when they are off. */
  public readonly accessLogGroup?: logs.ILogGroup;
  /** How the routes are written into the template. */
  public readonly definitionStyle: DefinitionStyle;
  /** The request validator every method uses. */
  public readonly requestValidator: apigw.RequestValidator;
  /** The `execute-api` interface endpoint the gateway created for `Endpoint.privateInVpc({ vpc })`. */
  public readonly vpcEndpoint?: ec2.InterfaceVpcEndpoint;
  /** The custom domain, when `domain` is set (shared by the stack's gateways that name it). */
  public readonly domainName?: apigw.DomainName;
  /** The web ACL on the stage, when `waf` is set. */
  public readonly webAclArn?: string;
  /** The ID of the client certificate the stage presents to HTTP backends, when `clientCertificate` is set. */
  public readonly clientCertificateId?: string;
  /**
   * The version of the latest definition (the digest ending the deployment's logical ID),
   * also a stack output: what `canary.stableVersion` and `pinnedVersion` take.
   */
  public readonly deploymentVersion: string;
  /** CloudWatch metrics of the stage and of each route. */
  public readonly metrics: RestGatewayMetrics;

  private readonly stageName: string;
  private readonly endpointType: apigw.EndpointType;
  private readonly defaultAuthorization: Authorization;
  private readonly cors?: CorsOptions;
  private readonly routes = new RouteTable<HttpRouteKey>(this);
  private readonly preflights = new RestPreflights();
  private readonly methodSettings: RestMethodSettings;
  private readonly permissions: LambdaInvokePermissions;
  private readonly serviceRoles = new ServiceRoles(this);
  private readonly authorizers: RestAuthorizers;
  private readonly apiKeyRoutes: string[] = [];
  private readonly cache?: CacheOptions;
  private readonly apiKeySource?: apigw.ApiKeySourceType;
  private readonly usagePlans: UsagePlan[] = [];
  private readonly apiKeys: ApiKeyRegistry;
  private readonly throttle: ThrottleSettings;
  private readonly customUrl?: string;
  /** What each route is, for the route manifest. */
  private readonly manifestRoutes: RestRouteRecord[] = [];
  /** The API Gateway resources (paths) the routes need, counted against the quota. */
  private readonly resourcePaths = new Set<string>();
  private readonly binaryMediaTypes: readonly string[];
  private readonly quotas: Required<ApiQuotas>;
  private readonly definition: RestDefinition;
  /** The stages added with `addStage`, by name. */
  private readonly addedStages = new Map<string, RestGatewayStage>();
  private readonly loggingLevel: apigw.MethodLoggingLevel;
  private readonly tracing: boolean;
  private readonly manageAccountLogsRole: boolean;
  /** Whether the default `execute-api` endpoint is off. */
  private readonly executeApiEndpointOff: boolean;
  private readonly metricDimensions: MetricDimensions;
  private readonly monitoredRoutes = new MonitoredRoutes();
  private monitoring?: GatewayMonitoring;

  constructor(scope: Construct, id: string, props: RestGatewayProps = {}) {
    super(scope, id);
    throwIfProblems(this, propsShapeProblems(REST_GATEWAY_PROPS, props));
    const throttle = props.throttle ?? DEFAULT_THROTTLE;
    this.throttle = throttle;
    throwIfProblems(this, [
      ...propsProblems(props), ...apiQuotasProblems(props.quotas, 'resources', 'a RestGateway'), ...accessLogKeyProblems(this, props.accessLogs), ...(props.clientCertificate?._problems('clientCertificate') ?? []),
    ]);
    if (exceedsAccountDefaults(throttle)) {
      warn(this, 'ThrottleAboveAccountDefault',
        `throttle ${JSON.stringify(throttle)} is above API Gateway's default account limits (10000 requests/s, burst 5000): request a quota increase or the account limit applies`);
    }

    this.quotas = { ...DEFAULT_QUOTAS, ...props.quotas };
    this.stageName = props.stageName ?? 'prod';
    this.binaryMediaTypes = props.binaryMediaTypes ?? [];
    const endpoint = props.endpoint ?? Endpoint.regional();
    this.endpointType = endpoint._type;
    const endpointChoice: ExecuteApiEndpointChoice = {
      disable: props.disableExecuteApiEndpoint, domain: props.domain, urlOutput: props.urlOutput, privateApi: endpoint._private !== undefined,
    };
    this.executeApiEndpointOff = executeApiEndpointDisabled(endpointChoice);
    throwIfProblems(this, [
      ...privateEndpointProblems(endpoint),
      ...executeApiEndpointProblems(endpointChoice),
      ...accessProblems(props.allowOnly ?? [], this.endpointType),
      ...domainProblems(props.domain, this.endpointType, Stack.of(this).region),
      ...(props.waf?._problems('waf', Stack.of(this).region) ?? []),
    ]);
    const privateEndpoints = endpoint._private && privateVpcEndpoints(this, endpoint._private);
    this.vpcEndpoint = privateEndpoints?.created;
    const policy = restResourcePolicy(Stack.of(this).account, props.policy, props.allowOnly ?? [], privateEndpoints?.ids);
    this.defaultAuthorization = props.defaultAuthorization ?? Authorization.iam();
    this.cors = props.cors;
    this.cache = props.cache;
    this.apiKeySource = props.apiKeySource;

    const methodDefaults = new RestMethodDefaults();
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: props.apiName ?? defaultApiName(this),
      description: props.description,
      endpointConfiguration: { types: [this.endpointType], vpcEndpoints: privateEndpoints?.endpoints },
      binaryMediaTypes: props.binaryMediaTypes,
      minCompressionSize: props.minCompressionSize,
      policy,
      disableExecuteApiEndpoint: executeApiEndpointDisabled(endpointChoice),
      apiKeySourceType: props.apiKeySource,
      defaultMethodOptions: methodDefaults.options,
      deploy: false,
      cloudWatchRole: false,
    });
    this.requestValidator = this.api.addRequestValidator('RequestValidator', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    this.permissions = new LambdaInvokePermissions(this, 'InvokePermissions', this.api.arnForExecuteApi('*', '/*', '*'));
    this.authorizers = new RestAuthorizers(this, 'Authorizers');
    this.authorizers.limit = this.quotas.authorizersPerApi;
    // Bound now, not at the first route that uses it: methods added through `api` need it too.
    methodDefaults.set(this.api, bindRestAuthorization(this.defaultAuthorization._spec, {
      ...this.routeContext('defaultAuthorization', DEFAULT_AUTHORIZATION_ROUTE, {}), authorizationProp: 'defaultAuthorization',
    }));
    addGatewayResponses(this.api, props.gatewayResponses ?? [], this.cors);

    this.definitionStyle = props.definitionStyle ?? definitionStyleFromContext(this) ?? DefinitionStyle.RESOURCES;
    this.definition = new RestDefinition(this, this.api, [this.api, this.authorizers], this.definitionStyle);
    this.deployment = new apigw.Deployment(this, 'Deployment', {
      // With an OpenAPI body the deployment follows the API, not its methods, which are no resources.
      api: this.definitionStyle === DefinitionStyle.OPENAPI ? apigw.RestApi.fromRestApiAttributes(this, 'DefinedApi', {
        // Named as the API itself, so the stage's metrics (ApiName) are the API's.
        restApiId: this.api.restApiId, rootResourceId: this.api.restApiRootResourceId, restApiName: this.api.restApiName,
      }) : this.api,
      description: DEPLOYMENT_DESCRIPTION,
    });
    hashDeployedParts(this.deployment, () => this.definition.deployedParts());

    const loggingLevel = props.executionLogLevel ?? apigw.MethodLoggingLevel.ERROR;
    this.loggingLevel = loggingLevel;
    this.tracing = props.tracing ?? true;
    this.manageAccountLogsRole = props.manageAccountLogsRole ?? true;
    this.accessLogGroup = accessLogGroup(this, props.accessLogs);
    this.clientCertificateId = props.clientCertificate?._bind(this);
    this.stage = new apigw.Stage(this, 'Stage', {
      clientCertificateId: this.clientCertificateId,
      deployment: this.deployment,
      stageName: this.stageName,
      variables: props.stageVariables,
      description: props.stageDescription,
      tracingEnabled: this.tracing,
      accessLogDestination: this.accessLogGroup ? new apigw.LogGroupLogDestination(this.accessLogGroup) : undefined,
      accessLogFormat: this.accessLogGroup ? restAccessLogFormat(props.accessLogs) : undefined,
      // Written out even when off, so removing the cache in code removes it from the stage.
      cacheClusterEnabled: this.cache !== undefined,
      cacheClusterSize: this.cache ? (this.cache.size ?? CacheSize.GB_0_5) : undefined,
    });
    this.api.deploymentStage = this.stage;
    if (this.cache && (this.cache.encrypted ?? true)) acknowledgeStageCache(this.stage);
    const release = new RestRelease(this, this.deployment);
    this.deploymentVersion = release.latestVersion;
    release.apply(this.api, this.stage, this.stageName, props.canary, props.pinnedVersion);
    this.apiKeys = new ApiKeyRegistry(this);
    if (props.domain) {
      const mapped = mapRestDomain(this, this.api, this.stage, this.endpointType, props.domain);
      this.domainName = mapped.domain;
      this.customUrl = mapped.url;
    }
    this.webAclArn = props.waf?._associate(this, this.stage);
    if (policy) this.node.addValidation({ validate: () => { const p = policySizeProblem(this, policy); return p ? [p] : []; } });
    this.methodSettings = new RestMethodSettings({
      throttle,
      loggingLevel,
      dataTrace: dataTraceOf(this, 'a RestGateway', props.dataTrace, loggingLevel),
      cache: this.cache && { ttlSeconds: ttlSeconds(this.cache.ttl), encrypted: this.cache.encrypted ?? true },
    });
    this.methodSettings.applyTo(this.stage);
    const invalidation = this.cache?.unauthorizedInvalidation;
    if (invalidation && invalidation !== UnauthorizedInvalidation.SUCCEED_WITH_RESPONSE_HEADER) {
      applyInvalidationPolicy(this, this.api, this.stage, invalidation, () => this.methodSettings.cachedPaths());
    }
    if (loggingLevel !== apigw.MethodLoggingLevel.OFF && this.manageAccountLogsRole) {
      this.stage.node.addDependency(AccountLogsRole.of(this).resource);
    }
    registerGateway(this, () => restGatewayEntry({
      gateway: this,
      endpointType: this.endpointType,
      policy,
      cors: this.cors,
      webAclArn: this.webAclArn,
      domain: this.domainName,
      mutualTls: props.domain?.mutualTls !== undefined,
      stage: this.stage,
      stageThrottle: throttle,
      accessLogs: this.accessLogGroup !== undefined,
      executionLogLevel: loggingLevel,
      dataTrace: props.dataTrace === true,
      usagePlans: this.usagePlans,
      routes: this.manifestRoutes,
      addedStages: [...this.addedStages.values()],
    }));

    if (hasCallableUrl(endpointChoice)) {
      addUrlOutput(this, { prop: 'urlOutput', id: 'Url', value: this.url, description: 'The URL clients call' }, props.urlOutput);
    }

    this.metricDimensions = restMetricDimensions(this, this.api.restApiName, this.stageName, (prop, key) => this.routes.require(prop, key));
    this.metrics = RestGatewayMetrics._of(this.metricDimensions);
    this.node.addValidation({ validate: () => this.validateAtSynth() });
    for (const [routeKey, integration] of Object.entries(props.routes ?? {})) {
      this.bindRoute(`routes['${routeKey}']`, routeKey, integration, {});
    }
  }

  /** The URL clients call, ending in `/`: the custom domain's when there is one, else the stage's. */
  public get url(): string {
    return this.customUrl ?? this.stage.urlForPath('/');
  }

  /**
   * Adds a route, e.g. `addRoute('GET /orders/{id}', Integration.lambda(fn))`.
   * @returns the API Gateway method (escape hatch)
   */
  public addRoute(routeKey: string, integration: Integration, options: RouteOptions = {}): apigw.Method {
    const { call, problems } = addRouteProblems(routeKey, integration, options, ROUTE_OPTIONS);
    throwIfProblems(this, problems);
    return this.bindRoute(call, routeKey, integration, options);
  }

  /**
   * The API's OpenAPI 3 document: with `DefinitionStyle.OPENAPI` what its `Body` holds, else
   * what its resources amount to. References to other resources (a function's ARN) are
   * CloudFormation intrinsics. Also written at synth into the cloud assembly as
   * `<stack>.<gateway path>.openapi.json`.
   * @returns the document as JSON text
   */
  public openApiDefinition(options: OpenApiDefinitionOptions = {}): string {
    throwIfProblems(this, optionsProblems(OPEN_API_DEFINITION_OPTIONS, options, 'openApiDefinition'));
    return `${JSON.stringify(this.definition.document(options.apiGatewayExtensions ?? true), undefined, 2)}\n`;
  }

  /**
   * Adds another stage of the same API and deployment, e.g. `staging` beside `prod`: its own
   * variables, throttle, cache and logs; the routes and their own throttles and caching are
   * the gateway's. It always serves the latest definition (`canary` and `pinnedVersion` hold
   * the gateway's own stage only); the gateway's web ACL (`waf`) guards it too; a custom
   * domain maps the gateway's own stage only. Its logical IDs come from its name
   * (`Stage<Name>`).
   * @returns the stage, with its URL and `grantInvoke`
   */
  public addStage(stageName: string, options: RestStageOptions = {}): RestGatewayStage {
    const stage = RestGatewayStage._add({
      gateway: this,
      api: this.api,
      deployment: this.deployment,
      mainStageName: this.stageName,
      throttle: this.throttle,
      loggingLevel: this.loggingLevel,
      tracing: this.tracing,
      cached: this.cache !== undefined,
      manageAccountLogsRole: this.manageAccountLogsRole,
      clientCertificateId: this.clientCertificateId,
      webAclArn: this.webAclArn,
      methodSettings: this.methodSettings,
      stageCount: 1 + this.addedStages.size,
      executeApiEndpointOff: this.executeApiEndpointOff,
      grantInvoke: (grantee, routeKey, onStage) => this.grantInvokeOn(grantee, routeKey, onStage),
      grantInvalidateCache: (grantee, routeKey, onStage, problems) => this.grantInvalidateCacheOn(grantee, routeKey, onStage, problems),
    }, stageName, options);
    this.addedStages.set(stageName, stage);
    return stage;
  }

  /**
   * Adds a usage plan: a throttle and quota per API key, and per-route throttles, on this
   * gateway's stage or the stages it names (`stages`); add keys with `plan.addApiKey`.
   */
  public addUsagePlan(id: string, options: UsagePlanOptions = {}): UsagePlan {
    const plan = UsagePlan._add({
      gateway: this,
      apiId: this.api.restApiId,
      stageName: this.stage.stageName,
      stageThrottle: this.throttle,
      namedStage: name => {
        if (name === this.stageName) return { stageName: this.stage.stageName, throttle: this.throttle };
        const added = this.addedStages.get(name);
        return added && { stageName: added.stage.stageName, throttle: added._throttle };
      },
      stageNames: () => [this.stageName, ...this.addedStages.keys()],
      route: routeKey => this.routes.get(routeKey),
      routeRequiresApiKey: routeKey => this.manifestRoutes.find(r => r.routeKey === routeKey)?.apiKeyRequired,
      keys: this.apiKeys,
    }, id, options);
    this.usagePlans.push(plan);
    return plan;
  }

  /**
   * Adds CloudWatch alarms sized by what the gateway knows of each route (its integration
   * timeout, its throttle, whether it is cached), routes added later included, and a
   * dashboard. Once per gateway.
   */
  public addMonitoring(options: MonitoringOptions = {}): GatewayMonitoring {
    this.monitoring = addRestMonitoring({
      gateway: this, dimensions: this.metricDimensions, routes: this.monitoredRoutes, stageThrottle: this.throttle, existing: this.monitoring,
    }, this.cache !== undefined, options);
    return this.monitoring;
  }

  /**
   * Allows `grantee` to call IAM-authorized routes (`execute-api:Invoke`): every route of
   * the stage, or only `routeKey`. A stage added with `addStage` has its own.
   */
  public grantInvoke(grantee: iam.IGrantable, routeKey?: string): iam.Grant {
    throwIfProblems(this, methodProblems('grantInvoke', { grantee, routeKey }));
    return this.grantInvokeOn(grantee, routeKey, this.stageName);
  }

  private grantInvokeOn(grantee: iam.IGrantable, routeKey: string | undefined, stageName: string): iam.Grant {
    return grantExecuteApi(this, this.definitionStyle, {
      grantee, actions: ['execute-api:Invoke'], resourceArns: [this.routeArn(routeKey, 'grantInvoke', stageName)],
    });
  }

  /**
   * Allows `grantee` to invalidate cached responses (`Cache-Control: max-age=0`) of every
   * route of the stage, or only `routeKey`'s. A stage added with `addStage` has its own.
   */
  public grantInvalidateCache(grantee: iam.IGrantable, routeKey?: string): iam.Grant {
    throwIfProblems(this, methodProblems('grantInvalidateCache', { grantee, routeKey }));
    return this.grantInvalidateCacheOn(grantee, routeKey, this.stageName,
      () => invalidationGrantProblems(this.cache, routeKey, routeKey !== undefined && this.methodSettings.isCached(routeKey)));
  }

  /** The route is checked first (`UnknownRoute`), then what the stage's cache allows. */
  private grantInvalidateCacheOn(grantee: iam.IGrantable, routeKey: string | undefined, stageName: string, problems: () => Problem[]): iam.Grant {
    const resourceArn = this.routeArn(routeKey, 'grantInvalidateCache', stageName);
    throwIfProblems(this, problems());
    return grantExecuteApi(this, this.definitionStyle, { grantee, actions: ['execute-api:InvalidateCache'], resourceArns: [resourceArn] });
  }

  /** The execute-api ARN of a stage's routes, or of one route (path parameters as `*`). */
  private routeArn(routeKey: string | undefined, method: string, stageName = this.stageName): string {
    if (routeKey === undefined) return this.api.arnForExecuteApi('*', '/*', stageName);
    return routeInvokeArn(this.api, this.routes.require(`${method} routeKey`, routeKey), stageName);
  }

  private bindRoute(prop: string, routeKey: string, integration: Integration, options: RouteOptions): apigw.Method {
    const route = this.acceptRoute(prop, routeKey);
    throwIfProblems(this, routeOptionProblems(prop, route, options));
    const cors = options.cors ?? this.cors;
    throwIfProblems(this, this.preflights.problems(prop, route, cors));

    const ctx = this.routeContext(prop, route, options, cors);
    const binding = bindRestIntegration(integration._spec, ctx);
    const auth = bindRestAuthorization((options.authorization ?? this.defaultAuthorization)._spec, ctx);
    const callers = routeCallers(auth, options.apiKeyRequired ?? false, this.apiKeySource);
    const { caching, problems: cacheProblems } = routeCaching(prop, route, this.cache, options.cache, callers);
    if (caching?.enabled && binding.uncacheable) {
      cacheProblems.push({
        code: 'InvalidCache',
        prop: `${prop}.cache`,
        rule: `must not be set on this route: ${binding.uncacheable}`,
        value: options.cache,
        fix: 'remove cache from the route (only reads, such as DynamoDB GET_ITEM and QUERY, can be cached)',
      });
    }
    throwIfProblems(this, cacheProblems);
    const cacheKeys = caching?.enabled ? [...caching.extraKeys, ...(cors ? corsCacheKeys(cors) : [])] : [];
    const parameters = requestParameters(route, options, binding.requestParameters, cacheKeys);

    const resource = this.api.root.resourceForPath(route.path);
    const schema = options.requestSchema ?? binding.requestSchema;
    const requestModels = schema ? { 'application/json': this.requestModel(schema) } : undefined;

    const method = withoutMethodDefaults(resource, () => resource.addMethod(route.method, binding.integration, {
      authorizationType: auth.authorizationType,
      authorizer: auth.authorizer,
      authorizationScopes: auth.authorizationScopes,
      apiKeyRequired: options.apiKeyRequired,
      requestValidator: this.requestValidator,
      requestModels,
      requestParameters: parameters,
      methodResponses: binding.methodResponses,
    }));
    binding.patchMethod?.(method);
    if (caching) this.methodSettings.cacheRoute(route, caching);
    acknowledgeMethodAuthorization(method, auth.authorizationType);
    if (caching?.enabled) {
      // Every parameter the route declares can change its answer, so each is a cache key.
      applyCacheKeys(method, Object.keys(parameters ?? {}));
      if (proxyKeysUnchecked(method, options.cache)) {
        warn(this, 'ProxyRouteCacheKeys',
          `${route.key} is cached and its proxy integration receives the whole request, but the cache is keyed only on the parameters the route declares: list the query strings and headers the backend reads in cache.keyParameters (an explicit list, even [], says you checked), or set cache.enabled: false`);
      }
    }

    this.manifestRoutes.push({
      routeKey: route.key,
      integration: integration._spec,
      authorization: (options.authorization ?? this.defaultAuthorization)._spec,
      apiKeyRequired: options.apiKeyRequired ?? false,
      throttle: options.throttle,
      cache: caching?.enabled ? { ttlSeconds: caching.ttlSeconds, keys: Object.keys(parameters ?? {}) } : undefined,
      validatesBody: schema !== undefined,
      requiredParameters: Object.entries(parameters ?? {}).filter(([, required]) => required).map(([name]) => name),
      cors: options.cors,
      method: method.node.defaultChild as apigw.CfnMethod,
    });
    if (options.throttle) this.methodSettings.throttleRoute(route, options.throttle);
    this.monitoredRoutes.add(monitoredRoute(route.key, integration._spec, options, caching?.enabled ?? false));
    if (options.apiKeyRequired) this.apiKeyRoutes.push(route.key);
    if (this.preflights.add(route, cors)) {
      withoutMethodDefaults(resource, () => resource.addCorsPreflight(toApigwCors(cors!)));
    }
    return method;
  }

  /**
   * The API's model of `schema`: routes with the same schema share one, named after its
   * content, so neither the number of routes nor their order changes it.
   */
  private requestModel(schema: apigw.JsonSchema): apigw.IModel {
    const digest = createHash('sha256').update(JSON.stringify(Stack.of(this).resolve(schema))).digest('hex').slice(0, 12);
    const id = `RequestModel${digest}`;
    return (this.api.node.tryFindChild(id) as apigw.Model | undefined)
      ?? new apigw.Model(this.api, id, { restApi: this.api, contentType: 'application/json', schema, modelName: `Body${digest}` });
  }

  /** Parses the key and checks it against the routes already on the API. */
  private acceptRoute(prop: string, routeKey: string): HttpRouteKey {
    const parsed = parseHttpRouteKey(prop, routeKey, REST_PATH_RULES);
    if (Array.isArray(parsed)) throwIfProblems(this, parsed);
    const route = parsed as HttpRouteKey;
    const conflict = conflictWith(prop, route, this.routes.values());
    if (conflict) throwIfProblems(this, [conflict]);
    if (this.cors && route.method === 'OPTIONS') {
      fail(this, {
        code: 'DuplicateRoute',
        prop,
        rule: 'must not be an OPTIONS route while cors is set (the gateway adds the preflight)',
        value: routeKey,
        fix: 'remove the OPTIONS route or the cors option',
      });
    }
    if (route.method === 'OPTIONS') this.preflights.ownOptionsRoute(route);
    // API Gateway limits resources (paths), not methods: count the paths this route adds.
    const added = resourcePaths(route.path).filter(path => !this.resourcePaths.has(path));
    const limit = this.quotas.resourcesPerApi;
    if (added.length > 0 && this.resourcePaths.size + added.length > limit) {
      fail(this, quotaProblem(prop, routeKey, `${this.resourcePaths.size + added.length} resources (adding ${added.join(', ')})`,
        'Resources per API', limit, 'quotas.resourcesPerApi', 'split the API into several gateways (e.g. per domain), or share paths'));
    }
    added.forEach(path => this.resourcePaths.add(path));
    this.routes.add(prop, route.key, route);
    return route;
  }

  private routeContext(prop: string, route: HttpRouteKey, options: RouteOptions, cors = this.cors): RestRouteContext {
    return {
      scope: this,
      api: this.api,
      route,
      prop,
      authorizationProp: `${prop}.authorization`,
      endpointType: this.endpointType,
      binaryMediaTypes: this.binaryMediaTypes,
      routeTimeout: options.timeout,
      cors: cors ? corsResponse(cors) : NO_CORS_RESPONSE,
      grantInvoke: (fn: lambda.IFunction) => this.permissions.grant(fn),
      serviceRole: (target: IConstruct, description: string) => this.serviceRoles.for(target, description),
      sharedAuthorizer: (target: IConstruct, kind: string, settings: object, create) =>
        this.authorizers.get(target, kind, settings, prop, create),
    };
  }

  private validateAtSynth(): string[] {
    const definitionProblems = this.definition.problems();
    if (definitionProblems.length > 0) return definitionProblems.map(formatProblem);
    if (this.api.methods.length === 0) {
      // aws-cdk-lib refuses it too ("doesn't contain any methods"), without saying what to do.
      // Methods added through the escape hatch (`api`) count: they deploy.
      return [formatProblem({
        code: 'NoRoutes',
        prop: 'routes',
        rule: 'must hold at least one route: API Gateway cannot deploy a REST API without methods',
        value: 0,
        fix: "add a route with addRoute('GET /', …) or the routes prop",
      })];
    }
    if (this.cache && this.methodSettings.cachedPaths().length === 0) {
      warn(this, 'StageCacheUnused',
        'the stage has a cache (billed by the hour) but no route is cached: a route is cached only when its options opt in, e.g. cache: { ttl: Duration.minutes(5) }; cache a route or remove the cache option');
    }
    if (this.apiKeyRoutes.length > 0 && this.usagePlans.length === 0) {
      warn(this, 'ApiKeyRouteWithoutUsagePlan',
        `routes ${this.apiKeyRoutes.join(', ')} require an API key but no usage plan grants one, so nobody can call them: add a usage plan with API keys`);
    }
    return [];
  }
}


function propsProblems(props: RestGatewayProps): Problem[] {
  const problems: Problem[] = [...throttleProblems('throttle', props.throttle)];
  problems.push(...stageCacheProblems(props.cache), ...canaryCacheProblems(props.cache, props.canary));
  problems.push(...releaseProblems(props.canary, props.pinnedVersion));
  problems.push(...corsProblems(props.cors), ...gatewayResponseProblems('gatewayResponses', props.gatewayResponses ?? []));
  problems.push(...stageNameProblems(props.stageName, false), ...stageVariableProblems('stageVariables', props.stageVariables));
  problems.push(...stageVariableProblems('canary.stageVariableOverrides', props.canary?.stageVariableOverrides));
  problems.push(...accessLogOptionProblems(props.accessLogs), ...additionalFieldProblems(REST_ACCESS_LOG_FIELDS, props.accessLogs));
  const bytes = props.minCompressionSize?.toBytes();
  if (bytes !== undefined && !Token.isUnresolved(bytes) && (bytes < 0 || bytes > 10 * 1024 * 1024)) {
    problems.push({
      code: 'InvalidStage',
      prop: 'minCompressionSize',
      rule: 'must be from 0 to 10 MiB',
      value: `${bytes} bytes`,
      fix: 'use e.g. Size.kibibytes(1)',
    });
  }
  return problems;
}

function routeOptionProblems(prop: string, route: HttpRouteKey, options: RouteOptions): Problem[] {
  const problems = [...throttleProblems(`${prop}.throttle`, options.throttle), ...corsProblems(options.cors, `${prop}.cors`)];
  (options.requiredParameters ?? []).forEach((value, i) => {
    const at = `${prop}.requiredParameters[${i}]`;
    problems.push(...value._problems(at));
    if (value._source !== 'queryString' && value._source !== 'header') {
      problems.push({
        code: 'InvalidRequestValue',
        prop: at,
        rule: 'must be a query string or header',
        value,
        fix: 'path parameters are always required; list only RequestValue.queryString or RequestValue.header',
      });
    }
  });
  if (options.requestSchema && ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method)) {
    problems.push({
      code: 'InvalidSchema',
      prop: `${prop}.requestSchema`,
      rule: `needs a method with a body, not ${route.method}`,
      value: route.key,
      fix: 'use it on POST, PUT, PATCH or ANY routes',
    });
  }
  return problems;
}

function requestParameters(
  route: HttpRouteKey, options: RouteOptions, fromIntegration: Record<string, boolean> = {}, cacheKeys: string[] = [],
): Record<string, boolean> | undefined {
  const params: Record<string, boolean> = { ...fromIntegration };
  // Cache keys must be declared to vary the cache; declaring them does not make them required.
  for (const key of cacheKeys) params[key] = params[key] ?? false;
  for (const name of pathParameterNames(route)) params[`method.request.path.${name}`] = true;
  for (const value of options.requiredParameters ?? []) params[value._restRequestParameter()!] = true;
  return Object.keys(params).length > 0 ? params : undefined;
}

// The shapes untyped (JavaScript) callers are checked against.

export const REST_GATEWAY_PROPS = struct<RestGatewayProps>('RestGatewayProps', {
  routes: ROUTES,
  defaultAuthorization: optional(AUTHORIZATION),
  throttle: optional(THROTTLE_SETTINGS),
  endpoint: optional(ENDPOINT),
  cors: optional(CORS_OPTIONS),
  gatewayResponses: optional(GATEWAY_RESPONSES),
  stageName: optional(str("'prod'")),
  stageVariables: STAGE_VARIABLES,
  accessLogs: optional(ACCESS_LOG_OPTIONS),
  executionLogLevel: optional(METHOD_LOGGING_LEVEL),
  dataTrace: optional(bool()),
  stageDescription: optional(str()),
  tracing: optional(bool()),
  manageAccountLogsRole: optional(bool()),
  binaryMediaTypes: optional(list(str("'image/png'"))),
  minCompressionSize: optional(size()),
  policy: optional(POLICY_DOCUMENT),
  allowOnly: optional(list(API_ACCESS)),
  domain: optional(DOMAIN_OPTIONS),
  disableExecuteApiEndpoint: optional(bool()),
  waf: optional(WAF),
  cache: optional(CACHE_OPTIONS),
  canary: optional(CANARY_OPTIONS),
  pinnedVersion: optional(str('the DeploymentVersion output of the version to serve')),
  apiKeySource: optional(API_KEY_SOURCE),
  apiName: optional(str("'orders'")),
  description: optional(str()),
  clientCertificate: optional(CLIENT_CERTIFICATE),
  urlOutput: optional(URL_OUTPUT_OPTIONS),
  quotas: optional(API_QUOTAS),
  definitionStyle: optional(DEFINITION_STYLE),
}, '{ throttle: { rateLimit: 500, burstLimit: 1000 } }');
