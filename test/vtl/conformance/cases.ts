import { Template } from 'aws-cdk-lib/assertions';
import { PROBE_TEMPLATES } from './probe-templates';
import { VtlRequest } from '../../support/vtl/vtl-request';
import { catalogueStack, corsCatalogueStack } from '../catalogue-stack';
import { HOSTILE_BODIES, HOSTILE_ORIGINS, HOSTILE_PARAM_MAPS, HOSTILE_PARAMS, JSON_VALUE_BODIES, RECORD_LIST_BODIES } from '../hostile-corpus';
import { SERVICE_RESPONSES } from '../service-responses';
import { webSocketCatalogueStack } from '../websocket-catalogue-stack';
import { emittedWebSocketRoutes, webSocketContext } from '../websocket-emitted-templates';

/** One template rendered against one request, by both engines. */
export interface ConformanceCase {
  readonly name: string;
  readonly template: string;
  readonly request: VtlRequest;
}

/**
 * `$context` as API Gateway fills it for a REST API request authorized by a Cognito user
 * pool (numbers are whole: JSON cannot say whether 1.0 is a Java Integer or Double).
 */
export const REQUEST_CONTEXT: Record<string, unknown> = {
  accountId: '111111111111',
  apiId: 'a1b2c3d4e5',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  extendedRequestId: 'ZP9x3FmSjoEFV1g=',
  stage: 'prod',
  httpMethod: 'POST',
  resourcePath: '/orders/{id}',
  path: '/prod/orders/42',
  protocol: 'HTTP/1.1',
  domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  requestTime: '09/Apr/2025:12:34:56 +0000',
  requestTimeEpoch: 1744202096000,
  identity: {
    sourceIp: '198.51.100.7',
    userAgent: 'curl/8.5.0',
    accountId: null,
    caller: null,
    cognitoIdentityId: null,
  },
  authorizer: {
    principalId: 'user-1',
    claims: { 'sub': '8f1c2e9a-0000-4000-8000-000000000001', 'email': 'ada@example.com', 'cognito:groups': 'admins' },
  },
};

const STAGE_VARIABLES: Record<string, string> = { env: 'prod', table: 'orders' };

/**
 * Parameters of a plain request, used with every hostile body. The names cover those the
 * catalogue's routes read (path `id` and `at`, query `month`, header `X-Tenant`).
 */
const PLAIN_PARAMS: Required<Pick<VtlRequest, 'path' | 'querystring' | 'header'>> = {
  path: { id: '42', at: '1744202096' },
  querystring: { q: 'shoes', month: '2025-04', page: '2', cursor: 'YS9iK2M.MTc.YzE.MjAyNS0wNA' },
  header: { 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0', 'X-Tenant': 'acme', 'X-Hostile': 'plain' },
};

/** The body of the requests that vary the parameters. */
const PLAIN_BODY = '{"id": 1, "customerId": "c-1", "userId": "u-1", "message": "hello"}';

/** Every value of `params` replaced by `value`, and `value` added as a name too. */
function withValue(params: Record<string, string>, value: string): Record<string, string> {
  return { ...Object.fromEntries(Object.keys(params).map((name) => [name, value])), [value]: 'as-name' };
}

/**
 * Every request of the hostile corpus: each body with plain parameters, and each parameter
 * value in every path, query-string and header parameter (and as a name) with a plain body,
 * and the corpus's parameter maps whose names collide.
 */
export function hostileRequests(): { name: string; request: VtlRequest }[] {
  const requests: { name: string; request: VtlRequest }[] = [];
  for (const { name, body } of [...HOSTILE_BODIES, ...JSON_VALUE_BODIES, ...RECORD_LIST_BODIES]) {
    requests.push({
      name: `body:${name}`,
      request: { body, ...PLAIN_PARAMS, context: REQUEST_CONTEXT, stageVariables: STAGE_VARIABLES },
    });
  }
  for (const { name, value } of HOSTILE_PARAMS) {
    requests.push({
      name: `params:${name}`,
      request: {
        body: PLAIN_BODY,
        path: withValue(PLAIN_PARAMS.path, value),
        querystring: withValue(PLAIN_PARAMS.querystring, value),
        header: withValue(PLAIN_PARAMS.header, value),
        context: REQUEST_CONTEXT,
        stageVariables: STAGE_VARIABLES,
      },
    });
  }
  requests.push({
    name: 'params:colliding-names',
    request: { body: PLAIN_BODY, ...HOSTILE_PARAM_MAPS, context: REQUEST_CONTEXT, stageVariables: STAGE_VARIABLES },
  });
  return requests;
}

/** Probe templates × hostile requests. */
export function probeCases(): ConformanceCase[] {
  const requests = hostileRequests();
  const cases: ConformanceCase[] = [];
  for (const probe of PROBE_TEMPLATES) {
    for (const { name, request } of probe.once ? requests.slice(0, 1) : requests) {
      cases.push({ name: probe.once ? `probe ${probe.name}` : `probe ${probe.name} × ${name}`, template: probe.template, request });
    }
  }
  return cases;
}

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

/**
 * A template value as text. Mapping templates that name other resources hold intrinsic
 * functions; they become fixed placeholders, so both engines see the same text.
 */
function templateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if ('Fn::Join' in v) {
      const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(templateText).join(separator);
    }
    if ('Ref' in v) return `ref-${v.Ref}`;
    if ('Fn::GetAtt' in v) {
      const att = v['Fn::GetAtt'];
      return `getatt-${Array.isArray(att) ? att.join('-') : String(att)}`;
    }
  }
  return JSON.stringify(value);
}

/** `GET /orders/{id}` for a method resource, from its resource chain; the logical ID when that fails. */
function routeOf(resources: Record<string, CfnResource>, logicalId: string): string {
  const method = resources[logicalId].Properties ?? {};
  const segments: string[] = [];
  let ref = method.ResourceId;
  for (let depth = 0; ref && typeof ref === 'object' && 'Ref' in ref && depth < 50; depth++) {
    const resource = resources[ref.Ref];
    if (!resource || resource.Type !== 'AWS::ApiGateway::Resource') return logicalId;
    segments.unshift(resource.Properties?.PathPart);
    ref = resource.Properties?.ParentId;
  }
  return `${method.HttpMethod} /${segments.join('/')}`;
}

/**
 * Every mapping template the library emits, from the catalogue stack: request templates
 * rendered against every hostile request, response templates against every sample service
 * response.
 */
export function libraryCases(): ConformanceCase[] {
  const resources: Record<string, CfnResource> = Template.fromStack(catalogueStack()).toJSON().Resources ?? {};
  const methodIds = Object.keys(resources).filter((id) => resources[id].Type === 'AWS::ApiGateway::Method').sort();
  const routes = methodIds.map((id) => routeOf(resources, id));
  const requests = hostileRequests();
  const cases: ConformanceCase[] = [];

  methodIds.forEach((logicalId, i) => {
    // Two APIs may share a route: the logical ID tells them apart.
    const route = routes.indexOf(routes[i]) === routes.lastIndexOf(routes[i]) ? routes[i] : `${routes[i]} (${logicalId})`;
    const integration = resources[logicalId].Properties?.Integration ?? {};

    for (const [contentType, value] of Object.entries<unknown>(integration.RequestTemplates ?? {})) {
      const template = templateText(value);
      for (const { name, request } of requests) {
        cases.push({ name: `${route} request ${contentType} × ${name}`, template, request });
      }
    }

    for (const response of (integration.IntegrationResponses ?? []) as Record<string, any>[]) {
      const selection = response.SelectionPattern !== undefined ? ` /${response.SelectionPattern}/` : '';
      for (const [contentType, value] of Object.entries<unknown>(response.ResponseTemplates ?? {})) {
        const template = templateText(value);
        for (const { name, body } of SERVICE_RESPONSES) {
          cases.push({
            name: `${route} response ${response.StatusCode}${selection} ${contentType} × ${name}`,
            template,
            request: { body, ...PLAIN_PARAMS, context: REQUEST_CONTEXT, stageVariables: STAGE_VARIABLES },
          });
        }
      }
    }
  });
  return cases;
}

/**
 * Every response template of a gateway with several CORS origins (mock, service and
 * aws-cdk-lib's preflight), rendered for every request of the hostile origin corpus: each
 * decides from the request's `Origin` header whether to allow it.
 */
export function corsCases(): ConformanceCase[] {
  const resources: Record<string, CfnResource> = Template.fromStack(corsCatalogueStack()).toJSON().Resources ?? {};
  const methodIds = Object.keys(resources).filter((id) => resources[id].Type === 'AWS::ApiGateway::Method').sort();
  const cases: ConformanceCase[] = [];
  for (const logicalId of methodIds) {
    const route = routeOf(resources, logicalId);
    const responses = (resources[logicalId].Properties?.Integration?.IntegrationResponses ?? []) as Record<string, any>[];
    for (const response of responses) {
      for (const [contentType, value] of Object.entries<unknown>(response.ResponseTemplates ?? {})) {
        for (const origin of HOSTILE_ORIGINS) {
          cases.push({
            name: `cors ${route} response ${response.StatusCode} ${contentType} × origin:${origin.name}`,
            template: templateText(value),
            request: {
              body: '{}',
              path: origin.path,
              querystring: origin.querystring,
              header: origin.header,
              context: REQUEST_CONTEXT,
              stageVariables: STAGE_VARIABLES,
            },
          });
        }
      }
    }
  }
  return cases;
}

/**
 * Every mapping template a WebSocket gateway emits, from the WebSocket catalogue stack:
 * request templates rendered for every hostile body with a WebSocket `$context` (a message
 * has no path, headers or query strings; the corpus's parameter values go into the context
 * variables the templates read), response templates for every sample service response.
 */
export function webSocketLibraryCases(): ConformanceCase[] {
  const routes = Object.values(emittedWebSocketRoutes(webSocketCatalogueStack()))
    .sort((a, b) => (a.routeKey < b.routeKey ? -1 : a.routeKey > b.routeKey ? 1 : 0));
  const requests: { name: string; request: VtlRequest }[] = [
    ...[...HOSTILE_BODIES, ...JSON_VALUE_BODIES, ...RECORD_LIST_BODIES].map(({ name, body }) => ({ name: `body:${name}`, request: { body, context: webSocketContext() } })),
    ...HOSTILE_PARAMS.map(({ name, value }) => ({
      name: `context:${name}`,
      request: {
        body: PLAIN_BODY,
        context: webSocketContext({ connectionId: value, routeKey: value, eventType: value, authorizer: { principalId: value } }),
      },
    })),
  ];
  const cases: ConformanceCase[] = [];
  for (const route of routes) {
    const template = route.request;
    if (template !== undefined) {
      for (const { name, request } of requests) {
        cases.push({ name: `websocket ${route.routeKey} request × ${name}`, template, request });
      }
    }
    for (const [key, response] of Object.entries(route.responses)) {
      for (const { name, body } of SERVICE_RESPONSES) {
        cases.push({ name: `websocket ${route.routeKey} response ${key} × ${name}`, template: response, request: { body, context: webSocketContext() } });
      }
    }
  }
  return cases;
}

/** All conformance cases: the probes and every template the library emits, REST (with and without CORS) and WebSocket. */
export function buildCases(): ConformanceCase[] {
  return [...probeCases(), ...libraryCases(), ...corsCases(), ...webSocketLibraryCases()];
}
