import { Duration, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { WebSocketRouteKey } from './websocket-route-key';
import { ServiceRole } from '../shared/service-roles';

/**
 * What a WebSocket gateway hands an integration or authorization when a route binds it.
 * Not exported from the package: only the gateways of this library bind them.
 */
export interface WebSocketRouteContext {
  /** The gateway: the scope for anything the binding creates once per API. */
  readonly scope: Construct;
  readonly api: apigwv2.WebSocketApi;
  readonly route: WebSocketRouteKey;
  /** How errors name the route, e.g. `routes['sendMessage']`. */
  readonly prop: string;
  /** How errors name the authorization: `props.authorization` (WebSocket APIs authorize on $connect only). */
  readonly authorizationProp: string;
  /** The route's own `timeout`, which wins over the integration's. */
  readonly routeTimeout?: Duration;
  /** Whether the client gets the integration's answer (a two-way route). */
  readonly returnResponse: boolean;
  /** Lets API Gateway invoke a function from this API: one permission per function per API. */
  grantInvoke(fn: lambda.IFunction): void;
  /** The role API Gateway assumes to call `target` for this API: one per target. */
  serviceRole(target: IConstruct, description: string): ServiceRole;
}

/** One integration response of a non-proxy integration: its key and, if any, its template. */
export interface WebSocketIntegrationResponse {
  /** The construct ID of the response, e.g. `ClientErrorResponse`. */
  readonly id: string;
  /** `$default`, or a status pattern between slashes, e.g. `/4\d\d/`. */
  readonly key: string;
  readonly template?: string;
}

/** How an integration renders on a WebSocket route; the gateway creates the resources. */
export interface WebSocketIntegrationBinding {
  /** Everything of the `AWS::ApiGatewayV2::Integration` but the API it belongs to. */
  readonly integration: Omit<apigwv2.CfnIntegrationProps, 'apiId'>;
  /**
   * Integration responses, created on two-way routes only: what the client gets back.
   * Proxy integrations have none (their answer goes back as it is).
   */
  readonly responses?: WebSocketIntegrationResponse[];
  /**
   * The message body the integration needs (e.g. a JSON object), checked by API Gateway
   * when the route sets no `requestSchema` of its own.
   */
  readonly requestSchema?: apigw.JsonSchema;
}

/** How a route's authorization renders on a WebSocket `$connect` route. */
export interface WebSocketRouteAuthorization {
  /** `NONE`, `AWS_IAM` or `CUSTOM`. */
  readonly authorizationType: string;
  readonly authorizer?: apigwv2.CfnAuthorizer;
}

/** The template selection expression of every WebSocket integration: always the `$default` template. */
export const DEFAULT_TEMPLATE_SELECTION = '\\$default';
/** The key of the template a `\$default` selection picks. */
export const DEFAULT_TEMPLATE_KEY = '$default';
