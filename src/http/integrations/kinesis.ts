import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { throwIfProblems } from '../../core/errors';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

/** Kinesis-PutRecord: the body (or `data`) becomes one record, keyed by the request id unless told otherwise. */
export function bindKinesisHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'kinesis'>): HttpIntegrationBinding {
  const { stream, options } = spec;
  const prop = `${ctx.prop} Integration.kinesis`;
  const values = new HttpRouteValues(ctx);
  const parameters: Record<string, string> = {
    StreamName: stream.streamName,
    Data: values.use(options.data ?? RequestValue.body(), `${prop} data`),
    PartitionKey: values.use(options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`),
  };
  throwIfProblems(ctx.scope, values.problems);

  const role = ctx.serviceRole(stream, 'Lets API Gateway put records into this stream');
  role.allow(['kinesis:PutRecord'], stream.streamArn);
  if (stream.encryptionKey) role.allow(['kms:GenerateDataKey'], stream.encryptionKey.keyArn);
  return httpServiceIntegration(ctx, {
    target: stream, subtype: apigwv2.HttpIntegrationSubtype.KINESIS_PUT_RECORD, role, parameters, timeout: options.timeout,
  });
}
