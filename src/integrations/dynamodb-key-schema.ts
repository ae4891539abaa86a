import { Token, aws_dynamodb as dynamodb } from 'aws-cdk-lib';

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

interface CfnKeyElement { readonly attributeName: string; readonly keyType: string }
interface CfnAttributeDefinition { readonly attributeName: string; readonly attributeType: string }

/** TableV2 keeps its schema private; its CloudFormation resource has it, when not lazy. */
function tableV2Schema(table: dynamodb.TableV2, indexName?: string): KeySchemaLookup {
  const cfn = table.node.defaultChild as dynamodb.CfnGlobalTable;
  const definitions = cfn.attributeDefinitions;
  if (!Array.isArray(definitions)) return { kind: 'unknown' };
  let keySchema: unknown = cfn.keySchema;
  if (indexName !== undefined) {
    const indexes = [cfn.globalSecondaryIndexes, cfn.localSecondaryIndexes];
    if (indexes.some(list => list !== undefined && !Array.isArray(list))) return { kind: 'unknown' };
    const all = indexes.flatMap(list => (Array.isArray(list) ? list : [])) as Array<{ indexName: string; keySchema: unknown }>;
    const index = all.find(i => i.indexName === indexName);
    if (!index) return { kind: 'unknownIndex', indexes: all.map(i => i.indexName) };
    keySchema = index.keySchema;
  }
  if (!Array.isArray(keySchema) || Token.isUnresolved(keySchema)) return { kind: 'unknown' };
  const typeOf = (name: string): KeyType =>
    ((definitions as CfnAttributeDefinition[]).find(d => d.attributeName === name)?.attributeType ?? 'S') as KeyType;
  const elements = keySchema as CfnKeyElement[];
  const hash = elements.find(k => k.keyType === 'HASH');
  const range = elements.find(k => k.keyType === 'RANGE');
  if (!hash) return { kind: 'unknown' };
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
