import { Stack, Token, aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { RestGatewayStage } from './rest-gateway-stage';
import { pathInStack, plainText, topLevelStack } from '../review/gateway-registry';
import { authorizationEntry, integrationEntry, throttleEntry, timeoutMillis } from '../review/manifest-entries';
import { CorsEntry, GatewayEntry, RouteEntry, StageEntry } from '../review/manifest-format';
import { policyLines } from '../review/policy-lines';
import { UsagePlan } from '../shared/usage-plan';
import { AuthorizationSpec } from '../vocabulary/authorization-spec';
import { CorsOptions } from '../vocabulary/cors-options';
import { IntegrationSpec } from '../vocabulary/integration-spec';
import { ThrottleSettings } from '../vocabulary/throttle-settings';

/** API Gateway's integration timeout when a method sets none. */
const DEFAULT_TIMEOUT_MILLIS = 29_000;

/** What a REST gateway recorded about one route when it added it. */
export interface RestRouteRecord {
  readonly routeKey: string;
  readonly integration: IntegrationSpec;
  readonly authorization: AuthorizationSpec;
  readonly apiKeyRequired: boolean;
  readonly throttle?: ThrottleSettings;
  readonly cache?: { readonly ttlSeconds: number; readonly keys: string[] };
  readonly validatesBody: boolean;
  readonly requiredParameters: string[];
  /** The route's own CORS (the `cors` route option), when it has one. */
  readonly cors?: CorsOptions;
  /** The method's resource, kept here: an OpenAPI definition takes it out of the construct tree. */
  readonly method: apigw.CfnMethod;
}

/** What a REST gateway built, for its manifest entry. */
export interface RestManifestFacts {
  readonly gateway: IConstruct;
  readonly endpointType: apigw.EndpointType;
  readonly policy?: iam.PolicyDocument;
  readonly cors?: CorsOptions;
  readonly webAclArn?: string;
  readonly domain?: apigw.DomainName;
  readonly mutualTls: boolean;
  readonly stage: apigw.Stage;
  readonly stageThrottle: ThrottleSettings;
  readonly accessLogs: boolean;
  readonly executionLogLevel: apigw.MethodLoggingLevel;
  readonly dataTrace: boolean;
  readonly usagePlans: UsagePlan[];
  readonly routes: RestRouteRecord[];
  /** The stages added with `addStage`. */
  readonly addedStages: RestGatewayStage[];
}

/** The gateway's manifest entry, read when the stack is synthesized. */
export function restGatewayEntry(facts: RestManifestFacts): GatewayEntry {
  const { gateway } = facts;
  const stack = topLevelStack(gateway);
  const domain = facts.domain && (facts.domain.node.defaultChild as apigw.CfnDomainName);
  return {
    stack: stack.stackName,
    path: pathInStack(gateway),
    type: 'REST',
    endpoint: facts.endpointType,
    resourcePolicy: policyLines(Stack.of(gateway), facts.policy),
    cors: corsEntry(facts.cors),
    // The library's own web ACL has an ARN known only at deploy: named by its construct instead.
    waf: facts.webAclArn && (Token.isUnresolved(facts.webAclArn) ? 'managed' : facts.webAclArn),
    domain: domain && {
      domainName: plainText(gateway, String(stack.resolve(domain.domainName))),
      securityPolicy: String(stack.resolve(domain.securityPolicy) ?? 'TLS_1_2'),
      mutualTls: facts.mutualTls,
    },
    stage: stageEntry(gateway, facts.stage, facts.stageThrottle, facts),
    // Left out without added stages, so manifests of gateways with one stage stay as they were.
    ...(facts.addedStages.length === 0 ? {} : {
      addedStages: facts.addedStages
        .map(added => stageEntry(gateway, added.stage, added._throttle, added._logging))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    }),
    usagePlans: facts.usagePlans.map(plan => plan._manifestEntry()),
    routes: facts.routes.map(route => restRouteEntry(gateway, route)),
  };
}

function stageEntry(
  gateway: IConstruct, stage: apigw.Stage, throttle: ThrottleSettings,
  logging: { readonly accessLogs: boolean; readonly executionLogLevel: apigw.MethodLoggingLevel; readonly dataTrace: boolean },
): StageEntry {
  const stack = topLevelStack(gateway);
  const cfn = stage.node.defaultChild as apigw.CfnStage;
  return {
    name: plainText(gateway, cfn.stageName ?? ''),
    throttle: throttleEntry(throttle),
    accessLogs: logging.accessLogs,
    executionLogLevel: logging.executionLogLevel,
    dataTrace: logging.dataTrace || undefined,
    tracing: stack.resolve(cfn.tracingEnabled) === true,
    cacheSize: stack.resolve(cfn.cacheClusterEnabled) === true ? String(stack.resolve(cfn.cacheClusterSize)) : undefined,
  };
}

function restRouteEntry(gateway: IConstruct, route: RestRouteRecord): RouteEntry {
  const method = route.method;
  const integration = Stack.of(method).resolve(method.integration) as { timeoutInMillis?: unknown } | undefined;
  const timeout = route.integration.kind === 'mock' ? undefined : timeoutMillis(integration?.timeoutInMillis) ?? DEFAULT_TIMEOUT_MILLIS;
  return {
    routeKey: route.routeKey,
    authorization: authorizationEntry(gateway, route.authorization),
    apiKeyRequired: route.apiKeyRequired,
    throttle: throttleEntry(route.throttle),
    cache: route.cache && { ttlSeconds: route.cache.ttlSeconds, keys: [...route.cache.keys].sort() },
    integration: integrationEntry(gateway, route.integration, timeout),
    validatesBody: route.validatesBody,
    requiredParameters: [...route.requiredParameters].sort(),
    cors: corsEntry(route.cors),
  };
}

function corsEntry(cors: CorsOptions | undefined): CorsEntry | undefined {
  return cors && { allowOrigins: [...cors.allowOrigins].sort(), allowCredentials: cors.allowCredentials ?? false };
}
