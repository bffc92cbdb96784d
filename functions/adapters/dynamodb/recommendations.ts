/**
 * Recommendation sets per youth, their small fingerprint items, and the per-opportunity candidate
 * index derived from them. A set is rewritten only when its content changed.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
import type {
  CandidateEntry,
  Page,
  PageRequest,
  RankedOpportunity,
  RecommendationHeadline,
  RecommendationRepository,
  RecommendationSet,
  StoredRecommendationSet,
  WriteSetsResult,
} from '#core/ports';
import {
  type AdapterOptions,
  assertItemSize,
  batchGet,
  batchWrite,
  type Item,
  opportunityPrefix,
  queryPage,
  TableContext,
  type WriteRequest,
  youthPartition,
} from './common.ts';
import { GSI2 } from './table.ts';

/** Candidate sort keys hold (offset - score): ascending order is best first. */
const SCORE_OFFSET = 1e9;

export const recommendationKeys = {
  set: (youthId: string) => ({ pk: youthPartition(youthId), sk: 'RECSET' }),
  meta: (youthId: string) => ({ pk: youthPartition(youthId), sk: 'RECMETA' }),
  candidateSk: (kind: OpportunityKind, opportunityId: string) =>
    `CAND#${opportunityPrefix(kind)}#${opportunityId}`,
  candidate: (youthId: string, kind: OpportunityKind, opportunityId: string) => ({
    pk: youthPartition(youthId),
    sk: recommendationKeys.candidateSk(kind, opportunityId),
  }),
  candidatesOf: (kind: OpportunityKind, opportunityId: string) =>
    `CAND#${opportunityPrefix(kind)}#${opportunityId}`,
  byScore: (score: number, youthId: string) =>
    `${(SCORE_OFFSET - score).toFixed(6).padStart(18, '0')}#${youthId}`,
};

/** JSON with object keys sorted, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `asOf` is left out: a rematch on a later day that finds the same answer changes nothing. */
export function contentHash(set: RecommendationSet): string {
  const { asOf: _asOf, ...content } = set;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function ranked(item: RankedOpportunity): RankedOpportunity {
  return {
    opportunityId: item.opportunityId,
    score: item.score,
    ...(typeof item.title === 'string' ? { title: item.title } : {}),
  };
}

function assertScore(set: RecommendationSet, entry: RankedOpportunity): void {
  if (!Number.isFinite(entry.score) || Math.abs(entry.score) >= SCORE_OFFSET) {
    throw new ValidationError([
      {
        record: set.youthId,
        field: `score of ${entry.opportunityId}`,
        reason: 'must be a finite number below 1e9',
      },
    ]);
  }
}

/** One entry per opportunity in the set; a repeated opportunity keeps its best rank. */
function candidateEntries(set: RecommendationSet): CandidateEntry[] {
  const entries = new Map<string, CandidateEntry>();
  const add = (kind: OpportunityKind, list: readonly RankedOpportunity[]) =>
    list.forEach((entry, index) => {
      assertScore(set, entry);
      const sk = recommendationKeys.candidateSk(kind, entry.opportunityId);
      if (!entries.has(sk)) {
        entries.set(sk, {
          kind,
          opportunityId: entry.opportunityId,
          youthId: set.youthId,
          score: entry.score,
          rank: index + 1,
        });
      }
    });
  add('job', set.jobs);
  add('training', set.trainings);
  return [...entries.values()];
}

function candidateItem(entry: CandidateEntry): Item {
  return {
    ...recommendationKeys.candidate(entry.youthId, entry.kind, entry.opportunityId),
    [GSI2.pk]: recommendationKeys.candidatesOf(entry.kind, entry.opportunityId),
    [GSI2.sk]: recommendationKeys.byScore(entry.score, entry.youthId),
    entity: 'candidate',
    ...entry,
  };
}

export function toCandidateEntry(item: Item): CandidateEntry {
  return {
    kind: item.kind as OpportunityKind,
    opportunityId: item.opportunityId as string,
    youthId: item.youthId as string,
    score: item.score as number,
    rank: item.rank as number,
  };
}

export function toStoredRecommendationSet<S extends RecommendationSet>(
  item: Item,
): StoredRecommendationSet<S> {
  return { set: item.set as S, contentHash: item.contentHash as string };
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

interface StoredMeta {
  contentHash: string;
  candidateKeys: string[];
  item: Item;
}

interface SetWrites {
  /** Widens the stored candidate list before new entries exist, so a cut-off run leaves no orphans. */
  pending?: WriteRequest;
  first: WriteRequest[];
  meta: WriteRequest;
  candidatesWritten: number;
  candidatesDeleted: number;
}

/**
 * The writes that replace one youth's set. If new candidate entries appear, a pending fingerprint
 * listing old and new entries goes first; then the set and the entries; the fingerprint last.
 */
function setWrites(set: RecommendationSet, hash: string, previous: StoredMeta | undefined): SetWrites {
  const setItem: Item = {
    ...recommendationKeys.set(set.youthId),
    entity: 'recset',
    youthId: set.youthId,
    asOf: set.asOf,
    configVersion: set.configVersion,
    contentHash: hash,
    set,
  };
  assertItemSize(setItem, `recommendations of ${set.youthId}`);
  const entries = candidateEntries(set);
  const keep = new Set(entries.map((e) => recommendationKeys.candidateSk(e.kind, e.opportunityId)));
  const dropped = (previous?.candidateKeys ?? []).filter((sk) => !keep.has(sk));
  const [topJob] = set.jobs;
  const [topTraining] = set.trainings;
  const meta: Item = {
    ...recommendationKeys.meta(set.youthId),
    entity: 'recmeta',
    youthId: set.youthId,
    asOf: set.asOf,
    configVersion: set.configVersion,
    contentHash: hash,
    candidateKeys: [...keep],
    ...(topJob ? { topJob: ranked(topJob) } : {}),
    ...(topTraining ? { topTraining: ranked(topTraining) } : {}),
  };
  const known = new Set(previous?.candidateKeys ?? []);
  const added = [...keep].some((sk) => !known.has(sk));
  // Until the run completes, the previous fingerprint and top picks stay as they were.
  const pending: Item = {
    ...(previous?.item ?? {
      ...recommendationKeys.meta(set.youthId),
      entity: 'recmeta',
      youthId: set.youthId,
      contentHash: '',
    }),
    candidateKeys: [...new Set([...known, ...keep])],
  };
  return {
    ...(added ? { pending: { PutRequest: { Item: pending } } } : {}),
    first: [
      { PutRequest: { Item: setItem } },
      ...entries.map((e) => ({ PutRequest: { Item: candidateItem(e) } })),
      ...dropped.map((sk) => ({ DeleteRequest: { Key: { pk: youthPartition(set.youthId), sk } } })),
    ],
    meta: { PutRequest: { Item: meta } },
    candidatesWritten: entries.length,
    candidatesDeleted: dropped.length,
  };
}

export class DynamoRecommendationRepository<S extends RecommendationSet = RecommendationSet>
  implements RecommendationRepository<S>
{
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async writeSets(sets: readonly S[]): Promise<WriteSetsResult> {
    const seen = new Set<string>();
    for (const set of sets) {
      if (seen.has(set.youthId)) {
        throw new ValidationError([
          { record: set.youthId, field: 'youthId', reason: 'two sets for one youth' },
        ]);
      }
      seen.add(set.youthId);
    }
    const stored = await this.metas(sets.map((s) => s.youthId));
    const result: WriteSetsResult = {
      written: 0,
      unchanged: 0,
      candidateEntriesWritten: 0,
      candidateEntriesDeleted: 0,
    };
    const pending: WriteRequest[] = [];
    const first: WriteRequest[] = [];
    const metas: WriteRequest[] = [];
    for (const set of sets) {
      const hash = contentHash(set);
      const previous = stored.get(set.youthId);
      if (previous?.contentHash === hash) {
        result.unchanged++;
        continue;
      }
      const writes = setWrites(set, hash, previous);
      if (writes.pending) pending.push(writes.pending);
      first.push(...writes.first);
      metas.push(writes.meta);
      result.written++;
      result.candidateEntriesWritten += writes.candidatesWritten;
      result.candidateEntriesDeleted += writes.candidatesDeleted;
    }
    // Fingerprints go last: if a run stops half way, the old fingerprint makes the next run rewrite.
    await batchWrite(this.ctx, pending);
    await batchWrite(this.ctx, first);
    await batchWrite(this.ctx, metas);
    return result;
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
      youthIds.map((id) => recommendationKeys.meta(id)),
      ['youthId', 'asOf', 'configVersion', 'topJob', 'topTraining'],
    );
    // A fingerprint without asOf belongs to a first write that has not completed: no headline yet.
    const complete = items.filter((item) => typeof item.asOf === 'string');
    return new Map(complete.map((item) => [item.youthId as string, toHeadline(item)]));
  }

  listCandidates(
    kind: OpportunityKind,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<CandidateEntry>> {
    return queryPage(
      this.ctx,
      {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': recommendationKeys.candidatesOf(kind, opportunityId) },
      },
      page,
      toCandidateEntry,
    );
  }

  private async metas(youthIds: readonly string[]): Promise<Map<string, StoredMeta>> {
    const items = await batchGet(
      this.ctx,
      youthIds.map((id) => recommendationKeys.meta(id)),
    );
    return new Map(
      items.map((item) => [
        item.youthId as string,
        {
          contentHash: item.contentHash as string,
          candidateKeys: (item.candidateKeys as string[]) ?? [],
          item,
        },
      ]),
    );
  }
}
