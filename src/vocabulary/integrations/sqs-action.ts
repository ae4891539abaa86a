import { enumOf } from '../../core/shape';

/** The SQS API call a route makes. */
export enum SqsAction {
  /** Sends the body (or `messageBody`) as a message: answers `{"messageId": …}`. */
  SEND_MESSAGE = 'SendMessage',
  /**
   * Receives up to `maxMessages` messages: answers
   * `{"messages": [{"messageId": …, "receiptHandle": …, "body": …}]}` (an empty list when
   * the queue has none). A received message comes back after its visibility timeout unless
   * it is deleted.
   */
  RECEIVE_MESSAGE = 'ReceiveMessage',
  /** Deletes the message whose `receiptHandle` the request names: answers `{}`. */
  DELETE_MESSAGE = 'DeleteMessage',
  /** Deletes every message of the queue (SQS allows one purge a minute): answers `{}`. */
  PURGE_QUEUE = 'PurgeQueue',
}

// The shapes untyped (JavaScript) callers are checked against.

export const SQS_ACTION = enumOf<SqsAction>('SqsAction', () => SqsAction);
