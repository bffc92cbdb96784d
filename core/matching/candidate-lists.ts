/**
 * Candidate lists: for each vacancy or training offer, the youth whose recommendation set names it,
 * best first. A list is derived from the sets: an entry says what one youth's current set says about
 * the opportunity, and nothing else. Storage brings a list in line with the sets of the youth a run
 * touched (`mergeCandidateList`); it never applies a diff computed from an older view of a set.
 */
import { ValidationError } from '../domain/errors.ts';
import type { OpportunityKind } from '../domain/profiles.ts';
import type { RankedOpportunity, RecommendationSet } from '../ports.ts';

/**
 * Best entries kept per candidate list. 2,000 entries are about 65 KB, well inside an item; an
 * employer reads the first pages, and a cut entry is counted, never silent.
 */
export const MAX_CANDIDATES_PER_LIST = 2_000;

/** One entry of a list. */
export interface ListedCandidate {
  youthId: string;
  score: number;
  /** 1-based position of the opportunity in the youth's own set. */
  rank: number;
  /** The youth's district: lets a counsellor's list skip other districts before reading profiles. */
  district?: string;
}

/** One opportunity a set names, with the score and rank the youth has for it. */
export interface SetOpportunity {
  kind: OpportunityKind;
  id: string;
  score: number;
  rank: number;
}

export type OpportunityRef = Pick<SetOpportunity, 'kind' | 'id'>;

/** What one youth's stored set says about lists: absent when there is no set (or it was erased). */
export interface ListMembership {
  opportunities: readonly SetOpportunity[];
  district?: string;
}

export interface ListCounts {
  candidateListsUpdated: number;
  candidateEntriesAdded: number;
  /** Entries whose score, rank or district changed. */
  candidateEntriesUpdated: number;
  candidateEntriesRemoved: number;
  /** Entries left out because their list already holds its maximum of better candidates. */
  candidateEntriesOverCap: number;
}

export const NO_LIST_CHANGES: ListCounts = {
  candidateListsUpdated: 0,
  candidateEntriesAdded: 0,
  candidateEntriesUpdated: 0,
  candidateEntriesRemoved: 0,
  candidateEntriesOverCap: 0,
};

export function addListCounts(a: ListCounts, b: ListCounts): ListCounts {
  return {
    candidateListsUpdated: a.candidateListsUpdated + b.candidateListsUpdated,
    candidateEntriesAdded: a.candidateEntriesAdded + b.candidateEntriesAdded,
    candidateEntriesUpdated: a.candidateEntriesUpdated + b.candidateEntriesUpdated,
    candidateEntriesRemoved: a.candidateEntriesRemoved + b.candidateEntriesRemoved,
    candidateEntriesOverCap: a.candidateEntriesOverCap + b.candidateEntriesOverCap,
  };
}

export const opportunityKey = (o: OpportunityRef): string => `${o.kind}\u0000${o.id}`;

/** Best first: score descending, then youth id ascending (deterministic ties). */
export function byRank(a: ListedCandidate, b: ListedCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.youthId < b.youthId ? -1 : a.youthId > b.youthId ? 1 : 0;
}

const sameCandidate = (a: ListedCandidate, b: ListedCandidate) =>
  a.score === b.score && a.rank === b.rank && a.district === b.district;

function assertScore(set: RecommendationSet, entry: RankedOpportunity): void {
  if (!Number.isFinite(entry.score)) {
    throw new ValidationError([
      { record: set.youthId, field: `score of ${entry.opportunityId}`, reason: 'must be a finite number' },
    ]);
  }
}

/** The opportunities a set names, jobs then trainings; a repeated opportunity keeps its best rank. */
export function setOpportunities(set: RecommendationSet): SetOpportunity[] {
  const found = new Map<string, SetOpportunity>();
  const add = (kind: OpportunityKind, list: readonly RankedOpportunity[]) =>
    list.forEach((entry, index) => {
      assertScore(set, entry);
      const key = opportunityKey({ kind, id: entry.opportunityId });
      if (!found.has(key))
        found.set(key, { kind, id: entry.opportunityId, score: entry.score, rank: index + 1 });
    });
  add('job', set.jobs);
  add('training', set.trainings);
  return [...found.values()];
}

/** The entry one youth's membership puts on the list of `opportunity`, if any. */
export function entryOf(
  youthId: string,
  membership: ListMembership | undefined,
  opportunity: OpportunityRef,
): ListedCandidate | undefined {
  const named = membership?.opportunities.find((o) => o.kind === opportunity.kind && o.id === opportunity.id);
  if (!named) return undefined;
  return {
    youthId,
    score: named.score,
    rank: named.rank,
    ...(membership?.district !== undefined ? { district: membership.district } : {}),
  };
}

/** Whether a youth's entry on `opportunity` can differ between two memberships. */
export function entryChanged(
  youthId: string,
  before: ListMembership | undefined,
  after: ListMembership | undefined,
  opportunity: OpportunityRef,
): boolean {
  const a = entryOf(youthId, before, opportunity);
  const b = entryOf(youthId, after, opportunity);
  if (a === undefined || b === undefined) return a !== b;
  return !sameCandidate(a, b);
}

export interface MergedList {
  entries: ListedCandidate[];
  counts: ListCounts;
  changed: boolean;
}

/**
 * A list with the given youth brought in line with their sets: `wanted` maps each youth to the
 * entry their set gives (or undefined: off the list). Other entries stay. Counts compare the capped
 * result with what was stored.
 */
export function mergeCandidateList(
  current: readonly ListedCandidate[],
  wanted: ReadonlyMap<string, ListedCandidate | undefined>,
  cap = MAX_CANDIDATES_PER_LIST,
): MergedList {
  const before = new Map(current.map((c) => [c.youthId, c]));
  const byYouth = new Map(before);
  for (const [youthId, entry] of wanted) {
    if (entry) byYouth.set(youthId, entry);
    else byYouth.delete(youthId);
  }
  const sorted = [...byYouth.values()].sort(byRank);
  const entries = sorted.slice(0, cap);
  const counts = { ...NO_LIST_CHANGES, candidateEntriesOverCap: sorted.length - entries.length };
  for (const [youthId, entry] of wanted) {
    if (entry === undefined && before.has(youthId)) counts.candidateEntriesRemoved++;
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

/**
 * Every list the sets name, derived from scratch: what a list must hold when no run is in flight.
 * Used to check stored lists (tests, the nightly repair's report).
 */
export function listsOfSets(
  memberships: ReadonlyMap<string, ListMembership>,
  cap = MAX_CANDIDATES_PER_LIST,
): Map<string, ListedCandidate[]> {
  const lists = new Map<string, ListedCandidate[]>();
  for (const [youthId, membership] of memberships) {
    for (const o of membership.opportunities) {
      const key = opportunityKey(o);
      const list = lists.get(key) ?? [];
      list.push(entryOf(youthId, membership, o)!);
      lists.set(key, list);
    }
  }
  for (const [key, list] of lists) lists.set(key, list.sort(byRank).slice(0, cap));
  return lists;
}
