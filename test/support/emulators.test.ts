import { createHash } from 'node:crypto';
import { CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, Message } from '@aws-sdk/client-sqs';
import { Emulators, IntegrationRequest, IntegrationResponse, sendAsApiGateway, signV4, startEmulators, takeMessages } from './emulators';

/** Text that breaks naive escaping in forms, JSON and VTL. */
const HOSTILE = 'She said "hi" \\ C:\\path\\to\n& = + % # é 😀 <b>\'x\'</b>\ttab';

const ACCOUNT = '111111111111';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
const KINESIS = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.PutRecord' };

let emulators: Emulators;

beforeAll(async () => {
  emulators = await startEmulators();
  await Promise.all([
    emulators.sqs.send(new CreateQueueCommand({ QueueName: 'hostile' })),
    emulators.sqs.send(new CreateQueueCommand({ QueueName: 'errors' })),
    emulators.sqs.send(new CreateQueueCommand({ QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true' } })),
    emulators.kinesis.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 })),
    emulators.dynamodb.send(new CreateTableCommand({
      TableName: 'items',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    })),
  ]);
});

afterAll(async () => {
  await emulators?.stop();
});

/** Form encoding as Java's URLEncoder (and so `$util.urlEncode`) does it: space as `+`. */
function javaUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function form(params: Record<string, string>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${javaUrlEncode(v)}`).join('&');
}

function sqsSend(queue: string, params: Record<string, string>, account = ACCOUNT): Promise<IntegrationResponse> {
  return sendAsApiGateway(emulators, {
    service: 'sqs',
    path: `${account}/${queue}`,
    headers: FORM,
    body: form({ Action: 'SendMessage', ...params }),
  });
}

function receiveAll(queue: string, expected = 1): Promise<Message[]> {
  return takeMessages(emulators, queue, expected);
}

/** A field of local-aws-sqs' XML answer; its values need no entity decoding here. */
function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

function json(response: IntegrationResponse): unknown {
  return JSON.parse(response.body);
}

function dynamodbCall(operation: string, payload: unknown): Promise<IntegrationResponse> {
  return sendAsApiGateway(emulators, {
    service: 'dynamodb',
    path: '',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${operation}` },
    body: JSON.stringify(payload),
  });
}

describe('signing', () => {
  test('adds Host, X-Amz-Date, X-Amz-Security-Token and a SigV4 Authorization over every header', () => {
    const headers = signV4({
      method: 'POST',
      host: '127.0.0.1:1234',
      path: '/111111111111/orders',
      headers: KINESIS,
      body: Buffer.from('{"a":"é"}', 'utf8'),
      service: 'kinesis',
      region: 'eu-west-1',
      now: new Date('2024-05-01T12:34:56.789Z'),
    });
    expect(headers).toEqual({
      ...KINESIS,
      'Host': '127.0.0.1:1234',
      'X-Amz-Date': '20240501T123456Z',
      'X-Amz-Security-Token': 'emulator-session-token',
      // Same signature as the AWS SDK's own signer gives for this request.
      'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIAEMULATOR0000000/20240501/eu-west-1/kinesis/aws4_request, '
        + 'SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, '
        + 'Signature=e1dcdb1dccb737e1b3ffd34b4fee1338f30c05913b0d5aff60c65fb0b45eef5c',
    });
  });
});

describe('SQS, query protocol on the path-style URI /{account}/{queue}', () => {
  test('a form-encoded SendMessage arrives byte-for-byte, message attributes too', async () => {
    const response = await sqsSend('hostile', {
      'MessageBody': HOSTILE,
      'MessageAttribute.1.Name': 'source',
      'MessageAttribute.1.Value.StringValue': HOSTILE,
      'MessageAttribute.1.Value.DataType': 'String',
    });

    // local-aws-sqs ignores `Accept: application/json` and answers XML.
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml');
    expect(response.body).toMatch(/^<\?xml version="1.0"\?><SendMessageResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/">\s*<SendMessageResult>/);
    const [message, ...others] = await receiveAll('hostile');
    expect(others).toEqual([]);
    expect(xmlField(response.body, 'MessageId')).toBe(message.MessageId);
    expect(xmlField(response.body, 'MD5OfMessageBody')).toBe(createHash('md5').update(HOSTILE, 'utf8').digest('hex'));
    expect(message.Body).toBe(HOSTILE);
    expect(message.MessageAttributes).toEqual({ source: { DataType: 'String', StringValue: HOSTILE } });
  });

  test('FIFO: MessageGroupId and MessageDeduplicationId are honoured', async () => {
    const params = { MessageBody: HOSTILE, MessageGroupId: 'tenant-1', MessageDeduplicationId: 'request-1' };
    const first = await sqsSend('orders.fifo', params);
    const duplicate = await sqsSend('orders.fifo', params);

    expect(first.status).toBe(200);
    expect(xmlField(first.body, 'SequenceNumber')).toMatch(/^\d+$/);
    expect(duplicate.status).toBe(200);
    const messages = await receiveAll('orders.fifo');
    expect(messages.map(m => m.Body)).toEqual([HOSTILE]);
    expect(messages[0].Attributes).toMatchObject({ MessageGroupId: 'tenant-1', MessageDeduplicationId: 'request-1' });
  });

  test('an empty MessageBody is a 400 MissingParameter, in XML', async () => {
    const response = await sqsSend('errors', { MessageBody: '' });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('text/xml');
    expect(response.body).toMatch(/^<\?xml version="1.0"\?>\s*<ErrorResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/">\s*<Error>/);
    expect(sqsError(response)).toEqual({
      Type: 'Sender',
      Code: 'MissingParameter',
      Message: 'The request must contain the parameter MessageBody.',
    });
  });

  test('a FIFO send without MessageGroupId is a 400 MissingParameter', async () => {
    const response = await sqsSend('orders.fifo', { MessageBody: 'x', MessageDeduplicationId: 'request-2' });

    expect(response.status).toBe(400);
    expect(sqsError(response)).toEqual({
      Type: 'Sender',
      Code: 'MissingParameter',
      Message: 'The request must contain the parameter MessageGroupId.',
    });
  });

  test('a message attribute without DataType is a 400 InvalidParameterValue', async () => {
    const response = await sqsSend('errors', {
      'MessageBody': 'x',
      'MessageAttribute.1.Name': 'source',
      'MessageAttribute.1.Value.StringValue': 'web',
    });

    expect(response.status).toBe(400);
    expect(sqsError(response)).toEqual({
      Type: 'Sender',
      Code: 'InvalidParameterValue',
      Message: 'The message (user) attribute \'source\' must contain a non-empty message attribute type.',
    });
  });

  test('the path must name the emulator\'s account and an existing queue', async () => {
    const nonExistent = {
      Type: 'Sender',
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
      Message: 'The specified queue does not exist for this wsdl version.',
    };
    const wrongAccount = await sqsSend('errors', { MessageBody: 'x' }, '222222222222');
    const missingQueue = await sqsSend('missing', { MessageBody: 'x' });

    expect([wrongAccount.status, sqsError(wrongAccount)]).toEqual([400, nonExistent]);
    expect([missingQueue.status, sqsError(missingQueue)]).toEqual([400, nonExistent]);
    expect(await receiveAll('errors', 0)).toEqual([]);
  });

  test('for reference, the JSON protocol answers errors as __type plus x-amzn-query-error', async () => {
    const response = await sendAsApiGateway(emulators, {
      service: 'sqs',
      path: '',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessage' },
      body: JSON.stringify({ QueueUrl: `${emulators.endpoints.sqs}/${ACCOUNT}/errors`, MessageBody: '' }),
    });

    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-query-error']).toBe('MissingParameter;Sender');
    expect(json(response)).toEqual({
      __type: 'com.amazon.coral.service#MissingRequiredParameterException',
      message: 'The request must contain the parameter MessageBody.',
    });
  });
});

function sqsError(response: IntegrationResponse): Record<string, string | undefined> {
  return {
    Type: xmlField(response.body, 'Type'),
    Code: xmlField(response.body, 'Code'),
    Message: xmlField(response.body, 'Message'),
  };
}

describe('Kinesis, AWS JSON 1.1', () => {
  function putRecord(payload: Record<string, string>): Promise<IntegrationResponse> {
    return sendAsApiGateway(emulators, { service: 'kinesis', path: '', headers: KINESIS, body: JSON.stringify(payload) });
  }

  test('PutRecord with base64 Data arrives byte-for-byte', async () => {
    // Not valid UTF-8 on its own, so nothing on the way may decode it as text.
    const data = Buffer.concat([Buffer.from(HOSTILE, 'utf8'), Buffer.from([0x00, 0xff, 0xfe])]);
    const response = await putRecord({ StreamName: 'events', PartitionKey: HOSTILE, Data: data.toString('base64') });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    const put = json(response) as { ShardId: string; SequenceNumber: string };
    expect(Object.keys(put).sort()).toEqual(['SequenceNumber', 'ShardId']);
    const { ShardIterator } = await emulators.kinesis.send(new GetShardIteratorCommand({
      StreamName: 'events',
      ShardId: put.ShardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      StartingSequenceNumber: put.SequenceNumber,
    }));
    const { Records = [] } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records[0].PartitionKey).toBe(HOSTILE);
    expect(Buffer.from(Records[0].Data ?? []).equals(data)).toBe(true);
  });

  test('an empty partition key is a 400 ValidationException', async () => {
    const response = await putRecord({ StreamName: 'events', PartitionKey: '', Data: 'eA==' });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'ValidationException',
      message: '1 validation error detected: Value \'\' at \'partitionKey\' failed to satisfy constraint: '
        + 'Member must have length greater than or equal to 1',
    });
  });

  test('a missing stream is a 400 ResourceNotFoundException', async () => {
    const response = await putRecord({ StreamName: 'missing', PartitionKey: 'p', Data: 'eA==' });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'Stream missing under account 000000000000 not found.',
    });
  });

  test('Data that is not base64 is a 400 SerializationException, with a capital-M Message', async () => {
    const response = await putRecord({ StreamName: 'events', PartitionKey: 'p', Data: 'not base64!' });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'SerializationException',
      Message: '\'not base64!\' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 11',
    });
  });

  test('malformed JSON is a 400 SerializationException without a message', async () => {
    const response = await sendAsApiGateway(emulators, { service: 'kinesis', path: '', headers: KINESIS, body: '{"StreamName":' });

    expect([response.status, json(response)]).toEqual([400, { __type: 'SerializationException' }]);
  });
});

describe('DynamoDB, AWS JSON 1.0', () => {
  const item = {
    pk: { S: HOSTILE },
    count: { N: '-12.5' },
    active: { BOOL: true },
    gone: { NULL: true },
    tags: { L: [{ S: 'a' }, { N: '1' }, { BOOL: false }] },
    address: { M: { city: { S: 'Zürich' }, geo: { M: { lat: { N: '47.37' }, lines: { L: [{ S: HOSTILE }] } } } } },
  };

  test('PutItem with typed attributes reads back equal via GetItem', async () => {
    const put = await dynamodbCall('PutItem', { TableName: 'items', Item: item });

    expect([put.status, put.headers['content-type'], json(put)]).toEqual([200, 'application/x-amz-json-1.0', {}]);
    const read = await emulators.dynamodb.send(new GetItemCommand({ TableName: 'items', Key: { pk: item.pk } }));
    expect(read.Item).toEqual(item);
    const raw = await dynamodbCall('GetItem', { TableName: 'items', Key: { pk: item.pk } });
    expect(json(raw)).toEqual({ Item: item });
  });

  test('UpdateItem, Query and DeleteItem answer in the shapes response templates read', async () => {
    const key = { pk: { S: 'shapes' } };
    await dynamodbCall('PutItem', { TableName: 'items', Item: key });

    const updated = await dynamodbCall('UpdateItem', {
      TableName: 'items',
      Key: key,
      UpdateExpression: 'SET #n = :n',
      ExpressionAttributeNames: { '#n': 'note' },
      ExpressionAttributeValues: { ':n': { S: HOSTILE } },
      ReturnValues: 'ALL_NEW',
    });
    const queried = await dynamodbCall('Query', {
      TableName: 'items',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': key.pk },
    });
    const deleted = await dynamodbCall('DeleteItem', { TableName: 'items', Key: key, ReturnValues: 'ALL_OLD' });
    const missing = await dynamodbCall('GetItem', { TableName: 'items', Key: key });

    const stored = { ...key, note: { S: HOSTILE } };
    expect(json(updated)).toEqual({ Attributes: stored });
    expect(json(queried)).toEqual({ Count: 1, ScannedCount: 1, Items: [stored] });
    expect(json(deleted)).toEqual({ Attributes: stored });
    expect([missing.status, json(missing)]).toEqual([200, {}]);
  });

  test('an item without its key is a 400 ValidationException', async () => {
    const response = await dynamodbCall('PutItem', { TableName: 'items', Item: { other: { S: 'x' } } });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: 'One or more parameter values were invalid: Missing the key pk in the item',
    });
  });

  test('an empty string key is a 400 ValidationException, worded unlike PutItem\'s', async () => {
    const response = await dynamodbCall('GetItem', { TableName: 'items', Key: { pk: { S: '' } } });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: 'One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    });
  });

  test('a failed condition is a 400 ConditionalCheckFailedException', async () => {
    const key = { pk: { S: 'conditional' } };
    await dynamodbCall('PutItem', { TableName: 'items', Item: key });

    const put = await dynamodbCall('PutItem', { TableName: 'items', Item: key, ConditionExpression: 'attribute_not_exists(pk)' });

    expect(put.status).toBe(400);
    expect(json(put)).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      message: 'The conditional request failed',
    });
  });

  test('a missing table is a 400 ResourceNotFoundException', async () => {
    const response = await dynamodbCall('GetItem', { TableName: 'missing', Key: { pk: { S: 'x' } } });

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  });

  test('malformed JSON is a 400 SerializationException without a message', async () => {
    const request: IntegrationRequest = {
      service: 'dynamodb',
      path: '',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.PutItem' },
      body: '{"TableName":',
    };
    const response = await sendAsApiGateway(emulators, request);

    expect([response.status, json(response)]).toEqual([400, { __type: 'com.amazon.coral.service#SerializationException' }]);
  });
});
