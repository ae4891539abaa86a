import { attributeValueOf, plainItemOf } from './dynamodb-json';
import { checkNumbersIn, guardedRequest, refuseLoneSurrogates } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { errorBody, ErrorStatusStyle } from './service-errors';
import { jsonString, jsonStringLiteral } from './vtl-text';

/** One key attribute of the request: its name, its scalar type and where its value comes from. */
export interface TemplateKeyPart {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
  readonly value: TemplateValue;
}

/** A Query's sort-key condition: `#sk < :sk`, `begins_with(#sk, :sk)`, `#sk BETWEEN :sk AND :sk2`. */
export interface TemplateSortCondition {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
  /** The expression with `{sk}` for the attribute name placeholder. */
  readonly expression: string;
  readonly values: TemplateValue[];
}

/**
 * DynamoDB expression attribute names start with `#`, which Velocity would read as a
 * directive; the templates print it from a variable.
 */
const HASH = "#set($ghHash = '#')";

function tableName(name: string): string {
  return `"TableName":"${name}"`;
}

function typed(type: string, value: TemplateValue): string {
  return `{"${type}":${value.json}}`;
}

function keyObject(key: TemplateKeyPart[]): string {
  return `{${key.map(part => `${jsonStringLiteral(part.name)}:${typed(part.type, part.value)}`).join(',')}}`;
}

/**
 * The call's request after the key values' preludes, or `{"TableName": …}` alone, which
 * DynamoDB refuses (400), when a value is refused. A call that writes the body's attributes
 * also refuses a body with numbers a double cannot hold or lone surrogates.
 */
function call(table: string, values: TemplateValue[], request: string, writesBody = false): string {
  const bodyChecks = writesBody
    ? `#set($ghBody = $input.json('$'))${checkNumbersIn('$ghBody')}${refuseLoneSurrogates('$ghBody')}`
    : '';
  const refuses = writesBody || values.some(v => v.refuses);
  return guardedRequest(values.map(v => v.prelude).join('') + bodyChecks, refuses, request, `{${tableName(table)}}`);
}

const keyValues = (key: TemplateKeyPart[]) => key.map(part => part.value);

/** The body's attributes other than the key's, which come from the key values instead. */
function notAKey(key: TemplateKeyPart[]): string {
  return key.map(part => `$ghK1 != '${part.name}'`).join(' && ');
}

const BODY = '#set($ghC1 = $input.path(\'$\'))';

export function putItemRequest(table: string, key: TemplateKeyPart[]): string {
  const attributes = `#foreach($ghK1 in $ghC1.keySet())#if(${notAKey(key)}),${jsonString('$ghK1')}:`
    + `${attributeValueOf('ghC1.get($ghK1)', 1)}#end#end`;
  const item = keyObject(key).slice(0, -1) + attributes + '}';
  return call(table, keyValues(key), `${BODY}{${tableName(table)},"Item":${item},"ReturnValues":"ALL_OLD"}`, true);
}

export function getItemRequest(table: string, key: TemplateKeyPart[]): string {
  return call(table, keyValues(key), `{${tableName(table)},"Key":${keyObject(key)}}`);
}

export function deleteItemRequest(table: string, key: TemplateKeyPart[]): string {
  return call(table, keyValues(key), `{${tableName(table)},"Key":${keyObject(key)},"ReturnValues":"ALL_OLD"}`);
}

/**
 * `SET #n0 = :v0, #n1 = :v1 …` over the body's attributes (key attributes excluded): three
 * loops with the same filter, so the numbering agrees.
 */
export function updateItemRequest(table: string, key: TemplateKeyPart[]): string {
  const each = (element: string, separator: string) =>
    `#set($ghFirst = true)#set($ghN = 0)#foreach($ghK1 in $ghC1.keySet())#if(${notAKey(key)})`
    + `#if(!$ghFirst)${separator}#end#set($ghFirst = false)${element}#set($ghN = $ghN + 1)#end#end`;
  return call(table, keyValues(key), `${HASH}${BODY}{${tableName(table)},"Key":${keyObject(key)},`
    + `"UpdateExpression":"SET ${each('${ghHash}n${ghN} = :v${ghN}', ', ')}",`
    + `"ExpressionAttributeNames":{${each(`"\${ghHash}n\${ghN}":${jsonString('$ghK1')}`, ',')}},`
    + `"ExpressionAttributeValues":{${each(`":v\${ghN}":${attributeValueOf('ghC1.get($ghK1)', 1)}`, ',')}},`
    + '"ReturnValues":"ALL_NEW"}', true);
}

export interface QueryTemplateOptions {
  readonly indexName?: string;
  readonly limit?: number;
  readonly descending?: boolean;
  readonly sortCondition?: TemplateSortCondition;
}

export function queryRequest(table: string, partitionKey: TemplateKeyPart, options: QueryTemplateOptions): string {
  const cond = options.sortCondition;
  const names = [`"\${ghHash}pk":${jsonStringLiteral(partitionKey.name)}`];
  const values = [`":pk":${typed(partitionKey.type, partitionKey.value)}`];
  let expression = '${ghHash}pk = :pk';
  if (cond) {
    names.push(`"\${ghHash}sk":${jsonStringLiteral(cond.name)}`);
    cond.values.forEach((v, i) => values.push(`":sk${i}":${typed(cond.type, v)}`));
    expression += ` AND ${cond.expression.replace(/\{sk\}/g, '${ghHash}sk')}`;
  }
  const fields = [
    tableName(table),
    ...(options.indexName ? [`"IndexName":${jsonStringLiteral(options.indexName)}`] : []),
    `"KeyConditionExpression":"${expression}"`,
    `"ExpressionAttributeNames":{${names.join(',')}}`,
    `"ExpressionAttributeValues":{${values.join(',')}}`,
    ...(options.limit !== undefined ? [`"Limit":${options.limit}`] : []),
    ...(options.descending ? ['"ScanIndexForward":false'] : []),
  ];
  return call(table, [partitionKey.value, ...(cond?.values ?? [])], `${HASH}{${fields.join(',')}}`);
}

/** GetItem: the item as plain JSON, or 404. */
export function getItemResponse(style: ErrorStatusStyle = 'httpStatus'): string {
  return '#set($ghItem = $input.path(\'$.Item\'))'
    + `#if("$!{ghItem}" == "")${errorBody(404, style)}#else${plainItemOf('ghItem')}#end`;
}

/** Put, Update, Delete: the attributes DynamoDB returned (old or new), `{}` when none. */
export function attributesResponse(): string {
  return '#set($ghItem = $input.path(\'$.Attributes\'))'
    + `#if("$!{ghItem}" == ""){}#else${plainItemOf('ghItem')}#end`;
}

/** Query: `{"items": [...], "count": n}`. */
export function queryResponse(): string {
  return '{"items":[#set($ghItemFirst = true)#foreach($ghItem in $input.path(\'$.Items\'))'
    + `#if(!$ghItemFirst),#end#set($ghItemFirst = false)${plainItemOf('ghItem')}#end],`
    + '"count":$input.path(\'$.Count\')}';
}
