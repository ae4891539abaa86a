import { Stack, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { pathInStack, plainText, topLevelStack } from './gateway-registry';
import { authorizationEntry, integrationEntry, throttleEntry, timeoutMillis } from './manifest-entries';
import { CorsEntry, DomainEntry, GatewayEntry, UsagePlanEntry } from './manifest-format';
import { AuthorizationSpec } from '../vocabulary/authorization-spec';
import { IntegrationSpec } from '../vocabulary/integration-spec';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/** What an HTTP or WebSocket gateway recorded about one route when it added it. */
export interface V2RouteRecord {
  readonly routeKey: string;
  readonly integration: IntegrationSpec;
  readonly authorization: AuthorizationSpec;
  readonly throttle?: ThrottleSettings;
  readonly validatesBody: boolean;
  readonly requiredParameters: string[];
  /** Whether callers need an API key (on WebSocket: the key their connection was opened with). */
  readonly apiKeyRequired?: boolean;
  /** The synthesized integration, whose timeout the manifest reports. */
  readonly cfnIntegration: apigwv2.CfnIntegration;
}

/** What an HTTP or WebSocket gateway built, for its manifest entry. */
export interface V2ManifestFacts {
  readonly gateway: IConstruct;
  readonly type: 'HTTP' | 'WEBSOCKET';
  readonly stageName: string;
  readonly stageThrottle: ThrottleSettings;
  readonly accessLogs: boolean;
  readonly executionLogLevel?: string;
  readonly dataTrace?: boolean;
  readonly cors?: CorsEntry;
  readonly domain?: DomainEntry;
  /** API Gateway's timeout when an integration sets none: 30 s on HTTP APIs, 29 s on WebSocket APIs. */
  readonly defaultTimeoutMillis: number;
  readonly routes: V2RouteRecord[];
  /** The usage plans of the stage (WebSocket). */
  readonly usagePlans?: UsagePlanEntry[];
}

/** The gateway's manifest entry, read when the stack is synthesized. */
export function v2GatewayEntry(facts: V2ManifestFacts): GatewayEntry {
  const { gateway } = facts;
  return {
    stack: topLevelStack(gateway).stackName,
    path: pathInStack(gateway),
    type: facts.type,
    cors: facts.cors,
    domain: facts.domain,
    stage: {
      name: plainText(gateway, facts.stageName),
      throttle: throttleEntry(facts.stageThrottle),
      accessLogs: facts.accessLogs,
      executionLogLevel: facts.executionLogLevel,
      dataTrace: facts.dataTrace || undefined,
    },
    usagePlans: facts.usagePlans ?? [],
    routes: facts.routes.map(route => {
      const timeout = Stack.of(route.cfnIntegration).resolve(route.cfnIntegration.timeoutInMillis);
      return {
        routeKey: route.routeKey,
        authorization: authorizationEntry(gateway, route.authorization),
        apiKeyRequired: route.apiKeyRequired ?? false,
        throttle: throttleEntry(route.throttle),
        integration: integrationEntry(gateway, route.integration,
          route.integration.kind === 'mock' ? undefined : timeoutMillis(timeout) ?? facts.defaultTimeoutMillis),
        validatesBody: route.validatesBody,
        requiredParameters: [...route.requiredParameters].sort(),
      };
    }),
  };
}
