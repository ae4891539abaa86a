/**
 * What a mapping template sees: the request (or, for a response template, the integration
 * response) as API Gateway hands it to Velocity. Plain data, so the same case can be fed to
 * this project's renderer and to the Apache Velocity conformance harness.
 */
export interface VtlRequest {
  /** The raw body: `$input.body`. Empty string when there is none. */
  readonly body: string;
  /** Path parameters, URL-decoded: `$input.params().path`. */
  readonly path?: Record<string, string>;
  /** Query-string parameters, URL-decoded: `$input.params().querystring`. */
  readonly querystring?: Record<string, string>;
  /** Request headers; looked up without regard to case: `$input.params().header`. */
  readonly header?: Record<string, string>;
  /** `$context`: nested plain JSON, e.g. `{ requestId, identity: { sourceIp }, authorizer: { claims: { sub } } }`. */
  readonly context?: Record<string, unknown>;
  /** `$stageVariables`. */
  readonly stageVariables?: Record<string, string>;
}

/** What rendering produced: the text, and what the template asked to override. */
export interface VtlResult {
  readonly output: string;
  /** `#set($context.responseOverride.status = 404)` */
  readonly statusOverride?: number;
  /** `#set($context.responseOverride.header.Name = "value")` */
  readonly headerOverrides?: Record<string, string>;
}
