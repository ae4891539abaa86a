import {
  App, Stack, StackProps, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_lambda as lambda, aws_route53 as route53,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiAccess, Authorization, Endpoint, Integration, RestGateway, Waf } from '../src';

/**
 * The enterprise half: an inventory service behind a network load balancer, reachable only
 * from inside the VPC through a private API, and a public catalog API on a branded domain
 * behind a web application firewall.
 */
export class PrivateAndPublicStack extends Stack {
  public readonly internalApi: RestGateway;
  public readonly catalogApi: RestGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const inventory = new elbv2.NetworkLoadBalancer(this, 'Inventory', { vpc });
    // The port a route sends to must have a listener (a synth error otherwise).
    inventory.addListener('Tcp8080', {
      port: 8080,
      defaultTargetGroups: [new elbv2.NetworkTargetGroup(this, 'InventoryTargets', { vpc, port: 8080, targetType: elbv2.TargetType.IP })],
    });

    // Private: the gateway creates the execute-api endpoint in the VPC; requests from
    // anywhere else are denied by the resource policy.
    this.internalApi = new RestGateway(this, 'InternalApi', {
      endpoint: Endpoint.privateInVpc({ vpc }),
      allowOnly: [ApiAccess.fromVpcs([vpc.vpcId])],
    });
    this.internalApi.addRoute('ANY /inventory/{proxy+}', Integration.privateNlb(inventory, { port: 8080 }));

    // Public: api.example.com/v1 with a managed certificate, TLS 1.2, WAF and a rate limit.
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
    this.catalogApi = new RestGateway(this, 'CatalogApi', {
      domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'v1' },
      waf: Waf.managed({ rateLimitPerFiveMinutes: 2000 }),
    });
    const catalog = new lambda.Function(this, 'Catalog', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ id: e.pathParameters.id }) });'),
    });
    this.catalogApi.addRoute('GET /products/{id}', Integration.lambda(catalog), { authorization: Authorization.none() });
  }
}

/** Adds the private and public APIs to an app, in the example account and region. */
export function createPrivateAndPublicApp(app: App): PrivateAndPublicStack {
  return new PrivateAndPublicStack(app, 'PrivateAndPublic', { env: { account: '111111111111', region: 'eu-west-1' } });
}
