import { aws_apigateway as apigw, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { DynamoDbAction } from './dynamodb-action';
import { DynamoDbIntegrationOptions } from './dynamodb-integration';
import { KeySchemaLookup, KeyType } from './dynamodb-key-schema';
import { Problem, throwIfProblems } from '../private/errors';
import {
  attributesResponse, deleteItemRequest, getItemRequest, getItemResponse, putItemRequest, queryRequest,
  queryResponse, TemplateKeyPart, updateItemRequest,
} from '../private/vtl/dynamodb-templates';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket/websocket-binding';
import { hasMessageBody } from '../websocket/websocket-route-key';
import { webSocketServiceIntegration } from '../websocket/websocket-service-integration';
import { webSocketRouteValues } from '../websocket/websocket-template-values';

const READS = new Set<DynamoDbAction>([DynamoDbAction.GET_ITEM, DynamoDbAction.QUERY]);

/**
 * DynamoDB from a WebSocket route with the same templates as on REST: typically the
 * connection table (`PUT_ITEM` on `$connect`, `DELETE_ITEM` on `$disconnect`, keyed by
 * `RequestValue.context('connectionId')`), or items read and written from messages.
 * `lookup` is the table's key schema and `optionProblems` the checks of the options that do
 * not depend on the gateway.
 */
export function webSocketDynamoDb(
  ctx: WebSocketRouteContext, table: dynamodb.ITable, action: DynamoDbAction, o: DynamoDbIntegrationOptions,
  lookup: KeySchemaLookup, optionProblems: Problem[],
): WebSocketIntegrationBinding {
  const prop = `${ctx.prop} Integration.dynamoDb`;
  const values = webSocketRouteValues(ctx.route);
  const typeOf = (name: string): KeyType => {
    if (lookup.kind !== 'known') return 'S';
    const { partitionKey, sortKey } = lookup.schema;
    return [partitionKey, sortKey].find(a => a?.name === name)?.type ?? 'S';
  };
  const key: TemplateKeyPart[] = Object.entries(o.key ?? {}).map(([name, value]) => ({
    name, type: typeOf(name), value: values.use(value, `${prop} key['${name}']`, true),
  }));
  const condition = o.sortKeyCondition;
  const sortCondition = condition && {
    name: condition._attribute,
    type: typeOf(condition._attribute),
    expression: condition._expression,
    values: condition._values.map((v, i) => values.use(v, `${prop} sortKeyCondition value ${i + 1}`, true)),
  };
  const writesBody = action === DynamoDbAction.PUT_ITEM || action === DynamoDbAction.UPDATE_ITEM;
  const problems = [...optionProblems];
  if (action === DynamoDbAction.UPDATE_ITEM && !hasMessageBody(ctx.route)) {
    problems.push({
      code: 'UnsupportedCombination',
      prop: `${prop} action`,
      rule: `UPDATE_ITEM sets the message's attributes, and ${ctx.route.key} has no message`,
      value: action,
      fix: 'use PUT_ITEM to store the key (e.g. the connection id), or move the route to a message route',
    });
  }
  throwIfProblems(ctx.scope, [...problems, ...values.problems]);

  const tableName = table.tableName;
  const role = ctx.serviceRole(table, 'Lets API Gateway read and write items of this table');
  role.allow([`dynamodb:${action}`], o.indexName ? `${table.tableArn}/index/${o.indexName}` : table.tableArn);
  if (table.encryptionKey) {
    role.allow(READS.has(action) ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], table.encryptionKey.keyArn);
  }
  const templates: Record<DynamoDbAction, () => [string, string]> = {
    [DynamoDbAction.PUT_ITEM]: () => [putItemRequest(tableName, key), attributesResponse()],
    [DynamoDbAction.GET_ITEM]: () => [getItemRequest(tableName, key), getItemResponse('inBody')],
    [DynamoDbAction.QUERY]: () => [queryRequest(tableName, key[0], { ...o, sortCondition }), queryResponse()],
    [DynamoDbAction.UPDATE_ITEM]: () => [updateItemRequest(tableName, key), attributesResponse()],
    [DynamoDbAction.DELETE_ITEM]: () => [deleteItemRequest(tableName, key), attributesResponse()],
  };
  const [requestTemplate, responseTemplate] = templates[action]();
  return webSocketServiceIntegration(ctx, {
    service: 'dynamodb',
    action,
    role,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${action}` },
    requestTemplate,
    responseTemplate,
    // The message's attributes become the item: API Gateway refuses anything but an object.
    requestSchema: writesBody && hasMessageBody(ctx.route)
      ? { type: apigw.JsonSchemaType.OBJECT, minProperties: action === DynamoDbAction.UPDATE_ITEM ? 1 : 0 }
      : values.requestSchema(),
    timeout: o.timeout,
  });
}
