import { RouteCheck, RouteFinding } from './route-finding';
import { GatewayEntry, RouteEntry } from '../manifest-format';

/**
 * A route anyone can call: authorization NONE. The gateway's CORS preflight routes are not in
 * the manifest (the gateway adds them, and browsers send no credentials on a preflight). A
 * WebSocket API authorizes on `$connect` only: its message routes carry `$connect`'s
 * authorization and cannot have their own, so the finding is `$connect`'s alone and names the
 * routes an open connection reaches.
 */
export const openRoute: RouteCheck = gateway => {
  if (gateway.type === 'WEBSOCKET') {
    const connect = gateway.routes.find(r => r.routeKey === '$connect');
    return connect && isOpen(connect) ? [webSocketFinding(gateway)] : [];
  }
  return gateway.routes.filter(isOpen).map(route => ({
    check: 'OpenRoute',
    route: route.routeKey,
    problem: [
      'is open: its authorization is NONE, so anyone who reaches the API can call it',
      route.apiKeyRequired ? 'the API key it requires identifies callers, it does not authorize them' : undefined,
      restrictsSources(gateway) ? 'the resource policy limits where calls come from, not who makes them' : undefined,
      'give it an authorization (e.g. Authorization.iam()), or acknowledge it if it is public on purpose',
    ].filter(Boolean).join('; '),
  }));
};

function isOpen(route: RouteEntry): boolean {
  return route.authorization.type === 'NONE';
}

/** Resource policy lines that deny requests from other networks (`aws:SourceIp 203.0.113.0/24`). */
const SOURCE_KEYS = /^aws:Source(Ip|Vpc|Vpce) /;

function restrictsSources(gateway: GatewayEntry): boolean {
  return gateway.endpoint === 'PRIVATE' || (gateway.resourcePolicy ?? []).some(line => SOURCE_KEYS.test(line));
}

function webSocketFinding(gateway: GatewayEntry): RouteFinding {
  const reached = gateway.routes.map(r => r.routeKey).filter(key => key !== '$connect' && key !== '$disconnect');
  return {
    check: 'OpenRoute',
    route: '$connect',
    problem: 'is open: the gateway\'s authorization is NONE, so anyone can connect'
      + (reached.length ? ` and send messages to ${reached.join(', ')}` : '')
      + '; set the gateway\'s authorization (e.g. Authorization.iam() or Authorization.lambdaRequest()), or acknowledge it if it is public on purpose',
  };
}
