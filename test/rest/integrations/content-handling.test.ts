import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, ContentHandling, HttpGateway, Integration, RequestValue, RestGateway, WebSocketGateway } from '../../../src';
import { testStack } from '../../support/app';
import { queue, stream } from '../../support/service-fixtures';

describe('contentHandling on service routes', () => {
  test('REST: binary bodies of the API\'s binary media types reach the same template as base64 text', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { binaryMediaTypes: ['application/octet-stream', 'image/*', 'application/cbor'] });
    api.addRoute('POST /readings', Integration.kinesis(stream(stack), { contentHandling: ContentHandling.CONVERT_TO_TEXT }));
    const method = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method'))[0];
    const integration = method.Properties.Integration;
    expect(integration.ContentHandling).toBe('CONVERT_TO_TEXT');
    // A template is chosen by exact content type: the wildcard type cannot have one.
    expect(Object.keys(integration.RequestTemplates)).toEqual(['application/json', 'application/octet-stream', 'application/cbor']);
    const [json, ...binary] = Object.values(integration.RequestTemplates);
    for (const template of binary) expect(template).toEqual(json);
  });

  test('REST: routes without it keep JSON bodies only', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { binaryMediaTypes: ['application/octet-stream'] });
    api.addRoute('POST /orders', Integration.sqs(queue(stack)));
    const integration = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method'))[0].Properties.Integration;
    expect(integration.ContentHandling).toBeUndefined();
    expect(Object.keys(integration.RequestTemplates)).toEqual(['application/json']);
  });

  test.each([
    ['no binary media types', {}, { contentHandling: ContentHandling.CONVERT_TO_TEXT }, /contentHandling has no effect: the gateway has no binaryMediaTypes without a wildcard.*set the gateway's binaryMediaTypes/],
    ['wildcard media types only', { binaryMediaTypes: ['*/*'] }, { contentHandling: ContentHandling.CONVERT_TO_TEXT }, /has no effect/],
    ['a route reading JSON paths', { binaryMediaTypes: ['application/octet-stream'] },
      { contentHandling: ContentHandling.CONVERT_TO_TEXT, partitionKey: RequestValue.jsonPath('$.device') }, /cannot be used on a route that reads JSON paths of the body/],
  ])('REST refuses %s', (_name, props, options, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', props);
    expect(() => api.addRoute('POST /readings', Integration.kinesis(stream(stack), options))).toThrow(message);
  });

  test('WebSocket: binary frames reach the template as base64 text', () => {
    const stack = testStack();
    const ws = new WebSocketGateway(stack, 'Chat', { authorization: Authorization.none() });
    ws.addRoute('upload', Integration.sqs(queue(stack), { contentHandling: ContentHandling.CONVERT_TO_TEXT }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS', ContentHandlingStrategy: 'CONVERT_TO_TEXT' });
  });

  test('HttpGateway refuses it: its service integrations convert nothing', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('POST /orders', Integration.sqs(queue(stack), { contentHandling: ContentHandling.CONVERT_TO_TEXT })))
      .toThrow(/\[UnsupportedCombination\].*Integration\.sqs contentHandling is not available on an HttpGateway/);
  });
});
