import { DocumentValue } from './composed-document';
import { guardedRequest } from './json-value-checks';
import { ERROR_MESSAGES, ErrorStatusStyle, statusMessage } from './service-errors';
import { jsonDocumentString, jsonString } from './vtl-text';

/**
 * StartExecution / StartSyncExecution: the input is a JSON document in a string; an empty
 * body starts the execution with `{}` rather than being refused. A refused value sends an
 * input that is not JSON, which Step Functions refuses (400, InvalidExecutionInput).
 */
export function startExecutionRequest(stateMachineArn: string, input: DocumentValue): string {
  const inputJson = input.expr !== undefined ? jsonDocumentString(input.expr, 'gI') : input.json;
  const start = (json: string) => `{"stateMachineArn":"${stateMachineArn}","input":${json}}`;
  return guardedRequest(input.prelude, input.refuses, start(inputJson), start('"refused"'));
}

/** StartExecution: `{"executionArn": …, "startDate": …}`. */
export function startExecutionResponse(): string {
  return `{"executionArn":${jsonString('"$!{input.path(\'$.executionArn\')}"')},`
    + '"startDate":$input.json(\'$.startDate\')}';
}

/**
 * StartSyncExecution: the execution's output as the response body when it succeeded;
 * otherwise 500 (failed) or 504 (timed out), without the execution's error or cause.
 */
export function startSyncExecutionResponse(style: ErrorStatusStyle = 'httpStatus', success?: string): string {
  return '#set($gS="$!{input.path(\'$.status\')}")'
    + `#if($gS=="SUCCEEDED")${success ?? '$!{input.path(\'$.output\')}'}`
    + `#elseif($gS=="TIMED_OUT")${statusMessage(504, 'execution timed out', style)}`
    + `#else${statusMessage(500, ERROR_MESSAGES[500], style)}#end`;
}
