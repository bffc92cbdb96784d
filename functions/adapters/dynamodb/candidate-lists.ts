/**
 * Candidate list items, one per opportunity, kept in line with the recommendation sets. Whoever
 * touched a youth's set (a writer at `close`, erasure, the nightly repair) names the lists and the
 * youth to bring in line; this module reads those lists, then reads the youth's sets as they are
 * now (consistent reads, after the lists), derives each youth's entry from their set and writes each
 * changed list conditional on the `version` it read. A lost condition reads the list and the sets
 * again. Because the sets are read after the list and the write fails if the list changed since,
 * the last write of a list always reflects sets at least as new as every earlier writer saw: an old
 * view of a set can never leave an entry behind (docs/operations.md, consistency model).
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#core/domain/errors';
import {
  addListCounts,
  entryOf,
  type ListCounts,
  type ListedCandidate,
  type ListMembership,
  mergeCandidateList,
  NO_LIST_CHANGES,
  type OpportunityRef,
  opportunityKey,
} from '#core/matching/candidate-lists';
import type { CandidateListScope } from '#core/ports';
import {
  backoffDelay,
  batchGet,
  type Item,
  inParallel,
  isConditionalCheckFailed,
  type TableContext,
} from './common.ts';
import {
  decodeCandidates,
  encodeCandidates,
  MEMBERSHIP_ATTRIBUTES,
  membershipOf,
  recommendationKeys,
  SUMMARY_ATTRIBUTES,
  toSetSlot,
} from './recommendation-items.ts';

/** Candidate lists written at once. */
const LIST_WRITES_AT_ONCE = 16;

const listKey = (ref: OpportunityRef) => recommendationKeys.candidateList(ref.kind, ref.id);

/** Which entries already on a list to check, besides the youth named. */
export type Sweep = (entry: ListedCandidate) => boolean;

interface TouchedList {
  ref: OpportunityRef;
  youth: Set<string>;
  sweeps: Set<Sweep>;
}

/**
 * The lists to bring in line, each with the youth whose entries on it may be out of date: named
 * youth, and entries already on the list that a sweep selects (found once the list is read).
 */
export class ListTouches {
  private readonly lists = new Map<string, TouchedList>();

  private list(ref: OpportunityRef): TouchedList {
    const key = opportunityKey(ref);
    let list = this.lists.get(key);
    if (!list) {
      list = { ref: { kind: ref.kind, id: ref.id }, youth: new Set(), sweeps: new Set() };
      this.lists.set(key, list);
    }
    return list;
  }

  add(ref: OpportunityRef, youthId: string): void {
    this.list(ref).youth.add(youthId);
  }

  sweep(ref: OpportunityRef, which: Sweep): void {
    this.list(ref).sweeps.add(which);
  }

  get size(): number {
    return this.lists.size;
  }

  all(): TouchedList[] {
    return [...this.lists.values()];
  }
}

/** The youth a list must be brought in line for, given the list as stored. */
function youthOf(list: TouchedList, stored: Item | undefined): Set<string> {
  if (list.sweeps.size === 0) return list.youth;
  const youth = new Set(list.youth);
  for (const entry of decodeCandidates(stored?.entries)) {
    for (const which of list.sweeps) if (which(entry)) youth.add(entry.youthId);
  }
  return youth;
}

/** What each youth's set, as stored now, puts on lists (undefined: no set, or erased). */
export async function readMemberships(
  ctx: TableContext,
  youthIds: Iterable<string>,
  consistent = true,
): Promise<Map<string, ListMembership | undefined>> {
  const ids = [...new Set(youthIds)];
  const items = await batchGet(
    ctx,
    ids.map((id) => recommendationKeys.set(id)),
    MEMBERSHIP_ATTRIBUTES,
    consistent,
  );
  const byYouth = new Map(items.map((item) => [item.youthId as string, item]));
  return new Map(ids.map((id) => [id, membershipOf(toSetSlot(byYouth.get(id)))]));
}

/** The stored list items of the given opportunities by `pk`, read consistently. */
export async function readLists(
  ctx: TableContext,
  refs: readonly OpportunityRef[],
): Promise<Map<string, Item>> {
  const items = await batchGet(ctx, refs.map(listKey), undefined, true);
  return new Map(items.map((item) => [item.pk as string, item]));
}

/**
 * Brings every touched list in line with the sets of its touched youth. `stored` are the lists as
 * read before this call, if the caller has read them already (they must be read before the sets).
 */
export async function syncCandidateLists(
  ctx: TableContext,
  touches: ListTouches,
  stored?: ReadonlyMap<string, Item>,
): Promise<ListCounts> {
  const lists = touches.all();
  if (lists.length === 0) return { ...NO_LIST_CHANGES };
  const before =
    stored ??
    (await readLists(
      ctx,
      lists.map((l) => l.ref),
    ));
  const youth = new Map(lists.map((l) => [l, youthOf(l, before.get(listKey(l.ref).pk))]));
  const memberships = await readMemberships(
    ctx,
    [...youth.values()].flatMap((ids) => [...ids]),
  );
  let total = { ...NO_LIST_CHANGES };
  await inParallel(lists, LIST_WRITES_AT_ONCE, async (list) => {
    const counts = await writeList(ctx, list, before.get(listKey(list.ref).pk), memberships);
    total = addListCounts(total, counts);
  });
  return total;
}

async function writeList(
  ctx: TableContext,
  list: TouchedList,
  first: Item | undefined,
  firstMemberships: ReadonlyMap<string, ListMembership | undefined>,
): Promise<ListCounts> {
  const { ref } = list;
  const key = listKey(ref);
  let stored = first;
  let memberships = firstMemberships;
  for (let attempt = 0; ; attempt++) {
    const youth = youthOf(list, stored);
    const version = typeof stored?.version === 'number' ? stored.version : undefined;
    const wanted = new Map([...youth].map((id) => [id, entryOf(id, memberships.get(id), ref)]));
    const merged = mergeCandidateList(decodeCandidates(stored?.entries), wanted);
    if (!merged.changed) return merged.counts;
    const condition =
      version === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': version },
          };
    try {
      if (merged.entries.length === 0) {
        await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: key, ...condition }));
      } else {
        const item: Item = {
          ...key,
          entity: 'candidates',
          kind: ref.kind,
          opportunityId: ref.id,
          version: (version ?? 0) + 1,
          entries: encodeCandidates(merged.entries),
        };
        await ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: item, ...condition }));
      }
      return { ...merged.counts, candidateListsUpdated: 1 };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      if (attempt + 1 >= ctx.retry.maxAttempts) {
        throw new ConflictError(
          `candidate list ${key.pk}: still changing under other writers after ${ctx.retry.maxAttempts} attempts`,
        );
      }
      await ctx.retry.sleep(backoffDelay(attempt + 1, ctx.retry));
      // The list first, then the sets: the order that makes the next write safe.
      const out = await ctx.doc.send(
        new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }),
      );
      stored = out.Item;
      memberships = await readMemberships(ctx, youthOf(list, stored));
    }
  }
}

/**
 * Checks every list in scope against the sets: each entry of the district's youth, and each entry
 * the district's sets name, is brought in line. Returns what had to change (the drift).
 */
export async function repairCandidateLists(
  ctx: TableContext,
  scope: CandidateListScope,
): Promise<ListCounts> {
  const slots = await batchGet(
    ctx,
    scope.youthIds.map((id) => recommendationKeys.set(id)),
    SUMMARY_ATTRIBUTES,
    true,
  );
  const touches = new ListTouches();
  const ofDistrict: Sweep = (entry) => entry.district === scope.district;
  for (const o of scope.opportunities) touches.sweep(o, ofDistrict);
  for (const item of slots) {
    const slot = toSetSlot(item);
    const named =
      slot.state === 'set' ? [...slot.summary.opportunities, ...slot.summary.pendingRemovals] : [];
    for (const o of slot.state === 'erased' ? slot.pendingRemovals : named) {
      touches.add(o, item.youthId as string);
      touches.sweep(o, ofDistrict);
    }
  }
  return syncCandidateLists(ctx, touches);
}
