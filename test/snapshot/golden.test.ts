import { App, Stack, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { COMPLIANCE_GOLDEN_STACKS } from './compliance-stacks';
import { GOLDEN_STACKS } from './golden-stacks';
import { Authorization, GatehouseChecks, Integration, RestGateway } from '../../src';
import { testApp } from '../support/app';
import { addComplianceChecks, addNagChecks } from '../support/nag';
import { DEFINITION_TYPES, danglingReferences, documentOfResources } from '../support/openapi';
import { templateSummary } from '../support/template-summary';

/** Stacks that set their definition style themselves. */
const STYLE_SET_BY_STACK = new Set(['restAtResourceQuota', 'restWithDynamoDbRoutes']);

/** Stacks too large for a full snapshot: a summary that still fails on any drift. */
const SUMMARIZED = new Set(['threeHundredLambdaRoutes', 'restAtResourceQuota', 'restWithDynamoDbRoutes']);

/**
 * All golden stacks in one file: CDK's CloudFormation validator starts once per process.
 * Each stack synthesizes with the validator's errors failing synthesis and with cdk-nag
 * failing on any unacknowledged finding, and its template is snapshot-tested.
 */
describe.each(Object.entries(GOLDEN_STACKS))('golden stack %s', (name, build) => {
  let app: App;
  let template: Record<string, unknown>;

  beforeAll(() => {
    app = testApp({ strictValidation: true });
    addNagChecks(app);
    const stack = build(app);
    template = app.synth().getStackByName(stack.stackName).template;
  });

  test('passes the strict CloudFormation validator and cdk-nag', () => {
    // Synthesis in beforeAll throws on any validator error or unacknowledged finding.
    expect(template).toBeDefined();
    expect(Object.keys(template.Resources as object).length).toBeGreaterThan(0);
  });

  test('template matches its snapshot', () => {
    expect(SUMMARIZED.has(name) ? templateSummary(template) : template).toMatchSnapshot(name);
  });
});

/**
 * Every golden stack again with its routes folded into an OpenAPI document (the app-wide
 * context setting): the strict validator and cdk-nag pass, no definition resource is left in
 * the template, every reference points at a resource that exists, and the document is the
 * one the resources amount to.
 */
describe.each(Object.entries(GOLDEN_STACKS))('golden stack %s as an OpenAPI definition', (name, build) => {
  let template: { Resources: Record<string, { Type: string; Properties?: any }> };
  let resourcesTemplate: { Resources: Record<string, { Type: string; Properties?: any }> };

  beforeAll(() => {
    const app = testApp({ strictValidation: true });
    app.node.setContext('@cdk-gatehouse:definitionStyle', 'OPENAPI');
    addNagChecks(app);
    const stack = build(app);
    template = app.synth().getStackByName(stack.stackName).template;
    const resourcesApp = testApp();
    resourcesApp.node.setContext('@cdk-gatehouse:definitionStyle', 'RESOURCES');
    const resourcesStack = build(resourcesApp);
    resourcesTemplate = resourcesApp.synth().getStackByName(resourcesStack.stackName).template;
  });

  test('passes the strict CloudFormation validator and cdk-nag, with no definition resources left', () => {
    const types = new Set(Object.values(template.Resources).map(r => r.Type));
    for (const type of DEFINITION_TYPES) expect(types.has(type)).toBe(false);
    expect(danglingReferences(template)).toEqual([]);
  });

  test('each REST API body is the document its resources amount to', () => {
    // A stack that sets the style itself has no resources twin.
    if (STYLE_SET_BY_STACK.has(name)) return;
    const apis = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::RestApi');
    expect(apis.length).toBeGreaterThan(0);
    for (const [id, api] of apis) {
      expect(api.Properties.Body).toEqual(documentOfResources(resourcesTemplate, id));
    }
  });
});

/**
 * The compliance golden stacks, in this file too (one validator start): the NIST 800-53 R5,
 * HIPAA Security and PCI DSS 3.2.1 packs run as well, and the library's route checks
 * (GatehouseChecks); each fails synthesis on any unacknowledged finding.
 */
describe.each(Object.entries(COMPLIANCE_GOLDEN_STACKS))('compliance golden stack %s', (name, build) => {
  let template: Record<string, unknown>;
  let stack: Stack;

  beforeAll(() => {
    const app = testApp({ strictValidation: true });
    addComplianceChecks(app);
    GatehouseChecks.enable(app);
    stack = build(app);
    template = app.synth().getStackByName(stack.stackName).template;
  });

  test('passes the strict CloudFormation validator and the AWS Solutions, Serverless, NIST, HIPAA and PCI DSS packs', () => {
    // Synthesis in beforeAll throws on any validator error or unacknowledged finding.
    expect(Object.keys(template.Resources as object).length).toBeGreaterThan(0);
  });

  test('every route authorized and throttled: the route checks report nothing', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-gatehouse:'))).toEqual([]);
  });

  test('template matches its snapshot', () => {
    expect(template).toMatchSnapshot(name);
  });
});

describe('the checks the golden stacks rely on', () => {
  test('the strict validator fails synthesis on an invalid template', () => {
    const app = testApp({ strictValidation: true });
    const stack = new Stack(app, 'Invalid');
    new logs.CfnLogGroup(stack, 'Bad', { retentionInDays: 4 }); // not a retention CloudWatch offers
    expect(() => app.synth()).toThrow(/4|retention/i);
  });

  test('cdk-nag fails synthesis on an unacknowledged finding', () => {
    const app = testApp();
    addNagChecks(app);
    const stack = new Stack(app, 'Unacknowledged');
    new RestGateway(stack, 'Api').addRoute('GET /open', Integration.mock(), { authorization: Authorization.none() });
    expect(() => app.synth()).toThrow(/AwsSolutions-APIG4/);
  });

  test('the route checks fail the golden stacks\' synthesis on an unacknowledged finding', () => {
    const app = testApp({ strictValidation: true });
    addNagChecks(app);
    GatehouseChecks.enable(app);
    const stack = new Stack(app, 'Unthrottled');
    new RestGateway(stack, 'Api').addRoute('GET /bulk', Integration.mock(), { throttle: { rateLimit: 20_000, burstLimit: 10_000 } });
    expect(() => app.synth()).toThrow(/GET \/bulk of Unthrottled\/Api has its own throttle/);
  });

  test('the compliance packs fail synthesis on an unacknowledged finding', () => {
    const app = testApp();
    addComplianceChecks(app);
    const stack = new Stack(app, 'Unencrypted');
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock());
    expect(() => app.synth()).toThrow(/NIST\.800\.53\.R5-CloudWatchLogGroupEncrypted/);
  });
});
