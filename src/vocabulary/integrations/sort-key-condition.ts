import { brand, argumentChecker, args, madeBy, required, str } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/**
 * A condition on the sort key of a DynamoDB Query.
 *
 * @example
 * import { DynamoDbAction, Integration, RequestValue, RestGateway, SortKeyCondition } from 'cdk-gatehouse';
 *
 * const history = new RestGateway(this, 'History');
 * history.addRoute('GET /customers/{id}/orders', Integration.dynamoDb(table, DynamoDbAction.QUERY, {
 *   key: { customerId: RequestValue.pathParameter('id') },
 *   indexName: 'byCustomer',
 *   sortKeyCondition: SortKeyCondition.beginsWith('createdAt', RequestValue.queryString('month')),
 * }));
 */
export class SortKeyCondition {
  /** `attribute = value` */
  public static equalTo(attribute: string, value: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.equalTo', { attribute, value });
    return new SortKeyCondition(attribute, '{sk} = :sk0', [value]);
  }

  /** `attribute < value` */
  public static lessThan(attribute: string, value: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.lessThan', { attribute, value });
    return new SortKeyCondition(attribute, '{sk} < :sk0', [value]);
  }

  /** `attribute <= value` */
  public static lessThanOrEqual(attribute: string, value: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.lessThanOrEqual', { attribute, value });
    return new SortKeyCondition(attribute, '{sk} <= :sk0', [value]);
  }

  /** `attribute > value` */
  public static greaterThan(attribute: string, value: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.greaterThan', { attribute, value });
    return new SortKeyCondition(attribute, '{sk} > :sk0', [value]);
  }

  /** `attribute >= value` */
  public static greaterThanOrEqual(attribute: string, value: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.greaterThanOrEqual', { attribute, value });
    return new SortKeyCondition(attribute, '{sk} >= :sk0', [value]);
  }

  /** `attribute BETWEEN low AND high` (both included) */
  public static between(attribute: string, low: RequestValue, high: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.between', { attribute, low, high });
    return new SortKeyCondition(attribute, '{sk} BETWEEN :sk0 AND :sk1', [low, high]);
  }

  /** `begins_with(attribute, prefix)` (string and binary sort keys) */
  public static beginsWith(attribute: string, prefix: RequestValue): SortKeyCondition {
    checkValueArguments('SortKeyCondition.beginsWith', { attribute, prefix });
    return new SortKeyCondition(attribute, 'begins_with({sk}, :sk0)', [prefix]);
  }

  /** @internal */
  public readonly _attribute: string;
  /** @internal The key condition with `{sk}` for the attribute's placeholder. */
  public readonly _expression: string;
  /** @internal */
  public readonly _values: RequestValue[];

  private constructor(attribute: string, expression: string, values: RequestValue[]) {
    brand(this, 'SortKeyCondition');
    this._attribute = attribute;
    this._expression = expression;
    this._values = values;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const SORT_KEY_CONDITION = madeBy<SortKeyCondition>('SortKeyCondition', "SortKeyCondition.beginsWith('sk', RequestValue.queryString('prefix'))");

const oneValue = args<{ attribute: string; value: RequestValue }>({
  attribute: required(str("'sk'")), value: required(REQUEST_VALUE),
});

/** The arguments of each `SortKeyCondition.*` factory. */
export const SORT_KEY_CONDITION_FACTORIES = {
  'SortKeyCondition.equalTo': oneValue,
  'SortKeyCondition.lessThan': oneValue,
  'SortKeyCondition.lessThanOrEqual': oneValue,
  'SortKeyCondition.greaterThan': oneValue,
  'SortKeyCondition.greaterThanOrEqual': oneValue,
  'SortKeyCondition.between': args<{ attribute: string; low: RequestValue; high: RequestValue }>({
    attribute: required(str("'sk'")), low: required(REQUEST_VALUE), high: required(REQUEST_VALUE),
  }),
  'SortKeyCondition.beginsWith': args<{ attribute: string; prefix: RequestValue }>({
    attribute: required(str("'sk'")), prefix: required(REQUEST_VALUE),
  }),
};

const checkValueArguments = argumentChecker(SORT_KEY_CONDITION_FACTORIES);
