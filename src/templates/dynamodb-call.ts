import { aws_apigateway as apigw, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import {
  attributesResponse, deleteItemRequest, getItemRequest, getItemResponse, putItemRequest, queryRequest,
  queryResponse, TemplateKeyPart, updateItemRequest, WriteTemplateOptions,
} from './dynamodb';
import { REFUSED } from './json-value-checks';
import { TemplateValue } from './request-value-vtl';
import { RouteValues } from './route-values';
import { ServiceCall, ServiceCallSite } from './service-call';
import { ErrorStatusStyle } from './service-errors';
import { PLACES } from './template-places';
import { Problem, throwIfProblems } from '../core/errors';
import { ServiceRole } from '../shared/service-roles';
import { IntegrationSpecOf } from '../vocabulary/integration-spec';
import { ATTRIBUTE_NAME, cursorKeyAttributes, dynamoDbChecks, DynamoDbIntegrationOptions } from '../vocabulary/integrations/dynamodb';
import { DynamoDbAction } from '../vocabulary/integrations/dynamodb-action';
import { KeySchemaLookup, KeyType } from '../vocabulary/integrations/dynamodb-key-schema';

const READS = new Set<DynamoDbAction>([DynamoDbAction.GET_ITEM, DynamoDbAction.QUERY]);

/** One DynamoDB API call as any gateway's mapping templates make it. */
export interface DynamoDbCall {
  readonly headers: Record<string, string>;
  readonly requestTemplate: string;
  readonly responseTemplate: string;
  /** The body the call needs: a JSON object when its attributes become the item. */
  readonly bodySchema?: apigw.JsonSchema;
}

/**
 * The templates and headers of `action` on `table`, with key and sort-key values read through
 * `values` (which records their problems and request parameters), typed from the key schema.
 */
export function dynamoDbCall(
  prop: string, table: dynamodb.ITable, action: DynamoDbAction, o: DynamoDbIntegrationOptions,
  values: RouteValues, lookup: KeySchemaLookup, style?: ErrorStatusStyle,
): DynamoDbCall {
  const typeOf = (name: string): KeyType => {
    if (lookup.kind !== 'known') return 'S';
    const { partitionKey, sortKey } = lookup.schema;
    return [partitionKey, sortKey].find(a => a?.name === name)?.type ?? 'S';
  };
  const key: TemplateKeyPart[] = Object.entries(o.key ?? {}).map(([name, value]) => ({
    name, type: typeOf(name), value: values.use(value, `${prop} key['${name}']`, PLACES.itemKey),
  }));
  const condition = o.sortKeyCondition;
  const sortCondition = condition && {
    name: condition._attribute,
    type: typeOf(condition._attribute),
    expression: condition._expression,
    values: condition._values.map((v, i) => values.use(v, `${prop} sortKeyCondition value ${i + 1}`, PLACES.itemKey)),
  };
  const c = o.condition;
  const write: WriteTemplateOptions = {
    attributes: o.attributes,
    add: o.addAttributes,
    remove: o.removeAttributes,
    // Every item has every key attribute: whether one exists is whether the item does.
    condition: c && {
      name: c._attribute === 'item' ? key[0]?.name ?? '' : c._attribute,
      expression: c._expression,
      value: c._value && { type: c._value.type, value: refusedWhenEmpty(values.use(c._value.value, `${prop} condition`, PLACES.conditionValue)) },
    },
  };
  // Names a template cannot quote are the caller's problem, thrown before the template is used.
  const cursorKeys = cursorKeyAttributes(table, o.indexName)?.filter(k => ATTRIBUTE_NAME.test(k.name));
  // Without the key schema the caller's cursor problem is thrown before the template is used.
  const cursor = o.cursor && cursorKeys ? { value: values.use(o.cursor, `${prop} cursor`, PLACES.pageCursor), keys: cursorKeys } : undefined;
  const name = table.tableName;
  const templates: Record<DynamoDbAction, () => [string, string]> = {
    [DynamoDbAction.PUT_ITEM]: () => [putItemRequest(name, key, write), attributesResponse(style)],
    [DynamoDbAction.GET_ITEM]: () => [getItemRequest(name, key), getItemResponse(style)],
    // Without a key the caller's key problems are thrown before the (empty) template is used.
    [DynamoDbAction.QUERY]: () => (key[0] ? [queryRequest(name, key[0], { ...o, sortCondition, cursor }), queryResponse(style, cursor?.keys)] : ['', '']),
    [DynamoDbAction.UPDATE_ITEM]: () => [updateItemRequest(name, key, write), attributesResponse(style)],
    [DynamoDbAction.DELETE_ITEM]: () => [deleteItemRequest(name, key, write), attributesResponse(style)],
  };
  const [requestTemplate, responseTemplate] = templates[action]();
  const writesBody = action === DynamoDbAction.PUT_ITEM || action === DynamoDbAction.UPDATE_ITEM;
  return {
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${action}` },
    requestTemplate,
    responseTemplate,
    bodySchema: writesBody
      ? { type: apigw.JsonSchemaType.OBJECT, minProperties: action === DynamoDbAction.UPDATE_ITEM ? 1 : 0 }
      : undefined,
  };
}

/** Allows `role` the one action on the table (or the queried index), and its customer key if any. */
export function grantDynamoDbCall(role: ServiceRole, table: dynamodb.ITable, action: DynamoDbAction, indexName?: string): void {
  role.allow([`dynamodb:${action}`], indexName ? `${table.tableArn}/index/${indexName}` : table.tableArn);
  if (table.encryptionKey) {
    role.allow(READS.has(action) ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], table.encryptionKey.keyArn);
  }
}

/**
 * The whole DynamoDB service call of a route: the checks, the templates, the role. A gateway
 * adds its own `problems` (after the option checks) and says whether the body's schema
 * applies (`bodySchema`: not on WebSocket routes without a message).
 */
export function dynamoDbServiceCall(
  site: ServiceCallSite, spec: IntegrationSpecOf<'dynamoDb'>, values: RouteValues, prop: string,
  how: { readonly style: ErrorStatusStyle; readonly problems: Problem[]; readonly bodySchema: boolean },
): ServiceCall {
  const { table, action, options } = spec;
  const { lookup, problems } = dynamoDbChecks(prop, table, action, options);
  const call = dynamoDbCall(prop, table, action, options, values, lookup, how.style);
  throwIfProblems(site.scope, [...problems, ...how.problems, ...values.problems]);

  const role = site.serviceRole(table, 'Lets API Gateway read and write items of this table');
  grantDynamoDbCall(role, table, action, options.indexName);
  return {
    service: 'dynamodb',
    action,
    role,
    headers: call.headers,
    requestTemplate: call.requestTemplate,
    responseTemplate: call.responseTemplate,
    checkedResponse: action === DynamoDbAction.GET_ITEM ? success => getItemResponse(how.style, success) : undefined,
    readOnly: READS.has(action),
    prop,
    response: options.response,
    errorResponses: options.errorResponses,
    contentHandling: options.contentHandling,
    // The body's attributes become the item: API Gateway refuses anything but an object.
    requestSchema: (how.bodySchema ? call.bodySchema : undefined) ?? values.requestSchema(),
    timeout: options.timeout,
  };
}

/**
 * A condition's value, refused when the request has none: an empty value would compare with
 * `""` (and match items whose attribute is the empty string) instead of failing the write.
 */
function refusedWhenEmpty(value: TemplateValue): TemplateValue {
  if (value.expr === undefined) return value; // a literal, checked at synth
  return { ...value, prelude: `${value.prelude}#if(${value.expr}=="")#set(${REFUSED}=true)#end`, refuses: true };
}
