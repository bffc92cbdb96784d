/**
 * Recommendation sets, one item per youth, and the candidate lists derived from them, one item per
 * opportunity (docs/data-model.md). A set is rewritten only when its content changed; its document
 * is stored deflated, next to the small attributes lists and fingerprints read without it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
import type {
  CandidateEntry,
  Page,
  PageRequest,
  RankedOpportunity,
  RecommendationHeadline,
  RecommendationRepository,
  RecommendationSet,
  RecommendationWriter,
  SetsWritten,
  StoredRecommendationSet,
  WriteSetsResult,
} from '#core/ports';
import {
  type AdapterOptions,
  assertItemSize,
  backoffDelay,
  batchGet,
  batchWrite,
  decodeCursor,
  deflateJson,
  encodeCursor,
  type Item,
  inflateJson,
  inParallel,
  isConditionalCheckFailed,
  type Key,
  opportunityPrefix,
  pageLimit,
  TableContext,
  youthPartition,
} from './common.ts';
import { setDocument, setOfDocument } from './set-document.ts';

/**
 * Best entries kept per candidate list. 2,000 entries are about 65 KB, well inside the item
 * budget; an employer reads the first pages, and a cut entry is counted, never silent.
 */
export const MAX_CANDIDATES_PER_LIST = 2_000;
/**
 * Level 1: chosen when sets were named JSON of facts (7.3 KB; level 1 kept 1,392 bytes in 39 us a
 * set, level 6 1,195 bytes in 55 us, the same write units). The positional documents now stored
 * are about 3.3 KB of JSON and deflate to about 1 KB.
 */
const DEFLATE_LEVEL = 1;
/** Candidate lists rewritten at once at the end of a run. */
const LIST_WRITES_AT_ONCE = 16;
const LIST_READS_PER_BATCH = 100;

export const recommendationKeys = {
  set: (youthId: string): Key => ({ pk: youthPartition(youthId), sk: 'RECSET' }),
  candidateList: (kind: OpportunityKind, opportunityId: string): Key => ({
    pk: `CANDS#${opportunityPrefix(kind)}#${opportunityId}`,
    sk: 'LIST',
  }),
  /** Marks a writer whose candidate list changes are not all applied yet; deleted by `close`. */
  session: (sessionId: string): Key => ({ pk: `RECSESSION#${sessionId}`, sk: 'OPEN' }),
};

/** The small attributes of a set item: everything but the document. */
const SUMMARY_ATTRIBUTES = [
  'youthId',
  'contentHash',
  'district',
  'opportunities',
  'pendingRemovals',
  'session',
];
const HEADLINE_ATTRIBUTES = ['youthId', 'asOf', 'configVersion', 'topJob', 'topTraining'];

/**
 * A set as stored and hashed: its document (`set-document.ts`) as JSON, without `asOf`, which the
 * item keeps as an attribute. The matcher builds its sets in a fixed order, so equal content gives
 * equal text; a change of that order (a new release) only makes the next run rewrite each set once.
 */
export function serialiseSet(set: RecommendationSet): { json: string; contentHash: string } {
  const json = JSON.stringify(setDocument(set));
  return { json, contentHash: createHash('sha256').update(json).digest('hex') };
}

/** `asOf` is left out: a rematch on a later day that finds the same answer changes nothing. */
export function contentHash(set: RecommendationSet): string {
  return serialiseSet(set).contentHash;
}

/** One opportunity of a youth's set as kept in the set item's small attributes. */
export interface SetOpportunity {
  kind: OpportunityKind;
  id: string;
  score: number;
  rank: number;
}

const opportunityId = (kind: OpportunityKind, id: string) => `${opportunityPrefix(kind)}#${id}`;

// ---- storage encoding -----------------------------------------------------------------------
//
// Candidate lists, a set's opportunities and its pending removals are stored as one string
// attribute each, a JSON array of tuples, instead of a list of maps: one attribute per list
// instead of about five per entry, which is where emulator, SDK marshalling and garbage
// collection time went. JSON rather than a separator format because youth and opportunity ids
// are not restricted to characters a separator could rely on. Lists of maps written before are
// still read.

type CandidateTuple = [youthId: string, score: number, rank: number, district?: string];
type OpportunityTuple = [kind: OpportunityKind, id: string, score: number, rank: number];

const isKind = (value: unknown): value is OpportunityKind => value === 'job' || value === 'training';

function malformed(what: string): never {
  throw new Error(`stored ${what} is not in a format this adapter wrote`);
}

/** Parses a stored tuple list; an array is the older list-of-maps form. */
function storedList(value: unknown, what: string): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return malformed(what);
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed : malformed(what);
}

export function encodeCandidates(entries: readonly StoredCandidate[]): string {
  return JSON.stringify(
    entries.map(
      (e): CandidateTuple =>
        e.district === undefined ? [e.youthId, e.score, e.rank] : [e.youthId, e.score, e.rank, e.district],
    ),
  );
}

function toStoredCandidate(entry: unknown): StoredCandidate {
  if (Array.isArray(entry)) {
    const [youthId, score, rank, district] = entry as unknown[];
    if (typeof youthId !== 'string' || typeof score !== 'number' || typeof rank !== 'number')
      return malformed('candidate entry');
    return typeof district === 'string' ? { youthId, score, rank, district } : { youthId, score, rank };
  }
  const legacy = entry as StoredCandidate;
  return {
    youthId: legacy.youthId,
    score: legacy.score,
    rank: legacy.rank,
    ...(legacy.district !== undefined ? { district: legacy.district } : {}),
  };
}

/** The entries of a stored candidate list item's `entries` attribute, best first. */
export function decodeCandidates(value: unknown): StoredCandidate[] {
  return storedList(value, 'candidate list').map(toStoredCandidate);
}

export function encodeSetOpportunities(opportunities: readonly SetOpportunity[]): string {
  return JSON.stringify(opportunities.map((o): OpportunityTuple => [o.kind, o.id, o.score, o.rank]));
}

function toSetOpportunity(entry: unknown): SetOpportunity {
  if (Array.isArray(entry)) {
    const [kind, id, score, rank] = entry as unknown[];
    if (!isKind(kind) || typeof id !== 'string' || typeof score !== 'number' || typeof rank !== 'number')
      return malformed('set opportunity');
    return { kind, id, score, rank };
  }
  const legacy = entry as SetOpportunity;
  return { kind: legacy.kind, id: legacy.id, score: legacy.score, rank: legacy.rank };
}

/** A set item's `opportunities` or `pendingRemovals` attribute. */
export function decodeSetOpportunities(value: unknown): SetOpportunity[] {
  return storedList(value, 'set opportunities').map(toSetOpportunity);
}

function ranked(item: RankedOpportunity): RankedOpportunity {
  return {
    opportunityId: item.opportunityId,
    score: item.score,
    ...(typeof item.title === 'string' ? { title: item.title } : {}),
  };
}

function assertScore(set: RecommendationSet, entry: RankedOpportunity): void {
  if (!Number.isFinite(entry.score)) {
    throw new ValidationError([
      { record: set.youthId, field: `score of ${entry.opportunityId}`, reason: 'must be a finite number' },
    ]);
  }
}

/** One entry per opportunity in the set; a repeated opportunity keeps its best rank. */
function setOpportunities(set: RecommendationSet): SetOpportunity[] {
  const found = new Map<string, SetOpportunity>();
  const add = (kind: OpportunityKind, list: readonly RankedOpportunity[]) =>
    list.forEach((entry, index) => {
      assertScore(set, entry);
      const key = opportunityId(kind, entry.opportunityId);
      if (!found.has(key))
        found.set(key, { kind, id: entry.opportunityId, score: entry.score, rank: index + 1 });
    });
  add('job', set.jobs);
  add('training', set.trainings);
  return [...found.values()];
}

/** The stored document of a set: its content without `asOf`, deflated. */
export function compressSet(set: RecommendationSet, level = DEFLATE_LEVEL): Uint8Array {
  return deflateJson(serialiseSet(set).json, level);
}

/** A set item's document; `asOf` comes from the item (documents written before carry their own). */
export function decompressSet<S extends RecommendationSet>(document: Uint8Array, asOf?: string): S {
  return setOfDocument<S>(inflateJson(document), asOf);
}

/** A stored set item; items written before sets had a document hold the set as a map under `set`. */
export function toStoredRecommendationSet<S extends RecommendationSet>(
  item: Item,
): StoredRecommendationSet<S> {
  const contentHash = item.contentHash as string;
  if (!(item.document instanceof Uint8Array)) return { set: item.set as S, contentHash };
  return { set: decompressSet<S>(item.document, item.asOf as string), contentHash };
}

/** The youth's entries on candidate lists, as their set item names them (export, erasure). */
export function candidateEntriesOf(item: Item): CandidateEntry[] {
  const youthId = item.youthId as string;
  const district = typeof item.district === 'string' ? { district: item.district } : {};
  return decodeSetOpportunities(item.opportunities).map((o) => ({
    kind: o.kind,
    opportunityId: o.id,
    youthId,
    score: o.score,
    rank: o.rank,
    ...district,
  }));
}

/**
 * Every list a set item may still stand on: its opportunities, and removals an unfinished run
 * recorded but may not have applied.
 */
export function listedOpportunitiesOf(item: Item): Pick<SetOpportunity, 'kind' | 'id'>[] {
  const all = [
    ...decodeSetOpportunities(item.opportunities),
    ...decodeSetOpportunities(item.pendingRemovals),
  ];
  return [...new Map(all.map((o) => [opportunityId(o.kind, o.id), { kind: o.kind, id: o.id }])).values()];
}

function toHeadline(item: Item): RecommendationHeadline {
  const headline: RecommendationHeadline = {
    youthId: item.youthId as string,
    asOf: item.asOf as string,
    configVersion: item.configVersion as string,
  };
  if (item.topJob) headline.topJob = item.topJob as RankedOpportunity;
  if (item.topTraining) headline.topTraining = item.topTraining as RankedOpportunity;
  return headline;
}

function setItem(
  set: RecommendationSet,
  serialised: { json: string; contentHash: string },
  opportunities: readonly SetOpportunity[],
  extra: { district?: string; session: string; pendingRemovals: readonly SetOpportunity[] },
): Item {
  const [topJob] = set.jobs;
  const [topTraining] = set.trainings;
  const summary: Item = {
    ...recommendationKeys.set(set.youthId),
    entity: 'recset',
    youthId: set.youthId,
    asOf: set.asOf,
    configVersion: set.configVersion,
    contentHash: serialised.contentHash,
    session: extra.session,
    opportunities: encodeSetOpportunities(opportunities),
    ...(extra.district !== undefined ? { district: extra.district } : {}),
    ...(extra.pendingRemovals.length > 0
      ? { pendingRemovals: encodeSetOpportunities(extra.pendingRemovals) }
      : {}),
    ...(topJob ? { topJob: ranked(topJob) } : {}),
    ...(topTraining ? { topTraining: ranked(topTraining) } : {}),
  };
  const item = { ...summary, document: deflateJson(serialised.json, DEFLATE_LEVEL) };
  assertItemSize(item, `recommendations of ${set.youthId}`);
  return item;
}

// ---- candidate lists ------------------------------------------------------------------------

export interface StoredCandidate {
  youthId: string;
  score: number;
  rank: number;
  district?: string;
}

/** Pending changes to one opportunity's list: the last change of a youth wins. */
interface ListChange {
  kind: OpportunityKind;
  opportunityId: string;
  upserts: Map<string, StoredCandidate>;
  removals: Set<string>;
}

interface ListCounts {
  candidateListsUpdated: number;
  candidateEntriesAdded: number;
  candidateEntriesUpdated: number;
  candidateEntriesRemoved: number;
  candidateEntriesOverCap: number;
}

const NO_LIST_CHANGES: ListCounts = {
  candidateListsUpdated: 0,
  candidateEntriesAdded: 0,
  candidateEntriesUpdated: 0,
  candidateEntriesRemoved: 0,
  candidateEntriesOverCap: 0,
};

function addCounts(a: ListCounts, b: ListCounts): ListCounts {
  return {
    candidateListsUpdated: a.candidateListsUpdated + b.candidateListsUpdated,
    candidateEntriesAdded: a.candidateEntriesAdded + b.candidateEntriesAdded,
    candidateEntriesUpdated: a.candidateEntriesUpdated + b.candidateEntriesUpdated,
    candidateEntriesRemoved: a.candidateEntriesRemoved + b.candidateEntriesRemoved,
    candidateEntriesOverCap: a.candidateEntriesOverCap + b.candidateEntriesOverCap,
  };
}

/** Accumulates list changes across a run's writes. */
class CandidateListChanges {
  private readonly lists = new Map<string, ListChange>();

  private list(kind: OpportunityKind, id: string): ListChange {
    const key = opportunityId(kind, id);
    let change = this.lists.get(key);
    if (!change) {
      change = { kind, opportunityId: id, upserts: new Map(), removals: new Set() };
      this.lists.set(key, change);
    }
    return change;
  }

  upsert(kind: OpportunityKind, id: string, candidate: StoredCandidate): void {
    const change = this.list(kind, id);
    change.removals.delete(candidate.youthId);
    change.upserts.set(candidate.youthId, candidate);
  }

  remove(kind: OpportunityKind, id: string, youthId: string): void {
    const change = this.list(kind, id);
    change.upserts.delete(youthId);
    change.removals.add(youthId);
  }

  get size(): number {
    return this.lists.size;
  }

  all(): ListChange[] {
    return [...this.lists.values()];
  }
}

/** Best first: score descending, then youth id ascending. */
function byRank(a: StoredCandidate, b: StoredCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.youthId < b.youthId ? -1 : a.youthId > b.youthId ? 1 : 0;
}

const sameCandidate = (a: StoredCandidate, b: StoredCandidate) =>
  a.score === b.score && a.rank === b.rank && a.district === b.district;

interface MergedList {
  entries: StoredCandidate[];
  counts: ListCounts;
  changed: boolean;
}

/** Applies one list's change; counts compare the capped result with what was stored. */
export function mergeCandidateList(
  current: readonly StoredCandidate[],
  change: Pick<ListChange, 'upserts' | 'removals'>,
  cap = MAX_CANDIDATES_PER_LIST,
): MergedList {
  const before = new Map(current.map((c) => [c.youthId, c]));
  const byYouth = new Map(before);
  for (const youthId of change.removals) byYouth.delete(youthId);
  for (const [youthId, candidate] of change.upserts) byYouth.set(youthId, candidate);
  const sorted = [...byYouth.values()].sort(byRank);
  const entries = sorted.slice(0, cap);
  const counts = { ...NO_LIST_CHANGES, candidateEntriesOverCap: sorted.length - entries.length };
  for (const youthId of change.removals) {
    if (before.has(youthId) && !change.upserts.has(youthId)) counts.candidateEntriesRemoved++;
  }
  for (const entry of entries) {
    const old = before.get(entry.youthId);
    if (!old) counts.candidateEntriesAdded++;
    else if (!sameCandidate(old, entry)) counts.candidateEntriesUpdated++;
  }
  const changed =
    entries.length !== current.length ||
    entries.some((entry, i) => {
      const old = current[i];
      return old === undefined || old.youthId !== entry.youthId || !sameCandidate(old, entry);
    });
  return { entries, counts, changed };
}

function toCandidate(kind: OpportunityKind, opportunityId: string, stored: StoredCandidate): CandidateEntry {
  return {
    kind,
    opportunityId,
    youthId: stored.youthId,
    score: stored.score,
    rank: stored.rank,
    ...(stored.district !== undefined ? { district: stored.district } : {}),
  };
}

/**
 * Read-modify-write of one list under its `version`: a concurrent writer makes the condition fail,
 * and the list is read again and the same change merged into what that writer left.
 */
async function applyListChange(
  ctx: TableContext,
  change: ListChange,
  first: Item | undefined,
): Promise<ListCounts> {
  const key = recommendationKeys.candidateList(change.kind, change.opportunityId);
  let stored = first;
  for (let attempt = 0; ; attempt++) {
    const version = typeof stored?.version === 'number' ? stored.version : undefined;
    const merged = mergeCandidateList(decodeCandidates(stored?.entries), change);
    if (!merged.changed) return { ...merged.counts, candidateListsUpdated: 0 };
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
          kind: change.kind,
          opportunityId: change.opportunityId,
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
      const out = await ctx.doc.send(
        new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }),
      );
      stored = out.Item;
    }
  }
}

/** Applies each list's change once: lists read in batches, written a few at a time. */
async function applyCandidateListChanges(
  ctx: TableContext,
  changes: readonly ListChange[],
): Promise<ListCounts> {
  const results: ListCounts[] = [];
  const read = (from: number) => {
    const part = changes.slice(from, from + LIST_READS_PER_BATCH);
    const reading = batchGet(
      ctx,
      part.map((c) => recommendationKeys.candidateList(c.kind, c.opportunityId)),
    ).then((stored) => ({ part, byKey: new Map(stored.map((item) => [item.pk as string, item])) }));
    reading.catch(() => undefined);
    return reading;
  };
  // The next batch of lists is read while this one is written.
  let next = changes.length > 0 ? read(0) : undefined;
  for (let i = 0; next !== undefined; i += LIST_READS_PER_BATCH) {
    const { part, byKey } = await next;
    next = i + LIST_READS_PER_BATCH < changes.length ? read(i + LIST_READS_PER_BATCH) : undefined;
    await inParallel(part, LIST_WRITES_AT_ONCE, async (change) => {
      const key = recommendationKeys.candidateList(change.kind, change.opportunityId);
      results.push(await applyListChange(ctx, change, byKey.get(key.pk)));
    });
  }
  return results.reduce(addCounts, { ...NO_LIST_CHANGES });
}

/** Takes one youth off the given opportunities' candidate lists (erasure). */
export async function removeFromCandidateLists(
  ctx: TableContext,
  youthId: string,
  opportunities: readonly Pick<SetOpportunity, 'kind' | 'id'>[],
): Promise<ListCounts> {
  const changes = new CandidateListChanges();
  for (const o of opportunities) changes.remove(o.kind, o.id, youthId);
  return applyCandidateListChanges(ctx, changes.all());
}

// ---- sets -----------------------------------------------------------------------------------

interface StoredSummary {
  contentHash: string;
  district?: string;
  opportunities: SetOpportunity[];
  pendingRemovals: SetOpportunity[];
  session?: string;
}

function toSummary(item: Item): StoredSummary {
  return {
    contentHash: item.contentHash as string,
    ...(typeof item.district === 'string' ? { district: item.district } : {}),
    opportunities: decodeSetOpportunities(item.opportunities),
    pendingRemovals: decodeSetOpportunities(item.pendingRemovals),
    ...(typeof item.session === 'string' ? { session: item.session } : {}),
  };
}

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

/**
 * A writer session. Sets are stored as soon as `write` sees them; list changes wait for `close`.
 * Until `close` has applied them, a session item marks the run open, and each set it wrote names
 * the session and keeps the entries it removed: a later writer that finds the session still open
 * (the run was cut off) re-derives that youth's list changes in full instead of trusting them.
 */
class DynamoRecommendationWriter<S extends RecommendationSet> implements RecommendationWriter<S> {
  private readonly sessionId = randomUUID();
  private readonly changes = new CandidateListChanges();
  private readonly closedSessions = new Set<string>();
  /** The session marker's put, started by the first write that stores a set. */
  private sessionMarker: Promise<unknown> | undefined;
  private closed = false;
  private written = 0;
  private unchanged = 0;

  constructor(private readonly ctx: TableContext) {}

  async write(sets: readonly S[], districts?: ReadonlyMap<string, string>): Promise<SetsWritten> {
    if (this.closed) throw new Error('recommendation writer: write after close');
    assertOneSetPerYouth(sets);
    const stored = await this.summaries(sets.map((s) => s.youthId));
    const open = await this.openSessions([...stored.values()]);
    const result: SetsWritten = { written: 0, unchanged: 0 };
    const items: Item[] = [];
    for (const set of sets) {
      const serialised = serialiseSet(set);
      const previous = stored.get(set.youthId);
      // Lists of a set written by an unfinished run may or may not reflect it.
      const settled = !previous?.session || !open.has(previous.session);
      const district = districts?.get(set.youthId) ?? previous?.district;
      if (settled && previous?.contentHash === serialised.contentHash && previous.district === district) {
        result.unchanged++;
        continue;
      }
      const opportunities = setOpportunities(set);
      const pendingRemovals = this.recordChanges(set.youthId, opportunities, previous, settled, district);
      items.push(
        setItem(set, serialised, opportunities, {
          session: this.sessionId,
          pendingRemovals,
          ...(district !== undefined ? { district } : {}),
        }),
      );
      result.written++;
    }
    if (items.length > 0) {
      // Before any set names the session, so a cut-off run is always recognisable.
      this.sessionMarker ??= this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...recommendationKeys.session(this.sessionId), entity: 'recsession' },
        }),
      );
      await this.sessionMarker;
    }
    await batchWrite(
      this.ctx,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    this.written += result.written;
    this.unchanged += result.unchanged;
    return result;
  }

  async close(): Promise<WriteSetsResult> {
    if (this.closed) throw new Error('recommendation writer: closed twice');
    this.closed = true;
    const counts = await applyCandidateListChanges(this.ctx, this.changes.all());
    if (this.sessionMarker) {
      await this.sessionMarker;
      await this.ctx.doc.send(
        new DeleteCommand({ TableName: this.ctx.tableName, Key: recommendationKeys.session(this.sessionId) }),
      );
    }
    return { written: this.written, unchanged: this.unchanged, ...counts };
  }

  /** Records list changes of one youth; returns the removals the new set item must remember. */
  private recordChanges(
    youthId: string,
    opportunities: readonly SetOpportunity[],
    previous: StoredSummary | undefined,
    settled: boolean,
    district: string | undefined,
  ): SetOpportunity[] {
    const kept = new Set(opportunities.map((o) => opportunityId(o.kind, o.id)));
    const before = new Map((previous?.opportunities ?? []).map((o) => [opportunityId(o.kind, o.id), o]));
    const unchangedEntry = (o: SetOpportunity) => {
      const old = before.get(opportunityId(o.kind, o.id));
      return settled && district === previous?.district && old?.score === o.score && old.rank === o.rank;
    };
    for (const o of opportunities) {
      if (unchangedEntry(o)) continue;
      this.changes.upsert(o.kind, o.id, {
        youthId,
        score: o.score,
        rank: o.rank,
        ...(district !== undefined ? { district } : {}),
      });
    }
    // Removals recorded by an unfinished run (or earlier in this one) may not be applied yet.
    const carried = settled ? [] : (previous?.pendingRemovals ?? []);
    const removals = new Map<string, SetOpportunity>();
    for (const o of [...carried, ...(previous?.opportunities ?? [])]) {
      const key = opportunityId(o.kind, o.id);
      if (!kept.has(key)) removals.set(key, o);
    }
    for (const o of removals.values()) this.changes.remove(o.kind, o.id, youthId);
    return [...removals.values()];
  }

  private async summaries(youthIds: readonly string[]): Promise<Map<string, StoredSummary>> {
    const items = await batchGet(
      this.ctx,
      youthIds.map((id) => recommendationKeys.set(id)),
      SUMMARY_ATTRIBUTES,
    );
    return new Map(items.map((item) => [item.youthId as string, toSummary(item)]));
  }

  /** Sessions named by stored sets whose marker is still there; closed ones are remembered. */
  private async openSessions(stored: readonly StoredSummary[]): Promise<Set<string>> {
    const named = new Set(stored.flatMap((s) => (s.session ? [s.session] : [])));
    named.delete(this.sessionId);
    const unknown = [...named].filter((id) => !this.closedSessions.has(id));
    const open = new Set<string>([this.sessionId]);
    if (unknown.length === 0) return open;
    const markers = await batchGet(
      this.ctx,
      unknown.map((id) => recommendationKeys.session(id)),
      ['pk'],
    );
    const present = new Set(markers.map((m) => (m.pk as string).slice('RECSESSION#'.length)));
    for (const id of unknown) {
      if (present.has(id)) open.add(id);
      else this.closedSessions.add(id);
    }
    return open;
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

  async headlines(youthIds: readonly string[]): Promise<Map<string, RecommendationHeadline>> {
    const items = await batchGet(
      this.ctx,
      youthIds.map((id) => recommendationKeys.set(id)),
      HEADLINE_ATTRIBUTES,
    );
    return new Map(items.map((item) => [item.youthId as string, toHeadline(item)]));
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
    const items = entries.slice(offset, offset + limit).map((e) => toCandidate(kind, opportunityId, e));
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
