import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Problem, throwIfProblems } from '../../core/errors';
import { kinesisRoleFor } from '../../templates/kinesis-call';
import { IntegrationSpecOf } from '../../vocabulary/integration-spec';
import { kinesisProblems } from '../../vocabulary/integrations/kinesis';
import { KinesisAction } from '../../vocabulary/integrations/kinesis-action';
import { RequestValue } from '../../vocabulary/request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../http-binding';
import { HttpRouteValues } from '../http-route-values';
import { httpServiceIntegration } from '../http-service-integration';

/**
 * Kinesis-PutRecord: the body (or `data`) becomes one record, keyed by the request id unless
 * told otherwise. HTTP APIs have no subtype for Kinesis's other calls.
 */
export function bindKinesisHttp(ctx: HttpRouteContext, spec: IntegrationSpecOf<'kinesis'>): HttpIntegrationBinding {
  const { stream, options } = spec;
  const prop = `${ctx.prop} Integration.kinesis`;
  const action = options.action ?? KinesisAction.PUT_RECORD;
  const problems: Problem[] = kinesisProblems(prop, options);
  if (action !== KinesisAction.PUT_RECORD) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} action`,
      rule: 'is not supported on an HttpGateway (HTTP APIs integrate with Kinesis through the Kinesis-PutRecord subtype only)',
      value: action,
      fix: 'keep the route on RestGateway or WebSocketGateway, which make every Kinesis call, or use a Lambda function',
    });
    throwIfProblems(ctx.scope, problems);
  }
  const values = new HttpRouteValues(ctx);
  const parameters: Record<string, string> = {
    StreamName: stream.streamName,
    Data: values.use(options.data ?? RequestValue.body(), `${prop} data`),
    PartitionKey: values.use(options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`),
  };
  throwIfProblems(ctx.scope, [...problems, ...values.problems]);
  return httpServiceIntegration(ctx, {
    target: stream,
    subtype: apigwv2.HttpIntegrationSubtype.KINESIS_PUT_RECORD,
    role: kinesisRoleFor(ctx, stream, action),
    parameters,
    timeout: options.timeout,
  });
}
