/**
 * How service errors reach clients: a `{"message": …}` body that never repeats the service's
 * own message (it can name tables, queues and accounts), with a status that says whose fault
 * it is. Shared by every AWS service integration.
 *
 * The service's error code is read from `__type` (JSON protocols: Kinesis, DynamoDB, Step
 * Functions, EventBridge) or `Error.Code` (SQS's query protocol answering in JSON, with or
 * without an `ErrorResponse` wrapper).
 */

/** Error codes that mean "slow down": 429. */
const THROTTLING = ['Throttl', 'ProvisionedThroughputExceeded', 'LimitExceeded', 'TooManyRequests', 'OverLimit'];

/**
 * Error codes that mean the API itself is misconfigured (its role, key or target), not the
 * client's request: 500, so the caller does not retry a request that can never work.
 */
const MISCONFIGURED = [
  'AccessDenied', 'UnrecognizedClient', 'InvalidSignature', 'MissingAuthentication', 'KMS',
  'ResourceNotFound', 'NonExistentQueue', 'StateMachineDoesNotExist', 'StateMachineDeleting',
];

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
    : `#set($context.responseOverride.status = ${status}){"message":"${message}"}`;
}

/** A VTL condition: the String variable `$ghErrorType` contains one of `fragments`. */
function containsAny(fragments: readonly string[]): string {
  return fragments.map(f => `$ghErrorType.contains('${f}')`).join(' || ');
}

/**
 * The template for a service's 4XX answer. A body that is not JSON (a proxy's HTML page)
 * counts as a bad request rather than failing the template.
 */
export function clientErrorTemplate(style: ErrorStatusStyle = 'httpStatus'): string {
  return [
    '#set($ghErrorType = "")',
    '#if($input.body.startsWith(\'{\'))',
    '#set($ghErrorType = "$!{input.path(\'$.__type\')}$!{input.path(\'$.Error.Code\')}$!{input.path(\'$.ErrorResponse.Error.Code\')}")',
    '#end',
    `#if(${containsAny(THROTTLING)})${errorBody(429, style)}`,
    `#elseif($ghErrorType.contains('ConditionalCheckFailed'))${errorBody(409, style)}`,
    `#elseif(${containsAny(MISCONFIGURED)})${errorBody(500, style)}`,
    style === 'inBody' ? `#else${errorBody(400, style)}#end` : `#else{"message":"${ERROR_MESSAGES[400]}"}#end`,
  ].join('');
}

/** The body for a service's 5XX answer: the service failed, not the API. */
export function serverErrorTemplate(style: ErrorStatusStyle = 'httpStatus'): string {
  return style === 'inBody' ? errorBody(502, style) : `{"message":"${ERROR_MESSAGES[502]}"}`;
}

/** Status codes the templates can answer with, so every one is a declared method response. */
export const RESPONSE_STATUSES = ['200', '400', '404', '409', '429', '500', '502', '504'];
