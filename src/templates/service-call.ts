import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ServiceName } from './service-errors';
import { ServiceRole } from '../shared/service-roles';
import { ContentHandling } from '../vocabulary/integrations/content-handling';
import { ServiceErrorResponse, ServiceResponseOptions } from '../vocabulary/integrations/service-response';

/** One AWS service API call made by API Gateway with a mapping template, on REST or WebSocket. */
export interface ServiceCall {
  /** API Gateway's name for the service: `sqs`, `kinesis`, `dynamodb`, `states`, `events`. */
  readonly service: ServiceName;
  /** An action-style call (`PutRecord`), or … */
  readonly action?: string;
  /** … a path-style call (`{account}/{queueName}`). */
  readonly path?: string;
  readonly role: ServiceRole;
  /** Fixed integration request headers, e.g. `Content-Type`, `X-Amz-Target`. */
  readonly headers: Record<string, string>;
  readonly requestTemplate: string;
  /** Turns the service's 2XX answer into the client's response. */
  readonly responseTemplate: string;
  /**
   * The service's checks of a 2XX answer (a failed entry, a failed execution, no item) around
   * another success body, for routes with a `response` body of their own.
   * @default - the service has none: the body alone
   */
  readonly checkedResponse?: (successBody: string) => string;
  /** Where the route's integration options are, for messages (`routes['POST /x'] Integration.sqs`). */
  readonly prop: string;
  /** The route's own success answer, if any. */
  readonly response?: ServiceResponseOptions;
  /** The route's own answers to service error statuses, if any. */
  readonly errorResponses?: readonly ServiceErrorResponse[];
  /**
   * The call only reads (a DynamoDB GetItem or Query, a Kinesis ListShards), so a cached
   * answer stands for it; any other call changes something, or must be fresh, and a cache
   * would skip it.
   */
  readonly readOnly?: boolean;
  /** The client names what the call reads (a Kinesis shard or iterator): a missing one is a 404. */
  readonly clientNamesTarget?: boolean;
  /** Whether binary request bodies reach the call as base64 text. */
  readonly contentHandling?: ContentHandling;
  readonly requestSchema?: apigw.JsonSchema;
  readonly timeout?: Duration;
}

/** What a gateway's route context gives a service-call builder. */
export interface ServiceCallSite {
  readonly scope: Construct;
  /** The route's own `timeout`, which wins over the integration's. */
  readonly routeTimeout?: Duration;
  serviceRole(target: IConstruct, description: string): ServiceRole;
}
