import { Token, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { DynamoDbAction } from './dynamodb-action';
import { KeyAttribute, KeySchemaLookup, keySchemaOf } from './dynamodb-key-schema';
import { SERVICE_INTEGRATION_FIELDS, ServiceIntegrationOptions } from './service-integration-options';
import { SortKeyCondition, SORT_KEY_CONDITION } from './sort-key-condition';
import { WRITE_CONDITION, WriteCondition } from './write-condition';
import { Problem } from '../../core/errors';
import { bool, list, map, num, optional, required, str, struct } from '../../core/shape';
import { RequestValue, REQUEST_VALUE } from '../request-value';

/** Options for `Integration.dynamoDb`. */
export interface DynamoDbIntegrationOptions extends ServiceIntegrationOptions {
  /**
   * Where each key attribute's value comes from, e.g. `{ pk: RequestValue.pathParameter('id') }`:
   * the table's partition and sort key (for `QUERY`, the partition key of the table or index).
   */
  readonly key: { [attribute: string]: RequestValue };

  /**
   * `QUERY` only: a condition on the sort key.
   * @default - every item of the partition
   */
  readonly sortKeyCondition?: SortKeyCondition;

  /**
   * `QUERY` only: the index to query.
   * @default - the table
   */
  readonly indexName?: string;

  /**
   * `QUERY` only: the most items to read (one page; DynamoDB also stops at 1 MB).
   * @default - as many as fit in 1 MB
   */
  readonly limit?: number;

  /**
   * `QUERY` only: return items in descending sort-key order.
   * @default false
   */
  readonly descending?: boolean;

  /**
   * `QUERY` only: where the client's cursor comes from, e.g. `RequestValue.queryString('cursor')`.
   * The answer then has a `cursor` when there are more items; the client sends it back for the
   * next page. Needs the table's key schema (a table defined in the app).
   * @default - one page, no cursor
   */
  readonly cursor?: RequestValue;

  /**
   * `PUT_ITEM`, `UPDATE_ITEM`, `DELETE_ITEM`: a condition the item must meet, or nothing is
   * written and the client gets 409, e.g. `WriteCondition.itemNotExists()` to create only.
   * @default - unconditional
   */
  readonly condition?: WriteCondition;

  /**
   * `PUT_ITEM`, `UPDATE_ITEM`: the body attributes written; the body's other attributes are
   * left out (as key attributes always are), so a client cannot set `role` or `owner`.
   * @default - every body attribute
   */
  readonly attributes?: string[];

  /**
   * `UPDATE_ITEM` only: body attributes added to the stored value (DynamoDB's `ADD`) instead
   * of replacing it: `{"visits": 1}` counts up from 0. For numbers (DynamoDB refuses a list).
   * @default - none: every body attribute is set
   */
  readonly addAttributes?: string[];

  /**
   * `UPDATE_ITEM` only: body attributes removed from the item (DynamoDB's `REMOVE`) when the
   * body sets them to `null`; other values are set as usual.
   * @default - none: a null is stored as NULL
   */
  readonly removeAttributes?: string[];
}

/** Attribute names the templates quote as they are. */
export const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;
const INDEX_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** The table's (or index's) key schema and what is wrong with the options on any gateway. */
export function dynamoDbChecks(
  prop: string, table: dynamodb.ITable, action: DynamoDbAction, options: DynamoDbIntegrationOptions,
): { lookup: KeySchemaLookup; problems: Problem[] } {
  const lookup = keySchemaOf(table, options.indexName);
  return {
    lookup,
    problems: [
      ...optionProblems(prop, action, options), ...dynamoDbKeyProblems(prop, action, options, lookup), ...cursorProblems(prop, table, options),
    ],
  };
}

/**
 * The key attributes a Query page's cursor holds: the table's key, then the index's
 * attributes the table's key does not have. Undefined when the schema is not known.
 */
export function cursorKeyAttributes(table: dynamodb.ITable, indexName?: string): KeyAttribute[] | undefined {
  const tableKey = keySchemaOf(table);
  const indexKey = indexName ? keySchemaOf(table, indexName) : tableKey;
  if (tableKey.kind !== 'known' || indexKey.kind !== 'known') return undefined;
  const all = [tableKey.schema.partitionKey, tableKey.schema.sortKey, indexKey.schema.partitionKey, indexKey.schema.sortKey];
  const attributes: KeyAttribute[] = [];
  for (const a of all) if (a && !attributes.some(b => b.name === a.name)) attributes.push(a);
  return attributes;
}

function cursorProblems(prop: string, table: dynamodb.ITable, o: DynamoDbIntegrationOptions): Problem[] {
  if (o.cursor === undefined) return [];
  if (o.cursor._source === 'literal') {
    return [{ code: 'InvalidIntegration', prop: `${prop} cursor`, rule: 'must come from the request', value: o.cursor, fix: "use e.g. RequestValue.queryString('cursor')" }];
  }
  // An index the table does not have is the key checks' problem.
  const unknownIndex = o.indexName !== undefined && keySchemaOf(table, o.indexName).kind === 'unknownIndex';
  const keys = cursorKeyAttributes(table, o.indexName);
  const unquotable = (keys ?? []).map(k => k.name).filter(name => Token.isUnresolved(name) || !ATTRIBUTE_NAME.test(name));
  if (unquotable.length > 0) {
    return [{
      code: 'InvalidDynamoDbKey',
      prop: `${prop} cursor`,
      rule: "needs key attribute names of 1-255 letters, digits, _ . or - (a cursor holds the table's and the index's key)",
      value: unquotable,
      fix: 'page in a function, or rename the key attributes',
    }];
  }
  if (!unknownIndex && keys === undefined) {
    return [{
      code: 'InvalidIntegration',
      prop: `${prop} cursor`,
      rule: "needs the table's key schema to read and write cursors (an imported table's key attributes are not known)",
      value: o.cursor,
      fix: 'define the table in this app (Table or TableV2), or page in a function',
    }];
  }
  return [];
}

function optionProblems(prop: string, action: DynamoDbAction, options: DynamoDbIntegrationOptions): Problem[] {
  const o = options;
  const problems: Problem[] = [];
  if (action !== DynamoDbAction.QUERY) {
    for (const name of ['sortKeyCondition', 'indexName', 'limit', 'descending', 'cursor'] as const) {
      if (o[name] !== undefined) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${prop} ${name}`,
          rule: `only applies to DynamoDbAction.QUERY, not ${action}`,
          value: o[name],
          fix: `remove ${name}, or use DynamoDbAction.QUERY`,
        });
      }
    }
  }
  problems.push(...writeProblems(prop, action, o));
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit >= 1)) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} limit`,
      rule: 'must be a whole number >= 1',
      value: o.limit,
      fix: 'use e.g. 50',
    });
  }
  if (o.indexName !== undefined && !Token.isUnresolved(o.indexName) && !INDEX_NAME.test(o.indexName)) {
    problems.push({
      code: 'InvalidDynamoDbKey',
      prop: `${prop} indexName`,
      rule: "must be 3-255 letters, digits, _ . or - (DynamoDB's rule for index names)",
      value: o.indexName,
      fix: "use the index's name, e.g. 'byCustomer'",
    });
  }
  const names = [...Object.keys(o.key ?? {}), ...(o.sortKeyCondition ? [o.sortKeyCondition._attribute] : [])];
  for (const name of names.filter(n => !ATTRIBUTE_NAME.test(n))) {
    problems.push({
      code: 'InvalidDynamoDbKey',
      prop: `${prop} key`,
      rule: 'attribute names must be 1-255 letters, digits, _ . or - to be written by a mapping template',
      value: name,
      fix: 'use a key attribute with a plain name',
    });
  }
  return problems;
}

const WRITES = [DynamoDbAction.PUT_ITEM, DynamoDbAction.UPDATE_ITEM, DynamoDbAction.DELETE_ITEM];
const BODY_WRITES = [DynamoDbAction.PUT_ITEM, DynamoDbAction.UPDATE_ITEM];

/** `condition` and `attributes`: on the actions that write, with names a template can quote. */
function writeProblems(prop: string, action: DynamoDbAction, o: DynamoDbIntegrationOptions): Problem[] {
  const problems: Problem[] = [];
  const misplaced = (name: 'condition' | 'attributes' | 'addAttributes' | 'removeAttributes', actions: DynamoDbAction[]) => {
    if (o[name] === undefined || actions.includes(action)) return;
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} ${name}`,
      rule: `only applies to ${actions.join(', ')}, not ${action}`,
      value: name === 'condition' ? 'a WriteCondition' : o[name],
      fix: `remove ${name}`,
    });
  };
  misplaced('condition', WRITES);
  misplaced('attributes', BODY_WRITES);
  misplaced('addAttributes', [DynamoDbAction.UPDATE_ITEM]);
  misplaced('removeAttributes', [DynamoDbAction.UPDATE_ITEM]);
  const named: Array<[string, string]> = [
    ...(o.condition && o.condition._attribute !== 'item' ? [['condition', o.condition._attribute] as [string, string]] : []),
    ...(['attributes', 'addAttributes', 'removeAttributes'] as const).flatMap(option => (o[option] ?? []).map(n => [option, n] as [string, string])),
  ];
  for (const [where, name] of named.filter(([, n]) => !Token.isUnresolved(n) && !ATTRIBUTE_NAME.test(n))) {
    problems.push({
      code: 'InvalidIntegration',
      prop: `${prop} ${where}`,
      rule: 'attribute names must be 1-255 letters, digits, _ . or - to be written by a mapping template',
      value: name,
      fix: "use a plain attribute name, e.g. 'status'",
    });
  }
  const keyNames = Object.keys(o.key ?? {});
  for (const option of ['attributes', 'addAttributes', 'removeAttributes'] as const) {
    if (o[option] !== undefined && o[option].length === 0) {
      problems.push({ code: 'InvalidIntegration', prop: `${prop} ${option}`, rule: 'must name at least one attribute', value: [], fix: `list the attributes, or remove ${option}` });
    }
    for (const name of (o[option] ?? []).filter(n => keyNames.includes(n))) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} ${option}`,
        rule: 'must not name a key attribute (the key comes from key, never from the body)',
        value: name,
        fix: `remove '${name}' from ${option}`,
      });
    }
  }
  for (const name of (o.addAttributes ?? []).filter(n => (o.removeAttributes ?? []).includes(n))) {
    problems.push({
      code: 'InvalidIntegration', prop: `${prop} removeAttributes`, rule: 'must not name an attribute of addAttributes', value: name, fix: `keep '${name}' in one of the two`,
    });
  }
  (o.errorResponses ?? []).forEach((answer, i) => {
    if (o.condition && answer.serviceStatus === 400) {
      problems.push({
        code: 'InvalidIntegration',
        prop: `${prop} errorResponses[${i}].serviceStatus`,
        rule: "would hide the condition's 409: DynamoDB answers a failed condition with 400, as it does throttling and bad requests",
        value: 400,
        fix: 'answer 400 yourself only on routes without a condition',
      });
    }
  });
  if (o.attributes) {
    for (const option of ['addAttributes', 'removeAttributes'] as const) {
      for (const name of (o[option] ?? []).filter(n => !o.attributes!.includes(n))) {
        problems.push({
          code: 'InvalidIntegration',
          prop: `${prop} ${option}`,
          rule: 'must name only attributes the route writes (attributes leaves the others out of the body)',
          value: name,
          fix: `add '${name}' to attributes`,
        });
      }
    }
  }
  return problems;
}

/** The key the route gives, against the table's (or index's) key schema when it is known. */
export function dynamoDbKeyProblems(prop: string, action: DynamoDbAction, o: DynamoDbIntegrationOptions, lookup: KeySchemaLookup): Problem[] {
  const given = Object.keys(o.key ?? {});
  const where = o.indexName ? `index '${o.indexName}'` : 'the table';
  if (lookup.kind === 'unknownIndex') {
    return [{
      code: 'InvalidDynamoDbKey',
      prop: `${prop} indexName`,
      rule: 'must name an index of the table',
      value: o.indexName,
      fix: lookup.indexes.length > 0 ? `use one of: ${lookup.indexes.join(', ')}` : 'add the index to the table first',
    }];
  }
  if (lookup.kind === 'unknown') {
    const expected = action === DynamoDbAction.QUERY ? 1 : undefined;
    if (given.length === 0 || (expected !== undefined && given.length !== expected) || given.length > 2) {
      return [{
        code: 'InvalidDynamoDbKey',
        prop: `${prop} key`,
        rule: action === DynamoDbAction.QUERY ? 'must give exactly the partition key' : 'must give the partition key and, if the table has one, the sort key',
        value: given,
        fix: "e.g. key: { pk: RequestValue.pathParameter('id') }",
      }];
    }
    return [];
  }
  const { partitionKey, sortKey } = lookup.schema;
  const wanted: KeyAttribute[] = action === DynamoDbAction.QUERY ? [partitionKey] : [partitionKey, ...(sortKey ? [sortKey] : [])];
  const problems: Problem[] = [];
  const same = wanted.length === given.length && wanted.every(a => given.includes(a.name));
  if (!same) {
    problems.push({
      code: 'InvalidDynamoDbKey',
      prop: `${prop} key`,
      rule: `must give exactly the key of ${where}: ${wanted.map(a => a.name).join(', ')}`,
      value: given,
      fix: `set key: { ${wanted.map(a => `${a.name}: RequestValue…`).join(', ')} }`,
    });
  }
  const condition = o.sortKeyCondition;
  if (condition && condition._attribute !== sortKey?.name) {
    problems.push({
      code: 'InvalidDynamoDbKey',
      prop: `${prop} sortKeyCondition`,
      rule: sortKey ? `must be on the sort key of ${where}, '${sortKey.name}'` : `needs a sort key, and ${where} has none`,
      value: condition._attribute,
      fix: sortKey ? `use SortKeyCondition.…('${sortKey.name}', …)` : 'remove sortKeyCondition',
    });
  }
  if (condition && condition._expression.startsWith('begins_with') && sortKey?.type === 'N') {
    problems.push({
      code: 'InvalidDynamoDbKey',
      prop: `${prop} sortKeyCondition`,
      rule: 'beginsWith needs a string or binary sort key',
      value: `${sortKey.name} (number)`,
      fix: 'use lessThan/greaterThan/between for number sort keys',
    });
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

export const DYNAMODB_INTEGRATION_OPTIONS = struct<DynamoDbIntegrationOptions>('DynamoDbIntegrationOptions', {
  ...SERVICE_INTEGRATION_FIELDS,
  key: required(map(REQUEST_VALUE, "{ pk: RequestValue.pathParameter('id') }")),
  sortKeyCondition: optional(SORT_KEY_CONDITION),
  indexName: optional(str("'byCustomer'")),
  limit: optional(num('50')),
  descending: optional(bool()),
  condition: optional(WRITE_CONDITION),
  attributes: optional(list(str("'status'"))),
  cursor: optional(REQUEST_VALUE),
  addAttributes: optional(list(str("'visits'"))),
  removeAttributes: optional(list(str("'nickname'"))),
}, "{ key: { pk: RequestValue.pathParameter('id') } }");
