/**
 * Crash recovery for recommendation writers. A writer stores sets as it goes and updates candidate
 * lists only at `close`; a run cut off in between (a Lambda timeout) leaves sets whose lists were
 * never updated. So a writer puts a session marker before its first set, every set it writes names
 * the session, and `close` deletes the marker after the lists. A later writer that finds a set of a
 * session whose marker is still there does not trust the lists for that youth and touches all of
 * them again (safe: lists are derived from the sets, so touching twice changes nothing).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, type Key, type TableContext } from './common.ts';

const PREFIX = 'RECSESSION#';

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

  /** After the lists are updated: later writers may trust them again. */
  async close(): Promise<void> {
    if (!this.marker) return;
    await this.marker;
    await this.ctx.doc.send(new DeleteCommand({ TableName: this.ctx.tableName, Key: sessionKey(this.id) }));
  }
}
