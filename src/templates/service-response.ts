import { ServiceCall } from './service-call';
import { verbatimTemplate } from './verbatim-template';
import { ResponseBody } from '../vocabulary/integrations/service-response';

/**
 * The template of a service route's success answer: the library's plain JSON, or the route's
 * own body inside the service's checks of a 2XX answer (a failed EventBridge entry, a failed
 * express execution, a missing DynamoDB item still answer as errors).
 */
export function successTemplate(call: ServiceCall): string {
  const body = call.response?.body;
  if (!body) return call.responseTemplate;
  const own = bodyTemplate(body);
  if (!call.checkedResponse) return own;
  // A user's template may end in a `##` comment, which would swallow the checks' closing
  // directives on its line.
  return call.checkedResponse(body._kind === 'template' ? `${own}\n` : own);
}

/**
 * A template that prints nothing. An empty template would not do: API Gateway passes the
 * service's answer through an empty one.
 */
export const EMPTY_BODY = '#set($gE="")';

/** A body's template on its own: the service's answer, the user's template, or fixed text. */
export function bodyTemplate(body: ResponseBody): string {
  if (body._kind !== 'text') return body._source;
  return body._source === '' ? EMPTY_BODY : verbatimTemplate(body._source);
}

/**
 * The selection patterns of the library's 4XX and 5XX answers, leaving out the statuses the
 * route answers itself, so that no service status matches two patterns (API Gateway does
 * not say which of two matching patterns wins). Java regular expressions, as API Gateway reads them.
 */
export function errorClassPattern(statusClass: 4 | 5, ownStatuses: readonly number[], digit = '\\d{2}'): string {
  const own = ownStatuses.filter(s => Math.floor(s / 100) === statusClass).map(s => String(s).slice(1)).sort();
  return own.length === 0 ? `${statusClass}${digit}` : `${statusClass}(?!${own.join('|')})${digit}`;
}
