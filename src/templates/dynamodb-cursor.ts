import { REFUSED } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { jsonString, jsonStringLiteral, vtlNameLiteral } from './vtl-text';

/**
 * A Query page's cursor: where the next page starts, opaque to clients. It holds the values
 * of the key attributes of DynamoDB's `LastEvaluatedKey` (the table's key, and the index's
 * when the query reads one), in a fixed order, each as base64url text, joined by dots:
 * `cGstMQ.MTc0NDIwMjA5Ng`. Names and types come from the key schema, never from the client.
 *
 * A cursor the client sends is never pasted into the request: the template checks its shape
 * (so many parts of base64url characters), decodes each part and writes it as a JSON string
 * of the key's type. A cursor of another shape is refused (400, see guardedRequest), and one
 * that decodes to values the table has no use for is refused by DynamoDB (400).
 */
export interface CursorKeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

/**
 * The longest part: a 2,048-byte binary partition key is 2,732 base64 characters in
 * DynamoDB's answer, and 3,643 once that text is base64url-encoded for the cursor.
 */
const MAX_PART = 3700;

/**
 * Reads `cursor` into `$gU` (empty: the first page) and, when it is set, its parts into
 * `$gK0`, `$gK1`, …, or refuses the request.
 */
export function cursorPrelude(cursor: TemplateValue, keys: readonly CursorKeyAttribute[]): string {
  const part = `[A-Za-z0-9_-]{2,${MAX_PART}}`;
  const shape = keys.length === 1 ? part : `${part}(?:\\.${part}){${keys.length - 1}}`;
  const decode = keys.map((_, i) => {
    // Base64url to base64: the two characters back, and the padding a decoder needs.
    const read = `#set($gW=$gU.replaceAll('^(?:[^.]*\\.){${i}}([^.]*).*$','$1').replace('-','+').replace('_','/'))`
      + '#set($gL=$gW.length()%4)#if($gL==2)#set($gW="${gW}==")#elseif($gL==3)#set($gW="${gW}=")#end';
    return `${read}#if($gL==1)#set(${REFUSED}=true)#{else}#set($gK${i}=$util.base64Decode($gW))#end`;
  }).join('');
  const text = cursor.expr ?? cursor.json;
  return `${cursor.prelude}#set($gU=${text})`
    + `#if($gU!="")#if($gU.matches('${shape}'))${decode}#{else}#set(${REFUSED}=true)#end#end`;
}

/** `,"ExclusiveStartKey":{…}` from the client's cursor, when there is one. */
export function exclusiveStartKey(keys: readonly CursorKeyAttribute[]): string {
  const attributes = keys.map((k, i) => `${jsonStringLiteral(k.name)}:{"${k.type}":${jsonString(`$gK${i}`)}}`).join(',');
  return `#if($gU!=""),"ExclusiveStartKey":{${attributes}}#end`;
}

/** `,"cursor":"…"` when DynamoDB says the page is not the last (it then answers a `LastEvaluatedKey`). */
export function nextCursor(keys: readonly CursorKeyAttribute[]): string {
  const encode = keys.map((k, i) => `#set($gY${i}=$util.base64Encode("$!{gX.get(${vtlNameLiteral(k.name)}).get('${k.type}')}")`
    + ".replace('+','-').replace('/','_').replace('=',''))").join('');
  const cursor = keys.map((_, i) => `$gY${i}`).join('.');
  return `#set($gX=$input.path('$.LastEvaluatedKey'))#if("$!{gX}"!="")${encode},"cursor":"${cursor}"#end`;
}
