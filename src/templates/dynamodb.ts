import { addEvent, attributeValues, keysOf, plainValues, valueEvent, WholeAnswer } from './dynamodb-json';
import { checkNumbersIn, guardedRequest, REFUSED, refuseLoneSurrogates } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { errorBody, ErrorStatusStyle } from './service-errors';
import { eachIndex } from './vtl-loops';
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
const HASH = "#set($gH='#')";

/**
 * The longest JSON text of a body a write takes (longer is refused, 400): it keeps the
 * conversion under a million events (each takes a character or more), which its chunked
 * loops walk whole. DynamoDB items are at most 400 KB.
 */
export const MAX_BODY_LENGTH = 1_000_000;

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
    ? `#set($gB=$input.json('$'))#if($gB.length()>${MAX_BODY_LENGTH})#set(${REFUSED}=true)#end`
      + `${checkNumbersIn('$gB')}${refuseLoneSurrogates('$gB')}`
    : '';
  const refuses = writesBody || values.some(v => v.refuses);
  return guardedRequest(values.map(v => v.prelude).join('') + bodyChecks, refuses, request, `{${tableName(table)}}`);
}

const keyValues = (key: TemplateKeyPart[]) => key.map(part => part.value);

/** The body's attributes other than the key's, which come from the key values instead. */
function notAKey(key: TemplateKeyPart[]): string {
  return key.map(part => `$k!='${part.name}'`).join('&&');
}

/**
 * `$K`: the names of the body's attributes other than the key's, in the body's order; `$b`
 * the body.
 */
function bodyAttributes(key: TemplateKeyPart[]): string {
  return `#set($b=$input.path('$'))${keysOf('$b', false)}#set($K=[])`
    + eachIndex('$y', '1', `#set($k=$y.get($I1))#if(${notAKey(key)})#set($q=$K.add($k))#end`);
}

/** `#set($k=…)` to each of `$K` in turn, then `body`. */
function eachAttribute(body: string): string {
  return eachIndex('$K', '1', `#set($k=$K.get($I1))${body}`);
}

export function putItemRequest(table: string, key: TemplateKeyPart[]): string {
  const events = `#set($E=[])${eachAttribute(addEvent('$E', valueEvent('$k', '$b.get($k)')))}`;
  const item = keyObject(key).slice(0, -1) + attributeValues(true) + '}';
  return call(table, keyValues(key), `${bodyAttributes(key)}${events}{${tableName(table)},"Item":${item},"ReturnValues":"ALL_OLD"}`, true);
}

export function getItemRequest(table: string, key: TemplateKeyPart[]): string {
  return call(table, keyValues(key), `{${tableName(table)},"Key":${keyObject(key)}}`);
}

export function deleteItemRequest(table: string, key: TemplateKeyPart[]): string {
  return call(table, keyValues(key), `{${tableName(table)},"Key":${keyObject(key)},"ReturnValues":"ALL_OLD"}`);
}

/** `SET #n0 = :v0, #n1 = :v1 …` over the body's attributes (key attributes excluded), numbered in order. */
export function updateItemRequest(table: string, key: TemplateKeyPart[]): string {
  const each = (element: string, separator: string) => eachAttribute(`#if($I1>0)${separator}#end${element}`);
  const events = `#set($E=[])${eachAttribute(addEvent('$E', valueEvent('":v$I1"', '$b.get($k)')))}`;
  return call(table, keyValues(key), `${HASH}${bodyAttributes(key)}${events}{${tableName(table)},"Key":${keyObject(key)},`
    + `"UpdateExpression":"SET ${each('${gH}n${I1} = :v${I1}', ', ')}",`
    + `"ExpressionAttributeNames":{${each(`"\${gH}n\${I1}":${jsonString('$k')}`, ',')}},`
    + `"ExpressionAttributeValues":{${attributeValues(false)}},`
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
  const names = [`"\${gH}pk":${jsonStringLiteral(partitionKey.name)}`];
  const values = [`":pk":${typed(partitionKey.type, partitionKey.value)}`];
  let expression = '${gH}pk = :pk';
  if (cond) {
    names.push(`"\${gH}sk":${jsonStringLiteral(cond.name)}`);
    cond.values.forEach((v, i) => values.push(`":sk${i}":${typed(cond.type, v)}`));
    expression += ` AND ${cond.expression.replace(/\{sk\}/g, '${gH}sk')}`;
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

/** `$E` holding the item `ref` (non-null) as one root event. */
function itemEvents(ref: string): string {
  return `#set($E=[${valueEvent(undefined, `{"M":${ref}}`)}])`;
}

/** An item or page shown whole, or a 500 when it cannot be (nested deeper than the conversion reads). */
function whole(style: ErrorStatusStyle, before = '', after = ''): WholeAnswer {
  return { before, after, refusal: errorBody(500, style) };
}

/** GetItem: the item as plain JSON (or `success`), or 404. */
export function getItemResponse(style: ErrorStatusStyle = 'httpStatus', success?: string): string {
  return '#set($a=$input.path(\'$.Item\'))'
    + `#if("$!{a}"=="")${errorBody(404, style)}#else${success ?? itemEvents('$a') + plainValues(whole(style))}#end`;
}

/** Put, Update, Delete: the attributes DynamoDB returned (old or new), `{}` when none. */
export function attributesResponse(style: ErrorStatusStyle = 'httpStatus'): string {
  return '#set($a=$input.path(\'$.Attributes\'))'
    + `#if("$!{a}"==""){}#else${itemEvents('$a')}${plainValues(whole(style))}#end`;
}

/** Query: `{"items": [...], "count": n}`. */
export function queryResponse(style: ErrorStatusStyle = 'httpStatus'): string {
  return `#set($y=$input.path('$.Items'))#set($E=[])${eachIndex('$y', '1', addEvent('$E', valueEvent(undefined, '{"M":$y.get($I1)}')), { mayBeNull: true })}`
    + plainValues(whole(style, '{"items":[', '],"count":$input.path(\'$.Count\')}'));
}
