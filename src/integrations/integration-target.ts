import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';

/**
 * One kind of backend (Lambda, HTTP, mock, …). Each gateway type calls the binder it
 * needs; a target without a binder for a gateway cannot be used there. Not exported.
 */
export interface IntegrationTarget {
  /** How users wrote it, for messages: `Integration.lambda`. */
  readonly factory: string;
  bindRest?(ctx: RestRouteContext): RestIntegrationBinding;
}
