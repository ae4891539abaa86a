import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { webSocketServiceIntegration } from './service-integration';
import { throwIfProblems } from '../../core/errors';
import { putEventsRequest, putEventsResponse } from '../../templates/event-bridge';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { eventBridgeProblems } from '../../vocabulary/integrations/event-bridge';
import { RequestValue } from '../../vocabulary/request-value';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** EventBridge PutEvents (one event) from a WebSocket route. */
export function webSocketEventBridge(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'eventBridge'>): WebSocketIntegrationBinding {
  const { bus, options: o } = spec;
  const prop = `${ctx.prop} Integration.eventBridge`;
  const optionProblems = eventBridgeProblems(prop, o);
  const values = webSocketRouteValues(ctx.route);
  const detailValue = o.detail ?? RequestValue.body();
  const detail = values.use(detailValue, `${prop} detail`, PLACES.eventDetail);
  throwIfProblems(ctx.scope, [...optionProblems, ...values.problems]);

  const role = ctx.serviceRole(bus, 'Lets API Gateway put events on this bus');
  role.allow(['events:PutEvents'], bus.eventBusArn);
  return webSocketServiceIntegration(ctx, {
    service: 'events',
    action: 'PutEvents',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents' },
    requestTemplate: putEventsRequest({ eventBusArn: bus.eventBusArn, source: o.source, detailType: o.detailType, detail }),
    responseTemplate: putEventsResponse('inBody'),
    // EventBridge refuses a detail that is not a JSON object: API Gateway says so first.
    requestSchema: detailValue._source === 'body' ? { type: apigw.JsonSchemaType.OBJECT } : values.requestSchema(),
    timeout: o.timeout,
  });
}
