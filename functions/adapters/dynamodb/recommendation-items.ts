/**
 * How recommendation sets and candidate lists sit in their items (docs/data-model.md): the keys, the
 * set item with its small attributes beside the deflated document, the erasure marker that takes a
 * set's place, and the two tuple lists (a set's opportunities, a list's entries) each stored as one
 * JSON string attribute.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { OpportunityKind } from '#core/domain/profiles';
import type { ListedCandidate, ListMembership, SetOpportunity } from '#core/matching/candidate-lists';
import type {
  RankedOpportunity,
  RecommendationHeadline,
  RecommendationSet,
  StoredRecommendationSet,
} from '#core/ports';
import { assertItemSize, type Item, type Key, opportunityPrefix, youthPartition } from './common.ts';

export const recommendationKeys = {
  /** The set of a youth; after erasure the same key holds the erasure marker. */
  set: (youthId: string): Key => ({ pk: youthPartition(youthId), sk: 'RECSET' }),
  candidateList: (kind: OpportunityKind, opportunityId: string): Key => ({
    pk: `CANDS#${opportunityPrefix(kind)}#${opportunityId}`,
    sk: 'LIST',
  }),
};

/**
 * zlib level 6 (the default). The document is the set as JSON without `asOf`: about 8.7 KB, 1.3 KB
 * deflated, so a set item is 3 write units instead of 10 (figures: `npm run bench -- items`).
 */
const DEFLATE_LEVEL = 6;

/** The small attributes of a set item (everything but the document), as writers and repairs read them. */
export const SUMMARY_ATTRIBUTES = [
  'youthId',
  'contentHash',
  'district',
  'opportunities',
  'pendingRemovals',
  'session',
  'erasedAt',
];
/** What a list derivation reads of a set item: who, where, which lists, or erased. */
export const MEMBERSHIP_ATTRIBUTES = ['youthId', 'district', 'opportunities', 'erasedAt'];
export const HEADLINE_ATTRIBUTES = ['youthId', 'asOf', 'configVersion', 'topJob', 'topTraining', 'erasedAt'];

// ---- tuple lists ----------------------------------------------------------------------------
//
// One string attribute per list instead of one map per entry: a map costs its attribute names in
// every entry (a 2,000-entry list would be about twice the size) and in marshalling. JSON rather
// than a separator format because ids are not restricted to characters a separator could rely on.

type CandidateTuple = [youthId: string, score: number, rank: number, district?: string];
type OpportunityTuple = [kind: OpportunityKind, id: string, score: number, rank: number];

function malformed(what: string): never {
  throw new Error(`stored ${what} is not in the format this adapter writes`);
}

function tuples(value: unknown, what: string): unknown[][] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return malformed(what);
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed) || !parsed.every(Array.isArray)) return malformed(what);
  return parsed as unknown[][];
}

export function encodeCandidates(entries: readonly ListedCandidate[]): string {
  return JSON.stringify(
    entries.map(
      (e): CandidateTuple =>
        e.district === undefined ? [e.youthId, e.score, e.rank] : [e.youthId, e.score, e.rank, e.district],
    ),
  );
}

/** The entries of a list item's `entries` attribute, best first; absent is empty. */
export function decodeCandidates(value: unknown): ListedCandidate[] {
  return tuples(value, 'candidate list').map(([youthId, score, rank, district]) => {
    if (typeof youthId !== 'string' || typeof score !== 'number' || typeof rank !== 'number')
      return malformed('candidate entry');
    return typeof district === 'string' ? { youthId, score, rank, district } : { youthId, score, rank };
  });
}

export function encodeSetOpportunities(opportunities: readonly SetOpportunity[]): string {
  return JSON.stringify(opportunities.map((o): OpportunityTuple => [o.kind, o.id, o.score, o.rank]));
}

/** A set item's `opportunities` or `pendingRemovals` attribute; absent is empty. */
export function decodeSetOpportunities(value: unknown): SetOpportunity[] {
  return tuples(value, 'set opportunities').map(([kind, id, score, rank]) => {
    if (
      (kind !== 'job' && kind !== 'training') ||
      typeof id !== 'string' ||
      typeof score !== 'number' ||
      typeof rank !== 'number'
    )
      return malformed('set opportunity');
    return { kind, id, score, rank };
  });
}

// ---- set items ------------------------------------------------------------------------------

/**
 * A set's document: its JSON without `asOf`, which the item keeps as an attribute so that a rematch
 * on a later day that finds the same answer changes nothing. The matcher builds sets in a fixed
 * order, so equal content gives equal text and an equal hash.
 */
export function serialiseSet(set: RecommendationSet): { json: string; contentHash: string } {
  const { asOf: _asOf, ...content } = set;
  const json = JSON.stringify(content);
  return { json, contentHash: createHash('sha256').update(json).digest('hex') };
}

/** What a writer needs to know about a stored set item: never the document. */
export interface SetSummary {
  contentHash: string;
  district?: string;
  opportunities: SetOpportunity[];
  /** Lists an unfinished run took the youth off in its set but may not have updated yet. */
  pendingRemovals: SetOpportunity[];
  session?: string;
}

/** A set item's key read as: nothing stored, a set, or the youth's erasure marker. */
export type SetSlot =
  | { state: 'absent' }
  | { state: 'set'; summary: SetSummary }
  | { state: 'erased'; erasedAt: string; pendingRemovals: SetOpportunity[] };

export function toSetSlot(item: Item | undefined): SetSlot {
  if (item === undefined) return { state: 'absent' };
  if (typeof item.erasedAt === 'string') {
    return {
      state: 'erased',
      erasedAt: item.erasedAt,
      pendingRemovals: decodeSetOpportunities(item.pendingRemovals),
    };
  }
  return {
    state: 'set',
    summary: {
      contentHash: item.contentHash as string,
      ...(typeof item.district === 'string' ? { district: item.district } : {}),
      opportunities: decodeSetOpportunities(item.opportunities),
      pendingRemovals: decodeSetOpportunities(item.pendingRemovals),
      ...(typeof item.session === 'string' ? { session: item.session } : {}),
    },
  };
}

/** What a slot puts on candidate lists: only a set does. */
export function membershipOf(slot: SetSlot): ListMembership | undefined {
  if (slot.state !== 'set') return undefined;
  const { opportunities, district } = slot.summary;
  return district === undefined ? { opportunities } : { opportunities, district };
}

function ranked(item: RankedOpportunity): RankedOpportunity {
  return {
    opportunityId: item.opportunityId,
    score: item.score,
    ...(typeof item.title === 'string' ? { title: item.title } : {}),
  };
}

export interface SetItemInput {
  set: RecommendationSet;
  serialised: { json: string; contentHash: string };
  opportunities: readonly SetOpportunity[];
  pendingRemovals: readonly SetOpportunity[];
  session: string;
  district?: string;
}

export function toSetItem(input: SetItemInput): Item {
  const { set, serialised } = input;
  const [topJob] = set.jobs;
  const [topTraining] = set.trainings;
  const deflated = deflateSync(Buffer.from(serialised.json, 'utf8'), { level: DEFLATE_LEVEL });
  const item: Item = {
    ...recommendationKeys.set(set.youthId),
    entity: 'recset',
    youthId: set.youthId,
    asOf: set.asOf,
    configVersion: set.configVersion,
    contentHash: serialised.contentHash,
    session: input.session,
    opportunities: encodeSetOpportunities(input.opportunities),
    ...(input.district !== undefined ? { district: input.district } : {}),
    ...(input.pendingRemovals.length > 0
      ? { pendingRemovals: encodeSetOpportunities(input.pendingRemovals) }
      : {}),
    ...(topJob ? { topJob: ranked(topJob) } : {}),
    ...(topTraining ? { topTraining: ranked(topTraining) } : {}),
    document: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength),
  };
  assertItemSize(item, `recommendations of ${set.youthId}`);
  return item;
}

/** The marker erasure leaves at the set's key; `pendingRemovals` until the lists are clean. */
export function toErasureMarker(
  youthId: string,
  erasedAt: string,
  pendingRemovals: readonly SetOpportunity[],
): Item {
  return {
    ...recommendationKeys.set(youthId),
    entity: 'erased',
    youthId,
    erasedAt,
    ...(pendingRemovals.length > 0 ? { pendingRemovals: encodeSetOpportunities(pendingRemovals) } : {}),
  };
}

/** A stored set item back as the set the matcher made; `undefined` for an erasure marker. */
export function toStoredRecommendationSet<S extends RecommendationSet>(
  item: Item,
): StoredRecommendationSet<S> | undefined {
  if (!(item.document instanceof Uint8Array)) return undefined;
  const content = JSON.parse(inflateSync(item.document).toString('utf8')) as Omit<S, 'asOf'>;
  return { set: { ...content, asOf: item.asOf } as S, contentHash: item.contentHash as string };
}

export function toHeadline(item: Item): RecommendationHeadline | undefined {
  if (typeof item.erasedAt === 'string') return undefined;
  const headline: RecommendationHeadline = {
    youthId: item.youthId as string,
    asOf: item.asOf as string,
    configVersion: item.configVersion as string,
  };
  if (item.topJob) headline.topJob = item.topJob as RankedOpportunity;
  if (item.topTraining) headline.topTraining = item.topTraining as RankedOpportunity;
  return headline;
}
