import { Duration } from 'aws-cdk-lib';
import { HttpRouteContext } from './http-binding';
import { v2IntegrationTimeout } from '../shared/integration-timeout';

/** The integration timeout an HTTP API route uses (50 ms to 29 s). */
export function httpIntegrationTimeout(ctx: HttpRouteContext, integrationTimeout?: Duration): Duration | undefined {
  return v2IntegrationTimeout(ctx, integrationTimeout, 'on an HttpGateway',
    'use Duration.millis(50) up to Duration.seconds(29); longer integrations need a regional RestGateway and a quota increase');
}
