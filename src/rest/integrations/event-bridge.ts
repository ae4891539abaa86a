import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { putEventsRequest, putEventsResponse } from '../../templates/event-bridge';
import { RouteValues } from '../../templates/route-values';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { eventBridgeProblems } from '../../vocabulary/integrations/event-bridge';
import { RequestValue } from '../../vocabulary/request-value';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** EventBridge PutEvents: the body (or `detail`) becomes one event; the client gets `{"eventId": …}`. */
export function bindEventBridgeRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'eventBridge'>): RestIntegrationBinding {
  const { bus, options } = spec;
  const prop = `${ctx.prop} Integration.eventBridge`;
  const values = new RouteValues(ctx);
  const detailValue = options.detail ?? RequestValue.body();
  const detail = values.use(detailValue, `${prop} detail`, PLACES.eventDetail);
  throwIfProblems(ctx.scope, [...values.problems, ...eventBridgeProblems(prop, options)]);

  const role = ctx.serviceRole(bus, 'Lets API Gateway put events on this bus');
  role.allow(['events:PutEvents'], bus.eventBusArn);
  return restServiceIntegration(ctx, {
    service: 'events',
    action: 'PutEvents',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents' },
    requestTemplate: putEventsRequest({
      eventBusArn: bus.eventBusArn, source: options.source, detailType: options.detailType, detail,
    }),
    responseTemplate: putEventsResponse(),
    requestParameters: values.requestParameters,
    // EventBridge refuses a detail that is not a JSON object: the validator says so first.
    requestSchema: detailValue._source === 'body' ? { type: apigw.JsonSchemaType.OBJECT } : values.requestSchema(),
    timeout: options.timeout,
  });
}
