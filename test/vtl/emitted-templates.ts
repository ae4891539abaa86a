import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** One route's mapping templates as API Gateway would hold them after deployment. */
export interface EmittedRoute {
  /** The method's logical ID, e.g. `ApiordersPOST58A3B8D0`. */
  readonly logicalId: string;
  /** `POST /orders`, read from the method's resource path. */
  readonly route: string;
  /** The request template, or undefined for proxy integrations. */
  readonly request?: string;
  /** Fixed integration request headers (`Content-Type`, `X-Amz-Target`, …). */
  readonly headers: Record<string, string>;
  /** Response templates by integration response status (`200`, `400`, `502`). */
  readonly responses: Record<string, string>;
  /** The integration URI with CloudFormation references resolved as below. */
  readonly uri?: string;
}

/** The account and region of `testStack()`, used to resolve ARNs. */
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

/**
 * Resolves what CloudFormation would: `Ref` of a resource is its logical ID (the physical
 * name tests then create in the emulators), `Fn::GetAtt` `Arn` an ARN ending in it, and
 * `Fn::Join` joins. Enough for the references mapping templates hold.
 */
export function resolveIntrinsics(value: unknown, types: Record<string, string>, fifoQueues: Set<string> = new Set()): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(p => resolveIntrinsics(p, types, fifoQueues)).join(sep);
  }
  if ('Ref' in v) {
    const id = v.Ref as string;
    if (id === 'AWS::Partition') return 'aws';
    if (id === 'AWS::Region') return REGION;
    if (id === 'AWS::AccountId') return ACCOUNT;
    // A state machine's Ref is its ARN.
    if (types[id] === 'AWS::StepFunctions::StateMachine') return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`;
    return id;
  }
  if ('Fn::GetAtt' in v) {
    const [id, attribute] = v['Fn::GetAtt'] as [string, string];
    if (attribute === 'Arn') return `arn:aws:${serviceOf(types[id])}:${REGION}:${ACCOUNT}:${id}`;
    // FIFO queue names end in .fifo.
    if (attribute === 'QueueName' && fifoQueues.has(id)) return `${id}.fifo`;
    return id;
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

function serviceOf(type = ''): string {
  return type.split('::')[1]?.toLowerCase() ?? 'unknown';
}

/** Every API Gateway method of `stack` with its templates, in logical-ID order. */
export function emittedRoutes(stack: Stack): EmittedRoute[] {
  const json = Template.fromStack(stack).toJSON() as { Resources: Record<string, { Type: string; Properties: any }> };
  const types = Object.fromEntries(Object.entries(json.Resources).map(([id, r]) => [id, r.Type]));
  const fifoQueues = new Set(Object.keys(json.Resources).filter(id => json.Resources[id].Properties?.FifoQueue === true));
  const resolve = (value: unknown) => resolveIntrinsics(value, types, fifoQueues);
  const paths = resourcePaths(json.Resources);
  return Object.entries(json.Resources)
    .filter(([, r]) => r.Type === 'AWS::ApiGateway::Method')
    .map(([logicalId, r]) => {
      const integration = r.Properties.Integration ?? {};
      const request = integration.RequestTemplates?.['application/json'];
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries<string>(integration.RequestParameters ?? {})) {
        const header = /^integration\.request\.header\.(.+)$/.exec(name);
        if (header && value.startsWith("'")) headers[header[1]] = value.slice(1, -1);
      }
      const responses: Record<string, string> = {};
      for (const response of integration.IntegrationResponses ?? []) {
        const template = response.ResponseTemplates?.['application/json'];
        if (template !== undefined) responses[response.StatusCode] = resolve(template);
      }
      return {
        logicalId,
        route: `${r.Properties.HttpMethod} ${paths(r.Properties.ResourceId)}`,
        request: request === undefined ? undefined : resolve(request),
        headers,
        responses,
        uri: integration.Uri === undefined ? undefined : resolve(integration.Uri),
      };
    })
    .sort((a, b) => a.logicalId.localeCompare(b.logicalId));
}

/** Resource ID (a `Ref` or the root's `GetAtt`) to its path, e.g. `/items/{id}`. */
function resourcePaths(resources: Record<string, { Type: string; Properties: any }>): (id: unknown) => string {
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources[id] : undefined;
    if (!resource || resource.Type !== 'AWS::ApiGateway::Resource') return '';
    return `${pathOf(resource.Properties.ParentId)}/${resource.Properties.PathPart}`;
  };
  return ref => pathOf(ref) || '/';
}

/** The route of `stack` with this route key; throws when there is none. */
export function emittedRoute(routes: EmittedRoute[], routeKey: string): EmittedRoute {
  const route = routes.find(r => r.route === routeKey);
  if (!route) throw new Error(`no route ${routeKey}; have ${routes.map(r => r.route).join(', ')}`);
  return route;
}
