import { webSocketServiceIntegration } from './service-integration';
import { throwIfProblems } from '../../core/errors';
import { putRecordRequest, putRecordResponse } from '../../templates/kinesis';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RequestValue } from '../../vocabulary/request-value';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket-binding';
import { webSocketRouteValues } from '../websocket-template-values';

/** Kinesis PutRecord from a WebSocket route, with the same template as on REST. */
export function webSocketKinesis(ctx: WebSocketRouteContext, spec: IntegrationSpecOf<'kinesis'>): WebSocketIntegrationBinding {
  const { stream, options: o } = spec;
  const prop = `${ctx.prop} Integration.kinesis`;
  const values = webSocketRouteValues(ctx.route);
  const data = values.use(o.data ?? RequestValue.body(), `${prop} data`, PLACES.kinesisData);
  const partitionKey = values.use(o.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`, PLACES.partitionKey);
  throwIfProblems(ctx.scope, values.problems);

  const role = ctx.serviceRole(stream, 'Lets API Gateway put records into this stream');
  role.allow(['kinesis:PutRecord'], stream.streamArn);
  if (stream.encryptionKey) role.allow(['kms:GenerateDataKey'], stream.encryptionKey.keyArn);
  return webSocketServiceIntegration(ctx, {
    service: 'kinesis',
    action: 'PutRecord',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.PutRecord' },
    requestTemplate: putRecordRequest(stream.streamName, data, partitionKey),
    responseTemplate: putRecordResponse(),
    requestSchema: values.requestSchema(),
    timeout: o.timeout,
  });
}
