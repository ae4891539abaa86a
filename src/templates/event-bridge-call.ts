import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { composedDocument } from './composed-document';
import { putEventsRequest, putEventsResponse } from './event-bridge';
import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { ErrorStatusStyle } from './service-errors';
import { PLACES } from './template-places';
import { throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { composedDocumentProblems } from '../vocabulary/integrations/composed-document';
import { eventBridgeProblems } from '../vocabulary/integrations/event-bridge';
import { RequestValue } from '../vocabulary/request-value';

/** EventBridge PutEvents: the body (or `detail`) becomes one event. */
export function eventBridgeCall(
  site: ServiceCallSite, spec: IntegrationSpecOf<'eventBridge'>, values: RouteValues, prop: string, style: ErrorStatusStyle,
): ServiceCall {
  const { bus, options } = spec;
  const detailValue = options.detail ?? RequestValue.body();
  const composed = options.detailFields !== undefined;
  const detail = composed
    ? composedDocument(values, options.detailFields!, `${prop} detailFields`)
    : values.use(detailValue, `${prop} detail`, PLACES.eventDetail);
  throwIfProblems(site.scope, [
    ...eventBridgeProblems(prop, options), ...composedDocumentProblems(prop, 'detail', 'detailFields', options, true), ...values.problems,
  ]);

  const role = site.serviceRole(bus, 'Lets API Gateway put events on this bus');
  role.allow(['events:PutEvents'], bus.eventBusArn);
  return {
    service: 'events',
    action: 'PutEvents',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents' },
    requestTemplate: putEventsRequest({ eventBusArn: bus.eventBusArn, source: options.source, detailType: options.detailType, detail }),
    responseTemplate: putEventsResponse(style),
    checkedResponse: success => putEventsResponse(style, success),
    prop,
    response: options.response,
    errorResponses: options.errorResponses,
    contentHandling: options.contentHandling,
    // EventBridge refuses a detail that is not a JSON object: API Gateway's validator says so first.
    requestSchema: !composed && detailValue._source === 'body' ? { type: apigw.JsonSchemaType.OBJECT } : values.requestSchema(),
    timeout: options.timeout,
  };
}
