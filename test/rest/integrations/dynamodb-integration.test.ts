import { aws_dynamodb as dynamodb, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { DynamoDbAction, Integration, RequestValue, ResponseBody, RestGateway, SortKeyCondition, WriteCondition } from '../../../src';
import { testStack } from '../../support/app';
import { simpleTable, table } from '../../support/service-fixtures';

const id = RequestValue.pathParameter('id');
const at = RequestValue.pathParameter('at');

function integrationOf(template: Template): any {
  return (Object.values(template.findResources('AWS::ApiGateway::Method'))[0] as { Properties: any }).Properties;
}

describe('Integration.dynamoDb on RestGateway', () => {
  test('GetItem: action URI, headers, key typed from the table schema', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /items/{id}/{at}', Integration.dynamoDb(table(stack), DynamoDbAction.GET_ITEM, {
      key: { pk: id, sk: at },
    }));
    const method = integrationOf(Template.fromStack(stack));
    expect(method.Integration.Uri).toBe('arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem');
    expect(method.Integration.RequestParameters).toEqual({
      'integration.request.header.Content-Type': "'application/x-amz-json-1.0'",
      'integration.request.header.X-Amz-Target': "'DynamoDB_20120810.GetItem'",
    });
    const request = method.Integration.RequestTemplates['application/json'];
    expect(request).toEqual({
      'Fn::Join': ['', [
        '{"TableName":"', { Ref: expect.stringMatching(/^Items/) },
        '","Key":{"pk":{"S":"$util.escapeJavaScript("$!{input.params().path.get(\'id\')}").replaceAll("\\\\\'","\'")"},'
        + '"sk":{"N":"$util.escapeJavaScript("$!{input.params().path.get(\'at\')}").replaceAll("\\\\\'","\'")"}}}',
      ]],
    });
  });

  test('each action the routes use, and only those, on the table; Query on the index ARN', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const t = table(stack);
    api.addRoute('GET /items/{id}/{at}', Integration.dynamoDb(t, DynamoDbAction.GET_ITEM, { key: { pk: id, sk: at } }));
    api.addRoute('DELETE /items/{id}/{at}', Integration.dynamoDb(t, DynamoDbAction.DELETE_ITEM, { key: { pk: id, sk: at } }));
    api.addRoute('GET /customers/{id}', Integration.dynamoDb(t, DynamoDbAction.QUERY, { key: { customerId: id }, indexName: 'byCustomer' }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Items'), 'Arn'] } },
          {
            Action: 'dynamodb:Query',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Items'), 'Arn'] }, '/index/byCustomer']] },
          },
        ],
      },
    });
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter(r => r.startsWith('ApiTestItems'))).toHaveLength(1);
  });

  test('PutItem and UpdateItem: the validator requires a JSON object body', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    const t = simpleTable(stack);
    api.addRoute('PUT /carts/{id}', Integration.dynamoDb(t, DynamoDbAction.PUT_ITEM, { key: { pk: id } }));
    api.addRoute('PATCH /carts/{id}', Integration.dynamoDb(t, DynamoDbAction.UPDATE_ITEM, { key: { pk: id } }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', minProperties: 0 },
    });
    template.hasResourceProperties('AWS::ApiGateway::Model', { Schema: Match.objectLike({ type: 'object', minProperties: 1 }) });
  });

  test('a route schema wins over the integration default', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    api.addRoute('PUT /carts/{id}', Integration.dynamoDb(simpleTable(stack), DynamoDbAction.PUT_ITEM, { key: { pk: id } }), {
      requestSchema: { required: ['items'] },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Model', { Schema: Match.objectLike({ required: ['items'] }) });
  });

  test('Query: index, sort-key condition, limit, order', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('GET /customers/{id}/orders', Integration.dynamoDb(table(stack), DynamoDbAction.QUERY, {
      key: { customerId: id },
      indexName: 'byCustomer',
      sortKeyCondition: SortKeyCondition.between('createdAt', RequestValue.queryString('from'), RequestValue.queryString('to')),
      limit: 25,
      descending: true,
    }));
    const method = integrationOf(Template.fromStack(stack));
    const request = method.Integration.RequestTemplates['application/json']['Fn::Join'][1][2];
    expect(request).toContain('"IndexName":"byCustomer"');
    expect(request).toContain('"KeyConditionExpression":"${gH}pk = :pk AND ${gH}sk BETWEEN :sk0 AND :sk1"');
    expect(request).toContain('"Limit":25,"ScanIndexForward":false');
    expect(method.RequestParameters).toEqual({
      'method.request.path.id': true, 'method.request.querystring.from': true, 'method.request.querystring.to': true,
    });
  });

  test('a table with a customer key: Decrypt for reads, Decrypt and GenerateDataKey for writes', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const t = new dynamodb.Table(stack, 'Secure', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
    });
    new RestGateway(stack, 'Api').addRoute('PUT /s/{id}', Integration.dynamoDb(t, DynamoDbAction.PUT_ITEM, { key: { pk: id } }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }]),
      },
    });
  });

  test('TableV2 key schemas are checked too', () => {
    const stack = testStack();
    const t = new dynamodb.TableV2(stack, 'V2', {
      partitionKey: { name: 'tenant', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'n', type: dynamodb.AttributeType.NUMBER },
    });
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('GET /t/{id}', Integration.dynamoDb(t, DynamoDbAction.GET_ITEM, { key: { pk: id } })))
      .toThrow(/\[InvalidDynamoDbKey\] .*key must give exactly the key of the table: tenant, n, got \["pk"\]/);
  });

  test('imported tables: keys are strings, only the count is checked', () => {
    const stack = testStack();
    const t = dynamodb.Table.fromTableName(stack, 'Imported', 'legacy');
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /l/{id}', Integration.dynamoDb(t, DynamoDbAction.GET_ITEM, { key: { anything: id } }));
    expect(integrationOf(Template.fromStack(stack)).Integration.RequestTemplates['application/json']).toContain('"Key":{"anything":{"S":');
    expect(() => api.addRoute('GET /q/{id}', Integration.dynamoDb(t, DynamoDbAction.QUERY, { key: { a: id, b: id } })))
      .toThrow(/key must give exactly the partition key/);
  });

  const cases: Array<[string, (s: Construct) => Integration, RegExp]> = [
    ['a key that is not the table key', s => Integration.dynamoDb(table(s), DynamoDbAction.GET_ITEM, { key: { id, at } }),
      /\[InvalidDynamoDbKey\] addRoute\('GET \/items\/\{id\}\/\{at\}'\) Integration.dynamoDb key must give exactly the key of the table: pk, sk, got \["id", "at"\]/],
    ['a missing sort key', s => Integration.dynamoDb(table(s), DynamoDbAction.DELETE_ITEM, { key: { pk: id } }),
      /must give exactly the key of the table: pk, sk, got \["pk"\]/],
    ['an unknown index', s => Integration.dynamoDb(table(s), DynamoDbAction.QUERY, { key: { pk: id }, indexName: 'nope' }),
      /indexName must name an index of the table, got "nope"/],
    ['an index name DynamoDB cannot have (imported table)', s => Integration.dynamoDb(dynamodb.Table.fromTableName(s, 'Imported', 'legacy'), DynamoDbAction.QUERY, {
      key: { pk: id }, indexName: 'by customer',
    }), /\[InvalidDynamoDbKey\] .*Integration\.dynamoDb indexName must be 3-255 letters, digits, _ \. or - \(DynamoDB's rule for index names\), got "by customer"/],
    ['a sort condition on another attribute', s => Integration.dynamoDb(table(s), DynamoDbAction.QUERY, {
      key: { pk: id }, sortKeyCondition: SortKeyCondition.equalTo('createdAt', at),
    }), /sortKeyCondition must be on the sort key of the table, 'sk', got "createdAt"/],
    ['beginsWith on a number sort key', s => Integration.dynamoDb(table(s), DynamoDbAction.QUERY, {
      key: { pk: id }, sortKeyCondition: SortKeyCondition.beginsWith('sk', at),
    }), /beginsWith needs a string or binary sort key/],
    ['query options on GetItem', s => Integration.dynamoDb(table(s), DynamoDbAction.GET_ITEM, { key: { pk: id, sk: at }, limit: 5 }),
      /limit only applies to DynamoDbAction.QUERY, not GetItem, got 5/],
    ['a limit of 0', s => Integration.dynamoDb(table(s), DynamoDbAction.QUERY, { key: { pk: id }, limit: 0 }),
      /limit must be a whole number >= 1, got 0/],
    ['a key value from a path parameter the route lacks', s => Integration.dynamoDb(simpleTable(s), DynamoDbAction.GET_ITEM, {
      key: { pk: RequestValue.pathParameter('itemId') },
    }), /\[InvalidRequestValue\] .*key\['pk'\] must name a path parameter of the route, got "itemId"; use one of: id, at/],
  ];
  test.each(cases)('refuses %s at synth', (_name, integration, message) => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api');
    expect(() => api.addRoute('GET /items/{id}/{at}', integration(stack))).toThrow(message);
  });
});

describe('conditional writes and attribute allow-lists', () => {
  const route = (action: DynamoDbAction, options: object) => () => {
    const stack = testStack();
    new RestGateway(stack, 'Api').addRoute('PUT /items/{id}/{at}', Integration.dynamoDb(table(stack), action, { key: { pk: id, sk: at }, ...options }));
    return Template.fromStack(stack);
  };

  test('the role keeps its one action: a condition needs no read', () => {
    const t = route(DynamoDbAction.PUT_ITEM, { condition: WriteCondition.itemNotExists(), attributes: ['name'] })();
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).map(p => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.join()).toContain('dynamodb:PutItem');
    expect(policies.join()).not.toMatch(/dynamodb:(GetItem|Query|UpdateItem)/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['attributes on a DELETE_ITEM', route(DynamoDbAction.DELETE_ITEM, { attributes: ['name'] }),
      /\[InvalidIntegration\] addRoute\('PUT \/items\/\{id\}\/\{at\}'\) Integration.dynamoDb attributes only applies to PutItem, UpdateItem, not DeleteItem, got \["name"\]; remove attributes/],
    ['a condition on a GET_ITEM', route(DynamoDbAction.GET_ITEM, { condition: WriteCondition.itemExists() }),
      /Integration.dynamoDb condition only applies to PutItem, UpdateItem, DeleteItem, not GetItem/],
    ['an empty allow-list', route(DynamoDbAction.PUT_ITEM, { attributes: [] }),
      /Integration.dynamoDb attributes must name at least one attribute, got \[\]; list the attributes, or remove attributes/],
    ['a key attribute in the allow-list', route(DynamoDbAction.UPDATE_ITEM, { attributes: ['name', 'pk'] }),
      /Integration.dynamoDb attributes must not name a key attribute \(the key comes from key, never from the body\), got "pk"; remove 'pk' from attributes/],
    ['a cursor on an imported table (its key attributes are not known)', () => {
      const stack = testStack();
      const imported = dynamodb.Table.fromTableName(stack, 'Imported', 'orders');
      new RestGateway(stack, 'Api').addRoute('GET /c/{id}', Integration.dynamoDb(imported, DynamoDbAction.QUERY, { key: { pk: id }, cursor: RequestValue.queryString('cursor') }));
    }, /\[InvalidIntegration\] addRoute\('GET \/c\/\{id\}'\) Integration.dynamoDb cursor needs the table's key schema to read and write cursors \(an imported table's key attributes are not known\), got queryString\("cursor"\); define the table in this app/],
    ['a cursor on a GET_ITEM', route(DynamoDbAction.GET_ITEM, { cursor: RequestValue.queryString('cursor') }),
      /Integration.dynamoDb cursor only applies to DynamoDbAction.QUERY, not GetItem/],
    ['addAttributes on a PUT_ITEM', route(DynamoDbAction.PUT_ITEM, { addAttributes: ['visits'] }),
      /Integration.dynamoDb addAttributes only applies to UpdateItem, not PutItem, got \["visits"\]; remove addAttributes/],
    ['an attribute both added and removed', route(DynamoDbAction.UPDATE_ITEM, { addAttributes: ['visits'], removeAttributes: ['visits'] }),
      /Integration.dynamoDb removeAttributes must not name an attribute of addAttributes, got "visits"; keep 'visits' in one of the two/],
    ['an added attribute the allow-list leaves out', route(DynamoDbAction.UPDATE_ITEM, { attributes: ['name'], addAttributes: ['visits'] }),
      /Integration.dynamoDb addAttributes must name only attributes the route writes \(attributes leaves the others out of the body\), got "visits"; add 'visits' to attributes/],
    ['a key attribute removed', route(DynamoDbAction.UPDATE_ITEM, { removeAttributes: ['sk'] }),
      /Integration.dynamoDb removeAttributes must not name a key attribute/],
    ['an own answer to 400 next to a condition (it would hide the 409)', route(DynamoDbAction.PUT_ITEM, {
      condition: WriteCondition.itemNotExists(), errorResponses: [{ serviceStatus: 400, statusCode: 422, body: ResponseBody.text('{}') }],
    }), /Integration.dynamoDb errorResponses\[0\].serviceStatus would hide the condition's 409: DynamoDB answers a failed condition with 400/],
    ['a cursor over key attributes a template cannot quote', () => {
      const stack = testStack();
      const quoted = new dynamodb.Table(stack, 'Quoted', { partitionKey: { name: "o'id", type: dynamodb.AttributeType.STRING } });
      quoted.addGlobalSecondaryIndex({ indexName: 'byCustomer', partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING } });
      new RestGateway(stack, 'Api').addRoute('GET /c/{id}', Integration.dynamoDb(quoted, DynamoDbAction.QUERY, {
        key: { customerId: id }, indexName: 'byCustomer', cursor: RequestValue.queryString('cursor'),
      }));
    }, /\[InvalidDynamoDbKey\] addRoute\('GET \/c\/\{id\}'\) Integration.dynamoDb cursor needs key attribute names of 1-255 letters, digits, _ . or - .*got \["o'id"\]/],
    ['a condition attribute a template cannot quote', route(DynamoDbAction.PUT_ITEM, { condition: WriteCondition.attributeNotExists('a"b') }),
      /Integration.dynamoDb condition attribute names must be 1-255 letters, digits, _ . or -/],
  ])('refuses %s', (_name, act, message) => {
    expect(act).toThrow(message);
  });
});
