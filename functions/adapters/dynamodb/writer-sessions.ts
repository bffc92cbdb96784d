/**
 * How recommendation writers know about each other.
 *
 * Crash recovery: a writer stores sets as it goes and updates candidate lists only at `close`; a run
 * cut off in between (a Lambda timeout) leaves sets whose lists were never updated. So a writer puts
 * a session marker before its first set, every set it writes names the session, and `close` deletes
 * the marker after the lists. A later writer that finds a set of a session whose marker is still
 * there does not trust the lists for that youth and touches all of them again (safe: lists are
 * derived from the sets, so touching twice changes nothing).
 *
 * Closing receipts: sets are written in batches, without a condition, so a writer may replace a set
 * another writer wrote after this one read it. If that other writer is still running, its check at
 * `close` sees the replacement. If it already finished, it left a receipt: before its final check
 * a closing writer claims the next closing number with the lists it touched. A writer notes the
 * latest number before reading a block's sets and looks again after writing them; the receipts in
 * between name every list a replaced set can have put the block's youth on.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OpportunityRef } from '#core/matching/candidate-lists';
import {
  assertItemSize,
  batchGet,
  batchWrite,
  collect,
  type Item,
  isConditionalCheckFailed,
  type Key,
  queryAll,
  type TableContext,
} from './common.ts';

const PREFIX = 'RECSESSION#';
const RECEIPTS = 'RECCLOSINGS';
const receiptKey = (seq: number): Key => ({ pk: RECEIPTS, sk: String(seq).padStart(12, '0') });
/** Far longer than any run: a receipt is read only by writers whose block began before it. */
const KEEP_RECEIPTS_MS = 24 * 60 * 60 * 1000;
/** Attempts to claim a closing number when other writers close at the same time. */
const CLAIM_ATTEMPTS = 20;

export const sessionKey = (sessionId: string): Key => ({ pk: `${PREFIX}${sessionId}`, sk: 'OPEN' });

export class WriterSession {
  readonly id = randomUUID();
  /** The marker's put, started by the first write that stores a set. */
  private marker: Promise<unknown> | undefined;
  /** Sessions found closed stay closed: their markers are never written again. */
  private readonly closed = new Set<string>();

  constructor(private readonly ctx: TableContext) {}

  /** Puts the marker once; must complete before any set names the session. */
  async open(): Promise<void> {
    this.marker ??= this.ctx.doc.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...sessionKey(this.id), entity: 'recsession' },
      }),
    );
    await this.marker;
  }

  /** Which of the named sessions are still open (this one always is until `close`). */
  async openAmong(sessionIds: Iterable<string>): Promise<Set<string>> {
    const open = new Set<string>([this.id]);
    const unknown = [...new Set(sessionIds)].filter((id) => id !== this.id && !this.closed.has(id));
    if (unknown.length === 0) return open;
    const markers = await batchGet(this.ctx, unknown.map(sessionKey), ['pk'], true);
    const present = new Set(markers.map((m) => (m.pk as string).slice(PREFIX.length)));
    for (const id of unknown) {
      if (present.has(id)) open.add(id);
      else this.closed.add(id);
    }
    return open;
  }

  /** The latest closing number (0 before any), read consistently. */
  async latestClosing(): Promise<number> {
    const out = await this.ctx.doc.send(
      new QueryCommand({
        TableName: this.ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': RECEIPTS },
        ProjectionExpression: 'sk',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const latest = out.Items?.[0]?.sk;
    return typeof latest === 'string' ? Number(latest) : 0;
  }

  /** Every list named by a receipt numbered after `since`. */
  async listsClosedAfter(since: number): Promise<OpportunityRef[]> {
    const receipts = await collect(
      queryAll(this.ctx, {
        KeyConditionExpression: 'pk = :pk AND sk > :since',
        ExpressionAttributeValues: { ':pk': RECEIPTS, ':since': receiptKey(since).sk },
        ConsistentRead: true,
      }),
    );
    return receipts.flatMap((r: Item) =>
      (JSON.parse(r.lists as string) as [OpportunityRef['kind'], string][]).map(([kind, id]) => ({
        kind,
        id,
      })),
    );
  }

  /** Claims the next closing number with the lists this session touched; drops day-old receipts. */
  async announceClosing(lists: readonly OpportunityRef[], now: number): Promise<void> {
    if (!this.marker) return;
    const item = {
      entity: 'recclosing',
      closedAt: now,
      lists: JSON.stringify(lists.map((o) => [o.kind, o.id])),
    };
    // About 18 bytes a list: the budget holds some 19,000 lists, three times the full demo's.
    assertItemSize({ ...receiptKey(0), ...item }, `closing receipt of session ${this.id}`);
    for (let attempt = 0; ; attempt++) {
      const seq = (await this.latestClosing()) + 1;
      try {
        await this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: { ...receiptKey(seq), ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        break;
      } catch (error) {
        if (!isConditionalCheckFailed(error) || attempt + 1 >= CLAIM_ATTEMPTS) throw error;
      }
    }
    const oldest = await this.ctx.doc.send(
      new QueryCommand({
        TableName: this.ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': RECEIPTS },
        ProjectionExpression: 'pk, sk, closedAt',
        Limit: 25,
      }),
    );
    const expired = (oldest.Items ?? []).filter((r) => (r.closedAt as number) < now - KEEP_RECEIPTS_MS);
    await batchWrite(
      this.ctx,
      expired.map((r) => ({ DeleteRequest: { Key: { pk: r.pk as string, sk: r.sk as string } } })),
    );
  }

  /** After the lists are updated: later writers may trust them again. */
  async close(): Promise<void> {
    if (!this.marker) return;
    await this.marker;
    await this.ctx.doc.send(new DeleteCommand({ TableName: this.ctx.tableName, Key: sessionKey(this.id) }));
  }
}
