/**
 * An in-process queue with the SQS-to-Lambda semantics the upload handlers are written against:
 * batches of real-shaped SQS records, partial batch responses (`ReportBatchItemFailures`),
 * redelivery after a backoff with a growing `ApproximateReceiveCount`, and a dead-letter list
 * after `maxReceiveCount` receives. The local stack feeds it from the S3 notification bridge.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { LOCAL_REGION } from './emulators.ts';

/** The handler as Lambda calls it for an SQS event source; returning nothing means every record succeeded. */
// biome-ignore lint/suspicious/noConfusingVoidType: mirrors Lambda's SQSHandler, whose handlers may return void
export type SqsConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | undefined | void>;

/**
 * Who handles the batches. `environment` is how Lambda runs a function: each concurrent invocation
 * gets an execution environment of its own, which runs one batch at a time and is reused, so state
 * a handler keeps at module level (a Powertools `BatchProcessor`) is never shared by two batches.
 * `consumer` is one function for every call, for consumers that keep no such state.
 */
export type LocalQueueConsumer = { consumer: SqsConsumer } | { environment: () => SqsConsumer };

export type LocalQueueOptions = LocalQueueConsumer & {
  queueName?: string;
  region?: string;
  accountId?: string;
  /** Records per consumer call, as the event source mapping's BatchSize (1-10 without a window). */
  batchSize?: number;
  /** Consumer calls allowed at the same time, as the event source mapping's maximum concurrency. */
  concurrency?: number;
  /** Receives before a message moves to the dead-letter list, as the redrive policy's maxReceiveCount. */
  maxReceiveCount?: number;
  /** How long a failed message stays invisible before it is received again (the visibility timeout). */
  retryDelayMs?: (receiveCount: number) => number;
  now?: () => number;
};

export interface QueueStats {
  sent: number;
  /** Message receives, so a message retried twice counts three times. */
  delivered: number;
  succeeded: number;
  retried: number;
  deadLettered: number;
}

export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  sentTimestamp: number;
  /** Why the last receive failed: a reported batch item failure or the consumer's error. */
  failure: string;
}

export interface LocalQueue {
  readonly arn: string;
  /** Enqueue one message; returns its messageId. */
  send(body: string, messageAttributes?: Readonly<Record<string, string>>): string;
  /** Resolves once nothing is waiting, in flight or due for a retry (or the queue is closed). */
  drain(): Promise<void>;
  stats(): QueueStats;
  deadLetters(): DeadLetter[];
  /** Stop delivering, cancel pending retries and wait for the consumer calls in flight. */
  close(): Promise<void>;
}

/** SQS refuses empty bodies and bodies over 256 KiB. */
const MAX_BODY_BYTES = 262_144;
const SENDER_ID = 'AIDALOCALSINERGISTACK';

interface QueuedMessage {
  messageId: string;
  body: string;
  messageAttributes: SQSMessageAttributes;
  md5OfBody: string;
  md5OfMessageAttributes: string | undefined;
  sentTimestamp: number;
  firstReceiveTimestamp: number | undefined;
  receiveCount: number;
}

function defaultRetryDelayMs(receiveCount: number): number {
  return Math.min(100 * 2 ** (receiveCount - 1), 5_000);
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const queueName = options.queueName ?? 'sinergi-uploads';
  const region = options.region ?? LOCAL_REGION;
  const arn = `arn:aws:sqs:${region}:${options.accountId ?? '000000000000'}:${queueName}`;
  const batchSize = positiveInteger(options.batchSize ?? 10, 'batchSize');
  const concurrency = positiveInteger(options.concurrency ?? 1, 'concurrency');
  const maxReceiveCount = positiveInteger(options.maxReceiveCount ?? 3, 'maxReceiveCount');
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const now = options.now ?? Date.now;
  const startEnvironment = 'environment' in options ? options.environment : () => options.consumer;
  /** Environments not running a batch; at most `concurrency` ever exist. */
  const idleEnvironments: SqsConsumer[] = [];

  const visible: QueuedMessage[] = [];
  const awaitingRetry = new Map<QueuedMessage, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const dead: DeadLetter[] = [];
  const idleWaiters: (() => void)[] = [];
  const counters: QueueStats = { sent: 0, delivered: 0, succeeded: 0, retried: 0, deadLettered: 0 };
  let pumpScheduled: NodeJS.Immediate | undefined;
  let closed = false;

  const isIdle = () =>
    closed || (visible.length === 0 && awaitingRetry.size === 0 && inFlight.size === 0 && !pumpScheduled);

  function settleIdle(): void {
    if (!isIdle()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  }

  // Deferring to the next turn lets messages sent in the same tick share a batch, as a poller would.
  function schedulePump(): void {
    if (closed || pumpScheduled) return;
    pumpScheduled = setImmediate(() => {
      pumpScheduled = undefined;
      pump();
      settleIdle();
    });
  }

  function pump(): void {
    while (!closed && inFlight.size < concurrency && visible.length > 0) {
      const batch = visible.splice(0, batchSize);
      const delivery = deliver(batch).finally(() => {
        inFlight.delete(delivery);
        schedulePump();
        settleIdle();
      });
      inFlight.add(delivery);
    }
  }

  async function deliver(batch: QueuedMessage[]): Promise<void> {
    const receivedAt = now();
    for (const message of batch) {
      message.receiveCount += 1;
      message.firstReceiveTimestamp ??= receivedAt;
    }
    counters.delivered += batch.length;
    const event: SQSEvent = { Records: batch.map((message) => toRecord(message, arn, region)) };
    let failures: ReadonlyMap<string, string>;
    const consumer = idleEnvironments.pop() ?? startEnvironment();
    try {
      const response = await consumer(structuredClone(event));
      failures = failedMessages(response, batch);
    } catch (error) {
      const reason = `consumer threw ${describeError(error)}`;
      failures = new Map(batch.map((message) => [message.messageId, reason]));
    } finally {
      idleEnvironments.push(consumer);
    }
    for (const message of batch) {
      const failure = failures.get(message.messageId);
      if (failure === undefined) counters.succeeded += 1;
      else handleFailure(message, failure);
    }
  }

  function handleFailure(message: QueuedMessage, failure: string): void {
    if (message.receiveCount >= maxReceiveCount) {
      counters.deadLettered += 1;
      dead.push({
        messageId: message.messageId,
        body: message.body,
        receiveCount: message.receiveCount,
        sentTimestamp: message.sentTimestamp,
        failure,
      });
      return;
    }
    if (closed) return;
    counters.retried += 1;
    const timer = setTimeout(() => {
      awaitingRetry.delete(message);
      visible.push(message);
      schedulePump();
    }, retryDelayMs(message.receiveCount));
    awaitingRetry.set(message, timer);
  }

  return {
    arn,
    send(body, messageAttributes = {}) {
      if (closed) throw new Error(`queue ${queueName} is closed`);
      const size = Buffer.byteLength(body, 'utf8');
      if (size === 0 || size > MAX_BODY_BYTES) {
        throw new RangeError(`message body must be 1 to ${MAX_BODY_BYTES} bytes, got ${size}`);
      }
      const attributes = toMessageAttributes(messageAttributes);
      const message: QueuedMessage = {
        messageId: randomUUID(),
        body,
        messageAttributes: attributes,
        md5OfBody: md5Hex(Buffer.from(body, 'utf8')),
        md5OfMessageAttributes:
          Object.keys(attributes).length > 0 ? md5OfMessageAttributes(attributes) : undefined,
        sentTimestamp: now(),
        firstReceiveTimestamp: undefined,
        receiveCount: 0,
      };
      counters.sent += 1;
      visible.push(message);
      schedulePump();
      return message.messageId;
    },
    drain() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    stats: () => ({ ...counters }),
    deadLetters: () => dead.map((letter) => ({ ...letter })),
    async close() {
      closed = true;
      if (pumpScheduled) clearImmediate(pumpScheduled);
      pumpScheduled = undefined;
      for (const timer of awaitingRetry.values()) clearTimeout(timer);
      awaitingRetry.clear();
      await Promise.allSettled([...inFlight]);
      settleIdle();
    },
  };
}

/**
 * Lambda's reading of a partial batch response: nothing, `{}` or an empty list is full success;
 * anything malformed, or an identifier that is not in the batch, fails the whole batch.
 */
export function failedMessages(
  response: unknown,
  batch: readonly { messageId: string }[],
): Map<string, string> {
  const all = (reason: string) => new Map(batch.map((message) => [message.messageId, reason]));
  if (response === undefined || response === null) return new Map();
  if (typeof response !== 'object') return all('invalid batch response');
  const items = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (items === undefined || items === null) return new Map();
  if (!Array.isArray(items)) return all('invalid batch response');
  const ids = new Set(batch.map((message) => message.messageId));
  const failed = new Map<string, string>();
  for (const item of items) {
    const identifier = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof identifier !== 'string' || !ids.has(identifier)) {
      return all('batch response names an item that is not in the batch');
    }
    failed.set(identifier, 'reported in batchItemFailures');
  }
  return failed;
}

function toRecord(message: QueuedMessage, arn: string, region: string): SQSRecord {
  const record: SQSRecord = {
    messageId: message.messageId,
    receiptHandle: randomBytes(96).toString('base64'),
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentTimestamp),
      SenderId: SENDER_ID,
      ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? message.sentTimestamp),
    },
    messageAttributes: message.messageAttributes,
    md5OfBody: message.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: region,
  };
  if (message.md5OfMessageAttributes) record.md5OfMessageAttributes = message.md5OfMessageAttributes;
  return record;
}

function toMessageAttributes(values: Readonly<Record<string, string>>): SQSMessageAttributes {
  const attributes: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(values)) {
    attributes[name] = { stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' };
  }
  return attributes;
}

/**
 * SQS's digest of message attributes: for each attribute in name order, the name, the data type
 * and the value, each prefixed by its 4-byte big-endian length, with a transport byte (1 = string)
 * before the value.
 */
export function md5OfMessageAttributes(attributes: SQSMessageAttributes): string {
  const parts: Buffer[] = [];
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name]!;
    parts.push(lengthPrefixed(name), lengthPrefixed(attribute.dataType), Buffer.from([1]));
    parts.push(lengthPrefixed(attribute.stringValue ?? ''));
  }
  return md5Hex(Buffer.concat(parts));
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function md5Hex(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error value';
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}
