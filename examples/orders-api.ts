import {
  App, CfnOutput, Stack, StackProps,
  aws_apigateway as apigw, aws_cognito as cognito, aws_iam as iam, aws_lambda as lambda, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Authorization, Integration, RestGateway } from '../src';

const SHOP_ORIGIN = 'https://shop.example.com';

/** The body of `POST /orders`; API Gateway answers 400 to anything else. */
const NEW_ORDER_SCHEMA: apigw.JsonSchema = {
  schema: apigw.JsonSchemaVersion.DRAFT4,
  type: apigw.JsonSchemaType.OBJECT,
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: apigw.JsonSchemaType.ARRAY,
      minItems: 1,
      items: {
        type: apigw.JsonSchemaType.OBJECT,
        required: ['sku', 'quantity'],
        additionalProperties: false,
        properties: {
          sku: { type: apigw.JsonSchemaType.STRING, minLength: 1 },
          quantity: { type: apigw.JsonSchemaType.INTEGER, minimum: 1 },
        },
      },
    },
    note: { type: apigw.JsonSchemaType.STRING, maxLength: 500 },
  },
};

/**
 * An orders API for a web shop: customers sign in with Cognito to place orders, a
 * back-office service reads them with IAM credentials, and anyone may call the health check.
 */
export class OrdersApiStack extends Stack {
  public readonly api: RestGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Customers of the shop; placing an order needs an access token with orders/write.
    const customers = new cognito.UserPool(this, 'Customers', { selfSignUpEnabled: true });
    const write = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Place orders' });
    const ordersServer = customers.addResourceServer('OrdersResourceServer', { identifier: 'orders', scopes: [write] });
    customers.addClient('ShopWebClient', {
      oAuth: {
        flows: { authorizationCodeGrant: true },
        callbackUrls: [`${SHOP_ORIGIN}/callback`],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(ordersServer, write)],
      },
    });

    // Routes without their own authorization require IAM (the gateway's default).
    this.api = new RestGateway(this, 'OrdersApi', {
      cors: { allowOrigins: [SHOP_ORIGIN] },
      throttle: { rateLimit: 100, burstLimit: 200 },
    });
    this.api.addRoute('GET /orders', Integration.lambda(
      handler(this, 'ListOrders', 'reply(200, { orders: [{ id: "o-1001", status: "shipped" }] })')));
    this.api.addRoute('GET /orders/{id}', Integration.lambda(
      handler(this, 'GetOrder', 'reply(200, { id: event.pathParameters.id, status: "shipped" })')));
    this.api.addRoute('POST /orders', Integration.lambda(
      handler(this, 'CreateOrder', 'reply(201, { id: "o-1002", ...JSON.parse(event.body) })')), {
      authorization: Authorization.cognito(customers, { scopes: ['orders/write'] }),
      requestSchema: NEW_ORDER_SCHEMA,
    });
    // Cancelling is rare and costly downstream: a tight limit of its own.
    this.api.addRoute('DELETE /orders/{id}', Integration.lambda(
      handler(this, 'CancelOrder', 'reply(200, { id: event.pathParameters.id, status: "cancelled" })')), {
      throttle: { rateLimit: 5, burstLimit: 10 },
    });
    this.api.addRoute('GET /health', Integration.mock({ statusCode: 200, body: '{"status":"ok"}' }), {
      authorization: Authorization.none(),
    });

    // The back-office service (on ECS) lists orders with SigV4-signed requests.
    const backOffice = new iam.Role(this, 'BackOfficeRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'Back-office service: reads the order list',
    });
    this.api.grantInvoke(backOffice, 'GET /orders');

    // On-call hears of 5XX, routes close to their timeout or throttle, and sustained 4XX; the
    // dashboard ranks the routes by errors and latency. Cancelling is throttled tightly on
    // purpose: its headroom alarm would only repeat that, so it starts at 95 %.
    const onCall = new sns.Topic(this, 'OnCall', { enforceSSL: true });
    this.api.addMonitoring({ alarmTopic: onCall, throttleHeadroom: { threshold: 95 } });

    new CfnOutput(this, 'OrdersApiUrl', { value: this.api.url });
  }
}

/** Adds the orders API to an app, in the example account and region. */
export function createOrdersApp(app: App): OrdersApiStack {
  return new OrdersApiStack(app, 'OrdersApi', { env: { account: '111111111111', region: 'eu-west-1' } });
}


/**
 * A stub function; `response` is a JavaScript expression over `event`, e.g.
 * `reply(200, { id: event.pathParameters.id })`.
 * Lambda proxy responses carry their own CORS header: the gateway adds it only to the
 * responses API Gateway makes itself.
 */
function handler(scope: Construct, id: string, response: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(`
const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '${SHOP_ORIGIN}', Vary: 'Origin' },
  body: JSON.stringify(body),
});
exports.handler = async (event) => ${response};
`),
  });
}
