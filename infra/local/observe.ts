/**
 * Watching the local stack's SDK clients from the outside, through their middleware stacks: items
 * written to DynamoDB and the capacity units each call consumed (the benchmark's cost figures), and
 * bytes of uploads read from S3 (progress per file). The handlers and adapters are not touched, so
 * what is measured is what runs on AWS.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { INCOMING_PREFIX } from '#core/domain/uploads';

export interface CommandCounts {
  requests: number;
  /** Items written (0 for reads). */
  items: number;
  /** Wall time spent waiting for these calls, retries and backoff included. */
  ms: number;
}

export interface DynamoWriteCounts {
  /** Write API calls, including resent BatchWriteItem calls for unprocessed items. */
  requests: number;
  /** Items the table accepted (put, update or delete), unprocessed items not counted. */
  items: number;
  /**
   * Capacity units as the table reports them with `ReturnConsumedCapacity: 'TOTAL'`, which every call
   * is sent with: DynamoDB's rules (a write unit per started KB of the larger of the old and new item,
   * a read unit per started 4 KB, half for an eventually consistent read). dynalite counts the
   * table only; on AWS each write that changes a GSI key or projection costs index write units too.
   */
  readUnits: number;
  writeUnits: number;
  /** Every command, reads too, so a benchmark can tell table time from compute time. */
  byCommand: Record<string, CommandCounts>;
}

const SINGLE_ITEM_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

function capacityUnits(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  return list.reduce((sum: number, c) => sum + ((c as { CapacityUnits?: number }).CapacityUnits ?? 0), 0);
}

interface HandlerArgs {
  input: object;
}
interface HandlerOutput {
  output: object;
}
/** The slice of the SDK's middleware stack used here: an initialize-step middleware sees input and output. */
type InitializeMiddleware = (
  next: (args: HandlerArgs) => Promise<HandlerOutput>,
  context: { commandName?: string },
) => (args: HandlerArgs) => Promise<HandlerOutput>;
interface InitializeStack {
  add(middleware: InitializeMiddleware, options: { step: 'initialize'; name: string }): void;
}

function addInitializeMiddleware(
  client: DynamoDBClient | S3Client,
  name: string,
  middleware: InitializeMiddleware,
): void {
  (client.middlewareStack as unknown as InitializeStack).add(middleware, { step: 'initialize', name });
}

function batchItems(requestItems: unknown): number {
  if (requestItems === null || typeof requestItems !== 'object') return 0;
  return Object.values(requestItems as Record<string, unknown[]>).reduce(
    (sum, list) => sum + (Array.isArray(list) ? list.length : 0),
    0,
  );
}

export interface DynamoWriteCounter {
  counts(): DynamoWriteCounts;
  reset(): void;
}

/** Counts successful write calls, the items they wrote and the capacity every call consumed; times every call. */
export function countDynamoWrites(client: DynamoDBClient): DynamoWriteCounter {
  const empty = (): DynamoWriteCounts => ({
    requests: 0,
    items: 0,
    readUnits: 0,
    writeUnits: 0,
    byCommand: {},
  });
  let counts = empty();
  const add = (command: string, items: number, ms: number, write: boolean) => {
    const entry = counts.byCommand[command] ?? { requests: 0, items: 0, ms: 0 };
    counts.byCommand[command] = entry;
    entry.requests += 1;
    entry.items += items;
    entry.ms += ms;
    if (!write) return;
    counts.requests += 1;
    counts.items += items;
  };
  const middleware: InitializeMiddleware = (next, context) => async (args) => {
    const started = performance.now();
    const input = args.input as { ReturnConsumedCapacity?: string };
    input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const ms = performance.now() - started;
    const command = context.commandName ?? 'unknown';
    const units = capacityUnits((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
    if (READS.has(command)) counts.readUnits += units;
    else counts.writeUnits += units;
    if (command === 'BatchWriteItemCommand') {
      const input = args.input as { RequestItems?: unknown };
      const output = result.output as { UnprocessedItems?: unknown };
      add(command, batchItems(input.RequestItems) - batchItems(output.UnprocessedItems), ms, true);
    } else {
      const write = SINGLE_ITEM_WRITES.has(command);
      add(command, write ? 1 : 0, ms, write);
    }
    return result;
  };
  addInitializeMiddleware(client, 'sinergiLocalWriteCounter', middleware);
  return {
    counts: () => structuredClone(counts),
    reset: () => {
      counts = empty();
    },
  };
}

export type BytesReadListener = (key: string, bytes: number) => void;

/**
 * Reports the bytes of every GetObject body as the reader pulls them. The body is re-wrapped as an
 * async iterable with `destroy`, which is all the upload readers use of it.
 */
export function observeObjectReads(client: S3Client, listener: BytesReadListener): void {
  const middleware: InitializeMiddleware = (next, context) => async (args) => {
    const result = await next(args);
    const output = result.output as { Body?: unknown };
    const key = (args.input as { Key?: string }).Key;
    if (context.commandName !== 'GetObjectCommand' || key === undefined) return result;
    if (key.startsWith(INCOMING_PREFIX) && isAsyncIterable(output.Body)) {
      output.Body = countingBody(output.Body, (bytes) => listener(key, bytes));
    }
    return result;
  };
  addInitializeMiddleware(client, 'sinergiLocalReadObserver', middleware);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function countingBody(body: AsyncIterable<Uint8Array>, onBytes: (total: number) => void) {
  let total = 0;
  async function* chunks() {
    for await (const chunk of body) {
      total += chunk.byteLength;
      onBytes(total);
      yield chunk;
    }
  }
  return {
    [Symbol.asyncIterator]: chunks,
    destroy: () => (body as { destroy?: () => void }).destroy?.(),
    transformToString: async () => {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks()) parts.push(chunk);
      return Buffer.concat(parts).toString('utf8');
    },
  };
}
