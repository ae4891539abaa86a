import { Duration, aws_apigateway as apigw, aws_cognito as cognito, aws_iam as iam, aws_kinesis as kinesis, aws_sqs as sqs } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, DefinitionStyle, Integration, RequestValue, RestGateway, RestGatewayProps, RouteOptions } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

interface RouteSpec { readonly key: string; readonly options?: RouteOptions }

/** Synthesizes a gateway with the given routes and returns its template. */
function synthGateway(routes: RouteSpec[], props: RestGatewayProps = {}, build?: (api: RestGateway) => void): Record<string, { Type: string }> {
  const stack = testStack();
  const fn = handler(stack, 'Fn');
  const api = new RestGateway(stack, 'Api', props);
  for (const { key, options } of routes) api.addRoute(key, Integration.lambda(fn), options);
  build?.(api);
  return Template.fromStack(stack).toJSON().Resources;
}

const synth = synthGateway;

const deploymentId = (resources: Record<string, { Type: string }>) =>
  Object.keys(resources).find(id => resources[id].Type === 'AWS::ApiGateway::Deployment');

/** Changing any of these replaces live resources in users' stacks: never update casually. */
const LOCKED_IDS = [
  'ApiInvokePermissionsTestFn6E84344E22B21653',
  'Apifiles760F84E3',
  'Apifilesproxy4D9E5A69',
  'ApifilesproxyANY40158EC1',
  'Apiorders48D17054',
  'ApiordersGET91F7D018',
  'ApiordersPOST58A3B8D0',
  'ApiordersidF2DC0394',
  'ApiordersidGET4732AE6E',
];

const BASE: RouteSpec[] = [
  { key: 'GET /orders' }, { key: 'POST /orders' }, { key: 'GET /orders/{id}' }, { key: 'ANY /files/{proxy+}' },
];

describe('logical IDs', () => {
  test('adding a route leaves every other logical ID unchanged', () => {
    const before = synth(BASE);
    const after = synth([...BASE, { key: 'DELETE /orders/{id}' }]);
    const changed = Object.keys(before).filter(id => !(id in after));
    expect(changed).toEqual([deploymentId(before)]);
    expect(Object.keys(after).filter(id => !(id in before)).map(id => after[id].Type).sort())
      .toEqual(['AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Method']);
  });

  test('removing a route leaves every other logical ID unchanged', () => {
    const before = synth(BASE);
    const after = synth(BASE.filter(r => r.key !== 'POST /orders'));
    const removed = Object.keys(before).filter(id => !(id in after)).map(id => before[id].Type).sort();
    expect(removed).toEqual(['AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Method']);
  });

  test('the order of routes changes nothing, not even the deployment', () => {
    expect(synth([...BASE].reverse())).toEqual(synth(BASE));
  });

  test('IDs are derived from route keys (locked)', () => {
    const resources = synth(BASE);
    const ids = Object.keys(resources).filter(id => ['AWS::ApiGateway::Method', 'AWS::ApiGateway::Resource', 'AWS::Lambda::Permission'].includes(resources[id].Type)).sort();
    expect(ids).toEqual(LOCKED_IDS);
  });
});

// Both styles: with an OpenAPI body the same parts (and the API's own properties) make the deployment.
describe('added stages', () => {
  const withStages = (names: string[]) => synth(BASE, {}, api => {
    names.forEach(name => api.addStage(name));
    api.addUsagePlan('Gold', { stages: ['prod', ...names] });
  });
  const ids = (resources: Record<string, { Type: string }>) => Object.keys(resources).sort();

  test('adding a stage leaves every other logical ID unchanged, the deployment included; its IDs come from its name (locked)', () => {
    const before = synth(BASE);
    const after = synth(BASE, {}, api => api.addStage('staging'));
    expect(ids(before).filter(id => !(id in after))).toEqual([]);
    expect(ids(after).filter(id => !(id in before))).toEqual(['ApiStageStaging4D1851E0', 'ApiStageStagingAccessLogs16790FB2']);
  });

  test('the order of stages changes no ID, and removing one changes no other', () => {
    const both = withStages(['staging', 'dev']);
    expect(ids(withStages(['dev', 'staging']))).toEqual(ids(both));
    const one = withStages(['staging']);
    expect(ids(one).filter(id => !(id in both))).toEqual([]);
  });
});

describe.each([DefinitionStyle.RESOURCES, DefinitionStyle.OPENAPI])('the deployment logical ID (%s) changes when', (definitionStyle) => {
  const synthIn = (routes: RouteSpec[], props: RestGatewayProps = {}, build?: (api: RestGateway) => void) =>
    synthGateway(routes, { definitionStyle, ...props }, build);
  const base = deploymentId(synthIn(BASE))!;

  test('but not when the routes come in another order', () => {
    expect(deploymentId(synthIn([...BASE].reverse()))).toEqual(base);
  });


  test.each<[string, () => Record<string, { Type: string }>]>([
    ['an integration changes', () => synthIn(BASE.map(r => (r.key === 'GET /orders' ? { key: r.key, options: { timeout: Duration.seconds(3) } } : r)))],
    ['an authorization changes', () => synthIn(BASE.map(r => (r.key === 'GET /orders' ? { key: r.key, options: { authorization: Authorization.none() } } : r)))],
    ['a model is added', () => synthIn(BASE.map(r => (r.key === 'POST /orders' ? { key: r.key, options: { requestSchema: { type: apigw.JsonSchemaType.OBJECT } } } : r)))],
    ['required parameters change', () => synthIn(BASE.map(r => (r.key === 'GET /orders' ? { key: r.key, options: { requiredParameters: [RequestValue.queryString('page')] } } : r)))],
    ['CORS is turned on', () => synthIn(BASE, { cors: { allowOrigins: ['https://app.example.com'] } })],
    ['the resource policy changes', () => synthIn(BASE, {
      policy: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: ['execute-api:/*'] })] }),
    })],
    ['binary media types change', () => synthIn(BASE, { binaryMediaTypes: ['image/png'] })],
  ])('%s', (_name, variant) => {
    expect(deploymentId(variant())).not.toEqual(base);
  });

  test('a model schema changes', () => {
    const withSchema = (required: string[]) => deploymentId(synthIn([{ key: 'POST /orders', options: { requestSchema: { type: apigw.JsonSchemaType.OBJECT, required } } }]));
    expect(withSchema(['a'])).not.toEqual(withSchema(['b']));
  });

  test('an authorizer changes', () => {
    const withTtl = (seconds: number) => {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api', { definitionStyle });
      const pool = new cognito.UserPool(stack, 'Pool');
      api.addRoute('GET /a', Integration.mock(), { authorization: Authorization.cognito(pool, { cacheTtl: Duration.seconds(seconds) }) });
      return deploymentId(Template.fromStack(stack).toJSON().Resources);
    };
    expect(withTtl(60)).not.toEqual(withTtl(120));
  });

  test('a gateway response changes', () => {
    const withOrigin = (origin: string) => {
      const stack = testStack();
      const api = new RestGateway(stack, 'Api', { definitionStyle, cors: { allowOrigins: [origin] } });
      api.addRoute('GET /a', Integration.mock(), { authorization: Authorization.none() });
      // Only the gateway responses and preflight carry the origin; compare with a mock-free API.
      return deploymentId(Template.fromStack(stack).toJSON().Resources);
    };
    expect(withOrigin('https://a.example.com')).not.toEqual(withOrigin('https://b.example.com'));
  });

  test('the request validator changes', () => {
    const variant = (validateRequestBody: boolean) => deploymentId(synthIn(BASE, {}, api => {
      (api.requestValidator.node.defaultChild as apigw.CfnRequestValidator).validateRequestBody = validateRequestBody;
    }));
    expect(variant(false)).not.toEqual(variant(true));
  });

  test('but not when nothing changes', () => {
    expect(deploymentId(synthIn(BASE))).toEqual(base);
  });
});

describe('service integration roles', () => {
  function synthServices(withClicks: boolean): Record<string, { Type: string }> {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const orders = new sqs.Queue(stack, 'Orders');
    api.addRoute('POST /orders', Integration.sqs(orders));
    api.addRoute('POST /orders/bulk', Integration.sqs(orders));
    if (withClicks) api.addRoute('POST /clicks', Integration.kinesis(new kinesis.Stream(stack, 'Clicks')));
    return Template.fromStack(stack).toJSON().Resources;
  }

  test('one role per target, its ID derived from the target (locked)', () => {
    const resources = synthServices(true);
    const roles = Object.keys(resources).filter(id => id.startsWith('Api') && ['AWS::IAM::Role', 'AWS::IAM::Policy'].includes(resources[id].Type)).sort();
    expect(roles).toEqual([
      'ApiTestClicks4BEF580FRole4BA37A65',
      'ApiTestClicks4BEF580FRoleDefaultPolicy340D922A',
      'ApiTestOrdersC225794ERoleDefaultPolicy4054E115',
      'ApiTestOrdersC225794ERoleE7B56527',
    ]);
  });

  test('removing the routes of one target removes its role and nothing else', () => {
    const before = synthServices(true);
    const after = synthServices(false);
    const removed = Object.keys(before).filter(id => !(id in after)).map(id => before[id].Type).sort();
    expect(removed).toEqual([
      'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Resource',
      'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::Kinesis::Stream',
    ]);
  });
});
