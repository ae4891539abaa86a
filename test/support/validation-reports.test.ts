import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { testStack } from './app';
import { capturedValidationReports, isWarningsOnlyReport } from './validation-reports';
import { HttpGateway } from '../../src';

describe('validation reports in tests', () => {
  test('a warning the test expects is captured instead of printed', () => {
    const stack = testStack();
    new HttpGateway(stack, 'Api', { throttle: { rateLimit: 20_000, burstLimit: 2_000 } });
    Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('quota increase'));
    expect(capturedValidationReports().join('\n')).toMatch(/ThrottleAboveAccountDefault/);
  });

  test('only reports made of warnings are kept back', () => {
    const mark = 'A copy of this report can be found in: report.json';
    expect(isWarningsOnlyReport(`  WARNING throttle … (Annotation)\n${mark}`)).toBe(true);
    expect(isWarningsOnlyReport(`  WARNING a\n  ERROR b\n${mark}`)).toBe(false);
    expect(isWarningsOnlyReport('WARNING not a report')).toBe(false);
  });
});
