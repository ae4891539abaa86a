import { guardedRequest } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { formLiteral, jsonString } from './vtl-text';

export interface SendMessageTemplate {
  readonly body: TemplateValue;
  readonly groupId?: TemplateValue;
  readonly deduplicationId?: TemplateValue;
  readonly delaySeconds?: number;
  readonly attributes: Array<{ readonly name: string; readonly value: TemplateValue }>;
}

/**
 * SendMessage in the query protocol (a form-encoded body). Message attributes whose value is
 * missing or empty are left out (SQS refuses empty values); the rest are numbered 1, 2, …
 * without gaps, as SQS requires. A refused value sends SendMessage without a body, which SQS
 * refuses (400).
 */
export function sendMessageRequest(t: SendMessageTemplate): string {
  const values = [t.body, t.groupId, t.deduplicationId, ...t.attributes.map(a => a.value)];
  const prelude = values.map(v => v?.prelude ?? '').join('');
  const refuses = values.some(v => v?.refuses);
  let form = `Action=SendMessage&MessageBody=${t.body.form}`;
  if (t.groupId) form += `&MessageGroupId=${t.groupId.form}`;
  if (t.deduplicationId) form += `&MessageDeduplicationId=${t.deduplicationId.form}`;
  if (t.delaySeconds !== undefined) form += `&DelaySeconds=${t.delaySeconds}`;
  if (t.attributes.length > 0) form += '#set($gA=0)';
  for (const { name, value } of t.attributes) {
    const n = 'MessageAttribute.${gA}';
    const attribute = `#set($gA=$gA+1)&${n}.Name=${formLiteral(name)}`
      + `&${n}.Value.DataType=String&${n}.Value.StringValue=${value.form}`;
    form += value.expr ? `#if(${value.expr}!="")${attribute}#end` : attribute;
  }
  return guardedRequest(prelude, refuses, form, 'Action=SendMessage');
}

/** `{"messageId": …}` from SQS's JSON answer. */
export function sendMessageResponse(): string {
  return `{"messageId":${jsonString('"$!{input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')}"')}}`;
}

/** What ReceiveMessage asks for; unset values are the queue's. */
export interface ReceiveMessageTemplate {
  readonly maxMessages: number;
  readonly waitSeconds?: number;
  readonly visibilitySeconds?: number;
}

/** ReceiveMessage in the query protocol: nothing from the request reaches it. */
export function receiveMessageRequest(t: ReceiveMessageTemplate): string {
  let form = `Action=ReceiveMessage&MaxNumberOfMessages=${t.maxMessages}`;
  if (t.waitSeconds !== undefined) form += `&WaitTimeSeconds=${t.waitSeconds}`;
  if (t.visibilitySeconds !== undefined) form += `&VisibilityTimeout=${t.visibilitySeconds}`;
  return form;
}

/**
 * `{"messages": [{"messageId", "receiptHandle", "body"}]}` from SQS's JSON answer, whose
 * `messages` is a list, or null when the queue had none. A lone message object is read as
 * a list of one, so an answer written either way gives the same messages.
 */
export function receiveMessageResponse(): string {
  const field = (name: string, member: string) => `"${name}":${jsonString(`"$!{gq.${member}}"`)}`;
  const message = `{${field('messageId', 'MessageId')},${field('receiptHandle', 'ReceiptHandle')},${field('body', 'Body')}}`;
  return '#set($gQ=$input.path(\'$.ReceiveMessageResponse.ReceiveMessageResult.messages\'))'
    + '#if("$!{gQ.MessageId}"!="")#set($gQ=[$gQ])#end'
    // A separator before each message but the first (`${gT}`, braced: `$gT{` does not parse everywhere).
    + '#set($gT=""){"messages":[#foreach($gq in $gQ)${gT}' + message + '#set($gT=",")#end]}';
}

/** DeleteMessage of the receipt handle the request names. A refused value sends none, which SQS refuses (400). */
export function deleteMessageRequest(receiptHandle: TemplateValue): string {
  return guardedRequest(receiptHandle.prelude, receiptHandle.refuses,
    `Action=DeleteMessage&ReceiptHandle=${receiptHandle.form}`, 'Action=DeleteMessage');
}

/** PurgeQueue: the queue is the integration's; nothing from the request reaches it. */
export function purgeQueueRequest(): string {
  return 'Action=PurgeQueue';
}

/** `{}`: the call's success is all there is to say. */
export function emptyObjectResponse(): string {
  return '{}';
}
