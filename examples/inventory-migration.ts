import { App, Stack, StackProps, aws_dynamodb as dynamodb, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  DynamoDbAction, GatewayResponseType, Integration, RequestValue, ResponseBody, RestGateway, WriteCondition,
} from '../src';

/** The error shape the inventory's existing clients read. */
const LEGACY_ERROR = '{"error":{"code":"$context.error.responseType","requestId":"$context.requestId"}}';

/**
 * An inventory API moved from hand-written API Gateway resources, keeping its clients. Its
 * gateway's own errors keep the old shape; items are created once and updated under
 * optimistic locking, straight from DynamoDB; stock counts up and down with `ADD`; a category
 * is read in pages with a cursor; restock requests go to a queue and answer with SQS's own
 * response, which the old warehouse client parses.
 */
export class InventoryMigrationStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const items = new dynamodb.TableV2(this, 'Items', {
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      globalSecondaryIndexes: [{
        indexName: 'byCategory',
        partitionKey: { name: 'category', type: dynamodb.AttributeType.STRING },
        sortKey: { name: 'name', type: dynamodb.AttributeType.STRING },
      }],
    });
    const restock = new sqs.Queue(this, 'Restock', { enforceSSL: true });

    const api = new RestGateway(this, 'Inventory', {
      gatewayResponses: [
        { type: GatewayResponseType.DEFAULT_4XX, body: LEGACY_ERROR },
        { type: GatewayResponseType.DEFAULT_5XX, body: LEGACY_ERROR },
        { type: GatewayResponseType.THROTTLED, headers: { 'Retry-After': '1' }, body: LEGACY_ERROR },
      ],
    });
    const sku = { sku: RequestValue.pathParameter('sku') };

    // Created once: a second PUT of a SKU is a 409. Clients set only these attributes.
    api.addRoute('PUT /items/{sku}', Integration.dynamoDb(items, DynamoDbAction.PUT_ITEM, {
      key: sku,
      condition: WriteCondition.itemNotExists(),
      attributes: ['name', 'category', 'price', 'stock', 'version'],
      response: { statusCode: 201, body: ResponseBody.text('{"created":true}') },
    }));
    // Updated only from the version the client read (If-Match); a discount is cleared with null.
    api.addRoute('PATCH /items/{sku}', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
      key: sku,
      condition: WriteCondition.numberEquals('version', RequestValue.header('If-Match')),
      attributes: ['name', 'price', 'discount', 'version'],
      removeAttributes: ['discount'],
    }));
    // Stock moves by the amount in the body: {"stock": -2} after a sale.
    api.addRoute('POST /items/{sku}/stock', Integration.dynamoDb(items, DynamoDbAction.UPDATE_ITEM, {
      key: sku,
      condition: WriteCondition.itemExists(),
      attributes: ['stock'],
      addAttributes: ['stock'],
    }));
    api.addRoute('GET /items/{sku}', Integration.dynamoDb(items, DynamoDbAction.GET_ITEM, { key: sku }));
    // A category, 50 items a page; the answer's cursor fetches the next page.
    api.addRoute('GET /categories/{category}/items', Integration.dynamoDb(items, DynamoDbAction.QUERY, {
      key: { category: RequestValue.pathParameter('category') },
      indexName: 'byCategory',
      limit: 50,
      cursor: RequestValue.queryString('cursor'),
    }));
    // The warehouse client parses SQS's own SendMessageResponse. (No answer of its own to SQS's
    // 400: SQS answers throttling and a missing queue with 400 too, which the library tells apart.)
    api.addRoute('POST /restock', Integration.sqs(restock, {
      response: { statusCode: 202, body: ResponseBody.serviceResult() },
    }));
  }
}

/** Adds the inventory API to an app, in the example account and region. */
export function createInventoryMigrationApp(app: App): InventoryMigrationStack {
  return new InventoryMigrationStack(app, 'InventoryMigration', { env: { account: '111111111111', region: 'eu-west-1' } });
}
