/**
 * Recommendation sets, one item per youth, and the candidate lists derived from them, one item per
 * opportunity (docs/data-model.md). A set is rewritten only when its content changed; the lists it
 * touched are brought in line at `close` (`candidate-lists.ts`), a session marker covers a run cut
 * off before that (`writer-sessions.ts`), and list pages are checked against the sets when read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
import {
  addListCounts,
  entryOf,
  type ListCounts,
  type OpportunityRef,
  opportunityKey,
  type SetOpportunity,
  setOpportunities,
} from '#core/matching/candidate-lists';
import type {
  CandidateEntry,
  CandidateListScope,
  Page,
  PageRequest,
  RecommendationHeadline,
  RecommendationRepository,
  RecommendationSet,
  RecommendationWriter,
  SetsWritten,
  StoredRecommendationSet,
  WriteSetsResult,
} from '#core/ports';
import {
  ListTouches,
  readMemberships,
  repairCandidateLists,
  type Sweep,
  syncCandidateLists,
} from './candidate-lists.ts';
import {
  type AdapterOptions,
  batchGet,
  batchWrite,
  decodeCursor,
  encodeCursor,
  type Item,
  pageLimit,
  TableContext,
} from './common.ts';
import { erasedSince } from './erasure.ts';
import {
  decodeCandidates,
  HEADLINE_ATTRIBUTES,
  recommendationKeys,
  type SetSlot,
  SUMMARY_ATTRIBUTES,
  serialiseSet,
  toHeadline,
  toSetItem,
  toSetSlot,
  toStoredRecommendationSet,
} from './recommendation-items.ts';
import { WriterSession } from './writer-sessions.ts';

function assertOneSetPerYouth(sets: readonly RecommendationSet[]): void {
  const seen = new Set<string>();
  for (const set of sets) {
    if (seen.has(set.youthId)) {
      throw new ValidationError([
        { record: set.youthId, field: 'youthId', reason: 'two sets for one youth' },
      ]);
    }
    seen.add(set.youthId);
  }
}

/** What to do with one set given what its key held when read. */
type SetPlan =
  | { action: 'erased' | 'unchanged' }
  | { action: 'write'; item: Item; touches: OpportunityRef[] };

/**
 * A writer session. Each block's changed sets are stored at once (BatchWriteItem); the lists they
 * touch are brought in line at `close`, from the sets as they are then. Three checks cover writers
 * that meet on one youth, since a batch write cannot carry a condition:
 * - after each block, the erasure tombstones of its youth are read: an erasure that began after the
 *   block read its sets gets its marker back, and the lists are then derived from the marker;
 * - after each block, the closing receipts since the block's read (`writer-sessions.ts`): lists of
 *   writers that finished in between are swept for the block's youth at `close`;
 * - at `close`, after its own receipt, the sets this writer wrote are read again: where another
 *   writer replaced one, the lists this writer touched for that youth are brought in line again.
 */
class DynamoRecommendationWriter<S extends RecommendationSet> implements RecommendationWriter<S> {
  private readonly session: WriterSession;
  private readonly touches = new ListTouches();
  /** Per youth written: the lists touched, for the check at `close`. */
  private readonly touchedBy = new Map<string, OpportunityRef[]>();
  private closed = false;
  private readonly total: SetsWritten = { written: 0, unchanged: 0, erased: 0 };

  constructor(private readonly ctx: TableContext) {
    this.session = new WriterSession(ctx);
  }

  async write(sets: readonly S[], districts?: ReadonlyMap<string, string>): Promise<SetsWritten> {
    if (this.closed) throw new Error('recommendation writer: write after close');
    assertOneSetPerYouth(sets);
    const closingsBefore = await this.session.latestClosing();
    const slots = await this.readSlots(sets.map((s) => s.youthId));
    const open = await this.session.openAmong(
      [...slots.values()].flatMap((slot) =>
        slot.state === 'set' && slot.summary.session ? [slot.summary.session] : [],
      ),
    );
    const result: SetsWritten = { written: 0, unchanged: 0, erased: 0 };
    const writes: { youthId: string; item: Item; touches: OpportunityRef[] }[] = [];
    for (const set of sets) {
      const slot = slots.get(set.youthId) ?? { state: 'absent' };
      const plan = this.plan(set, slot, open, districts?.get(set.youthId));
      if (plan.action === 'write')
        writes.push({ youthId: set.youthId, item: plan.item, touches: plan.touches });
      else result[plan.action]++;
    }
    if (writes.length > 0) {
      // The marker before any set names the session, so a cut-off run is always recognisable.
      await this.session.open();
      await batchWrite(
        this.ctx,
        writes.map(({ item }) => ({ PutRequest: { Item: item } })),
      );
    }
    const erased = await erasedSince(
      this.ctx,
      writes.map((w) => w.youthId),
    );
    for (const { youthId, touches } of writes) {
      for (const o of touches) this.touches.add(o, youthId);
      this.touchedBy.set(youthId, touches);
      result[erased.has(youthId) ? 'erased' : 'written']++;
    }
    if (writes.length > 0)
      await this.sweepClosedMeanwhile(
        closingsBefore,
        writes.map((w) => w.youthId),
      );
    this.total.written += result.written;
    this.total.unchanged += result.unchanged;
    this.total.erased += result.erased;
    return result;
  }

  async close(): Promise<WriteSetsResult> {
    if (this.closed) throw new Error('recommendation writer: closed twice');
    this.closed = true;
    let counts: ListCounts = await syncCandidateLists(this.ctx, this.touches);
    // Announced before the check below: a writer that replaces one of these sets later finds the receipt.
    await this.session.announceClosing(
      this.touches.all().map((l) => l.ref),
      Date.now(),
    );
    const replaced = await this.replacedByOthers();
    if (replaced.size > 0) counts = addListCounts(counts, await syncCandidateLists(this.ctx, replaced));
    await this.session.close();
    return { ...this.total, ...counts };
  }

  /**
   * Writers that closed between this block's read and its write may have written these youth's
   * sets in between and put them on lists this writer cannot know: their receipts name the lists,
   * whose entries of these youth are then brought in line at `close`.
   */
  private async sweepClosedMeanwhile(before: number, youthIds: readonly string[]): Promise<void> {
    if ((await this.session.latestClosing()) === before) return;
    const block = new Set(youthIds);
    const ofBlock: Sweep = (entry) => block.has(entry.youthId);
    for (const o of await this.session.listsClosedAfter(before)) this.touches.sweep(o, ofBlock);
  }

  /** The lists touched for youth whose set another writer replaced after this one wrote it. */
  private async replacedByOthers(): Promise<ListTouches> {
    const again = new ListTouches();
    const current = await batchGet(
      this.ctx,
      [...this.touchedBy.keys()].map((id) => recommendationKeys.set(id)),
      ['youthId', 'session'],
      true,
    );
    for (const item of current) {
      if (item.session === this.session.id) continue;
      const youthId = item.youthId as string;
      for (const o of this.touchedBy.get(youthId) ?? []) again.add(o, youthId);
    }
    return again;
  }

  private plan(set: S, slot: SetSlot, open: ReadonlySet<string>, givenDistrict: string | undefined): SetPlan {
    if (slot.state === 'erased') return { action: 'erased' };
    const previous = slot.state === 'set' ? slot.summary : undefined;
    const serialised = serialiseSet(set);
    // Lists of a set written by an unfinished run may or may not reflect it.
    const settled = !previous?.session || !open.has(previous.session);
    const district = givenDistrict ?? previous?.district;
    if (settled && previous?.contentHash === serialised.contentHash && previous.district === district) {
      return { action: 'unchanged' };
    }
    const opportunities = setOpportunities(set);
    const kept = new Set(opportunities.map(opportunityKey));
    const removals = new Map<string, SetOpportunity>();
    for (const o of [
      ...(settled ? [] : (previous?.pendingRemovals ?? [])),
      ...(previous?.opportunities ?? []),
    ]) {
      if (!kept.has(opportunityKey(o))) removals.set(opportunityKey(o), o);
    }
    const item = toSetItem({
      set,
      serialised,
      opportunities,
      pendingRemovals: [...removals.values()],
      session: this.session.id,
      ...(district !== undefined ? { district } : {}),
    });
    // Every list of the new set: what this writer read may already be older than what it replaces.
    return { action: 'write', item, touches: [...opportunities, ...removals.values()] };
  }

  private async readSlots(youthIds: readonly string[]): Promise<Map<string, SetSlot>> {
    const items = await batchGet(
      this.ctx,
      youthIds.map((id) => recommendationKeys.set(id)),
      SUMMARY_ATTRIBUTES,
    );
    return new Map(items.map((item) => [item.youthId as string, toSetSlot(item)]));
  }
}

export class DynamoRecommendationRepository<S extends RecommendationSet = RecommendationSet>
  implements RecommendationRepository<S>
{
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  openWriter(): RecommendationWriter<S> {
    return new DynamoRecommendationWriter<S>(this.ctx);
  }

  async writeSets(sets: readonly S[], districts?: ReadonlyMap<string, string>): Promise<WriteSetsResult> {
    const writer = this.openWriter();
    await writer.write(sets, districts);
    return writer.close();
  }

  async get(youthId: string): Promise<StoredRecommendationSet<S> | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: recommendationKeys.set(youthId) }),
    );
    return out.Item ? toStoredRecommendationSet<S>(out.Item) : undefined;
  }

  repairCandidateLists(scope: CandidateListScope): Promise<ListCounts> {
    return repairCandidateLists(this.ctx, scope);
  }

  async headlines(youthIds: readonly string[]): Promise<Map<string, RecommendationHeadline>> {
    const items = await batchGet(
      this.ctx,
      youthIds.map((id) => recommendationKeys.set(id)),
      HEADLINE_ATTRIBUTES,
    );
    const headlines = items.flatMap((item) => toHeadline(item) ?? []);
    return new Map(headlines.map((h) => [h.youthId, h]));
  }

  /** The list items read 100 a call, only their entries; a missing list counts 0. */
  async candidateCounts(
    kind: OpportunityKind,
    opportunityIds: readonly string[],
  ): Promise<Map<string, number>> {
    const ids = [...new Set(opportunityIds)];
    const items = await batchGet(
      this.ctx,
      ids.map((id) => recommendationKeys.candidateList(kind, id)),
      ['pk', 'entries'],
    );
    const counts = new Map(ids.map((id) => [id, 0]));
    const prefix = recommendationKeys.candidateList(kind, '').pk;
    for (const item of items)
      counts.set((item.pk as string).slice(prefix.length), decodeCandidates(item.entries).length);
    return counts;
  }

  /** One read of the list item; the cursor is the offset of the next entry. */
  async listCandidates(
    kind: OpportunityKind,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<CandidateEntry>> {
    const limit = pageLimit(page);
    const offset = decodeOffset(page?.cursor);
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: recommendationKeys.candidateList(kind, opportunityId),
      }),
    );
    const entries = decodeCandidates(out.Item?.entries);
    const page_ = entries.slice(offset, offset + limit);
    // Checked against the sets: an entry whose youth's set no longer names the opportunity is left out.
    const memberships = await readMemberships(
      this.ctx,
      page_.map((e) => e.youthId),
      false,
    );
    const items = page_
      .filter(
        (e) => entryOf(e.youthId, memberships.get(e.youthId), { kind, id: opportunityId }) !== undefined,
      )
      .map((e): CandidateEntry => ({ kind, opportunityId, ...e }));
    const next = offset + limit;
    return next < entries.length
      ? { items, cursor: encodeCursor({ offset: String(next) }) as string }
      : { items };
  }
}

function decodeOffset(cursor: string | undefined): number {
  const position = decodeCursor(cursor);
  if (position === undefined) return 0;
  const offset = Number(position.offset);
  if (Object.keys(position).length !== 1 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new ValidationError([{ field: 'cursor', reason: 'is not a cursor this list issued' }]);
  }
  return offset;
}
