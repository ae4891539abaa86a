/**
 * The route manifest: what each gateway built, at the level a reviewer reads an API — routes,
 * who may call them, limits, caching, backends — written next to the stack's template at
 * synth (`<stack artifact>.gatehouse.json`). It holds no secrets (never API key values) and no
 * values the template does not hold. Field names are a contract for tools: add, never rename.
 */

/** The version of the manifest format this library writes and reads. */
export const MANIFEST_VERSION = 1;

/** Rate and burst limits in a manifest. */
export interface ThrottleEntry {
  /** Requests per second. */
  readonly rateLimit: number;
  /** Bucket size. */
  readonly burstLimit: number;
}

/** Who may call a route. */
export interface AuthorizationEntry {
  /** `NONE`, `IAM`, `COGNITO`, `LAMBDA_TOKEN`, `LAMBDA_REQUEST` or `JWT`. */
  readonly type: string;
  /**
   * The authorizer: the construct path of its user pool or function, or a JWT issuer.
   * @default - none (NONE and IAM)
   */
  readonly authorizer?: string;
  /**
   * OAuth scopes the route requires.
   * @default - none
   */
  readonly scopes?: string[];
}

/** Caching of a route's responses (REST). */
export interface CacheEntry {
  /** Seconds a response stays cached. */
  readonly ttlSeconds: number;
  /** The request values the cache is keyed on (`method.request.path.id`, `method.request.header.Authorization`). */
  readonly keys: string[];
}

/** The backend of a route. */
export interface IntegrationEntry {
  /** The `Integration` factory that made it: `lambda`, `http`, `mock`, `sqs`, `kinesis`, `dynamoDb`, `stepFunctions`, `eventBridge`, `privateNlb`, `privateAlb`, `cloudMap`. */
  readonly kind: string;
  /**
   * What it calls: the construct path of the function, queue, table, … or the URL.
   * @default - none (mock)
   */
  readonly target?: string;
  /**
   * The service action, e.g. `PutItem`, `SendMessage`.
   * @default - none (proxies and mocks)
   */
  readonly action?: string;
  /**
   * Integration timeout in milliseconds.
   * @default - none (mock)
   */
  readonly timeoutMillis?: number;
}

/** One route of a gateway. */
export interface RouteEntry {
  /** `GET /orders/{id}` (REST, HTTP) or the WebSocket route key (`$connect`, `sendMessage`). */
  readonly routeKey: string;
  readonly authorization: AuthorizationEntry;
  /** Whether callers must send an API key. */
  readonly apiKeyRequired: boolean;
  /**
   * The route's own throttle.
   * @default - the stage's
   */
  readonly throttle?: ThrottleEntry;
  /**
   * Caching of its responses.
   * @default - not cached
   */
  readonly cache?: CacheEntry;
  readonly integration: IntegrationEntry;
  /** Whether the body is validated against a schema. */
  readonly validatesBody: boolean;
  /** Request values the route requires (path parameters included). */
  readonly requiredParameters: string[];
  /**
   * The route's own CORS (REST's `cors` route option).
   * @default - the gateway's
   */
  readonly cors?: CorsEntry;
}

/** The stage a gateway serves. */
export interface StageEntry {
  readonly name: string;
  /**
   * The stage's throttle (every route without its own).
   * @default - the account's
   */
  readonly throttle?: ThrottleEntry;
  /** Whether access logs are written. */
  readonly accessLogs: boolean;
  /**
   * `ERROR`, `INFO` or `OFF` (REST, WebSocket).
   * @default - none (HTTP APIs have no execution logs)
   */
  readonly executionLogLevel?: string;
  /**
   * Whether execution logs hold full requests and responses (REST, WebSocket).
   * @default false
   */
  readonly dataTrace?: boolean;
  /**
   * Whether X-Ray tracing is on (REST).
   * @default - none (not available)
   */
  readonly tracing?: boolean;
  /**
   * Size of the stage cache in GB (REST).
   * @default - no cache
   */
  readonly cacheSize?: string;
}

/** CORS of a gateway. */
export interface CorsEntry {
  readonly allowOrigins: string[];
  readonly allowCredentials: boolean;
}

/** A custom domain. */
export interface DomainEntry {
  readonly domainName: string;
  /** The TLS security policy, e.g. `TLS_1_2`. */
  readonly securityPolicy: string;
  readonly mutualTls: boolean;
}

/** A usage plan (REST), with the names of its keys (never their values). */
export interface UsagePlanEntry {
  readonly id: string;
  /**
   * The plan's throttle.
   * @default - none
   */
  readonly throttle?: ThrottleEntry;
  /**
   * Requests allowed per `quotaPeriod`.
   * @default - no quota
   */
  readonly quotaLimit?: number;
  /**
   * `DAY`, `WEEK` or `MONTH`.
   * @default - no quota
   */
  readonly quotaPeriod?: string;
  readonly apiKeys: string[];
  /**
   * The stages the plan covers, by name, when it names them.
   * @default - the gateway's stage (`stage`)
   */
  readonly stages?: string[];
}

/** One gateway. */
export interface GatewayEntry {
  /** The stack's name. */
  readonly stack: string;
  /** The gateway's construct path in the stack. */
  readonly path: string;
  /** `REST`, `HTTP` or `WEBSOCKET`. */
  readonly type: string;
  /**
   * `REGIONAL`, `EDGE` or `PRIVATE` (REST).
   * @default - REGIONAL
   */
  readonly endpoint?: string;
  /**
   * The resource policy, one line per restriction: a value a Deny statement's condition
   * requires (`aws:SourceIp 203.0.113.0/24`), or an Allow statement (`allow * aws:PrincipalAccount 222222222222`).
   * @default - none
   */
  readonly resourcePolicy?: string[];
  /**
   * CORS.
   * @default - none
   */
  readonly cors?: CorsEntry;
  /**
   * The web ACL: `managed` (the library's) or its ARN.
   * @default - none
   */
  readonly waf?: string;
  /**
   * The custom domain.
   * @default - none
   */
  readonly domain?: DomainEntry;
  readonly stage: StageEntry;
  /**
   * More stages of the same API (REST `addStage`), by name.
   * @default - none: the gateway has one stage
   */
  readonly addedStages?: StageEntry[];
  readonly usagePlans: UsagePlanEntry[];
  readonly routes: RouteEntry[];
}
