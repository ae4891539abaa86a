import {
  aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_sqs as sqs,
  aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** A standard queue, SQS-managed encryption. */
export function queue(scope: Construct, id = 'Orders'): sqs.Queue {
  return new sqs.Queue(scope, id, { enforceSSL: true });
}

/** A FIFO queue. */
export function fifoQueue(scope: Construct, id = 'OrdersFifo'): sqs.Queue {
  return new sqs.Queue(scope, id, { fifo: true, enforceSSL: true });
}

/** An on-demand stream. */
export function stream(scope: Construct, id = 'Clicks'): kinesis.Stream {
  return new kinesis.Stream(scope, id, { streamMode: kinesis.StreamMode.ON_DEMAND });
}

/** A table keyed `pk` (string) + `sk` (number), with a `byCustomer` index keyed `customerId` + `createdAt`. */
export function table(scope: Construct, id = 'Items'): dynamodb.Table {
  const t = new dynamodb.Table(scope, id, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'sk', type: dynamodb.AttributeType.NUMBER },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  });
  t.addGlobalSecondaryIndex({
    indexName: 'byCustomer',
    partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
  });
  return t;
}

/** A table keyed by `pk` alone. */
export function simpleTable(scope: Construct, id = 'Carts'): dynamodb.Table {
  return new dynamodb.Table(scope, id, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  });
}

/** A state machine of one Pass state. */
export function stateMachine(scope: Construct, id: string, type: sfn.StateMachineType): sfn.StateMachine {
  return new sfn.StateMachine(scope, id, {
    stateMachineType: type,
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(scope, `${id}Pass`)),
    tracingEnabled: true,
  });
}

/** A custom event bus. */
export function bus(scope: Construct, id = 'Shop'): events.EventBus {
  return new events.EventBus(scope, id);
}
