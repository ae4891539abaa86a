import { aws_kinesis as kinesis } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { RouteValues } from '../../templates/route-values';
import { ServiceIntegrationOptions } from './service-integration-options';
import { webSocketKinesis } from '../../websocket/integrations/kinesis';
import { RequestValue } from '../request-value';
import { HttpIntegrationBinding, HttpRouteContext } from '../../http/http-binding';
import { bindKinesisHttp } from '../../http/integrations/kinesis';
import { throwIfProblems } from '../../core/errors';
import { putRecordRequest, putRecordResponse } from '../../templates/kinesis';
import { PLACES } from '../../templates/template-places';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { restServiceIntegration } from '../../rest/integrations/service-integration';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Integration.kinesis`. */
export interface KinesisIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * The record's partition key (records with the same key go to the same shard, in order).
   * @default RequestValue.context('requestId') (records spread evenly, no ordering)
   */
  readonly partitionKey?: RequestValue;

  /**
   * The record's data.
   * @default RequestValue.body()
   */
  readonly data?: RequestValue;
}

/** Kinesis PutRecord: the client gets `{"sequenceNumber": …, "shardId": …}`. */
export class KinesisTarget implements IntegrationTarget {
  public readonly factory = 'Integration.kinesis';

  constructor(private readonly stream: kinesis.IStream, private readonly options: KinesisIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    return webSocketKinesis(ctx, this.stream, this.options);
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    const prop = `${ctx.prop} Integration.kinesis`;
    const values = new RouteValues(ctx);
    const data = values.use(this.options.data ?? RequestValue.body(), `${prop} data`, PLACES.kinesisData);
    const partitionKey = values.use(this.options.partitionKey ?? RequestValue.context('requestId'), `${prop} partitionKey`, PLACES.partitionKey);
    throwIfProblems(ctx.scope, values.problems);

    const role = ctx.serviceRole(this.stream, 'Lets API Gateway put records into this stream');
    role.allow(['kinesis:PutRecord'], this.stream.streamArn);
    if (this.stream.encryptionKey) role.allow(['kms:GenerateDataKey'], this.stream.encryptionKey.keyArn);
    return restServiceIntegration(ctx, {
      service: 'kinesis',
      action: 'PutRecord',
      role,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.PutRecord' },
      requestTemplate: putRecordRequest(this.stream.streamName, data, partitionKey),
      responseTemplate: putRecordResponse(),
      requestParameters: values.requestParameters,
      requestSchema: values.requestSchema(),
      timeout: this.options.timeout,
    });
  }

  public bindHttp(ctx: HttpRouteContext): HttpIntegrationBinding {
    return bindKinesisHttp(ctx, this.stream, this.options);
  }
}
