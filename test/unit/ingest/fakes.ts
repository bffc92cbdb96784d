/** In-memory implementations of the storage ports, for use-case and handler tests. */
import { ConflictError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
import { type ListCounts, NO_LIST_CHANGES } from '#core/matching/candidate-lists';
import type {
  CandidateEntry,
  ClaimOptions,
  ClaimResult,
  ErasedRecord,
  LedgerEntry,
  OpenOpportunitiesQuery,
  OpportunityRepository,
  Page,
  PutManyResult,
  RecommendationHeadline,
  RecommendationRepository,
  RecommendationSet,
  RecommendationWriter,
  ReportRepository,
  S3ObjectRef,
  SetsWritten,
  StoredOpportunity,
  StoredRecommendationSet,
  StoredYouth,
  UploadLedger,
  UploadReportRecord,
  WriteSetsResult,
  YouthErasure,
  YouthExport,
  YouthRepository,
} from '#core/ports';

function putVersioned<T>(
  store: Map<string, T & { version: number }>,
  id: string,
  value: T & { version: number },
) {
  const current = store.get(id);
  if (current && current.version > value.version) return false;
  store.set(id, structuredClone(value));
  return true;
}

function page<T>(items: T[]): Page<T> {
  return { items };
}

export class MemoryYouth implements YouthRepository {
  readonly items = new Map<string, StoredYouth>();
  putManyCalls = 0;

  async get(youthId: string) {
    return structuredClone(this.items.get(youthId));
  }
  async put(youth: StoredYouth) {
    if (!putVersioned(this.items, youth.profile.youthId, youth))
      throw new ConflictError('newer version stored');
  }
  async putMany(youth: readonly StoredYouth[]): Promise<PutManyResult & { erased: ErasedRecord[] }> {
    this.putManyCalls++;
    const result: PutManyResult & { erased: ErasedRecord[] } = { written: 0, stale: [], erased: [] };
    for (const y of youth) {
      if (putVersioned(this.items, y.profile.youthId, y)) result.written++;
      else result.stale.push(y.profile.youthId);
    }
    return result;
  }
  async listByDistrict(district: string) {
    return page([...this.items.values()].filter((y) => y.profile.district === district));
  }
  async *allInDistrict(district: string) {
    const ids = [...this.items.keys()].sort();
    for (const id of ids) {
      const youth = this.items.get(id)!;
      if (youth.profile.district === district) yield structuredClone(youth);
    }
  }
  async findByNikHash(nikHash: string) {
    return [...this.items.values()].filter((y) => y.nikHash === nikHash);
  }
  async exportAll(youthId: string): Promise<YouthExport> {
    const youth = this.items.get(youthId);
    return { ...(youth && { youth }), candidateEntries: [], outcomes: [], invitations: [], consents: [] };
  }
  async erase(youthId: string): Promise<YouthErasure> {
    const had = this.items.delete(youthId);
    return {
      profiles: had ? 1 : 0,
      recommendationSets: 0,
      candidateEntries: 0,
      outcomes: 0,
      invitations: 0,
      consents: 0,
    };
  }
}

const opportunityId = (kind: OpportunityKind, id: string) => `${kind}#${id}`;

export class MemoryOpportunities implements OpportunityRepository {
  readonly items = new Map<string, StoredOpportunity>();
  listOpenCalls = 0;

  async get(kind: OpportunityKind, id: string) {
    return structuredClone(this.items.get(opportunityId(kind, id)));
  }
  async put(opportunity: StoredOpportunity) {
    if (!putVersioned(this.items, opportunityId(opportunity.kind, opportunity.profile.id), opportunity)) {
      throw new ConflictError('newer version stored');
    }
  }
  async putMany(opportunities: readonly StoredOpportunity[]): Promise<PutManyResult> {
    const result: PutManyResult = { written: 0, stale: [] };
    for (const o of opportunities) {
      if (putVersioned(this.items, opportunityId(o.kind, o.profile.id), o)) result.written++;
      else result.stale.push(o.profile.id);
    }
    return result;
  }
  async listByDistrict(kind: OpportunityKind, district: string) {
    return page([...this.items.values()].filter((o) => o.kind === kind && o.profile.district === district));
  }
  async listByOwner(kind: OpportunityKind, ownerId: string) {
    return page([...this.items.values()].filter((o) => o.kind === kind && o.profile.ownerId === ownerId));
  }
  async listOpen(kind: OpportunityKind, query: OpenOpportunitiesQuery) {
    this.listOpenCalls++;
    return [...this.items.values()].filter(
      (o) =>
        o.kind === kind && query.districts.includes(o.profile.district) && o.profile.deadline >= query.asOf,
    );
  }
}

function contentOf(set: RecommendationSet): string {
  const { asOf: _asOf, ...content } = set;
  return JSON.stringify(content);
}

export class MemoryRecommendations implements RecommendationRepository {
  readonly sets = new Map<string, { set: RecommendationSet; content: string; district?: string }>();
  writes = 0;
  writersOpened = 0;
  writersClosed = 0;

  /** Sets are stored at once; candidate lists are read from the sets, so close has nothing to apply. */
  openWriter(): RecommendationWriter {
    this.writersOpened++;
    const total: WriteSetsResult = {
      written: 0,
      unchanged: 0,
      erased: 0,
      candidateListsUpdated: 0,
      candidateEntriesAdded: 0,
      candidateEntriesUpdated: 0,
      candidateEntriesRemoved: 0,
      candidateEntriesOverCap: 0,
    };
    let closed = false;
    return {
      write: async (sets, districts) => {
        if (closed) throw new Error('write after close');
        const result = this.store(sets, districts);
        total.written += result.written;
        total.unchanged += result.unchanged;
        return result;
      },
      close: async () => {
        if (closed) throw new Error('closed twice');
        closed = true;
        this.writersClosed++;
        return total;
      },
    };
  }

  async writeSets(
    sets: readonly RecommendationSet[],
    districts?: ReadonlyMap<string, string>,
  ): Promise<WriteSetsResult> {
    const writer = this.openWriter();
    await writer.write(sets, districts);
    return writer.close();
  }

  private store(sets: readonly RecommendationSet[], districts?: ReadonlyMap<string, string>): SetsWritten {
    const result: SetsWritten = { written: 0, unchanged: 0, erased: 0 };
    for (const set of sets) {
      const content = contentOf(set);
      if (this.sets.get(set.youthId)?.content === content) {
        result.unchanged++;
        continue;
      }
      const district = districts?.get(set.youthId);
      this.sets.set(set.youthId, {
        set: structuredClone(set),
        content,
        ...(district !== undefined && { district }),
      });
      result.written++;
      this.writes++;
    }
    return result;
  }
  /** Lists are read from the sets: there is never drift to repair. */
  async repairCandidateLists(): Promise<ListCounts> {
    return { ...NO_LIST_CHANGES };
  }
  async get(youthId: string): Promise<StoredRecommendationSet | undefined> {
    const stored = this.sets.get(youthId);
    return stored && { set: stored.set, contentHash: stored.content };
  }
  async headlines(youthIds: readonly string[]) {
    const map = new Map<string, RecommendationHeadline>();
    for (const id of youthIds) {
      const stored = this.sets.get(id);
      if (!stored) continue;
      const { youthId, asOf, configVersion, jobs, trainings } = stored.set;
      map.set(id, {
        youthId,
        asOf,
        configVersion,
        ...(jobs[0] && { topJob: jobs[0] }),
        ...(trainings[0] && { topTraining: trainings[0] }),
      });
    }
    return map;
  }
  async candidateCounts(kind: OpportunityKind, ids: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(ids.map((id) => [id, 0]));
    for (const { set } of this.sets.values()) {
      for (const entry of kind === 'job' ? set.jobs : set.trainings) {
        if (counts.has(entry.opportunityId))
          counts.set(entry.opportunityId, counts.get(entry.opportunityId)! + 1);
      }
    }
    return counts;
  }
  async listCandidates(kind: OpportunityKind, id: string): Promise<Page<CandidateEntry>> {
    const entries: CandidateEntry[] = [];
    for (const { set, district } of this.sets.values()) {
      const list = kind === 'job' ? set.jobs : set.trainings;
      const index = list.findIndex((entry) => entry.opportunityId === id);
      const entry = list[index];
      if (entry) {
        entries.push({
          kind,
          opportunityId: id,
          youthId: set.youthId,
          score: entry.score,
          rank: index + 1,
          ...(district !== undefined && { district }),
        });
      }
    }
    return page(
      entries.sort(
        (a, b) => b.score - a.score || (a.youthId < b.youthId ? -1 : a.youthId > b.youthId ? 1 : 0),
      ),
    );
  }
}

const SEQ_WIDTH = 32;
const padded = (sequencer: string) => sequencer.toUpperCase().padStart(SEQ_WIDTH, '0');

export class MemoryLedger<Summary = Record<string, unknown>> implements UploadLedger<Summary> {
  readonly entries = new Map<string, LedgerEntry<Summary> & { leaseUntil?: number }>();

  async claim(object: S3ObjectRef, options: ClaimOptions): Promise<ClaimResult> {
    const id = `${object.bucket}/${object.key}`;
    const current = this.entries.get(id);
    const seq = padded(object.sequencer);
    if (current) {
      const stored = padded(current.sequencer);
      if (stored > seq) return 'stale';
      const otherContent =
        object.eTag !== undefined && current.eTag !== undefined && current.eTag !== object.eTag;
      if (stored === seq && !otherContent) {
        if (current.status === 'done') return 'duplicate';
        if ((current.leaseUntil ?? 0) >= options.now) return 'in_progress';
      }
    }
    this.entries.set(id, {
      bucket: object.bucket,
      key: object.key,
      sequencer: object.sequencer,
      ...(object.versionId && { versionId: object.versionId }),
      ...(object.eTag && { eTag: object.eTag }),
      status: 'processing',
      claimedAt: options.now,
      leaseUntil: options.now + options.leaseMs,
    });
    return 'new';
  }
  async complete(object: S3ObjectRef, summary: Summary, now: number) {
    const current = this.entries.get(`${object.bucket}/${object.key}`);
    if (
      !current ||
      padded(current.sequencer) !== padded(object.sequencer) ||
      (object.eTag !== undefined && current.eTag !== object.eTag)
    )
      throw new ConflictError('newer claim');
    current.status = 'done';
    current.summary = summary;
    current.completedAt = now;
    delete current.leaseUntil;
  }
  async get(bucket: string, key: string) {
    return this.entries.get(`${bucket}/${key}`);
  }
}

export class MemoryReports<Report = Record<string, unknown>> implements ReportRepository<Report> {
  readonly records = new Map<string, UploadReportRecord<Report>>();

  async put(record: UploadReportRecord<Report>) {
    this.records.set(record.uploadId, structuredClone(record));
  }
  async get(uploadId: string) {
    return this.records.get(uploadId);
  }
  async listByOwner(ownerId: string) {
    return page([...this.records.values()].filter((r) => r.ownerId === ownerId));
  }
}
