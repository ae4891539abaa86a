import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

interface StageProps {
  readonly stageName?: string;
  readonly stageVariables?: { [name: string]: string };
}

type Build = (stack: Stack, props: StageProps) => void;

const GATEWAYS: Array<[string, Build, string]> = [
  ['RestGateway', (stack, props) => new RestGateway(stack, 'Api', props).addRoute('GET /a', Integration.mock()), 'AWS::ApiGateway::Stage'],
  ['HttpGateway', (stack, props) => new HttpGateway(stack, 'Api', props), 'AWS::ApiGatewayV2::Stage'],
  ['WebSocketGateway', (stack, props) => new WebSocketGateway(stack, 'Api', props), 'AWS::ApiGatewayV2::Stage'],
];

function stageOf(stack: Stack, type: string): Record<string, any> {
  return Object.values(Template.fromStack(stack).findResources(type))[0].Properties;
}

/** API Gateway's rules: stage names 1-128 letters, digits, - and _; variable values [A-Za-z0-9-._~:/?#&=,], 1-512. */
describe.each(GATEWAYS)('%s stage', (_name, build, type) => {
  test.each(['prod-1', 'v2_beta', 'a'.repeat(128)])('accepts the stage name %s', stageName => {
    const stack = testStack();
    build(stack, { stageName });
    expect(stageOf(stack, type).StageName).toBe(stageName);
  });

  test.each(['my stage', 'prod.1', 'a'.repeat(129), ''])('refuses the stage name %j', stageName => {
    expect(() => build(testStack(), { stageName })).toThrow(/\[InvalidStage\] stageName must be .*1-128 letters, digits, - or _/);
  });

  test('accepts every character API Gateway allows in a stage variable value, up to 512', () => {
    const stack = testStack();
    const stageVariables = { url: 'https://backend.example.com:8443/v1/items?a=1&b=2#top', list: 'a,b,c', tilde: '~x_y-z.', long: 'x'.repeat(512) };
    build(stack, { stageVariables });
    const stage = stageOf(stack, type);
    expect(stage.Variables ?? stage.StageVariables).toEqual(stageVariables);
  });

  test.each([
    ['a space', 'has space'],
    ['a quote', 'say "hi"'],
    ['a semicolon', 'a;b'],
    ['non-ASCII', 'caf\u00e9'],
    ['nothing', ''],
    ['513 characters', 'x'.repeat(513)],
  ])('refuses a stage variable value with %s', (_what, value) => {
    expect(() => build(testStack(), { stageVariables: { flag: value } }))
      .toThrow(/\[InvalidStage\] stageVariables\['flag'\] must be 1-512 letters, digits or - \. _ ~ : \/ \? # & = ,, got/);
  });

  test('refuses more than 100 stage variables', () => {
    const stageVariables = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 'x']));
    expect(() => build(testStack(), { stageVariables })).toThrow(/\[InvalidStage\] stageVariables must hold at most 100 variables, got 101/);
  });

  test('a stage variable name is still checked', () => {
    expect(() => build(testStack(), { stageVariables: { 'bad-name': 'x' } })).toThrow(/\[InvalidStage\] stageVariables names must be 1-64 letters, digits or _, got "bad-name"/);
  });
});

describe('RestGateway canary', () => {
  const STABLE = '0123456789abcdef0123456789abcdef';

  test('refuses stage variable overrides API Gateway refuses', () => {
    expect(() => new RestGateway(testStack(), 'Api', {
      canary: { stableVersion: STABLE, trafficPercent: 10, stageVariableOverrides: { 'flag': 'on off', 'bad-name': 'x' } },
    })).toThrow(/\[InvalidStage\] canary\.stageVariableOverrides\['flag'\] must be 1-512[\s\S]*\[InvalidStage\] canary\.stageVariableOverrides names must be 1-64/);
  });
});
