import { throwIfProblems } from '../../core/errors';
import { putRecordRequest, putRecordResponse } from '../../templates/kinesis';
import { RouteValues } from '../../templates/route-values';
import { PLACES } from '../../templates/template-places';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RequestValue } from '../../vocabulary/request-value';
import { RestIntegrationBinding, RestRouteContext } from '../rest-binding';
import { restServiceIntegration } from './service-integration';

/** Kinesis PutRecord: the client gets `{"sequenceNumber": …, "shardId": …}`. */
export function bindKinesisRest(ctx: RestRouteContext, spec: IntegrationSpecOf<'kinesis'>): RestIntegrationBinding {
  const { stream, options } = spec;
  const prop = `${ctx.prop} Integration.kinesis`;
  const values = new RouteValues(ctx);
  const data = values.use(options.data ?? RequestValue.body(), `${prop} data`, PLACES.kinesisData);
  const partitionKey = values.use(options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`, PLACES.partitionKey);
  throwIfProblems(ctx.scope, values.problems);

  const role = ctx.serviceRole(stream, 'Lets API Gateway put records into this stream');
  role.allow(['kinesis:PutRecord'], stream.streamArn);
  if (stream.encryptionKey) role.allow(['kms:GenerateDataKey'], stream.encryptionKey.keyArn);
  return restServiceIntegration(ctx, {
    service: 'kinesis',
    action: 'PutRecord',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.PutRecord' },
    requestTemplate: putRecordRequest(stream.streamName, data, partitionKey),
    responseTemplate: putRecordResponse(),
    requestParameters: values.requestParameters,
    requestSchema: values.requestSchema(),
    timeout: options.timeout,
  });
}
