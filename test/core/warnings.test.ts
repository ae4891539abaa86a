import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Integration, RestGateway } from '../../src';
import { testApp, testStack } from '../support/app';

/** A gateway whose StageCacheUnused warning is added at synth (no route is cached). */
function unusedCache(app = testApp()) {
  const stack = testStack(app);
  const api = new RestGateway(stack, 'Api', { cache: {}, routes: { 'POST /orders': Integration.mock() } });
  return { stack, api };
}

const stageCacheUnused = Match.stringLikeRegexp('cdk-gatehouse:StageCacheUnused');

describe('warnings added at synth', () => {
  test('are reported when nothing acknowledges them', () => {
    const { stack } = unusedCache();
    Annotations.fromStack(stack).hasWarning('/Test/Api', stageCacheUnused);
  });

  // aws-cdk-lib 2.269 to 2.275 alone would miss an acknowledgement made on the warning's own construct before the warning.
  test('are acknowledged by an acknowledgement made on their own construct before them, on every supported aws-cdk-lib', () => {
    const { stack, api } = unusedCache();
    Validations.of(api).acknowledge({ id: 'cdk-gatehouse:StageCacheUnused', reason: 'the cache is warmed up before routes move to it' });
    Annotations.fromStack(stack).hasNoWarning('/Test/Api', stageCacheUnused);
  });

  test('are acknowledged by an acknowledgement on their stack', () => {
    const { stack } = unusedCache();
    Validations.of(stack).acknowledge({ id: 'cdk-gatehouse:StageCacheUnused', reason: 'the cache is warmed up before routes move to it' });
    Annotations.fromStack(stack).hasNoWarning('/Test/Api', stageCacheUnused);
  });

  test('another ID acknowledged leaves them', () => {
    const { stack, api } = unusedCache();
    Validations.of(api).acknowledge({ id: 'cdk-gatehouse:ApiKeyRouteWithoutUsagePlan', reason: 'not this one' });
    Annotations.fromStack(stack).hasWarning('/Test/Api', stageCacheUnused);
  });
});
