/**
 * How service errors reach clients: a `{"message": …}` body that never repeats the service's
 * own message (it can name tables, queues and accounts), with a status that says whose fault
 * it is. Shared by every AWS service integration.
 *
 * The service's error code is read from `__type` (JSON protocols: Kinesis, DynamoDB, Step
 * Functions, EventBridge) or `Error.Code` (SQS's query protocol answering in JSON, with or
 * without an `ErrorResponse` wrapper).
 */

/**
 * How an error code is read: lower-cased, so one fragment matches every service's spelling
 * (`KMSDisabledException`, `KmsDisabled`), and by substring, so DynamoDB's
 * `com.amazonaws.dynamodb.v20120810#…` prefixes and `…Exception` suffixes do not matter.
 * The fragments come from each service's documented errors and the errors common to all AWS
 * services. Each service's template holds only the fragments its answers can carry: the
 * templates are repeated on every route, so their size is what a large API runs out of.
 */

/** API Gateway's name for a service the library calls: `sqs`, `kinesis`, `dynamodb`, `states`, `events`. */
export type ServiceName = 'sqs' | 'kinesis' | 'dynamodb' | 'states' | 'events';

/** The error codes of one service, by the status they answer. */
interface ServiceErrorCodes {
  /**
   * Where the code is: `__type` (JSON protocols), or also `Error.Code` (SQS's query protocol
   * answering in JSON, with or without an `ErrorResponse` wrapper).
   */
  readonly codePaths: readonly string[];
  /** "Slow down": 429. Not every `…LimitExceeded` is throttling (DynamoDB's ItemCollectionSizeLimitExceeded is not). */
  readonly throttling: readonly string[];
  /** A condition of the request failed: 409. */
  readonly conflict: readonly string[];
  /** The service failed (EventBridge reports these per entry inside a 200): 502. */
  readonly failure: readonly string[];
  /**
   * The API itself is misconfigured — its credentials, signature, permissions, KMS key or
   * target — not the client's request: 500, so the caller does not retry a request that can
   * never work (and API Gateway's 5XX alarms see it).
   */
  readonly misconfigured: readonly string[];
}

const COMMON_THROTTLING = ['throttl', 'toomanyrequests'];
const COMMON_FAILURE = ['internalfailure', 'internalservererror', 'serviceunavailable'];
const COMMON_MISCONFIGURED = [
  // credentials and signature (errors common to all services)
  'expiredtoken', 'requestexpired', 'unrecognizedclient', 'invalidclienttokenid', 'invalidsignature', 'signaturedoesnotmatch',
  'incompletesignature', 'missingauthentication', 'optinrequired',
  // permissions
  'accessdenied', 'notauthorized',
  // the service's KMS key (every KMS… and Kms… code)
  'kms',
  // the target missing, or a call the service does not know
  'resourcenotfound', 'unknownoperation', 'invalidaction',
];
const JSON_PROTOCOL = ['__type'];

function codes(extra: Partial<ServiceErrorCodes>): ServiceErrorCodes {
  return {
    codePaths: extra.codePaths ?? JSON_PROTOCOL,
    throttling: [...COMMON_THROTTLING, ...extra.throttling ?? []],
    conflict: extra.conflict ?? [],
    failure: [...COMMON_FAILURE, ...extra.failure ?? []],
    misconfigured: [...COMMON_MISCONFIGURED, ...extra.misconfigured ?? []],
  };
}

const SERVICE_ERRORS: Record<ServiceName, ServiceErrorCodes> = {
  dynamodb: codes({
    throttling: ['provisionedthroughputexceeded', 'requestlimitexceeded'],
    conflict: ['conditionalcheckfailed'],
    misconfigured: ['invalidendpoint'],
  }),
  kinesis: codes({ throttling: ['provisionedthroughputexceeded'] }),
  sqs: codes({
    codePaths: ['__type', 'Error.Code', 'ErrorResponse.Error.Code'],
    throttling: ['overlimit'],
    misconfigured: ['invalidsecurity', 'nonexistentqueue', 'queuedoesnotexist', 'invalidaddress', 'unsupportedoperation'],
  }),
  states: codes({
    throttling: ['executionlimitexceeded'],
    misconfigured: ['invalidarn', 'statemachinedoesnotexist', 'statemachinedeleting', 'statemachinetypenotsupported'],
  }),
  events: codes({
    failure: ['internalexception', 'redactionfailure'],
    misconfigured: ['invalidaccountid', 'invalidarn'],
  }),
};

/** The response body for each status the templates produce. */
export const ERROR_MESSAGES = {
  400: 'bad request',
  404: 'not found',
  409: 'conditional check failed',
  429: 'too many requests',
  500: 'internal error',
  502: 'service unavailable',
} as const;

export type ErrorStatus = keyof typeof ERROR_MESSAGES;

/**
 * How a template tells the client an error's status: REST answers with it as the HTTP
 * status (`$context.responseOverride.status`); a WebSocket message has no status, so there
 * it is a field of the body, `{"message":"not found","status":404}`.
 */
export type ErrorStatusStyle = 'httpStatus' | 'inBody';

/** `{"message":"…"}` with the status set, for templates that detect an error themselves. */
export function errorBody(status: ErrorStatus, style: ErrorStatusStyle = 'httpStatus'): string {
  return statusMessage(status, ERROR_MESSAGES[status], style);
}

/** A `{"message":"…"}` body with `status`, in `style`; `message` is plain text without quotes. */
export function statusMessage(status: number, message: string, style: ErrorStatusStyle = 'httpStatus'): string {
  return style === 'inBody'
    ? `{"message":"${message}","status":${status}}`
    : `#set($context.responseOverride.status=${status}){"message":"${message}"}`;
}

/**
 * A regular expression matching any of `words` (lower-case letters), with common prefixes
 * written once where that is shorter: `invalid(?:arn|action)`. A word that contains another
 * is left out: the shorter one already matches wherever it does.
 */
export function alternation(words: readonly string[]): string {
  const needed = words.filter(w => !words.some(other => other !== w && w.includes(other)));
  const byFirst = new Map<string, string[]>();
  for (const word of needed) byFirst.set(word[0], [...(byFirst.get(word[0]) ?? []), word]);
  return [...byFirst.values()].map(group => {
    if (group.length === 1) return group[0];
    let prefix = group[0];
    while (!group.every(w => w.startsWith(prefix))) prefix = prefix.slice(0, -1);
    const factored = `${prefix}(?:${alternation(group.map(w => w.slice(prefix.length)))})`;
    return factored.length < group.join('|').length ? factored : group.join('|');
  }).join('|');
}

/** A VTL condition: the lower-cased String variable `variable` contains one of `fragments`. */
function containsAny(variable: string, fragments: readonly string[]): string {
  return fragments.length === 1
    ? `$${variable}.contains('${fragments[0]}')`
    : `$${variable}.matches('(?s).*(?:${alternation(fragments)}).*')`;
}

/**
 * The error body for the error code of `service` held in the String variable `variable`:
 * 429, 409, 502 or 500 as the code says, else 400. Never the service's own message.
 * `within400` says the integration response already answers 400 (a service's 4XX), so a
 * client error need not set the status. `clientNamesTarget` says the client chose what the
 * call reads (a shard, an iterator): a target that is not there is then a 404, not the API's
 * misconfiguration.
 */
export function serviceErrorBody(
  service: ServiceName, variable: string, style: ErrorStatusStyle, within400: boolean, clientNamesTarget = false,
): string {
  const known = SERVICE_ERRORS[service];
  const clientError = within400 && style === 'httpStatus' ? `{"message":"${ERROR_MESSAGES[400]}"}` : errorBody(400, style);
  const notFound = clientNamesTarget ? ['resourcenotfound'] : [];
  const cases: Array<[readonly string[], ErrorStatus]> = [
    [known.throttling, 429], [known.conflict, 409], [notFound, 404], [known.failure, 502],
    [known.misconfigured.filter(f => !notFound.includes(f)), 500],
  ];
  const branches = cases.filter(([fragments]) => fragments.length > 0)
    .map(([fragments, status], i) => `#${i === 0 ? 'if' : 'elseif'}(${containsAny(variable, fragments)})${errorBody(status, style)}`);
  return `#set($${variable}=$${variable}.toLowerCase())${branches.join('')}#else${clientError}#end`;
}

/**
 * The template for `service`'s 4XX answer. A body that is not JSON (a proxy's HTML page)
 * counts as a bad request rather than failing the template.
 */
export function clientErrorTemplate(service: ServiceName, style: ErrorStatusStyle = 'httpStatus', clientNamesTarget = false): string {
  const code = SERVICE_ERRORS[service].codePaths.map(path => `$!{input.path('$.${path}')}`).join('');
  return `#set($t="")#if($input.body.startsWith('{'))#set($t="${code}")#end${serviceErrorBody(service, 't', style, true, clientNamesTarget)}`;
}

/** The body for a service's 5XX answer: the service failed, not the API. */
export function serverErrorTemplate(style: ErrorStatusStyle = 'httpStatus'): string {
  return style === 'inBody' ? errorBody(502, style) : `{"message":"${ERROR_MESSAGES[502]}"}`;
}

/** Status codes the templates can answer with, so every one is a declared method response. */
export const RESPONSE_STATUSES = ['200', '400', '404', '409', '429', '500', '502', '504'];
