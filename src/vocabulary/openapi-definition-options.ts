import { bool, optional, struct } from '../core/shape';

/** Options of `RestGateway.openApiDefinition` and `HttpGateway.openApiDefinition`. */
export interface OpenApiDefinitionOptions {
  /**
   * Keep API Gateway's `x-amazon-apigateway-*` extensions (integrations, authorizers,
   * validators, gateway responses, CORS). Without them the document describes only what
   * clients see: what API docs and client SDK generators read.
   * @default true
   */
  readonly apiGatewayExtensions?: boolean;
}

/** The shape untyped (JavaScript) callers are checked against. */
export const OPEN_API_DEFINITION_OPTIONS = struct<OpenApiDefinitionOptions>('OpenApiDefinitionOptions', {
  apiGatewayExtensions: optional(bool()),
}, '{ apiGatewayExtensions: false }');
