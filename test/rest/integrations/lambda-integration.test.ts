import { Duration, aws_lambda as lambda } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Endpoint, Integration, RestGateway } from '../../../src';
import { testStack } from '../../support/app';
import { handler } from '../../support/fixtures';

describe('Integration.lambda on RestGateway', () => {
  test('default: an AWS_PROXY POST to the function', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /orders/{id}', Integration.lambda(handler(stack, 'Fn')));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: {
        Type: 'AWS_PROXY',
        IntegrationHttpMethod: 'POST',
        Uri: { 'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fn'), 'Arn'] }, '/invocations']] },
        TimeoutInMillis: Match.absent(),
      },
    });
  });

  test('one permission per function per API, scoped to that API, for 300 routes', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const fn = handler(stack, 'Fn');
    const methods = ['GET', 'POST', 'PUT', 'DELETE'];
    for (let i = 0; i < 300; i++) api.addRoute(`${methods[i % 4]} /r${Math.floor(i / 4)}`, Integration.lambda(fn));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::Method', 300);
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', ['arn:aws:execute-api:eu-west-1:111111111111:', { Ref: Match.stringLikeRegexp('^ApiCD') }, '/*/*/*']] },
    });
  });

  test('two functions get one permission each; two APIs get their own', () => {
    const stack = testStack();
    const a = handler(stack, 'A');
    const b = handler(stack, 'B');
    const one = new RestGateway(stack, 'One');
    one.addRoute('GET /a', Integration.lambda(a));
    one.addRoute('GET /b', Integration.lambda(b));
    one.addRoute('POST /a', Integration.lambda(a));
    new RestGateway(stack, 'Two').addRoute('GET /a', Integration.lambda(a));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 3);
  });

  test('aliases are invoked through their own ARN', () => {
    const stack = testStack();
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: handler(stack, 'Fn').currentVersion });
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(alias));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', { FunctionName: { Ref: Match.stringLikeRegexp('^Live') } });
  });

  test('with timeout', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(5) }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', { Integration: { TimeoutInMillis: 5000 } });
  });

  test('a timeout above 29 s on a regional API warns about the quota', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn'), { timeout: Duration.seconds(60) }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { Integration: { TimeoutInMillis: 60000 } });
    Annotations.fromStack(stack).hasWarning('/Test/Api', Match.stringLikeRegexp('needs a raised "Maximum integration timeout" quota'));
  });

  test.each([
    [Duration.millis(49), /\[InvalidTimeout\] addRoute\('GET \/a'\) integration timeout must be whole milliseconds >= 50, got 49 millis/],
    [Duration.millis(100.5), /must be whole milliseconds >= 50/],
  ])('throws when the timeout is %s', (timeout, message) => {
    const stack = testStack();
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /a', Integration.lambda(handler(stack, 'Fn'), { timeout })))
      .toThrow(message);
  });

  test('throws when an edge API asks for more than 29 s', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { endpoint: Endpoint.edge() });
    expect(() => api.addRoute('GET /a', Integration.lambda(handler(stack, 'Fn')), { timeout: Duration.seconds(30) }))
      .toThrow(/\[InvalidTimeout\] addRoute\('GET \/a'\).timeout must be at most 29 seconds on an edge-optimized API, got 30 seconds; lower it to 29 seconds or use Endpoint.regional\(\)/);
  });
});
