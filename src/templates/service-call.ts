import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ServiceName } from './service-errors';
import { ServiceRole } from '../shared/service-roles';

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
  readonly requestSchema?: apigw.JsonSchema;
  readonly timeout?: Duration;
}

/** What a gateway's route context gives a service-call builder. */
export interface ServiceCallSite {
  readonly scope: Construct;
  serviceRole(target: IConstruct, description: string): ServiceRole;
}
