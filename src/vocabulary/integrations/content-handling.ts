import { enumOf } from '../../core/shape';

/** How API Gateway converts a binary payload for a route's integration. */
export enum ContentHandling {
  /**
   * A binary request body — a content type among the RestGateway's `binaryMediaTypes`, or a
   * WebSocket binary frame — reaches the integration as its base64 text.
   */
  CONVERT_TO_TEXT = 'CONVERT_TO_TEXT',
}

// The shapes untyped (JavaScript) callers are checked against.

export const CONTENT_HANDLING = enumOf<ContentHandling>('ContentHandling', () => ContentHandling);
