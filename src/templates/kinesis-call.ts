import { putRecordRequest, putRecordResponse } from './kinesis';
import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { PLACES } from './template-places';
import { throwIfProblems } from '../core/errors';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { RequestValue } from '../vocabulary/request-value';

/** Kinesis PutRecord: the body (or `data`) becomes a record. */
export function kinesisCall(site: ServiceCallSite, spec: IntegrationSpecOf<'kinesis'>, values: RouteValues, prop: string): ServiceCall {
  const { stream, options } = spec;
  const data = values.use(options.data ?? RequestValue.body(), `${prop} data`, PLACES.kinesisData);
  const partitionKey = values.use(options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`, PLACES.partitionKey);
  throwIfProblems(site.scope, values.problems);

  const role = site.serviceRole(stream, 'Lets API Gateway put records into this stream');
  role.allow(['kinesis:PutRecord'], stream.streamArn);
  if (stream.encryptionKey) role.allow(['kms:GenerateDataKey'], stream.encryptionKey.keyArn);
  return {
    service: 'kinesis',
    action: 'PutRecord',
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.PutRecord' },
    requestTemplate: putRecordRequest(stream.streamName, data, partitionKey),
    responseTemplate: putRecordResponse(),
    prop,
    response: options.response,
    errorResponses: options.errorResponses,
    requestSchema: values.requestSchema(),
    timeout: options.timeout,
  };
}
