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
