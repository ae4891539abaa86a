import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { composedDocumentProblems } from '../../vocabulary/integrations/composed-document';
import { eventBridgeProblems } from '../../vocabulary/integrations/event-bridge';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

/**
 * EventBridge-PutEvents: one event on the bus with the fixed source and detail type; the
 * body (or `detail`) is the detail.
 * @param optionProblems what the target found wrong with its options (source, detail type)
 */
export function bindEventBridgeHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'eventBridge'>): HttpIntegrationBinding {
  const { bus, options } = spec;
  const prop = `${ctx.prop} Integration.eventBridge`;
  const values = new HttpRouteValues(ctx);
  const parameters: Record<string, string> = {
    EventBusName: bus.eventBusName,
    Source: values.use(RequestValue.literal(options.source), `${prop} source`),
    DetailType: values.use(RequestValue.literal(options.detailType), `${prop} detailType`),
    Detail: values.use(options.detail ?? RequestValue.body(), `${prop} detail`),
  };
  throwIfProblems(ctx.scope, [...eventBridgeProblems(prop, options), ...composedDocumentProblems(prop, 'detail', 'detailFields', options, false), ...values.problems]);

  const role = ctx.serviceRole(bus, 'Lets API Gateway put events on this bus');
  role.allow(['events:PutEvents'], bus.eventBusArn);
  return httpServiceIntegration(ctx, {
    target: bus, subtype: apigwv2.HttpIntegrationSubtype.EVENTBRIDGE_PUT_EVENTS, role, parameters, timeout: options.timeout,
  });
}
