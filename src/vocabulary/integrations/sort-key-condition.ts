import { RequestValue } from '../request-value';
import { brand } from '../../core/shape';
import { checkValueArguments } from '../../private/shapes/factories';

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
