import { Stack, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway, UrlOutputOptions, WebSocketGateway } from '../../src';
import { testStack } from '../support/app';

type Build = (stack: Stack, urlOutput?: UrlOutputOptions) => void;

const GATEWAYS: Array<[string, Build]> = [
  ['RestGateway', (stack, urlOutput) => new RestGateway(stack, 'Orders', { urlOutput }).addRoute('GET /a', Integration.mock())],
  ['HttpGateway', (stack, urlOutput) => new HttpGateway(stack, 'Orders', { urlOutput })],
  ['WebSocketGateway', (stack, urlOutput) => new WebSocketGateway(stack, 'Orders', { urlOutput })],
];

function outputs(stack: Stack): Record<string, { Value: unknown; Export?: { Name: string } }> {
  return Template.fromStack(stack).toJSON().Outputs ?? {};
}

/** The output IDs of gateway URLs (REST also outputs its DeploymentVersion, WebSocket its callback URL). */
function urlOutputIds(stack: Stack): string[] {
  return Object.keys(outputs(stack)).filter(id => /Url/.test(id) && !/Callback/.test(id)).sort();
}

describe.each(GATEWAYS)('%s URL output', (_name, build) => {
  test('the URL is a stack output by default, named after the construct path', () => {
    const stack = testStack();
    build(stack);
    expect(urlOutputIds(stack)).toEqual([expect.stringMatching(/^OrdersUrl[0-9A-F]{8}$/)]);
  });

  test('name fixes the output name; exportName exports it', () => {
    const stack = testStack();
    build(stack, { name: 'OrdersApiUrl', exportName: 'orders-prod:api-url' });
    expect(urlOutputIds(stack)).toEqual(['OrdersApiUrl']);
    expect(outputs(stack).OrdersApiUrl.Export).toEqual({ Name: 'orders-prod:api-url' });
  });

  test('enabled: false leaves the output out', () => {
    const stack = testStack();
    build(stack, { enabled: false });
    expect(urlOutputIds(stack)).toEqual([]);
  });

  test.each([
    [{ name: 'orders-url' }, /\[InvalidOutput\] urlOutput\.name must be 1 to 255 letters and digits.*got "orders-url"/],
    [{ name: '' }, /\[InvalidOutput\] urlOutput\.name/],
    [{ exportName: 'orders url' }, /\[InvalidOutput\] urlOutput\.exportName must be 1 to 255 letters, digits, colons and hyphens/],
    [{ enabled: false, name: 'OrdersUrl' }, /\[InvalidOutput\] urlOutput\.enabled is false, so name and exportName would be ignored/],
  ])('throws on %j', (urlOutput, message) => {
    expect(() => build(testStack(), urlOutput)).toThrow(message);
  });
});

describe('URL output values', () => {
  test('REST: the stage URL ending in /', () => {
    const stack = testStack();
    new RestGateway(stack, 'Orders', { urlOutput: { name: 'OrdersUrl' } }).addRoute('GET /a', Integration.mock());
    expect(outputs(stack).OrdersUrl.Value).toEqual({
      'Fn::Join': ['', ['https://', { Ref: expect.stringMatching(/^OrdersApi/) }, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: expect.stringMatching(/^OrdersStage/) }, '/']],
    });
  });

  test('REST with a custom domain: the domain URL', () => {
    const stack = testStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
    new RestGateway(stack, 'Orders', { urlOutput: { name: 'OrdersUrl' }, domain: { domainName: 'api.example.com', certificate } })
      .addRoute('GET /a', Integration.mock());
    expect(outputs(stack).OrdersUrl.Value).toBe('https://api.example.com/');
  });

  test('HTTP: the $default stage URL', () => {
    const stack = testStack();
    new HttpGateway(stack, 'Orders', { urlOutput: { name: 'OrdersUrl' } });
    expect(JSON.stringify(outputs(stack).OrdersUrl.Value)).toMatch(/https:\/\/.*execute-api/);
  });

  test('WebSocket: the wss URL and the callback URL, each named or turned off on its own', () => {
    const stack = testStack();
    new WebSocketGateway(stack, 'Chat', { urlOutput: { name: 'ChatUrl' }, callbackUrlOutput: { name: 'ChatCallbackUrl' } });
    expect(JSON.stringify(outputs(stack).ChatUrl.Value)).toMatch(/"wss:\/\/"/);
    expect(JSON.stringify(outputs(stack).ChatCallbackUrl.Value)).toMatch(/"https:\/\/"/);

    const quiet = testStack();
    new WebSocketGateway(quiet, 'Chat', { callbackUrlOutput: { enabled: false } });
    expect(Object.keys(outputs(quiet))).toEqual([expect.stringMatching(/^ChatUrl[0-9A-F]{8}$/)]);
  });

  test('two gateways given the same output name fail at synth', () => {
    const stack = testStack();
    new HttpGateway(stack, 'A', { urlOutput: { name: 'ApiUrl' } });
    new HttpGateway(stack, 'B', { urlOutput: { name: 'ApiUrl' } });
    expect(() => Template.fromStack(stack)).toThrow(/ApiUrl/);
  });
});
