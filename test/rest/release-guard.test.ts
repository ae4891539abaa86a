import { Match, Template } from 'aws-cdk-lib/assertions';
import { CanaryOptions, Integration, RestGateway, RestGatewayProps } from '../../src';
import { GUARD_HANDLER_SOURCE } from '../../src/rest/release-guard';
import { testStack } from '../support/app';
import { runInlineHandler, sdkError } from '../support/inline-handler';

/** A fake REST API stage as API Gateway's GetStage returns it; undefined: no such stage yet. */
interface FakeStage { deploymentId: string; canarySettings?: { deploymentId: string; percentTraffic: number } }

const PROPS = { RestApiId: 'a1b2c3', StageName: 'prod', StableDeploymentId: 'd-stable', StableVersion: '0123456789abcdef0123456789abcdef', Prop: 'canary.stableVersion' };

async function invoke(stage: FakeStage | undefined | Error, requestType: 'Create' | 'Update' | 'Delete' = 'Create') {
  const calls: unknown[] = [];
  const response = await runInlineHandler(GUARD_HANDLER_SOURCE, {
    '@aws-sdk/client-api-gateway': {
      APIGatewayClient: class {
        async send(cmd: { input: unknown }) {
          calls.push(cmd.input);
          if (stage instanceof Error) throw stage;
          if (!stage) throw sdkError('NotFoundException', 'Invalid stage identifier specified');
          return stage;
        }
      },
      GetStageCommand: class { constructor(public input: unknown) {} },
    },
  }, { RequestType: requestType, ResourceProperties: PROPS });
  return { response, calls };
}

describe('release guard handler', () => {
  test('starting a canary: the stable deployment is the one the stage serves', async () => {
    const { response, calls } = await invoke({ deploymentId: 'd-stable' });
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'a1b2c3/prod' });
    expect(calls).toEqual([{ restApiId: 'a1b2c3', stageName: 'prod' }]);
  });

  test('rolling back (pinnedVersion) or changing again under the canary: the stage serves it with a canary', async () => {
    expect((await invoke({ deploymentId: 'd-stable', canarySettings: { deploymentId: 'd-new', percentTraffic: 10 } }, 'Update')).response.Status).toBe('SUCCESS');
  });

  test('promoting and starting the next canary at once: the stable one is the current canary', async () => {
    expect((await invoke({ deploymentId: 'd-old', canarySettings: { deploymentId: 'd-stable', percentTraffic: 10 } }, 'Update')).response.Status).toBe('SUCCESS');
  });

  test('fails the deploy for a stable version the stage does not serve (CloudFormation just made it from the current code)', async () => {
    const { response } = await invoke({ deploymentId: 'd-current' }, 'Update');
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^\[InvalidCanary\] canary\.stableVersion 0123456789abcdef0123456789abcdef is not a version stage prod serves \(it serves deployment d-current\)/);
    expect(response.Reason).toMatch(/DeploymentVersion output/);
  });

  test('fails the first deploy of a stage with a canary: it serves no version yet', async () => {
    const { response } = await invoke(undefined);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/\[InvalidCanary\] stage prod does not exist yet.*deploy once without canary/);
  });

  test('reports other errors to CloudFormation instead of hanging', async () => {
    const { response } = await invoke(sdkError('AccessDeniedException'));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'AccessDeniedException' });
  });

  test('delete checks nothing', async () => {
    const { response, calls } = await invoke({ deploymentId: 'd-other' }, 'Delete');
    expect(response.Status).toBe('SUCCESS');
    expect(calls).toEqual([]);
  });
});

describe('release guard in the template', () => {
  const STABLE = '0123456789abcdef0123456789abcdef';
  const STABLE_ID = `ApiDeploymentB17BE62D${STABLE}`;

  function synth(props: RestGatewayProps) {
    const stack = testStack();
    new RestGateway(stack, 'Api', props).addRoute('GET /a', Integration.mock());
    return Template.fromStack(stack);
  }

  test.each<[string, RestGatewayProps, string]>([
    ['a canary', { canary: { stableVersion: STABLE, trafficPercent: 10 } }, 'canary.stableVersion'],
    ['a pinned version', { pinnedVersion: STABLE }, 'pinnedVersion'],
  ])('%s: a guard on the stable deployment runs before the stage changes', (_what, props, prop) => {
    const t = synth(props);
    const guards = t.findResources('Custom::GatehouseReleaseGuard');
    expect(Object.keys(guards)).toEqual([expect.stringMatching(/^ApiReleaseGuard/)]);
    const [guardId, guard] = Object.entries(guards)[0];
    expect(guard.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^GatehouseReleaseGuardHandler/), 'Arn'] },
      RestApiId: { Ref: expect.stringMatching(/^Api/) },
      StageName: 'prod',
      StableDeploymentId: { Ref: STABLE_ID },
      StableVersion: STABLE,
      Prop: prop,
    });
    const stage = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0];
    expect(stage.DependsOn).toEqual(expect.arrayContaining([guardId]));
  });

  test('without canary or pinned version there is no guard', () => {
    synth({}).resourceCountIs('Custom::GatehouseReleaseGuard', 0);
  });

  test('least privilege: one function per stack, reading only the guarded stages', () => {
    const stack = testStack();
    new RestGateway(stack, 'A', { canary: { stableVersion: STABLE, trafficPercent: 10 } }).addRoute('GET /a', Integration.mock());
    new RestGateway(stack, 'B', { pinnedVersion: STABLE, stageName: 'live' }).addRoute('GET /b', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourcePropertiesCountIs('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('canary stable version') }, 1);
    t.resourceCountIs('Custom::GatehouseReleaseGuard', 2);
    const policies = Object.values(t.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^GatehouseReleaseGuardHandlerServiceRole') }] },
    }));
    expect(policies).toHaveLength(1);
    const stageArn = (api: string, stage: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:eu-west-1::/restapis/', { Ref: expect.stringMatching(new RegExp(`^${api}`)) }, `/stages/${stage}`]],
    });
    // aws-cdk-lib merges the statements into one: one action, the two stages, nothing else.
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      { Action: 'apigateway:GET', Effect: 'Allow', Resource: [stageArn('A', 'prod'), stageArn('B', 'live')] },
    ]);
  });
});

describe('canary props from JavaScript', () => {
  test.each<[string, unknown, RegExp]>([
    ['no stableVersion', { trafficPercent: 10 },
      /\[InvalidType\] canary\.stableVersion is required \(a string\), got undefined; set it, e.g. the DeploymentVersion output of the deploy the stage serves now/],
    ['no trafficPercent', { stableVersion: '0123456789abcdef0123456789abcdef' },
      /\[InvalidType\] canary\.trafficPercent is required \(a number\), got undefined/],
    ['a percent as text', { stableVersion: '0123456789abcdef0123456789abcdef', trafficPercent: '10' },
      /\[InvalidType\] canary\.trafficPercent must be a number, got "10"/],
  ])('refuses a canary with %s (it would be dropped, or fail at deploy)', (_what, canary, message) => {
    expect(() => new RestGateway(testStack(), 'Api', { canary: canary as CanaryOptions })).toThrow(message);
  });
});
