/**
 * What AWS services answer API Gateway integrations, in the shapes the services document (and
 * the emulators return): every response template the library emits is rendered against all
 * of them in the Apache Velocity conformance suite.
 */
export const HOSTILE_TEXT = 'it\'s "quoted" \\ back\\slash \n new line & = + % # $context.requestId #set é 中文 😀 \u2028';

/** A DynamoDB item holding every attribute type (in DynamoDB JSON)… */
export const TYPED_ITEM = {
  pk: { S: HOSTILE_TEXT },
  sk: { N: '42' },
  price: { N: '-12.5' },
  big: { N: '12345678901234567890' },
  paid: { BOOL: true },
  note: { NULL: true },
  tags: { SS: ['a"b', 'c\\d'] },
  scores: { NS: ['1', '2.5'] },
  blob: { B: 'AAEC' },
  blobs: { BS: ['AAEC', 'AQID'] },
  lines: { L: [{ M: { sku: { S: 'x' }, qty: { N: '2' }, opts: { L: [] } } }, { S: HOSTILE_TEXT }] },
  empty: { M: {} },
};

/** … and the same item as the plain JSON clients get. */
export const PLAIN_ITEM = {
  pk: HOSTILE_TEXT,
  sk: 42,
  price: -12.5,
  big: 12345678901234567890,
  paid: true,
  note: null,
  tags: ['a"b', 'c\\d'],
  scores: [1, 2.5],
  blob: 'AAEC',
  blobs: ['AAEC', 'AQID'],
  lines: [{ sku: 'x', qty: 2, opts: [] }, HOSTILE_TEXT],
  empty: {},
};

/** An item with a list, a map and a set of more than 1,000 members each. */
const LONG_LISTS_ITEM = {
  pk: { S: 'long' },
  list: { L: Array.from({ length: 2_100 }, (_, i) => (i % 3 ? { N: String(i) } : { M: { s: { S: `s${i}` } } })) },
  map: { M: Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`k${i}`, { BOOL: i % 2 === 0 }])) },
  tags: { SS: Array.from({ length: 1_001 }, (_, i) => `t${i}`) },
};

export const SERVICE_RESPONSES: { name: string; body: string }[] = [
  { name: 'empty-object', body: '{}' },
  {
    name: 'sqs-send-message',
    body: '{"SendMessageResponse":{"ResponseMetadata":{"RequestId":"5e1c0a7b-0000-4000-8000-000000000001"},"SendMessageResult":'
      + '{"MD5OfMessageAttributes":null,"MD5OfMessageBody":"c4ca4238a0b923820dcc509a6f75849b","MD5OfMessageSystemAttributes":null,'
      + '"MessageId":"0b1c2d3e-0000-4000-8000-000000000002","SequenceNumber":null}}}',
  },
  {
    name: 'sqs-receive-message',
    body: JSON.stringify({
      ReceiveMessageResponse: {
        ReceiveMessageResult: {
          messages: [
            { Attributes: null, Body: HOSTILE_TEXT, MD5OfBody: 'x', MD5OfMessageAttributes: null, MessageAttributes: null, MessageId: 'm-1', ReceiptHandle: 'AQEB+/h=' },
            { Attributes: null, Body: '{"order":1}', MD5OfBody: 'y', MD5OfMessageAttributes: null, MessageAttributes: null, MessageId: 'm-2', ReceiptHandle: 'AQEB2' },
          ],
        },
        ResponseMetadata: { RequestId: 'r-4' },
      },
    }),
  },
  { name: 'sqs-receive-none', body: '{"ReceiveMessageResponse":{"ReceiveMessageResult":{"messages":null},"ResponseMetadata":{"RequestId":"r-5"}}}' },
  { name: 'sqs-delete-message', body: '{"DeleteMessageResponse":{"ResponseMetadata":{"RequestId":"r-6"}}}' },
  { name: 'sqs-error', body: '{"Error":{"Code":"InvalidParameterValue","Message":"Value for parameter MessageGroupId is invalid.","Type":"Sender"},"RequestId":"r-1"}' },
  { name: 'sqs-error-wrapped', body: '{"ErrorResponse":{"Error":{"Code":"AWS.SimpleQueueService.NonExistentQueue","Type":"Sender"},"RequestId":"r-2"}}' },
  { name: 'kinesis-put-record', body: '{"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","ShardId":"shardId-000000000000"}' },
  {
    name: 'kinesis-put-records',
    body: '{"FailedRecordCount":1,"Records":[{"SequenceNumber":"4959","ShardId":"shardId-000000000000"},'
      + '{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard shardId-000000000001 in stream clicks under account 111111111111."}]}',
  },
  {
    name: 'kinesis-list-shards',
    body: '{"Shards":[{"ShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},'
      + '"SequenceNumberRange":{"StartingSequenceNumber":"1","EndingSequenceNumber":"9"}},'
      + '{"ShardId":"shardId-000000000001","ParentShardId":"shardId-000000000000","SequenceNumberRange":{"StartingSequenceNumber":"10"}}]}',
  },
  { name: 'kinesis-shard-iterator', body: '{"ShardIterator":"AAAAAAAAAAH+/Zq=="}' },
  {
    name: 'kinesis-get-records',
    body: JSON.stringify({
      Records: [
        { Data: Buffer.from(HOSTILE_TEXT, 'utf8').toString('base64'), PartitionKey: 'k"1', SequenceNumber: '4959', ApproximateArrivalTimestamp: 1.7e9 },
        { Data: '', PartitionKey: 'k2', SequenceNumber: '4960', ApproximateArrivalTimestamp: 1.7e9 },
      ],
      NextShardIterator: 'AAAA+/=',
      MillisBehindLatest: 0,
    }),
  },
  { name: 'kinesis-get-records-closed', body: '{"Records":[],"MillisBehindLatest":120}' },
  { name: 'kinesis-throughput', body: '{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard shardId-000000000000"}' },
  { name: 'dynamodb-item', body: JSON.stringify({ Item: TYPED_ITEM }) },
  { name: 'dynamodb-attributes', body: JSON.stringify({ Attributes: TYPED_ITEM }) },
  { name: 'dynamodb-query', body: JSON.stringify({ Count: 2, ScannedCount: 2, Items: [TYPED_ITEM, { pk: { S: 'b' } }] }) },
  // Longer than API Gateway's 1,000 iterations of one #foreach: walked in chunks.
  { name: 'dynamodb-item-long-lists', body: JSON.stringify({ Item: LONG_LISTS_ITEM }) },
  { name: 'dynamodb-query-long-page', body: JSON.stringify({ Count: 1_100, ScannedCount: 1_100, Items: Array.from({ length: 1_100 }, (_, i) => ({ pk: { S: `p${i}` }, n: { N: String(i) } })) }) },
  { name: 'dynamodb-query-empty', body: '{"Count":0,"ScannedCount":0,"Items":[]}' },
  {
    name: 'dynamodb-query-more-pages',
    body: JSON.stringify({
      Count: 1,
      ScannedCount: 1,
      Items: [{ pk: { S: 'b' } }],
      LastEvaluatedKey: { pk: { S: HOSTILE_TEXT }, sk: { N: '-1.5E+3' }, customerId: { S: 'c/1+2=3' }, createdAt: { S: '' } },
    }),
  },
  { name: 'dynamodb-validation', body: '{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid"}' },
  { name: 'dynamodb-conditional', body: '{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}' },
  { name: 'dynamodb-not-found', body: '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}' },
  { name: 'states-start', body: '{"executionArn":"arn:aws:states:eu-west-1:111111111111:execution:Fulfil:1","startDate":1.700000000123E9}' },
  { name: 'states-sync-succeeded', body: JSON.stringify({ status: 'SUCCEEDED', output: JSON.stringify({ total: 5, note: HOSTILE_TEXT }) }) },
  { name: 'states-sync-failed', body: '{"status":"FAILED","error":"States.TaskFailed","cause":"table orders-prod is missing"}' },
  { name: 'states-sync-timed-out', body: '{"status":"TIMED_OUT"}' },
  { name: 'events-put', body: '{"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"}],"FailedEntryCount":0}' },
  { name: 'events-rejected', body: '{"Entries":[{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}],"FailedEntryCount":1}' },
  { name: 'events-throttled', body: '{"Entries":[{"ErrorCode":"ThrottlingException","ErrorMessage":"Rate exceeded"}],"FailedEntryCount":1}' },
  { name: 'expired-token', body: '{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}' },
  { name: 'sqs-kms-error', body: '{"Error":{"Code":"KmsAccessDenied","Message":"x","Type":"Sender"},"RequestId":"r-3"}' },
  { name: 'events-kms', body: '{"Entries":[{"ErrorCode":"KmsException","ErrorMessage":"key"}],"FailedEntryCount":1}' },
  { name: 'html-error-page', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
];
