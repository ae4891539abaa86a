import { App, Stack, aws_ec2 as ec2, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  Authorization, CacheSize, ClientCertificate, Endpoint, HttpGateway, Integration, RequestValue, RestGateway, StepFunctionsAction,
  UnauthorizedInvalidation, Waf, WebSocketGateway,
} from '../../src';
import { testApp, testStack } from '../support/app';
import { loggedWebAcl, regulatedFunction, regulatedKey } from '../support/compliant-fixtures';
import { handler } from '../support/fixtures';
import { acknowledgedOn, findingsUnder, nagFindings } from '../support/nag';
import { queue, stateMachine } from '../support/service-fixtures';

/**
 * Findings of cdk-nag's packs (AWS Solutions, Serverless, NIST 800-53 R5, HIPAA Security,
 * PCI DSS 3.2.1) that are the library's own deliberate choices are acknowledged, with a reason,
 * on the library's constructs; findings about the user's choices stay.
 */

function setup(): { app: App; stack: Stack } {
  const app = testApp();
  return { app, stack: testStack(app) };
}

const rulesOf = (findings: { rule: string }[]) => [...new Set(findings.map(f => f.rule))].sort();

describe('RestGateway', () => {
  test('IAM and Lambda-authorized methods carry no COG4 finding; the acknowledgement names the chosen authorization', () => {
    const { app, stack } = setup();
    const fn = handler(stack, 'Fn');
    const api = new RestGateway(stack, 'Api');
    const iam = api.addRoute('GET /iam', Integration.lambda(fn));
    const token = api.addRoute('GET /token', Integration.lambda(fn), { authorization: Authorization.lambdaToken(handler(stack, 'TokenAuth')) });
    const request = api.addRoute('GET /request', Integration.lambda(fn), {
      authorization: Authorization.lambdaRequest(handler(stack, 'RequestAuth'), { identitySources: [RequestValue.header('X-Tenant')] }),
    });
    const open = api.addRoute('GET /open', Integration.lambda(fn), { authorization: Authorization.none() });

    const cog4 = nagFindings(app, [new AwsSolutionsChecks()]).filter(f => f.rule === 'AwsSolutions-COG4');

    // The user's own choice of no authorization stays a finding.
    expect(cog4.map(f => f.path)).toEqual([`${open.node.path}/Resource`]);
    expect(acknowledgedOn(iam)['AwsSolutions-COG4']).toMatch(/IAM/);
    expect(acknowledgedOn(token)['AwsSolutions-COG4']).toMatch(/Lambda authorizer/);
    expect(acknowledgedOn(request)['AwsSolutions-COG4']).toMatch(/Lambda authorizer/);
    expect(acknowledgedOn(open)['AwsSolutions-COG4']).toBeUndefined();
  });

  test('the account logs role custom resource has no finding in any pack', () => {
    const { app, stack } = setup();
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock());
    expect(findingsUnder(nagFindings(app), stack.node.findChild('GatehouseAccountLogsRole'))).toEqual([]);
  });

  test('the cache invalidation custom resource and aws-cdk-lib\'s SDK-call function have no finding in any pack', () => {
    const { app, stack } = setup();
    const api = new RestGateway(stack, 'Api', { cache: { unauthorizedInvalidation: UnauthorizedInvalidation.FAIL_WITH_403 } });
    api.addRoute('GET /a', Integration.mock());
    const findings = nagFindings(app);
    expect(findingsUnder(findings, api.node.findChild('CacheInvalidationPolicy'))).toEqual([]);
    expect(findingsUnder(findings, stack.node.findChild('AWS679f53fac002430cb0da5b7982bd2287'))).toEqual([]);
  });

  test('the execute-api endpoint\'s security group has no finding in any pack (its CIDR is a reference)', () => {
    const { app, stack } = setup();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const api = new RestGateway(stack, 'Api', { endpoint: Endpoint.privateInVpc({ vpc }) });
    api.addRoute('GET /a', Integration.mock());
    expect(findingsUnder(nagFindings(app), api.node.findChild('ExecuteApiEndpointSecurityGroup'))).toEqual([]);
  });

  test('service integration roles have no finding in any pack', () => {
    const { app, stack } = setup();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('POST /orders', Integration.sqs(queue(stack)));
    const role = api.node.children.find(c => c.node.id.endsWith('Role'))!;
    expect(role).toBeDefined();
    expect(findingsUnder(nagFindings(app), role)).toEqual([]);
  });

  test('a 300-route API with the compliance options on has no finding in any pack', () => {
    const { app, stack } = setup();
    const key = regulatedKey(stack, 'Key');
    const api = new RestGateway(stack, 'Api', {
      accessLogs: { encryptionKey: key },
      clientCertificate: ClientCertificate.generate(),
      waf: Waf.fromWebAclArn(loggedWebAcl(stack, 'Firewall', key).attrArn),
      cache: {},
    });
    const fn = regulatedFunction(stack, 'Handler', key);
    const methods = ['GET', 'POST', 'PUT', 'DELETE'];
    for (let i = 0; i < 300; i++) api.addRoute(`${methods[i % 4]} /resource${Math.floor(i / 4)}/{id}`, Integration.lambda(fn));
    expect(nagFindings(app)).toEqual([]);
  });

  test('an encrypted stage cache is acknowledged for caching GET routes only; an unencrypted one is reported', () => {
    const encrypted = setup();
    new RestGateway(encrypted.stack, 'Api', { cache: { size: CacheSize.GB_0_5 } }).addRoute('GET /a', Integration.mock());
    expect(nagFindings(encrypted.app).filter(f => f.rule.endsWith('-APIGWCacheEnabledAndEncrypted'))).toEqual([]);

    const plain = setup();
    new RestGateway(plain.stack, 'Api', { cache: { encrypted: false } }).addRoute('GET /a', Integration.mock());
    expect(rulesOf(nagFindings(plain.app).filter(f => f.rule.endsWith('-APIGWCacheEnabledAndEncrypted')))).toEqual([
      'HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted',
    ]);
  });
});

describe('HttpGateway', () => {
  test('the StopExecution role\'s wildcard on one state machine\'s executions is acknowledged', () => {
    const { app, stack } = setup();
    const own = stateMachine(stack, 'Fulfil', sfn.StateMachineType.STANDARD);
    const imported = sfn.StateMachine.fromStateMachineArn(stack, 'Imported', 'arn:aws:states:eu-west-1:111111111111:stateMachine:Billing');
    const other = stateMachine(new Stack(app, 'Machines', { env: { account: '111111111111', region: 'eu-west-1' } }), 'Shipping', sfn.StateMachineType.STANDARD);
    const api = new HttpGateway(stack, 'Api');
    for (const [name, machine] of Object.entries({ own, imported, other })) {
      api.addRoute(`DELETE /${name}`, Integration.stepFunctions(machine, { action: StepFunctionsAction.STOP_EXECUTION }));
    }
    // What remains under the gateway is the user's choice: access logs without a KMS key.
    const findings = findingsUnder(nagFindings(app), api).filter(f => !f.path.startsWith(`${api.node.path}/AccessLogs/`));
    expect(findings).toEqual([]);
  });

  test('a wildcard the user grants stays the user\'s finding', () => {
    const { app, stack } = setup();
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.http('https://example.com'));
    const fn = handler(stack, 'Fn');
    api.grantInvoke(fn);
    expect(rulesOf(findingsUnder(nagFindings(app, [new AwsSolutionsChecks()]), fn))).toContainEqual(expect.stringMatching(/^AwsSolutions-IAM5\[Resource::/));
  });
});

describe('WebSocketGateway', () => {
  test('the account logs role and service roles have no finding in any pack', () => {
    const { app, stack } = setup();
    const ws = new WebSocketGateway(stack, 'Chat', { defaultRoute: Integration.sqs(queue(stack)) });
    const findings = nagFindings(app);
    expect(findingsUnder(findings, stack.node.findChild('GatehouseAccountLogsRole'))).toEqual([]);
    expect(findings.filter(f => f.path.startsWith(ws.node.path) && /Role\//.test(f.path))).toEqual([]);
  });
});
