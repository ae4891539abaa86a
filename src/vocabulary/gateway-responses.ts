import { Token } from 'aws-cdk-lib';
import { answerHeaderProblems } from './static-headers';
import { Problem } from '../core/errors';
import { enumOf, list, map, num, optional, required, str, struct } from '../core/shape';
import { loneSurrogateProblems } from '../core/unicode';

/** The answers API Gateway makes itself, before or instead of calling the backend. */
export enum GatewayResponseType {
  /** Authorization refused (403). */
  ACCESS_DENIED = 'ACCESS_DENIED',
  /** The API is misconfigured (500). */
  API_CONFIGURATION_ERROR = 'API_CONFIGURATION_ERROR',
  /** The authorizer could not be reached or answered badly (500). */
  AUTHORIZER_CONFIGURATION_ERROR = 'AUTHORIZER_CONFIGURATION_ERROR',
  /** The authorizer failed (500). */
  AUTHORIZER_FAILURE = 'AUTHORIZER_FAILURE',
  /** A required request parameter is missing (400). */
  BAD_REQUEST_PARAMETERS = 'BAD_REQUEST_PARAMETERS',
  /** The body does not match the route's request model (400). */
  BAD_REQUEST_BODY = 'BAD_REQUEST_BODY',
  /** Every 4XX answer without a response of its own. */
  DEFAULT_4XX = 'DEFAULT_4XX',
  /** Every 5XX answer without a response of its own. */
  DEFAULT_5XX = 'DEFAULT_5XX',
  /** An expired AWS credential (403). */
  EXPIRED_TOKEN = 'EXPIRED_TOKEN',
  /** The integration failed (504). */
  INTEGRATION_FAILURE = 'INTEGRATION_FAILURE',
  /** The integration timed out (504). */
  INTEGRATION_TIMEOUT = 'INTEGRATION_TIMEOUT',
  /** An API key that is not valid for the stage (403). */
  INVALID_API_KEY = 'INVALID_API_KEY',
  /** A bad AWS signature (403). */
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
  /** No route, or no authentication token (403). */
  MISSING_AUTHENTICATION_TOKEN = 'MISSING_AUTHENTICATION_TOKEN',
  /** The usage plan's quota is used up (429). */
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  /** The request is too large (413). */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** No such resource (404). */
  RESOURCE_NOT_FOUND = 'RESOURCE_NOT_FOUND',
  /** A throttle limit was passed (429). */
  THROTTLED = 'THROTTLED',
  /** The authorizer refused the caller (401). */
  UNAUTHORIZED = 'UNAUTHORIZED',
  /** The content type is not one the route takes (415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** WAF blocked the request (403). */
  WAF_FILTERED = 'WAF_FILTERED',
}

/** One of API Gateway's own answers, shaped your way (RestGateway). */
export interface GatewayResponseOptions {
  /** Which answer. */
  readonly type: GatewayResponseType;

  /**
   * The status code (400–599).
   * @default - API Gateway's status for the type (e.g. 401 for UNAUTHORIZED)
   */
  readonly statusCode?: number;

  /**
   * Headers with fixed values (printable ASCII, no `'`; not `Access-Control-*`, which the
   * gateway's `cors` adds to every gateway response).
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The JSON body. API Gateway replaces `$context.…` and `$stageVariables.…` variables in
   * it, e.g. `{"error":$context.error.messageString,"requestId":"$context.requestId"}`
   * (`messageString` is already a quoted JSON string);
   * it runs no Velocity directives.
   * @default - API Gateway's body: `{"message":$context.error.messageString}`
   */
  readonly body?: string;
}

const MAX_BODY_LENGTH = 32_768;

/** What is wrong with a gateway's `gatewayResponses`. */
export function gatewayResponseProblems(prop: string, responses: readonly GatewayResponseOptions[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  responses.forEach((response, i) => {
    const at = `${prop}[${i}]`;
    const status = response.statusCode;
    if (status !== undefined && !Token.isUnresolved(status) && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
      problems.push({ code: 'InvalidGatewayResponse', prop: `${at}.statusCode`, rule: 'must be a whole number from 400 to 599', value: status, fix: 'use e.g. 401' });
    }
    problems.push(...answerHeaderProblems('InvalidGatewayResponse', `${at}.headers`, response.headers ?? {}));
    const body = response.body;
    if (body !== undefined && !Token.isUnresolved(body)) {
      problems.push(...loneSurrogateProblems('InvalidGatewayResponse', `${at}.body`, body));
      if (body.includes('"$context.error.messageString"')) {
        problems.push({
          code: 'InvalidGatewayResponse',
          prop: `${at}.body`,
          rule: 'must not quote $context.error.messageString (it is a quoted JSON string already: the body would hold ""…"")',
          value: body,
          fix: 'write $context.error.messageString without quotes, or "$context.error.message"',
        });
      }
      if (body.length > MAX_BODY_LENGTH) {
        problems.push({
          code: 'LimitExceeded', prop: `${at}.body`, rule: `must be at most ${MAX_BODY_LENGTH} characters`, value: `${body.length} characters`, fix: 'shorten the body',
        });
      }
    }
    if (seen.has(response.type)) {
      problems.push({
        code: 'InvalidGatewayResponse', prop: `${at}.type`, rule: 'must be shaped once', value: response.type, fix: 'merge the two entries for this type',
      });
    }
    seen.add(response.type);
  });
  return problems;
}

/** `UNAUTHORIZED` → `Unauthorized`, `DEFAULT_4XX` → `Default4xx`: the construct ID of the type's response. */
export function gatewayResponseId(type: GatewayResponseType): string {
  return type.toLowerCase().split('_').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

// The shapes untyped (JavaScript) callers are checked against.

export const GATEWAY_RESPONSE_TYPE = enumOf<GatewayResponseType>('GatewayResponseType', () => GatewayResponseType);

export const GATEWAY_RESPONSE_OPTIONS = struct<GatewayResponseOptions>('GatewayResponseOptions', {
  type: required(GATEWAY_RESPONSE_TYPE),
  statusCode: optional(num('401')),
  headers: optional(map(str(), "{ 'WWW-Authenticate': 'Bearer' }")),
  body: optional(str('\'{"error":$context.error.messageString}\'')),
}, "{ type: GatewayResponseType.UNAUTHORIZED, body: '{\"error\":\"unauthorized\"}' }");

export const GATEWAY_RESPONSES = list(GATEWAY_RESPONSE_OPTIONS);
