import { Duration } from 'aws-cdk-lib';
import { CONTENT_HANDLING, ContentHandling } from './content-handling';
import {
  SERVICE_ERROR_RESPONSES, SERVICE_RESPONSE_OPTIONS, ServiceErrorResponse, ServiceResponseOptions,
} from './service-response';
import { duration, optional } from '../../core/shape';

/** Options every AWS service integration takes. */
export interface ServiceIntegrationOptions {
  /**
   * How long API Gateway waits for the service (50 ms to 29 s).
   * @default - API Gateway's maximum, 29 seconds
   */
  readonly timeout?: Duration;

  /**
   * What the client gets when the service succeeds: status, fixed headers, and the service's
   * own answer or your template in place of the library's plain JSON (RestGateway; the body
   * only on WebSocket two-way routes; an HttpGateway answers with the service's own response).
   * @default - status 200 and the library's plain JSON
   */
  readonly response?: ServiceResponseOptions;

  /**
   * Answers of your own to some of the service's error statuses (RestGateway, WebSocket
   * two-way routes). The statuses not listed keep the library's error bodies.
   * @default - the library's error bodies for every status
   */
  readonly errorResponses?: ServiceErrorResponse[];

  /**
   * `ContentHandling.CONVERT_TO_TEXT` takes binary request bodies: on a RestGateway those
   * whose content type is one of its `binaryMediaTypes` (each without a wildcard), on a
   * WebSocket route binary frames. The body's base64 text is then what `RequestValue.body()`
   * reads, e.g. as a message or a record's data, which a consumer decodes. Routes that read
   * JSON paths of the body refuse it (a binary body has none).
   * @default - JSON bodies only (a RestGateway answers other content types 415)
   */
  readonly contentHandling?: ContentHandling;
}

// The shapes untyped (JavaScript) callers are checked against.


/** The `timeout` option every integration takes. */
export const TIMEOUT = optional(duration('Duration.seconds(10)'));

/** The fields every service integration's options have. */
export const SERVICE_INTEGRATION_FIELDS = {
  timeout: TIMEOUT,
  response: optional(SERVICE_RESPONSE_OPTIONS),
  errorResponses: optional(SERVICE_ERROR_RESPONSES),
  contentHandling: optional(CONTENT_HANDLING),
};
