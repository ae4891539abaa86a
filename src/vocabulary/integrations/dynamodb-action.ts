import { enumOf } from '../../core/shape';
/** The DynamoDB API call a route makes. */
export enum DynamoDbAction {
  /** Writes the body's attributes as the item under the route's key; answers with the item it replaced (`{}` if none). */
  PUT_ITEM = 'PutItem',
  /** Reads the item under the route's key: the item as plain JSON, or 404. */
  GET_ITEM = 'GetItem',
  /** Reads the items of one partition (optionally of an index): `{"items": [...], "count": n}`. */
  QUERY = 'Query',
  /** Sets the body's attributes on the item under the route's key: answers with the whole updated item. */
  UPDATE_ITEM = 'UpdateItem',
  /** Deletes the item under the route's key: answers with the deleted item (`{}` if none). */
  DELETE_ITEM = 'DeleteItem',
}

// The shapes untyped (JavaScript) callers are checked against.

export const DYNAMODB_ACTION = enumOf<DynamoDbAction>('DynamoDbAction', () => DynamoDbAction);
