import { HttpIntegrationBinding, HttpRouteContext } from '../http/http-binding';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket/websocket-binding';

/**
 * One kind of backend (Lambda, HTTP, mock, …). Each gateway type calls the binder it
 * needs; a target without a binder for a gateway cannot be used there. Not exported.
 */
export interface IntegrationTarget {
  /** How users wrote it, for messages: `Integration.lambda`. */
  readonly factory: string;
  /** What to do instead, when a RestGateway cannot bind this target. */
  readonly restAlternative?: string;
  bindRest?(ctx: RestRouteContext): RestIntegrationBinding;
  bindWebSocket?(ctx: WebSocketRouteContext): WebSocketIntegrationBinding;
  bindHttp?(ctx: HttpRouteContext): HttpIntegrationBinding;
}
