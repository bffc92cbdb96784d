/**
 * What every DynamoDB adapter shares: the document client, batch writes and reads that retry what
 * DynamoDB left unprocessed, paginated queries, opaque cursors and conditional-write translation.
 */
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '#core/domain/errors';
import type { Page, PageRequest } from '#core/ports';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

export interface RetryOptions {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 <= x < 1; injectable so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface AdapterOptions {
  client: DynamoDBClient;
  tableName: string;
  retry?: Partial<RetryOptions>;
}

/** DynamoDB refuses items over 400 KB; we stop well before so one item never sinks a batch. */
export const MAX_ITEM_BYTES = 350 * 1024;
const BATCH_WRITE_LIMIT = 25;
const BATCH_GET_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 100;

/** Requests DynamoDB still had not processed after every attempt. */
export class BatchIncompleteError extends Error {
  override name = 'BatchIncompleteError';
  constructor(
    readonly operation: 'BatchWriteItem' | 'BatchGetItem',
    readonly remaining: number,
    attempts: number,
  ) {
    super(`${operation}: ${remaining} request(s) still unprocessed after ${attempts} attempts`);
  }
}

export class TableContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retry: RetryOptions;

  constructor(options: AdapterOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.tableName = options.tableName;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }
}

/** Full jitter: a random delay up to an exponentially growing, capped ceiling. */
export function backoffDelay(attempt: number, retry: RetryOptions): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return Math.floor(retry.random() * ceiling);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Batch calls one batchWrite or batchGet keeps in flight: DynamoDB serves them in parallel. */
export const BATCH_CALLS_AT_ONCE = 8;

/** Runs `run` over the items with at most `limit` running at once; the first failure rejects. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Writes in chunks of 25, a few chunks at a time, retrying only what DynamoDB returned as unprocessed. */
export async function batchWrite(ctx: TableContext, requests: readonly WriteRequest[]): Promise<void> {
  await inParallel(chunk(requests, BATCH_WRITE_LIMIT), BATCH_CALLS_AT_ONCE, async (part) => {
    let pending: WriteRequest[] = part;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= ctx.retry.maxAttempts) {
        throw new BatchIncompleteError('BatchWriteItem', pending.length, ctx.retry.maxAttempts);
      }
      if (attempt > 0) await ctx.retry.sleep(backoffDelay(attempt, ctx.retry));
      const out = await ctx.doc.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[ctx.tableName] ?? []) as WriteRequest[];
    }
  });
}

/**
 * Reads by key in chunks of 100, retrying unprocessed keys; missing items are simply absent.
 * `consistent` reads what every write acknowledged before the call (twice the read units).
 */
export async function batchGet(
  ctx: TableContext,
  keys: readonly Key[],
  projection?: readonly string[],
  consistent = false,
): Promise<Item[]> {
  const found: Item[] = [];
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const projectionParams = projection
    ? {
        ProjectionExpression: projection.map((_, i) => `#p${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(projection.map((name, i) => [`#p${i}`, name])),
      }
    : {};
  await inParallel(chunk(unique, BATCH_GET_LIMIT), BATCH_CALLS_AT_ONCE, async (part) => {
    let pending: Key[] = part;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= ctx.retry.maxAttempts) {
        throw new BatchIncompleteError('BatchGetItem', pending.length, ctx.retry.maxAttempts);
      }
      if (attempt > 0) await ctx.retry.sleep(backoffDelay(attempt, ctx.retry));
      const input: BatchGetCommandInput = {
        RequestItems: {
          [ctx.tableName]: {
            Keys: pending,
            ...projectionParams,
            ...(consistent ? { ConsistentRead: true } : {}),
          },
        },
      };
      const out = await ctx.doc.send(new BatchGetCommand(input));
      found.push(...((out.Responses?.[ctx.tableName] ?? []) as Item[]));
      pending = (out.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []) as Key[];
    }
  });
  return found;
}

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastEvaluatedKey) return undefined;
  return Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new ValidationError([{ field: 'cursor', reason: 'is not a cursor this list issued' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const isKeyMap =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => typeof v === 'string');
  if (!isKeyMap) throw invalid();
  return parsed as Record<string, unknown>;
}

export function pageLimit(page: PageRequest | undefined): number {
  const limit = page?.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new ValidationError([{ field: 'limit', reason: `must be an integer from 1 to ${MAX_PAGE_LIMIT}` }]);
  }
  return limit;
}

type QueryShape = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;

/** One page for a caller that holds a cursor. */
export async function queryPage<T>(
  ctx: TableContext,
  query: QueryShape,
  page: PageRequest | undefined,
  toItem: (item: Item) => T,
): Promise<Page<T>> {
  const out = await ctx.doc.send(
    new QueryCommand({
      ...query,
      TableName: ctx.tableName,
      Limit: pageLimit(page),
      ExclusiveStartKey: decodeCursor(page?.cursor),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  const items = ((out.Items ?? []) as Item[]).map(toItem);
  return cursor ? { items, cursor } : { items };
}

/** Every matching item, following LastEvaluatedKey page by page (1 MB each). */
export async function* queryAll(
  ctx: TableContext,
  query: QueryShape,
  pageSize?: number,
): AsyncGenerator<Item> {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ctx.doc.send(
      new QueryCommand({ ...query, TableName: ctx.tableName, ExclusiveStartKey: start, Limit: pageSize }),
    );
    for (const item of (out.Items ?? []) as Item[]) yield item;
    start = out.LastEvaluatedKey;
  } while (start);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException'
  );
}

/** Runs a conditional write; a lost condition becomes a ConflictError, anything else is rethrown. */
export async function conditionally(write: () => Promise<unknown>, conflict: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new ConflictError(conflict);
    throw error;
  }
}

/**
 * An item's size as DynamoDB counts it: attribute names and values in UTF-8, binary values by their
 * bytes, numbers at their 21-byte maximum, 3 bytes for each map or list and 1 for each element.
 */
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return 21;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 3);
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + itemBytes(v), 0);
  let bytes = 3;
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) bytes += Buffer.byteLength(name, 'utf8') + 1 + itemBytes(v);
  }
  return bytes;
}

/** Refuses an item over our budget before anything is sent, naming the record. */
export function assertItemSize(item: Item, what: string): void {
  const bytes = itemBytes(item);
  if (bytes > MAX_ITEM_BYTES) {
    throw new ValidationError([
      {
        record: what,
        field: 'size',
        reason: `${bytes} bytes exceeds the ${MAX_ITEM_BYTES}-byte item budget`,
      },
    ]);
  }
}

/** Strips the key and index attributes so a stored item reads back as the domain value. */
export function withoutKeys(item: Item): Item {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, entity: _e, ...rest } = item;
  return rest;
}

export interface VersionedWrite {
  id: string;
  key: Key;
  version: number;
  item: Item;
}

export function assertVersion(version: number, what: string): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new ValidationError([{ record: what, field: 'version', reason: 'must be a non-negative integer' }]);
  }
}

/** Condition of a single versioned PutItem: absent, or stored version not newer. */
export const VERSION_CONDITION = {
  ConditionExpression: 'attribute_not_exists(pk) OR #version <= :version',
  ExpressionAttributeNames: { '#version': 'version' },
} as const;

/**
 * BatchWriteItem cannot carry conditions, so the stored versions are read first and records whose
 * stored version is newer are skipped. Within one call the highest version of a key wins.
 */
export async function putManyVersioned(
  ctx: TableContext,
  writes: readonly VersionedWrite[],
): Promise<{ written: number; stale: string[] }> {
  const latest = new Map<string, VersionedWrite>();
  const stale: string[] = [];
  for (const write of writes) {
    const id = `${write.key.pk}\u0000${write.key.sk}`;
    const seen = latest.get(id);
    if (seen && seen.version > write.version) stale.push(write.id);
    else {
      if (seen) stale.push(seen.id);
      latest.set(id, write);
    }
  }
  const candidates = [...latest.values()];
  const stored = await batchGet(
    ctx,
    candidates.map((w) => w.key),
    ['pk', 'sk', 'version'],
  );
  const storedVersion = new Map(stored.map((s) => [`${s.pk}\u0000${s.sk}`, s.version as number]));
  const accepted = candidates.filter((w) => {
    const current = storedVersion.get(`${w.key.pk}\u0000${w.key.sk}`);
    if (current !== undefined && current > w.version) {
      stale.push(w.id);
      return false;
    }
    return true;
  });
  await batchWrite(
    ctx,
    accepted.map((w) => ({ PutRequest: { Item: w.item } })),
  );
  return { written: accepted.length, stale };
}

/** Everything about one youth shares this partition, so export and erasure are one Query. */
export function youthPartition(youthId: string): string {
  return `YOUTH#${youthId}`;
}

/** Key prefix of an opportunity kind: vacancies and training offers. */
export function opportunityPrefix(kind: 'job' | 'training'): 'VAC' | 'TRN' {
  return kind === 'job' ? 'VAC' : 'TRN';
}

/**
 * Puts an item whose `version` counts its saves: version 1 only if nothing is there, any later
 * version only over the one before it. A lost condition is a ConflictError with `conflict`.
 */
export async function putNextVersion(ctx: TableContext, item: Item & { version: number }, conflict: string) {
  const first = item.version === 1;
  await conditionally(
    () =>
      ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: item,
          ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
          ...(!first && { ExpressionAttributeValues: { ':previous': item.version - 1 } }),
        }),
      ),
    conflict,
  );
}
