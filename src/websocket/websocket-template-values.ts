import { hasMessageBody, WebSocketRouteKey } from './websocket-route-key';
import { RouteValues, TemplateValueRules } from '../templates/route-values';

const NOT_IN_TEMPLATES = {
  rule: 'cannot be read by a WebSocket mapping template (API Gateway passes no headers or query strings to WebSocket templates)',
  fix: "have the $connect authorizer return it in its context and read RequestValue.context('authorizer.<key>'), or use Integration.lambda",
};

const NO_BODY = {
  rule: 'cannot be read on $connect or $disconnect: those requests have no message body',
  fix: "set this option to a value the request has, e.g. RequestValue.context('connectionId'), or move the integration to a message route",
};

/**
 * What a WebSocket route's mapping templates can read: the message body (not on `$connect`
 * and `$disconnect`), context and stage variables and literals; never path parameters,
 * headers or query strings.
 */
export function webSocketRouteValues(route: WebSocketRouteKey): RouteValues {
  const unavailable: TemplateValueRules['unavailable'] = {
    pathParameter: {
      rule: 'does not exist on a WebSocket route (WebSocket routes have no path)',
      fix: "read the value from the message instead, e.g. RequestValue.jsonPath('$.id')",
    },
    queryString: NOT_IN_TEMPLATES,
    header: NOT_IN_TEMPLATES,
  };
  if (!hasMessageBody(route)) {
    unavailable.body = NO_BODY;
    unavailable.jsonPath = NO_BODY;
  }
  return new RouteValues({ pathParameters: [], unavailable });
}
