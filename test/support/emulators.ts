/**
 * In-process AWS service emulators for integration-request tests.
 *
 * API Gateway's REST "AWS service" integrations turn a client request into a
 * service API call through a mapping template. These helpers send such a
 * rendered request to local emulators exactly the way API Gateway does, so
 * tests can prove the service accepts it and the data arrives unchanged.
 *
 * What API Gateway adds to the integration request, and which of it the
 * emulators need:
 * - `Host`: the service endpoint (here the emulator's `127.0.0.1:port`).
 * - `X-Amz-Date`, `X-Amz-Security-Token` (the integration role's session) and a
 *   SigV4 `Authorization` header for the service's signing name.
 *   kinesalite and dynalite reject a request without `Authorization`
 *   (`Credential=`, `Signature=`, `SignedHeaders=`) plus `X-Amz-Date` or `Date`,
 *   but none of the three emulators verifies the signature itself.
 * - Everything else (`Content-Type`, `X-Amz-Target`, `Accept`) comes from the
 *   integration's request parameters, i.e. from the library.
 *
 * Emulator quirks that matter to the library:
 * - local-aws-sqs picks its protocol from `Content-Type`: exactly
 *   `application/x-amz-json-1.0` means JSON, anything else is decoded as a query
 *   (form) body. Values are decoded like `URLSearchParams` (`+` is a space).
 *   It ignores `Accept`: query-protocol calls always get XML (`text/xml`), even
 *   with `Accept: application/json`, whereas real SQS answers JSON then.
 * - local-aws-sqs finds the queue only from a `QueueUrl` parameter, never from
 *   the request path. Real SQS resolves `/{account}/{queueName}`, which is what
 *   API Gateway's path-style integration URI sends, so the SQS server here
 *   adds that parameter from the path (see {@link withQueueUrlFromPath}).
 * - kinesalite accepts `application/x-amz-json-1.1` (or CBOR); plain
 *   `application/json` gets a 404 `UnknownOperationException`.
 * - dynalite accepts `application/x-amz-json-1.0` or `application/json`.
 * - Neither kinesalite nor dynalite looks at the path; both need `X-Amz-Target`.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import {
  CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, Message, ReceiveMessageCommand, SQSClient,
} from '@aws-sdk/client-sqs';
import { createRequestHandler } from 'local-aws-sqs';

interface KinesaliteOptions {
  readonly createStreamMs?: number;
  readonly deleteStreamMs?: number;
  readonly updateStreamMs?: number;
  readonly shardLimit?: number;
}

interface DynaliteOptions {
  readonly createTableMs?: number;
  readonly deleteTableMs?: number;
  readonly updateTableMs?: number;
}

// Neither package ships type declarations; both export a server factory and
// keep their data in memory unless given a `path`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite: (options: DynaliteOptions) => Server = require('dynalite');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kinesalite: (options: KinesaliteOptions) => Server = require('kinesalite');

export type EmulatedService = 'sqs' | 'kinesis' | 'dynamodb';

/** A rendered integration request, as API Gateway would send it to the service. */
export interface IntegrationRequest {
  readonly service: EmulatedService;
  /** Path of the integration URI, e.g. `111111111111/orders` for SQS path style, `''` for action style. */
  readonly path: string;
  /** The integration request headers the library sets, e.g. `Content-Type`, `X-Amz-Target`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The rendered mapping template, sent as UTF-8 bytes exactly as given. */
  readonly body: string;
}

/** The service's raw answer, which the integration response templates see. */
export interface IntegrationResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface EmulatorOptions {
  /**
   * Account in SQS queue URLs; a path-style request must name this account.
   * @default '111111111111' (the account of the test stacks)
   */
  readonly accountId?: string;
  /** @default 'eu-west-1' (the region of the test stacks) */
  readonly region?: string;
}

export interface Emulators {
  readonly accountId: string;
  readonly region: string;
  /** Base URL of each emulator, e.g. `http://127.0.0.1:40123`. */
  readonly endpoints: Readonly<Record<EmulatedService, string>>;
  readonly sqs: SQSClient;
  readonly kinesis: KinesisClient;
  readonly dynamodb: DynamoDBClient;
  /** Stops the servers and the SDK clients' sockets. */
  stop(): Promise<void>;
}

/** Throwaway credentials; a session token because API Gateway signs with an assumed role. */
const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATOR0000000',
  secretAccessKey: 'emulator-secret-access-key',
  sessionToken: 'emulator-session-token',
} as const;

/** SigV4 signing names. */
const SIGNING_NAMES: Readonly<Record<EmulatedService, string>> = {
  sqs: 'sqs',
  kinesis: 'kinesis',
  dynamodb: 'dynamodb',
};

/** Starts SQS, Kinesis and DynamoDB emulators on ephemeral ports of 127.0.0.1. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const accountId = options.accountId ?? '111111111111';
  const region = options.region ?? 'eu-west-1';
  const servers = [
    sqsServer(accountId, region),
    // Zero delays: resources become ACTIVE at once, which keeps tests fast.
    kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 }),
    dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }),
  ] as const;
  const [sqsUrl, kinesisUrl, dynamodbUrl] = await Promise.all(servers.map(listen));
  const clientConfig = (endpoint: string) => ({ endpoint, region, credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
  const dynamodb = new DynamoDBClient(clientConfig(dynamodbUrl));
  const clients = {
    sqs: new SQSClient(clientConfig(sqsUrl)),
    // The Kinesis client defaults to HTTP/2, which kinesalite does not speak;
    // borrow the DynamoDB client's HTTP/1.1 handler.
    kinesis: new KinesisClient({ ...clientConfig(kinesisUrl), requestHandler: dynamodb.config.requestHandler }),
    dynamodb,
  };
  return {
    accountId,
    region,
    endpoints: { sqs: sqsUrl, kinesis: kinesisUrl, dynamodb: dynamodbUrl },
    ...clients,
    stop: async () => {
      Object.values(clients).forEach(client => client.destroy());
      await Promise.all(servers.map(close));
    },
  };
}

/** Sends a rendered integration request the way API Gateway's AWS integration does. */
export async function sendAsApiGateway(emulators: Emulators, req: IntegrationRequest): Promise<IntegrationResponse> {
  const endpoint = new URL(emulators.endpoints[req.service]);
  const body = Buffer.from(req.body, 'utf8');
  const path = `/${req.path.replace(/^\/+/, '')}`;
  const headers = signV4({
    method: 'POST',
    host: endpoint.host,
    path,
    headers: req.headers,
    body,
    service: SIGNING_NAMES[req.service],
    region: emulators.region,
    now: new Date(),
  });
  return post(endpoint, path, { ...headers, 'Content-Length': String(body.length) }, body);
}

/**
 * Real SQS answers a query-protocol call in JSON when asked with `Accept: application/json`
 * (elements become objects, text becomes strings); local-aws-sqs always answers in XML. This
 * converts its answers to that shape, so response templates see what SQS would send.
 */
export function xmlAnswerAsJson(response: IntegrationResponse): IntegrationResponse {
  if (!/xml/.test(response.headers['content-type'] ?? '')) return response;
  const json = JSON.stringify(xmlToJson(response.body.replace(/^<\?xml[^>]*\?>\s*/, '')));
  return { ...response, headers: { ...response.headers, 'content-type': 'application/json' }, body: json };
}

/**
 * A small XML reader for SQS's answers: nested elements, text, no attributes kept. SQS's
 * JSON names ReceiveMessage's list of `Message` elements `messages`, and writes null for none.
 */
function xmlToJson(xml: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const element = /<([A-Za-z][\w.-]*)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
  for (let match = element.exec(xml); match; match = element.exec(xml)) {
    const [, name, inner = ''] = match;
    if (name === 'ReceiveMessageResult') {
      const messages = [...inner.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map(m => xmlToJson(m[1]));
      result[name] = { messages: messages.length > 0 ? messages : null };
      continue;
    }
    result[name] = /<[A-Za-z]/.test(inner) ? xmlToJson(inner) : decodeXmlText(inner);
  }
  return result;
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_all, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[entity];
  });
}

// ---------------------------------------------------------------------------
// SQS: local-aws-sqs behind a shim that resolves the queue from the path

function sqsServer(accountId: string, region: string): Server {
  const { service, requestHandler } = createRequestHandler({
    port: 0,
    hostname: '127.0.0.1',
    accountId,
    region,
    // Tests may delete and recreate queues; real SQS makes you wait 60 s.
    emulateQueueCreationLifecycle: false,
  });
  const server = createServer((req, res) => {
    void readBody(req).then(body => {
      const rewritten = withQueueUrlFromPath(req, body, accountId, `http://${service.HOSTNAME}:${service.PORT}`);
      return requestHandler(replayed(req, rewritten), res);
    }).catch(err => failRequest(res, err));
  });
  // The handler builds queue URLs from the port it was given, so tell it the real one.
  server.on('listening', () => {
    service.PORT = (server.address() as AddressInfo).port;
  });
  return server;
}

/**
 * Adds `QueueUrl` to a query-protocol body sent to `/{account}/{queueName}`.
 *
 * Real SQS takes the queue from that path, the form API Gateway's path-style
 * integration URIs use; local-aws-sqs only reads the parameter. Only the
 * emulator's own account resolves, so a wrong account still fails as
 * `NonExistentQueue`. Bodies that name a `QueueUrl`, and JSON-protocol
 * bodies, pass unchanged.
 */
function withQueueUrlFromPath(req: IncomingMessage, body: Buffer, accountId: string, baseUrl: string): Buffer {
  const match = /^\/([^/?]+)\/([^/?]+)\/?(\?.*)?$/.exec(req.url ?? '');
  if (!match || match[1] !== accountId || isJsonProtocol(req.headers)) {
    return body;
  }
  const form = body.toString('utf8');
  if (new URLSearchParams(form).has('QueueUrl')) {
    return body;
  }
  const queueUrl = `${baseUrl}/${match[1]}/${match[2]}`;
  return Buffer.from(`${form}${form ? '&' : ''}QueueUrl=${encodeURIComponent(queueUrl)}`, 'utf8');
}

function isJsonProtocol(headers: IncomingHttpHeaders): boolean {
  return headers['content-type'] === 'application/x-amz-json-1.0';
}

/** A fresh request stream with the original's method, URL and headers, carrying `body`. */
function replayed(original: IncomingMessage, body: Buffer): IncomingMessage {
  // An unconnected socket: the copy must not touch the live connection.
  const copy = new IncomingMessage(new Socket());
  copy.method = original.method;
  copy.url = original.url;
  copy.headers = original.headers;
  copy.push(body);
  copy.push(null);
  return copy;
}

function failRequest(res: ServerResponse, err: unknown): void {
  res.statusCode = 500;
  res.end(String(err));
}

// ---------------------------------------------------------------------------
// SigV4, as API Gateway signs integration requests

interface SigningInput {
  readonly method: string;
  /** `host[:port]` exactly as sent in the Host header. */
  readonly host: string;
  /** The request path as sent on the wire. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly service: string;
  readonly region: string;
  readonly now: Date;
}

/**
 * Returns the request headers plus `Host`, `X-Amz-Date`, `X-Amz-Security-Token`
 * and `Authorization`, signing every header sent.
 */
export function signV4(input: SigningInput): Record<string, string> {
  const amzDate = input.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const scope = `${amzDate.slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
  const headers: Record<string, string> = {
    ...input.headers,
    'Host': input.host,
    'X-Amz-Date': amzDate,
    'X-Amz-Security-Token': FAKE_CREDENTIALS.sessionToken,
  };
  const canonical = canonicalHeaders(headers);
  const canonicalRequest = [
    input.method,
    canonicalUri(input.path),
    '', // API Gateway integrations here carry no query string.
    canonical.block,
    canonical.signed,
    sha256Hex(input.body),
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(amzDate.slice(0, 8), input.region, input.service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  headers.Authorization = `AWS4-HMAC-SHA256 Credential=${FAKE_CREDENTIALS.accessKeyId}/${scope}, `
    + `SignedHeaders=${canonical.signed}, Signature=${signature}`;
  return headers;
}

/** Lower-cased, sorted, whitespace-folded headers: the signed block and the name list. */
function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    block: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signed: entries.map(([name]) => name).join(';'),
  };
}

/** Services other than S3 sign the path with each segment URI-encoded once more. */
function canonicalUri(path: string): string {
  return path.split('/').map(rfc3986Encode).join('/');
}

function rfc3986Encode(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function signingKey(date: string, region: string, service: string): Buffer {
  return [date, region, service, 'aws4_request']
    .reduce<Buffer>((key, part) => hmac(key, part), Buffer.from(`AWS4${FAKE_CREDENTIALS.secretAccessKey}`, 'utf8'));
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------
// HTTP plumbing

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  // SDK clients keep connections alive; without this `close` waits for them.
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close(err => (err ? reject(err) : resolve())));
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function post(endpoint: URL, path: string, headers: Record<string, string>, body: Buffer): Promise<IntegrationResponse> {
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: endpoint.hostname,
      port: endpoint.port,
      method: 'POST',
      path,
      headers,
      // One connection per call, so `stop()` never waits on idle sockets.
      agent: false,
    }, res => {
      readBody(res).then(data => resolve({
        status: res.statusCode ?? 0,
        headers: flattenHeaders(res.headers),
        body: data.toString('utf8'),
      }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

/**
 * The queues and stream of the catalogue stacks (`test/vtl`), named as their templates
 * resolve them (the logical ID; FIFO queues end in `.fifo`).
 */
export async function createCatalogueQueuesAndStream(emulators: Emulators): Promise<void> {
  await emulators.sqs.send(new CreateQueueCommand({ QueueName: 'OrdersA9B65338' }));
  await emulators.sqs.send(new CreateQueueCommand({ QueueName: 'OrdersFifo01BA36B6.fifo', Attributes: { FifoQueue: 'true' } }));
  await emulators.kinesis.send(new CreateStreamCommand({ StreamName: 'Clicks81B5095A', ShardCount: 1 }));
}

/**
 * The messages a test expects in a queue, received and deleted, plus any others left there
 * (so a test that expects one message sees the extra ones and fails). Two traits of the
 * emulator make a plain receive unreliable on a busy machine: a receive without a wait time
 * polls for only ~40 ms and can come back empty, and a received message that is not deleted
 * comes back after the visibility timeout (30 s), to be read by a later test.
 */
export async function takeMessages(emulators: Emulators, queueName: string, expected = 1): Promise<Message[]> {
  const queueUrl = `${emulators.endpoints.sqs}/${emulators.accountId}/${queueName}`;
  const taken: Message[] = [];
  const receive = async (count: number) => {
    // The emulator answers as soon as `count` messages are there, else after the wait time.
    const received = await emulators.sqs.send(new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: Math.min(count, 10),
      WaitTimeSeconds: 5,
      MessageAttributeNames: ['All'],
      // local-aws-sqs reads only the older name of MessageSystemAttributeNames.
      AttributeNames: ['All'],
    }));
    const messages = received.Messages ?? [];
    for (const message of messages) {
      await emulators.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
    taken.push(...messages);
    return messages.length;
  };
  while (taken.length < expected && await receive(expected - taken.length) > 0);
  // Counted by the emulator itself, so no polling window can hide a leftover.
  for (;;) {
    const attributes = await emulators.sqs.send(new GetQueueAttributesCommand({
      QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'],
    }));
    const left = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
    if (left === 0 || await receive(left) === 0) return taken;
  }
}
