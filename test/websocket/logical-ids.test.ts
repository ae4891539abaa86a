import { Template } from 'aws-cdk-lib/assertions';
import { Integration, WebSocketGateway, WebSocketRouteOptions } from '../../src';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { queue } from '../support/service-fixtures';

interface RouteSpec { readonly key: string; readonly options?: WebSocketRouteOptions }

/** A gateway with a Lambda $connect and $disconnect, and the given message routes. */
function synth(routes: RouteSpec[]): Record<string, { Type: string; DependsOn?: string[] }> {
  const stack = testStack();
  const fn = handler(stack, 'Fn');
  const ws = new WebSocketGateway(stack, 'Chat', { connect: Integration.lambda(fn), disconnect: Integration.lambda(fn) });
  for (const { key, options } of routes) ws.addRoute(key, key === 'ingest' ? Integration.sqs(queue(stack)) : Integration.lambda(fn), options);
  return Template.fromStack(stack).toJSON().Resources;
}

/** Changing any of these replaces live resources in users' stacks: never update casually. */
const LOCKED_IDS = [
  'ChatApi86739009',
  'ChatInvokePermissionsTestFn6E84344E157C072A',
  'ChatRoutesconnectIntegration202637FE',
  'ChatRoutesconnectRouteE58BBDA9',
  'ChatRoutesdefaultIntegrationA94B031C',
  'ChatRoutesdefaultRouteD402DE51',
  'ChatRoutesdisconnectIntegration0D79AF1D',
  'ChatRoutesdisconnectRoute8CFBB6C6',
  'ChatRoutesingestClientErrorResponse625F057D',
  'ChatRoutesingestIntegrationB6299F3E',
  'ChatRoutesingestIntegrationResponseD6976BE5',
  'ChatRoutesingestRouteD6065F91',
  'ChatRoutesingestRouteResponse895596F4',
  'ChatRoutesingestServerErrorResponse64A3F4BA',
  'ChatRoutessendMessageIntegration06811098',
  'ChatRoutessendMessageRoute996A43B2',
  'ChatStage8BF11434',
  'ChatTestOrdersC225794ERole1BFD6F13',
  'ChatTestOrdersC225794ERoleDefaultPolicyBF49A0D2',
];

const BASE: RouteSpec[] = [
  { key: 'sendMessage' }, { key: '$default' }, { key: 'ingest', options: { returnResponse: true } },
];

const withoutDependencies = (resources: Record<string, { DependsOn?: string[] }>) =>
  Object.fromEntries(Object.entries(resources).map(([id, { DependsOn: _ignored, ...rest }]) => [id, rest]));

describe('WebSocket logical IDs', () => {
  test('IDs are derived from route keys and targets (locked)', () => {
    const resources = synth(BASE);
    const ids = Object.keys(resources).filter(id => id.startsWith('Chat') && !id.startsWith('ChatAccessLogs')).sort();
    expect(ids).toEqual(LOCKED_IDS);
  });

  test('adding a route adds its own resources and changes no other resource', () => {
    const before = synth(BASE);
    const after = synth([...BASE, { key: 'typing' }]);
    expect(Object.keys(before).filter(id => !(id in after))).toEqual([]);
    expect(Object.keys(after).filter(id => !(id in before)).map(id => after[id].Type).sort())
      .toEqual(['AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Route']);
    // Only the stage's dependencies grow; every resource's properties stay the same.
    const kept = withoutDependencies(after);
    for (const id of Object.keys(before)) expect(kept[id]).toEqual(withoutDependencies(before)[id]);
  });

  test('removing a route removes its own resources only', () => {
    const before = synth(BASE);
    const after = synth(BASE.filter(r => r.key !== 'ingest'));
    const removed = Object.keys(before).filter(id => !(id in after)).map(id => before[id].Type).sort();
    expect(removed).toEqual([
      'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::IntegrationResponse', 'AWS::ApiGatewayV2::IntegrationResponse',
      'AWS::ApiGatewayV2::IntegrationResponse', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::RouteResponse',
      'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::SQS::Queue', 'AWS::SQS::QueuePolicy',
    ]);
  });

  test('the order of routes changes nothing', () => {
    expect(synth([...BASE].reverse())).toEqual(synth(BASE));
  });
});
