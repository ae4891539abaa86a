import { Duration } from 'aws-cdk-lib';
import { WebSocketRouteContext } from './websocket-binding';
import { v2IntegrationTimeout } from '../shared/integration-timeout';

/** The integration timeout of a WebSocket route in milliseconds (50 ms to 29 s). */
export function webSocketIntegrationTimeout(ctx: WebSocketRouteContext, integrationTimeout?: Duration): number | undefined {
  return v2IntegrationTimeout(ctx, integrationTimeout, 'on a WebSocket API', 'use Duration.millis(50) up to Duration.seconds(29)')
    ?.toMilliseconds({ integral: false });
}
