import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { resolveIntrinsics } from './emitted-templates';

/** One WebSocket route's mapping templates as API Gateway would hold them after deployment. */
export interface EmittedWebSocketRoute {
  readonly routeKey: string;
  /** The `$default` request template, or undefined for proxy integrations. */
  readonly request?: string;
  /** Fixed integration request headers (`Content-Type`, `X-Amz-Target`, …). */
  readonly headers: Record<string, string>;
  /** Response templates by integration response key (`$default`, `/4\d\d/`, `/5\d\d/`). */
  readonly responses: Record<string, string>;
  /** The integration URI with CloudFormation references resolved. */
  readonly uri?: string;
}

type Resources = Record<string, { Type: string; Properties: any }>;

/** Every route of the WebSocket APIs of `stack`, with its templates, by route key. */
export function emittedWebSocketRoutes(stack: Stack): Record<string, EmittedWebSocketRoute> {
  const json = Template.fromStack(stack).toJSON() as { Resources: Resources };
  const types = Object.fromEntries(Object.entries(json.Resources).map(([id, r]) => [id, r.Type]));
  const fifoQueues = new Set(Object.keys(json.Resources).filter(id => json.Resources[id].Properties?.FifoQueue === true));
  const resolve = (value: unknown) => resolveIntrinsics(value, types, fifoQueues);
  const ofType = (type: string) => Object.entries(json.Resources).filter(([, r]) => r.Type === type);
  const routes: Record<string, EmittedWebSocketRoute> = {};
  for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
    const integration = json.Resources[integrationId].Properties;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries<string>(integration.RequestParameters ?? {})) {
      const header = /^integration\.request\.header\.(.+)$/.exec(name);
      if (header) headers[header[1]] = value.slice(1, -1);
    }
    const responses: Record<string, string> = {};
    for (const [, response] of ofType('AWS::ApiGatewayV2::IntegrationResponse')) {
      if (response.Properties.IntegrationId.Ref !== integrationId) continue;
      const template = response.Properties.ResponseTemplates?.$default;
      if (template !== undefined) responses[response.Properties.IntegrationResponseKey] = resolve(template);
    }
    const request = integration.RequestTemplates?.$default;
    routes[route.Properties.RouteKey] = {
      routeKey: route.Properties.RouteKey,
      request: request === undefined ? undefined : resolve(request),
      headers,
      responses,
      uri: integration.IntegrationUri === undefined ? undefined : resolve(integration.IntegrationUri),
    };
  }
  return routes;
}

/** The integration response key API Gateway selects for a service's status code. */
export function responseKeyFor(status: number): string {
  return status >= 500 ? '/5\\d\\d/' : status >= 400 ? '/4\\d\\d/' : '$default';
}

/** `$context` as API Gateway fills it for a message on a WebSocket API (plain JSON). */
export function webSocketContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    connectionId: 'L0SM9cOFvHcCIhw=',
    connectedAt: 1744202096000,
    domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    eventType: 'MESSAGE',
    messageId: 'L0SNDd5RDoECIYg=',
    routeKey: 'send',
    requestId: 'L0SNDHrSDoEFg_A=',
    extendedRequestId: 'L0SNDHrSDoEFg_A=',
    apiId: 'a1b2c3d4e5',
    stage: 'prod',
    requestTime: '09/Apr/2025:12:34:56 +0000',
    requestTimeEpoch: 1744202096123,
    identity: { sourceIp: '198.51.100.7', userAgent: 'Mozilla/5.0' },
    authorizer: { principalId: 'user-1' },
    ...overrides,
  };
}
