import { eventBridgeCall } from '../../templates/event-bridge-call';
import { RouteValues } from '../../templates/route-values';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** EventBridge PutEvents: the body (or `detail`) becomes one event; the client gets `{"eventId": …}`. */
export function bindEventBridgeRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'eventBridge'>): RestIntegrationBinding {
  const values = new RouteValues(ctx);
  const call = eventBridgeCall(ctx, spec, values, `${ctx.prop} Integration.eventBridge`, 'httpStatus');
  return restServiceIntegration(ctx, call, values.requestParameters);
}
