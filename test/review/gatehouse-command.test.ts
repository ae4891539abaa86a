import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Authorization, HttpGateway, Integration, RestGateway, RouteManifest } from '../../src';
import { runGatehouse } from '../../src/cli/gatehouse';
import { testApp, testStack } from '../support/app';

/** Synthesizes an app into a directory of its own and returns that cloud assembly's path. */
function assembly(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-'));
  const app = new App({ outdir, context: { 'aws:cdk:disable-creation-stack-traces': true } });
  build(app);
  app.synth();
  return outdir;
}

function ordersApp(authorization: Authorization) {
  return (app: App) => {
    const stack = new Stack(app, 'Orders', { env: { account: '111111111111', region: 'eu-west-1' } });
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /orders/{id}', Integration.mock(), { authorization });
    api.addRoute('POST /orders', Integration.mock());
  };
}

describe('the route manifest in the cloud assembly', () => {
  test('each stack with a gateway gets <artifact id>.gatehouse.json next to its template', () => {
    const dir = assembly(ordersApp(Authorization.iam()));
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'Orders.gatehouse.json'), 'utf8'));
    expect(written.version).toBe(1);
    expect(written.gateways.map((g: { path: string }) => g.path)).toEqual(['Api']);
    expect(RouteManifest.fromAssembly(dir).gateways).toEqual(written.gateways);
  });

  test('stacks inside stages are read from their nested assemblies', () => {
    const dir = assembly(app => {
      for (const name of ['Beta', 'Prod']) {
        const stack = new Stack(new Stage(app, name), 'Shop', { env: { account: '111111111111', region: 'eu-west-1' } });
        new HttpGateway(stack, 'Api').addRoute('GET /items', Integration.http('https://items.example.com/'));
      }
    });
    expect(RouteManifest.fromAssembly(dir).gateways.map(g => `${g.stack}/${g.path}`)).toEqual(['Beta-Shop/Api', 'Prod-Shop/Api']);
  });

  test('a stack without gateways writes no manifest', () => {
    const dir = assembly(app => new Stack(app, 'Empty'));
    expect(fs.readdirSync(dir).filter(f => f.endsWith('.gatehouse.json'))).toEqual([]);
  });

  test('the manifest holds no API key values', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.mock(), { apiKeyRequired: true });
    api.addUsagePlan('Gold').addApiKey('Acme');
    const json = RouteManifest.fromStacks([stack]).toJson();
    expect(json).toContain('"Acme"');
    expect(json).not.toMatch(/GenerateSecretString|SecretString|resolve:secretsmanager/);
  });
});

describe('gatehouse routes', () => {
  test('prints each gateway as a Markdown table', () => {
    const result = runGatehouse(['routes', assembly(ordersApp(Authorization.none()))]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('### Orders/Api');
    expect(result.stdout).toContain('| GET /orders/{id} | NONE | no | — | — | mock | — |');
  });

  test('--json prints the manifest', () => {
    const result = runGatehouse(['routes', assembly(ordersApp(Authorization.iam())), '--json']);
    expect(JSON.parse(result.stdout).gateways[0].routes.map((r: { routeKey: string }) => r.routeKey)).toEqual(['GET /orders/{id}', 'POST /orders']);
  });

  test('a directory that is not a cloud assembly is a clear error', () => {
    const result = runGatehouse(['routes', fs.mkdtempSync(path.join(os.tmpdir(), 'not-an-assembly-'))]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/\[NotACloudAssembly\] .* is not a cloud assembly \(it has no manifest\.json\)/);
  });

  test('an assembly without gateways is a clear error', () => {
    const result = runGatehouse(['routes', assembly(app => new Stack(app, 'Empty'))]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/\[NoGateways\] .* holds no cdk-gatehouse gateway/);
  });

  test('bad usage prints the usage', () => {
    for (const args of [[], ['routes', 'a', 'b'], ['diff', 'a'], ['routes', '--colour'], ['frobnicate']]) {
      const result = runGatehouse(args);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('Usage:');
    }
    expect(runGatehouse(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('gatehouse diff OLD NEW') });
  });
});

describe('gatehouse diff', () => {
  test('a risky change fails the command and is listed first', () => {
    const result = runGatehouse(['diff', assembly(ordersApp(Authorization.iam())), assembly(ordersApp(Authorization.none()))]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('**1 risky**, 0 notable, 0 neutral');
    expect(result.stdout).toContain('- `Orders/Api` `GET /orders/{id}` — authorization: IAM → NONE (route opened)');
    expect(result.stderr).toContain('--allow-risky');
  });

  test('--allow-risky reports the same and succeeds', () => {
    const result = runGatehouse(['diff', assembly(ordersApp(Authorization.iam())), assembly(ordersApp(Authorization.none())), '--allow-risky']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('(route opened)');
  });

  test('no change: succeeds and says so; --json gives the list', () => {
    const before = assembly(ordersApp(Authorization.iam()));
    expect(runGatehouse(['diff', before, assembly(ordersApp(Authorization.iam()))])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('No API-level changes.') });
    expect(JSON.parse(runGatehouse(['diff', before, before, '--json']).stdout)).toEqual([]);
  });

  test('a gateway new in the pull request is notable', () => {
    const result = runGatehouse(['diff', assembly(app => new Stack(app, 'Orders')), assembly(ordersApp(Authorization.iam()))]);
    expect(result).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('`Orders/Api` — gateway: added (REST, 2 routes)') });
  });

  test('a manifest of another format version is refused', () => {
    const dir = assembly(ordersApp(Authorization.iam()));
    fs.writeFileSync(path.join(dir, 'Orders.gatehouse.json'), JSON.stringify({ version: 99, gateways: [] }));
    expect(runGatehouse(['diff', dir, dir]).stderr).toMatch(/\[UnsupportedManifest\] .* is route manifest version 99/);
  });
});

test('testApp stacks work with fromStacks', () => {
  const stack = testStack(testApp());
  new RestGateway(stack, 'Api').addRoute('GET /a', Integration.mock());
  expect(RouteManifest.fromStacks([stack]).gateways[0]).toMatchObject({ stack: 'Test', path: 'Api', type: 'REST' });
});

describe('README, Reviewing changes', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Reviewing changes'), readme.indexOf('## Escape hatches'));

  test("the orders API's route table is what the command prints for examples/orders-api.ts", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OrdersApiStack } = require('../../examples/orders-api');
    const stack = new OrdersApiStack(testApp(), 'OrdersApi', { env: { account: '111111111111', region: 'eu-west-1' } });
    const printed = RouteManifest.fromStacks([stack]).routesToMarkdown();
    const table = section.split('\n').filter(line => line.startsWith('|'));
    expect(table.length).toBeGreaterThan(2);
    for (const line of table) expect(printed).toContain(line);
  });
});
