import { DocumentValue } from './composed-document';
import { guardedRequest } from './json-value-checks';
import { ErrorStatusStyle, serviceErrorBody } from './service-errors';
import { jsonDocumentString, jsonString, jsonStringLiteral } from './vtl-text';

export interface PutEventsTemplate {
  readonly eventBusArn: string;
  readonly source: string;
  readonly detailType: string;
  readonly detail: DocumentValue;
}

/**
 * PutEvents with one entry; an empty body sends the detail `{}`. A refused value sends a
 * detail that is not JSON, which EventBridge rejects (the entry's MalformedDetail: 400).
 */
export function putEventsRequest(t: PutEventsTemplate): string {
  const detail = t.detail.expr !== undefined ? jsonDocumentString(t.detail.expr, 'gD') : t.detail.json;
  const entry = (json: string) => `{"Entries":[{"Source":${jsonStringLiteral(t.source)},`
    + `"DetailType":${jsonStringLiteral(t.detailType)},"Detail":${json},"EventBusName":"${t.eventBusArn}"}]}`;
  return guardedRequest(t.detail.prelude, t.detail.refuses, entry(detail), entry('"refused"'));
}

/**
 * `{"eventId": …}`. PutEvents answers 200 even when it rejects the entry, so the template
 * reads the entry's error code and answers as for any service error (429, 502, 500 or 400).
 */
export function putEventsResponse(style: ErrorStatusStyle = 'httpStatus', success?: string): string {
  return '#set($gF="$!{input.path(\'$.FailedEntryCount\')}")'
    + '#if($gF=="0"||$gF=="")'
    + (success ?? `{"eventId":${jsonString('"$!{input.path(\'$.Entries[0].EventId\')}"')}}`)
    + '#else#set($t="$!{input.path(\'$.Entries[0].ErrorCode\')}")'
    + `${serviceErrorBody('events', 't', style, false)}#end`;
}
