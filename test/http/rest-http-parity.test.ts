import { Stack, aws_cognito as cognito, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, HttpGateway, Integration, RequestValue, RestGateway, RouteOptions } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { bus, queue, stateMachine, stream } from '../support/service-fixtures';

/** One route definition, written once and added to either gateway. */
interface RouteCase {
  readonly name: string;
  readonly key: string;
  readonly route: (stack: Stack) => { integration: Integration; options?: RouteOptions };
}

const CASES: RouteCase[] = [
  { name: 'Lambda proxy, IAM by default', key: 'GET /orders/{id}', route: s => ({ integration: Integration.lambda(handler(s, 'Fn')) }) },
  { name: 'Lambda proxy, open', key: 'GET /health', route: s => ({ integration: Integration.lambda(handler(s, 'Fn')), options: { authorization: Authorization.none() } }) },
  {
    name: 'Lambda proxy, user pool with scopes',
    key: 'POST /orders',
    route: s => {
      const pool = new cognito.UserPool(s, 'Users');
      pool.addClient('Web');
      return { integration: Integration.lambda(handler(s, 'Fn')), options: { authorization: Authorization.cognito(pool, { scopes: ['orders/write'] }) } };
    },
  },
  {
    name: 'Lambda proxy, Lambda request authorizer',
    key: 'GET /reports',
    route: s => ({
      integration: Integration.lambda(handler(s, 'Fn')),
      options: { authorization: Authorization.lambdaRequest(handler(s, 'Auth'), { identitySources: [RequestValue.header('X-Tenant')] }) },
    }),
  },
  { name: 'Lambda proxy, route throttle', key: 'GET /slow', route: s => ({ integration: Integration.lambda(handler(s, 'Fn')), options: { throttle: { rateLimit: 5, burstLimit: 10 } } }) },
  { name: 'HTTP proxy', key: 'ANY /legacy/{proxy+}', route: () => ({ integration: Integration.http('https://legacy.example.com/{proxy}') }) },
  { name: 'SQS', key: 'POST /queue', route: s => ({ integration: Integration.sqs(queue(s)) }) },
  { name: 'Kinesis', key: 'POST /clicks', route: s => ({ integration: Integration.kinesis(stream(s), { partitionKey: RequestValue.header('X-User') }) }) },
  { name: 'Step Functions sync', key: 'POST /checkout', route: s => ({ integration: Integration.stepFunctions(stateMachine(s, 'Checkout', sfn.StateMachineType.EXPRESS), { sync: true }) }) },
  { name: 'EventBridge', key: 'POST /events', route: s => ({ integration: Integration.eventBridge(bus(s), { source: 'shop.orders', detailType: 'OrderPlaced' }) }) },
];

/** What a route does, read back from either kind of template in one vocabulary. */
interface Behaviour {
  readonly authorization: string;
  readonly scopes?: string[];
  readonly authorizers: number;
  readonly lambdaPermissions: number;
  readonly serviceActions: string[];
  readonly routeThrottle?: { rate: number; burst: number };
  readonly stageThrottle: { rate: number; burst: number };
}

const AUTH_WORDS: Record<string, string> = {
  AWS_IAM: 'iam', NONE: 'none', COGNITO_USER_POOLS: 'token from an issuer', JWT: 'token from an issuer', CUSTOM: 'lambda',
};

function serviceActions(t: Template): string[] {
  return Object.values(t.findResources('AWS::IAM::Policy'))
    .filter(p => JSON.stringify(p).includes('Role') && !JSON.stringify(p.Properties.Roles).includes('ServiceRole'))
    .flatMap(p => p.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) => [st.Action].flat()))
    .filter(action => !action.startsWith('xray:') && !action.startsWith('logs:'))
    .sort();
}

function restBehaviour(t: Template): Behaviour {
  const method = Object.values(t.findResources('AWS::ApiGateway::Method')).find(m => m.Properties.HttpMethod !== 'OPTIONS')!.Properties;
  const settings = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0].Properties.MethodSettings as Array<Record<string, unknown>>;
  const route = settings.find(s => s.ResourcePath !== '/*');
  const stage = settings.find(s => s.ResourcePath === '/*')!;
  return {
    authorization: AUTH_WORDS[method.AuthorizationType],
    scopes: method.AuthorizationScopes,
    authorizers: Object.keys(t.findResources('AWS::ApiGateway::Authorizer')).length,
    lambdaPermissions: Object.keys(t.findResources('AWS::Lambda::Permission')).length,
    serviceActions: serviceActions(t),
    routeThrottle: route ? { rate: route.ThrottlingRateLimit as number, burst: route.ThrottlingBurstLimit as number } : undefined,
    stageThrottle: { rate: stage.ThrottlingRateLimit as number, burst: stage.ThrottlingBurstLimit as number },
  };
}

function httpBehaviour(t: Template): Behaviour {
  const route = Object.values(t.findResources('AWS::ApiGatewayV2::Route'))[0].Properties;
  const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
  const routeSettings = stage.RouteSettings?.[route.RouteKey];
  return {
    authorization: AUTH_WORDS[route.AuthorizationType],
    scopes: route.AuthorizationScopes,
    authorizers: Object.keys(t.findResources('AWS::ApiGatewayV2::Authorizer')).length,
    lambdaPermissions: Object.keys(t.findResources('AWS::Lambda::Permission')).length,
    serviceActions: serviceActions(t),
    routeThrottle: routeSettings ? { rate: routeSettings.ThrottlingRateLimit, burst: routeSettings.ThrottlingBurstLimit } : undefined,
    stageThrottle: { rate: stage.DefaultRouteSettings.ThrottlingRateLimit, burst: stage.DefaultRouteSettings.ThrottlingBurstLimit },
  };
}

describe('the same route on RestGateway and HttpGateway', () => {
  test.each(CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const restStack = testStack();
    const rest = c.route(restStack);
    new RestGateway(restStack, 'Api').addRoute(c.key, rest.integration, rest.options);

    const httpStack = testStack();
    const http = c.route(httpStack);
    new HttpGateway(httpStack, 'Api').addRoute(c.key, http.integration, http.options);

    const restView = restBehaviour(Template.fromStack(restStack));
    const httpView = httpBehaviour(Template.fromStack(httpStack));
    expect(httpView).toEqual(restView);
    // The comparison reads something: service routes grant their action, Lambda routes one permission.
    if (c.name !== 'HTTP proxy') expect(restView.serviceActions.length + restView.lambdaPermissions).toBeGreaterThan(0);
  });
});
