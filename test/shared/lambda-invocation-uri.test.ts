import { App, Stack } from 'aws-cdk-lib';
import { lambdaInvocationUri } from '../../src/shared/lambda-invocation';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';

/** One URI style for every gateway's Lambda integrations and authorizers: the stack's partition and region. */
describe('lambdaInvocationUri', () => {
  test('a stack in a known region: literal partition and region, as aws-cdk-lib writes REST Lambda integrations', () => {
    const stack = testStack();
    const uri = stack.resolve(lambdaInvocationUri(stack, handler(stack, 'Fn')));
    expect(uri).toEqual({
      'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [expect.stringMatching(/^Fn/), 'Arn'] }, '/invocations']],
    });
  });

  test('an environment-agnostic stack: the partition and region of the deployment', () => {
    const stack = new Stack(new App(), 'Agnostic');
    expect(JSON.stringify(stack.resolve(lambdaInvocationUri(stack, handler(stack, 'Fn'))))).toMatch(/"Ref":"AWS::Partition".*"Ref":"AWS::Region"/);
  });
});
