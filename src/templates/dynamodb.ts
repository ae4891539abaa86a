import { CursorKeyAttribute, cursorPrelude, exclusiveStartKey, nextCursor } from './dynamodb-cursor';
import { addEvent, attributeValues, keysOf, plainValues, valueEvent, WholeAnswer } from './dynamodb-json';
import { checkNumbersIn, guardedRequest, REFUSED, refuseLoneSurrogates } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { errorBody, ErrorStatusStyle } from './service-errors';
import { eachIndex } from './vtl-loops';
import { jsonString, jsonStringLiteral, vtlNameLiteral } from './vtl-text';

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

/** A condition a write must meet: `attribute_not_exists(#c)`, `#c = :c`. */
export interface TemplateCondition {
  /** The attribute the condition is on. */
  readonly name: string;
  /** The expression with `{a}` for the attribute's name placeholder. */
  readonly expression: string;
  /** The value compared with, typed. */
  readonly value?: { readonly type: 'S' | 'N'; readonly value: TemplateValue };
}

/** What a write takes besides its table and key. */
export interface WriteTemplateOptions {
  readonly condition?: TemplateCondition;
  /** The body attributes written; the others are left out. */
  readonly attributes?: readonly string[];
  /** UPDATE_ITEM: body attributes added to the stored value (`ADD`) instead of set. */
  readonly add?: readonly string[];
  /** UPDATE_ITEM: body attributes removed (`REMOVE`) when the body sets them to null. */
  readonly remove?: readonly string[];
}

const keyValues = (key: TemplateKeyPart[], condition?: TemplateCondition) =>
  [...key.map(part => part.value), ...(condition?.value ? [condition.value.value] : [])];

/** `,"ConditionExpression":…` and the condition's name and value entries, to add to a call's own. */
function conditionParts(condition: TemplateCondition | undefined) {
  if (!condition) return undefined;
  return {
    expression: `,"ConditionExpression":"${condition.expression.replace(/\{a\}/g, '${gH}c')}"`,
    name: `"\${gH}c":${jsonStringLiteral(condition.name)}`,
    value: condition.value ? `":c":${typed(condition.value.type, condition.value.value)}` : undefined,
  };
}

/** A write's condition as whole fields, for a call that has no names or values of its own. */
function conditionFields(condition: TemplateCondition | undefined): string {
  const parts = conditionParts(condition);
  if (!parts) return '';
  return `${parts.expression},"ExpressionAttributeNames":{${parts.name}}`
    + (parts.value ? `,"ExpressionAttributeValues":{${parts.value}}` : '');
}

/** The body's attributes to write: not the key's, which come from the key values, and only the listed ones. */
function written(key: TemplateKeyPart[], attributes?: readonly string[]): string {
  const notAKey = key.map(part => `$k!='${part.name}'`).join('&&');
  return attributes ? `${notAKey}&&(${attributes.map(name => `$k==${vtlNameLiteral(name)}`).join('||')})` : notAKey;
}

/**
 * `$K`: the names of the body's attributes to write, in the body's order; `$b` the body.
 */
function bodyAttributes(key: TemplateKeyPart[], attributes?: readonly string[]): string {
  return `#set($b=$input.path('$'))${keysOf('$b', false)}#set($K=[])`
    + eachIndex('$y', '1', `#set($k=$y.get($I1))#if(${written(key, attributes)})#set($q=$K.add($k))#end`);
}

/** `#set($k=…)` to each of `$K` in turn, then `body`. */
function eachAttribute(body: string): string {
  return eachIndex('$K', '1', `#set($k=$K.get($I1))${body}`);
}

export function putItemRequest(table: string, key: TemplateKeyPart[], options: WriteTemplateOptions = {}): string {
  const events = `#set($E=[])${eachAttribute(addEvent('$E', valueEvent('$k', '$b.get($k)')))}`;
  const item = keyObject(key).slice(0, -1) + attributeValues(true) + '}';
  const hash = options.condition ? HASH : '';
  return call(table, keyValues(key, options.condition), `${hash}${bodyAttributes(key, options.attributes)}${events}`
    + `{${tableName(table)},"Item":${item},"ReturnValues":"ALL_OLD"${conditionFields(options.condition)}}`, true);
}

export function getItemRequest(table: string, key: TemplateKeyPart[]): string {
  return call(table, keyValues(key), `{${tableName(table)},"Key":${keyObject(key)}}`);
}

export function deleteItemRequest(table: string, key: TemplateKeyPart[], options: WriteTemplateOptions = {}): string {
  const hash = options.condition ? HASH : '';
  return call(table, keyValues(key, options.condition),
    `${hash}{${tableName(table)},"Key":${keyObject(key)},"ReturnValues":"ALL_OLD"${conditionFields(options.condition)}}`);
}

/** `SET #n0 = :v0, #n1 = :v1 …` over the body's attributes (key attributes excluded), numbered in order. */
export function updateItemRequest(table: string, key: TemplateKeyPart[], options: WriteTemplateOptions = {}): string {
  if (options.add?.length || options.remove?.length) return updateClausesRequest(table, key, options);
  const each = (element: string, separator: string) => eachAttribute(`#if($I1>0)${separator}#end${element}`);
  const events = `#set($E=[])${eachAttribute(addEvent('$E', valueEvent('":v$I1"', '$b.get($k)')))}`;
  const condition = conditionParts(options.condition);
  // The condition's entries come first: the attributes' follow with a comma before each, none when there are none.
  const names = condition ? `${condition.name}${each(`,"\${gH}n\${I1}":${jsonString('$k')}`, '')}` : each(`"\${gH}n\${I1}":${jsonString('$k')}`, ',');
  const values = condition?.value ? `${condition.value}${attributeValues(true)}` : attributeValues(false);
  return call(table, keyValues(key, options.condition), `${HASH}${bodyAttributes(key, options.attributes)}${events}{${tableName(table)},"Key":${keyObject(key)},`
    + `"UpdateExpression":"SET ${each('${gH}n${I1} = :v${I1}', ', ')}"${condition?.expression ?? ''},`
    + `"ExpressionAttributeNames":{${names}},`
    + `"ExpressionAttributeValues":{${values}},`
    + '"ReturnValues":"ALL_NEW"}', true);
}

/** Whether `$b.get($k)` is JSON null: it can do nothing a string, boolean, number, map or list can. */
const BODY_VALUE_IS_NULL = ['concat(\'x\')', 'booleanValue()', 'doubleValue()', 'keySet()', 'size()']
  .map(method => `"$!{b.get($k).${method}}"==""`).join('&&');

const oneOf = (names: readonly string[]) => `(${names.map(name => `$k==${vtlNameLiteral(name)}`).join('||')})`;

/**
 * An update with `ADD` and `REMOVE` clauses as well as `SET`: each body attribute goes to one
 * clause (`$gJ` set, `$gM` add, `$gZ` remove, by the attribute's number), and only the clauses
 * that have attributes are written. A removed attribute has no value: DynamoDB refuses values
 * no expression uses, and an empty map of values.
 */
function updateClausesRequest(table: string, key: TemplateKeyPart[], options: WriteTemplateOptions): string {
  const value = addEvent('$E', valueEvent('":v$I1"', '$b.get($k)'));
  const branches = [
    ...(options.add?.length ? [{ test: oneOf(options.add), then: `#set($q=$gM.add($I1))${value}` }] : []),
    ...(options.remove?.length ? [{ test: `${oneOf(options.remove)}&&${BODY_VALUE_IS_NULL}`, then: '#set($q=$gZ.add($I1))' }] : []),
  ];
  const choose = branches.map((b, i) => `#${i === 0 ? 'if' : 'elseif'}(${b.test})${b.then}`).join('')
    + `#else#set($q=$gJ.add($I1))${value}#end`;
  const classify = `#set($gJ=[])#set($gM=[])#set($gZ=[])#set($E=[])${eachAttribute(choose)}`;
  const clause = (list: string, tag: string, keyword: string, element: string) =>
    `#if(${list}.size()>0)#if($gG) #{end}${keyword} ${eachIndex(list, tag, `#set($i=${list}.get($I${tag}))#if($I${tag}>0), #end${element}`)}#set($gG=true)#end`;
  const expression = '#set($gG=false)'
    + clause('$gJ', '2', 'SET', '${gH}n$i = :v$i')
    + clause('$gM', '2', 'ADD', '${gH}n$i :v$i')
    + clause('$gZ', '2', 'REMOVE', '${gH}n$i');
  const condition = conditionParts(options.condition);
  const name = `"\${gH}n\${I1}":${jsonString('$k')}`;
  const names = condition ? `${condition.name}${eachAttribute(`,${name}`)}` : eachAttribute(`#if($I1>0),#end${name}`);
  const hasValues = condition?.value ? '#set($gP=true)' : '#set($gP=false)#if($E.size()>0)#set($gP=true)#end';
  const values = condition?.value ? `${condition.value}${attributeValues(true)}` : attributeValues(false);
  return call(table, keyValues(key, options.condition), `${HASH}${bodyAttributes(key, options.attributes)}${classify}`
    + `${hasValues}{${tableName(table)},"Key":${keyObject(key)},`
    + `"UpdateExpression":"${expression}"${condition?.expression ?? ''},`
    + `"ExpressionAttributeNames":{${names}},`
    + `#if($gP)"ExpressionAttributeValues":{${values}},#end`
    + '"ReturnValues":"ALL_NEW"}', true);
}

export interface QueryTemplateOptions {
  readonly indexName?: string;
  readonly limit?: number;
  readonly descending?: boolean;
  readonly sortCondition?: TemplateSortCondition;
  /** Where the page starts: the client's cursor, and the key attributes it holds. */
  readonly cursor?: { readonly value: TemplateValue; readonly keys: readonly CursorKeyAttribute[] };
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
  const cursor = options.cursor;
  const cursorValue: TemplateValue[] = cursor ? [{ ...cursor.value, prelude: cursorPrelude(cursor.value, cursor.keys), refuses: true }] : [];
  const startKey = cursor ? exclusiveStartKey(cursor.keys) : '';
  return call(table, [partitionKey.value, ...(cond?.values ?? []), ...cursorValue], `${HASH}{${fields.join(',')}${startKey}}`);
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
    + (success === undefined
      ? `#if("$!{a}"=="")${errorBody(404, style)}#else${itemEvents('$a')}${plainValues(whole(style))}#end`
      // The route's own body may start with letters: `#{else}` keeps them apart from the directive.
      : `#if("$!{a}"=="")${errorBody(404, style)}#{else}${success}#{end}`);
}

/** Put, Update, Delete: the attributes DynamoDB returned (old or new), `{}` when none. */
export function attributesResponse(style: ErrorStatusStyle = 'httpStatus'): string {
  return '#set($a=$input.path(\'$.Attributes\'))'
    + `#if("$!{a}"==""){}#else${itemEvents('$a')}${plainValues(whole(style))}#end`;
}

/** Query: `{"items": [...], "count": n}`, and `"cursor"` for the next page when the route pages and there is one. */
export function queryResponse(style: ErrorStatusStyle = 'httpStatus', cursorKeys?: readonly CursorKeyAttribute[]): string {
  const cursor = cursorKeys ? nextCursor(cursorKeys) : '';
  return `#set($y=$input.path('$.Items'))#set($E=[])${eachIndex('$y', '1', addEvent('$E', valueEvent(undefined, '{"M":$y.get($I1)}')), { mayBeNull: true })}`
    + plainValues(whole(style, '{"items":[', `],"count":$input.path('$.Count')${cursor}}`));
}
