import { args, argumentChecker, brand, madeBy, required, str } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/**
 * A condition a DynamoDB write (`PUT_ITEM`, `UPDATE_ITEM`, `DELETE_ITEM`) must meet; when
 * the item does not meet it, nothing is written and the client gets
 * `409 {"message":"conditional check failed"}`.
 *
 * @example
 * import { DynamoDbAction, Integration, RequestValue, WriteCondition } from 'cdk-gatehouse';
 *
 * // Create only: a second PUT of the same id is a 409.
 * Integration.dynamoDb(table, DynamoDbAction.PUT_ITEM, {
 *   key: { pk: RequestValue.pathParameter('id') },
 *   condition: WriteCondition.itemNotExists(),
 * });
 */
export class WriteCondition {
  /** The item exists (update or delete only what is there). */
  public static itemExists(): WriteCondition {
    return new WriteCondition('item', 'attribute_exists({a})');
  }

  /** No item has the key yet (create only). */
  public static itemNotExists(): WriteCondition {
    return new WriteCondition('item', 'attribute_not_exists({a})');
  }

  /** The item has the attribute. */
  public static attributeExists(attribute: string): WriteCondition {
    checkConditionArguments('WriteCondition.attributeExists', { attribute });
    return new WriteCondition(attribute, 'attribute_exists({a})');
  }

  /** The item does not have the attribute (or there is no item). */
  public static attributeNotExists(attribute: string): WriteCondition {
    checkConditionArguments('WriteCondition.attributeNotExists', { attribute });
    return new WriteCondition(attribute, 'attribute_not_exists({a})');
  }

  /** The item's string attribute equals a value of the request, e.g. an `If-Match` header. */
  public static stringEquals(attribute: string, value: RequestValue): WriteCondition {
    checkConditionArguments('WriteCondition.stringEquals', { attribute, value });
    return new WriteCondition(attribute, '{a} = :c', { type: 'S', value });
  }

  /** The item's number attribute equals a value of the request, e.g. a version for optimistic locking. */
  public static numberEquals(attribute: string, value: RequestValue): WriteCondition {
    checkConditionArguments('WriteCondition.numberEquals', { attribute, value });
    return new WriteCondition(attribute, '{a} = :c', { type: 'N', value });
  }

  /** @internal The attribute, or `item` for the partition key (whether the item exists). */
  public readonly _attribute: string;
  /** @internal The condition expression with `{a}` for the attribute's name placeholder. */
  public readonly _expression: string;
  /** @internal The value compared with, typed. */
  public readonly _value?: { readonly type: 'S' | 'N'; readonly value: RequestValue };

  private constructor(attribute: string, expression: string, value?: { type: 'S' | 'N'; value: RequestValue }) {
    brand(this, 'WriteCondition');
    this._attribute = attribute;
    this._expression = expression;
    this._value = value;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const WRITE_CONDITION = madeBy<WriteCondition>('WriteCondition', 'WriteCondition.itemNotExists()');

const attributeOnly = args<{ attribute: string }>({ attribute: required(str("'lockedBy'")) });
const withValue = args<{ attribute: string; value: RequestValue }>({
  attribute: required(str("'version'")), value: required(REQUEST_VALUE),
});

/** The arguments of each `WriteCondition.*` factory that takes any. */
export const WRITE_CONDITION_FACTORIES = {
  'WriteCondition.attributeExists': attributeOnly,
  'WriteCondition.attributeNotExists': attributeOnly,
  'WriteCondition.stringEquals': withValue,
  'WriteCondition.numberEquals': withValue,
};

const checkConditionArguments = argumentChecker(WRITE_CONDITION_FACTORIES);
