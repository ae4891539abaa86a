import { Stack, aws_dynamodb as dynamodb } from 'aws-cdk-lib';

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

/** The key of a table or of one of its indexes. */
export interface KeySchema {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

/** What the library can learn of a table's key: its schema, no such index, or nothing. */
export type KeySchemaLookup =
  | { readonly kind: 'known'; readonly schema: KeySchema }
  | { readonly kind: 'unknownIndex'; readonly indexes: string[] }
  | { readonly kind: 'unknown' };

/**
 * The key schema of `table` (or its index `indexName`) when the table is defined in this app
 * (`Table` or `TableV2`); imported tables say nothing, and their keys are taken as strings.
 */
export function keySchemaOf(table: dynamodb.ITable, indexName?: string): KeySchemaLookup {
  if (table instanceof dynamodb.Table) return tableV1Schema(table, indexName);
  if (table instanceof dynamodb.TableV2) return tableV2Schema(table, indexName);
  return { kind: 'unknown' };
}

function tableV1Schema(table: dynamodb.Table, indexName?: string): KeySchemaLookup {
  try {
    const { partitionKeys, sortKeys } = table.schemaV2(indexName);
    // Multi-attribute index keys are not something a route's key map can express yet.
    if (partitionKeys.length !== 1 || sortKeys.length > 1) return { kind: 'unknown' };
    const sortKey = sortKeys[0];
    return { kind: 'known', schema: { partitionKey: attribute(partitionKeys[0]), sortKey: sortKey && attribute(sortKey) } };
  } catch {
    // Table.schemaV2 throws for an index it does not have; list the ones it has.
    const cfn = table.node.defaultChild as dynamodb.CfnTable;
    return { kind: 'unknownIndex', indexes: indexNames(cfn.globalSecondaryIndexes, cfn.localSecondaryIndexes) };
  }
}

function attribute(a: dynamodb.Attribute): KeyAttribute {
  return { name: a.name, type: a.type as KeyType };
}

/** The resolved L1 property shapes. */
interface CfnKeyElement { readonly attributeName: string; readonly keyType: string }
interface CfnAttributeDefinition { readonly attributeName: string; readonly attributeType: string }
interface CfnIndex { readonly indexName: string; readonly keySchema: CfnKeyElement[] }

/**
 * TableV2 keeps its schema private; its CloudFormation resource has it behind lazy values,
 * which resolve to what the table holds now (indexes added later are not seen yet).
 */
function tableV2Schema(table: dynamodb.TableV2, indexName?: string): KeySchemaLookup {
  const cfn = table.node.defaultChild as dynamodb.CfnGlobalTable;
  const resolve = (value: unknown): unknown => Stack.of(table).resolve(value);
  const definitions = resolve(cfn.attributeDefinitions) as CfnAttributeDefinition[] | undefined;
  let keySchema = resolve(cfn.keySchema) as CfnKeyElement[] | undefined;
  if (indexName !== undefined) {
    const indexes = [
      ...((resolve(cfn.globalSecondaryIndexes) ?? []) as CfnIndex[]),
      ...((resolve(cfn.localSecondaryIndexes) ?? []) as CfnIndex[]),
    ];
    const index = indexes.find(i => i.indexName === indexName);
    if (!index) return { kind: 'unknownIndex', indexes: indexes.map(i => i.indexName) };
    keySchema = index.keySchema;
  }
  if (!Array.isArray(definitions) || !Array.isArray(keySchema)) return { kind: 'unknown' };
  const typeOf = (name: string): KeyType => (definitions.find(d => d.attributeName === name)?.attributeType ?? 'S') as KeyType;
  const hash = keySchema.find(k => k.keyType === 'HASH');
  const range = keySchema.find(k => k.keyType === 'RANGE');
  if (!hash || keySchema.filter(k => k.keyType === 'HASH').length > 1) return { kind: 'unknown' };
  return {
    kind: 'known',
    schema: {
      partitionKey: { name: hash.attributeName, type: typeOf(hash.attributeName) },
      sortKey: range && { name: range.attributeName, type: typeOf(range.attributeName) },
    },
  };
}

function indexNames(...lists: unknown[]): string[] {
  return lists.flatMap(list => (Array.isArray(list) ? (list as Array<{ indexName: string }>).map(i => i.indexName) : []));
}
