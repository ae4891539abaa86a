import {
  App, CfnOutput, Duration, Stack, StackProps,
  aws_cognito as cognito, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_iam as iam,
  aws_kinesis as kinesis, aws_lambda as lambda, aws_route53 as route53, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Authorization, HttpGateway, Integration, RequestValue } from '../src';

/**
 * A shop's public HTTP API at api.shop.example.com: browsers call it with tokens from the
 * shop's user pool, the warehouse's services sign their requests with IAM, most writes go
 * straight to a queue, a stream, a workflow or a bus without a function in between, and stock
 * lookups go to the inventory service behind an internal load balancer in the shop's VPC.
 */
export class ShopHttpApiStack extends Stack {
  public readonly api: HttpGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const users = new cognito.UserPool(this, 'Customers', { selfSignUpEnabled: true, signInAliases: { email: true } });
    const web = users.addClient('Web');
    const orders = new lambda.Function(this, 'OrdersFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ route: event.routeKey }) });'),
      timeout: Duration.seconds(10),
    });
    const queue = new sqs.Queue(this, 'OrderQueue', { enforceSSL: true });
    const clicks = new kinesis.Stream(this, 'Clicks', { streamMode: kinesis.StreamMode.ON_DEMAND });
    const checkout = new sfn.StateMachine(this, 'Checkout', {
      stateMachineType: sfn.StateMachineType.EXPRESS,
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(this, 'PriceCart')),
      timeout: Duration.seconds(20),
    });
    const bus = new events.EventBus(this, 'ShopEvents');
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'ShopZone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'shop.example.com' });

    // The inventory service (a stand-in answers here) behind an internal ALB, open to the VPC only.
    const vpc = new ec2.Vpc(this, 'ShopVpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'services', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const inventory = new elbv2.ApplicationLoadBalancer(this, 'Inventory', { vpc, internetFacing: false });
    const inventoryHttp = inventory.addListener('Http', {
      port: 80,
      open: false,
      defaultAction: elbv2.ListenerAction.fixedResponse(200, { contentType: 'application/json', messageBody: '{"inStock":true}' }),
    });
    inventoryHttp.connections.allowDefaultPortFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), 'the API\'s VPC link');

    this.api = new HttpGateway(this, 'ShopApi', {
      defaultAuthorization: Authorization.cognito(users, { userPoolClients: [web] }),
      throttle: { rateLimit: 500, burstLimit: 1000 },
      cors: { allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAge: Duration.minutes(10) },
      domain: { domainName: 'api.shop.example.com', hostedZone: zone },
    });
    this.api.addRoute('GET /orders/{id}', Integration.lambda(orders), { throttle: { rateLimit: 50, burstLimit: 100 } });
    this.api.addRoute('GET /orders', Integration.lambda(orders), { authorization: Authorization.cognito(users, { scopes: ['orders/read'], userPoolClients: [web] }) });
    this.api.addRoute('POST /orders', Integration.sqs(queue));
    this.api.addRoute('POST /clicks', Integration.kinesis(clicks, { partitionKey: RequestValue.context('authorizer.jwt.claims.sub') }));
    this.api.addRoute('POST /checkout', Integration.stepFunctions(checkout, { sync: true }));
    this.api.addRoute('POST /events', Integration.eventBridge(bus, { source: 'shop.web', detailType: 'CustomerEvent' }), {
      authorization: Authorization.iam(),
    });
    this.api.addRoute('GET /stock/{sku}', Integration.privateAlb(inventoryHttp, { timeout: Duration.seconds(5) }));
    this.api.addRoute('GET /health', Integration.http('https://status.example.com/health'), { authorization: Authorization.none() });

    const warehouse = new iam.Role(this, 'WarehouseRole', { assumedBy: new iam.AccountRootPrincipal() });
    this.api.grantInvoke(warehouse, 'POST /events');

    new CfnOutput(this, 'Url', { value: this.api.url });
  }
}

/** Adds the shop's HTTP API to an app, in the example account and region. */
export function createHttpApp(app: App): ShopHttpApiStack {
  return new ShopHttpApiStack(app, 'ShopHttpApi', { env: { account: '111111111111', region: 'eu-west-1' } });
}
