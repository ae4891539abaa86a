import {
  App, Duration, Stack, StackProps, aws_iam as iam, aws_kinesis as kinesis, aws_lambda as lambda, aws_route53 as route53,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  Authorization, CacheSize, Integration, QuotaPeriod, RequestValue, RestGateway, WebSocketGateway,
} from '../src';

/** Inline handler keeps the example self-contained; a real app bundles its own code. */
const REPORTS_SOURCE = `
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ customer: event.pathParameters.customer, devicesOnline: 0 }),
});`;

/**
 * A device fleet. Devices keep a WebSocket open at `wss://devices.example.com`: they sign the
 * connection with temporary credentials from the AWS IoT credentials provider (IAM, the
 * gateway's default) and send their customer's API key, so a usage plan counts each
 * customer's connections. Telemetry messages go straight to Kinesis, in order per connection.
 * A REST API serves fleet reports with the same key: only the summary route opts into the
 * stage cache, keyed on the caller's key; the live route is never cached.
 */
export class DeviceFleetStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
    const telemetry = new kinesis.Stream(this, 'Telemetry', { encryption: kinesis.StreamEncryption.MANAGED });
    // The role an AWS IoT role alias hands out to devices.
    const deviceRole = new iam.Role(this, 'DeviceRole', { assumedBy: new iam.ServicePrincipal('credentials.iot.amazonaws.com') });

    const devices = new WebSocketGateway(this, 'Devices', {
      apiKeyRequired: true,
      domain: { domainName: 'devices.example.com', hostedZone: zone },
      // A rate alone: the burst is twice the rate.
      throttle: { rateLimit: 200 },
      stageDescription: 'Device fleet, production',
      // Which customer's key opened each connection, next to the standard fields.
      accessLogs: { additionalFields: { apiKeyId: RequestValue.context('identity.apiKeyId') } },
      routes: { telemetry: Integration.kinesis(telemetry, { partitionKey: RequestValue.context('connectionId') }) },
    });
    devices.grantConnect(deviceRole);
    const acme = devices.addUsagePlan('Standard', {
      throttle: { rateLimit: 5 },
      quota: { limit: 10_000, period: QuotaPeriod.DAY },
    }).addApiKey('AcmeFactory');

    const reportsFn = new lambda.Function(this, 'FleetReports', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(REPORTS_SOURCE),
      timeout: Duration.seconds(5),
    });
    const reports = new RestGateway(this, 'Reports', {
      cache: { size: CacheSize.GB_0_5, ttl: Duration.minutes(5) },
      stageDescription: 'Fleet reports, production',
    });
    const byKey = { authorization: Authorization.none(), apiKeyRequired: true };
    // Opts into the cache: one cached summary per customer key (the function reads no query string).
    reports.addRoute('GET /fleet/{customer}/summary', Integration.lambda(reportsFn), { ...byKey, cache: { keyParameters: [] } });
    // No cache options: never served from the cache.
    reports.addRoute('GET /fleet/{customer}/live', Integration.lambda(reportsFn), byKey);
    reports.addUsagePlan('Standard', { throttle: { rateLimit: 20 } }).addApiKey(acme);
  }
}

/** Adds the device fleet to an app, in the example account and region. */
export function createDeviceFleetApp(app: App): DeviceFleetStack {
  return new DeviceFleetStack(app, 'DeviceFleet', { env: { account: '111111111111', region: 'eu-west-1' } });
}
