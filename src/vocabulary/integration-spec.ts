import {
  aws_dynamodb as dynamodb, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_kinesis as kinesis,
  aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import type { DynamoDbIntegrationOptions } from './integrations/dynamodb';
import { DynamoDbAction } from './integrations/dynamodb-action';
import type { EventBridgeIntegrationOptions } from './integrations/event-bridge';
import type { HttpProxyIntegrationOptions } from './integrations/http-proxy';
import type { KinesisIntegrationOptions } from './integrations/kinesis';
import type { LambdaIntegrationOptions } from './integrations/lambda';
import type { MockIntegrationOptions } from './integrations/mock';
import type { PrivateAlbIntegrationOptions, PrivateIntegrationOptions, PrivateNlbIntegrationOptions } from './integrations/private';
import type { SqsIntegrationOptions } from './integrations/sqs';
import type { StepFunctionsIntegrationOptions } from './integrations/step-functions';

/**
 * What an `Integration.*` factory produced, as plain data: the kind (the factory's name)
 * and its arguments. Gateways read it and bind it their own way; nothing here knows a
 * gateway.
 */
export type IntegrationSpec =
  | { readonly kind: 'lambda'; readonly handler: lambda.IFunction; readonly options: LambdaIntegrationOptions }
  | { readonly kind: 'http'; readonly url: string; readonly options: HttpProxyIntegrationOptions }
  | { readonly kind: 'mock'; readonly options: MockIntegrationOptions }
  | { readonly kind: 'sqs'; readonly queue: sqs.IQueue; readonly options: SqsIntegrationOptions }
  | { readonly kind: 'kinesis'; readonly stream: kinesis.IStream; readonly options: KinesisIntegrationOptions }
  | {
    readonly kind: 'dynamoDb';
    readonly table: dynamodb.ITable;
    readonly action: DynamoDbAction;
    readonly options: DynamoDbIntegrationOptions;
  }
  | { readonly kind: 'stepFunctions'; readonly stateMachine: sfn.IStateMachine; readonly options: StepFunctionsIntegrationOptions }
  | { readonly kind: 'eventBridge'; readonly bus: events.IEventBus; readonly options: EventBridgeIntegrationOptions }
  | { readonly kind: 'privateNlb'; readonly loadBalancer: elbv2.INetworkLoadBalancer; readonly options: PrivateNlbIntegrationOptions }
  | { readonly kind: 'privateAlb'; readonly listener: elbv2.IApplicationListener; readonly options: PrivateAlbIntegrationOptions }
  | { readonly kind: 'cloudMap'; readonly service: servicediscovery.IService; readonly options: PrivateIntegrationOptions };

/** Every integration kind: the name of the factory that makes it. */
export type IntegrationKind = IntegrationSpec['kind'];

/** The spec of one kind. */
export type IntegrationSpecOf<K extends IntegrationKind> = Extract<IntegrationSpec, { readonly kind: K }>;

/** Every kind, in the order README lists them; the compiler refuses a list that forgets one. */
export const INTEGRATION_KINDS = Object.keys({
  lambda: 1, http: 1, mock: 1, sqs: 1, kinesis: 1, dynamoDb: 1, stepFunctions: 1, eventBridge: 1, privateNlb: 1, privateAlb: 1, cloudMap: 1,
} satisfies Record<IntegrationKind, 1>) as readonly IntegrationKind[];

/** How users wrote it, for messages: `Integration.sqs`. */
export function integrationFactory(kind: IntegrationKind): string {
  return `Integration.${kind}`;
}
