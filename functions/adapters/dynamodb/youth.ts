/**
 * Youth profiles, and the data-subject operations (export, erasure) over the youth's partition,
 * which also holds their recommendations and outcomes; the youth's candidate entries live on the
 * opportunities' candidate lists that the recommendation set names (docs/data-model.md).
 *
 * A profile is stored as one string attribute, its JSON (about 1.3 KB), beside the few attributes
 * keys, indexes and the version condition need.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { YouthProfile } from '#core/domain/profiles';
import type {
  CandidateEntry,
  ErasedRecord,
  Page,
  PageRequest,
  PutManyResult,
  StoredYouth,
  YouthErasure,
  YouthExport,
  YouthRepository,
} from '#core/ports';
import { readLists } from './candidate-lists.ts';
import {
  type AdapterOptions,
  assertVersion,
  batchWrite,
  collect,
  conditionally,
  type Item,
  putManyVersioned,
  queryAll,
  queryPage,
  TableContext,
  VERSION_CONDITION,
  youthPartition,
} from './common.ts';
import {
  erasuresOf,
  liftMarker,
  markSetErased,
  settleMarker,
  takeOffLists,
  writeTombstones,
} from './erasure.ts';
import { CONSENT_SK_PREFIX, INVITATION_SK_PREFIX, toConsent, toInvitation } from './invitations.ts';
import { toOutcome } from './outcomes.ts';
import {
  decodeCandidates,
  recommendationKeys,
  toSetSlot,
  toStoredRecommendationSet,
} from './recommendation-items.ts';
import { GSI1, GSI2 } from './table.ts';

export const youthKeys = {
  partition: youthPartition,
  profile: (youthId: string) => ({ pk: youthKeys.partition(youthId), sk: 'PROFILE' }),
  district: (district: string) => `DISTRICT#${district}`,
  inDistrict: (youthId: string) => `YOUTH#${youthId}`,
  nik: (nikHash: string) => `NIK#${nikHash}`,
};

/** Sort keys of the other items in a youth's partition, for export and erasure. */
const PARTITION_KINDS = {
  profile: (sk: string) => sk === 'PROFILE',
  recommendationSet: (sk: string) => sk === 'RECSET',
  outcome: (sk: string) => sk.startsWith('OUTCOME#'),
  invitation: (sk: string) => sk.startsWith(INVITATION_SK_PREFIX),
  consent: (sk: string) => sk.startsWith(CONSENT_SK_PREFIX),
};

/** The profile item of a youth. */
export function toYouthItem(youth: StoredYouth): Item {
  const { youthId, district } = youth.profile;
  return {
    ...youthKeys.profile(youthId),
    [GSI1.pk]: youthKeys.district(district),
    [GSI1.sk]: youthKeys.inDistrict(youthId),
    ...(youth.nikHash
      ? { [GSI2.pk]: youthKeys.nik(youth.nikHash), [GSI2.sk]: youthKeys.inDistrict(youthId) }
      : {}),
    entity: 'youth',
    version: youth.version,
    district,
    document: JSON.stringify(youth.profile),
    ...(youth.nikHash ? { nikHash: youth.nikHash } : {}),
  };
}

export function toStoredYouth(item: Item): StoredYouth {
  const youth: StoredYouth = {
    profile: JSON.parse(item.document as string) as YouthProfile,
    version: item.version as number,
  };
  if (typeof item.nikHash === 'string') youth.nikHash = item.nikHash;
  return youth;
}

export class DynamoYouthRepository implements YouthRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async get(youthId: string): Promise<StoredYouth | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: youthKeys.profile(youthId) }),
    );
    return out.Item ? toStoredYouth(out.Item) : undefined;
  }

  async put(youth: StoredYouth): Promise<void> {
    assertVersion(youth.version, youth.profile.youthId);
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: toYouthItem(youth),
            ...VERSION_CONDITION,
            ExpressionAttributeValues: { ':version': youth.version },
          }),
        ),
      `youth ${youth.profile.youthId}: a newer version is stored`,
    );
  }

  /**
   * The tombstones are read after the write: an erasure writes them before it deletes anything, so
   * either its delete comes after this write or this read sees them (and the profile is deleted
   * here). Youth assessed after their erasure are new registrations: their set's erasure marker goes.
   */
  async putMany(youth: readonly StoredYouth[]): Promise<PutManyResult & { erased: ErasedRecord[] }> {
    for (const y of youth) assertVersion(y.version, y.profile.youthId);
    const result = await putManyVersioned(
      this.ctx,
      youth.map((y) => ({
        id: y.profile.youthId,
        key: youthKeys.profile(y.profile.youthId),
        version: y.version,
        item: toYouthItem(y),
      })),
    );
    const stale = new Set(result.stale);
    const { erased, reregistered } = await erasuresOf(
      this.ctx,
      youth.filter((y) => !stale.has(y.profile.youthId)),
    );
    await batchWrite(
      this.ctx,
      [...erased.keys()].map((id) => ({ DeleteRequest: { Key: youthKeys.profile(id) } })),
    );
    for (const id of reregistered) await liftMarker(this.ctx, id);
    return { written: result.written - erased.size, stale: result.stale, erased: [...erased.values()] };
  }

  listByDistrict(district: string, page?: PageRequest): Promise<Page<StoredYouth>> {
    return queryPage(this.ctx, this.districtQuery(district), page, toStoredYouth);
  }

  async *allInDistrict(district: string): AsyncIterable<StoredYouth> {
    for await (const item of queryAll(this.ctx, this.districtQuery(district))) yield toStoredYouth(item);
  }

  async findByNikHash(nikHash: string): Promise<StoredYouth[]> {
    const items = await collect(
      queryAll(this.ctx, {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': youthKeys.nik(nikHash) },
      }),
    );
    return items.map(toStoredYouth);
  }

  async exportAll(youthId: string): Promise<YouthExport> {
    const items = await this.partition(youthId);
    const export_: YouthExport = { candidateEntries: [], outcomes: [], invitations: [], consents: [] };
    for (const item of items) {
      const sk = item.sk as string;
      if (PARTITION_KINDS.profile(sk)) export_.youth = toStoredYouth(item);
      else if (PARTITION_KINDS.recommendationSet(sk)) {
        const stored = toStoredRecommendationSet(item);
        if (stored) export_.recommendations = stored;
        export_.candidateEntries = await this.listEntries(youthId, item);
      } else if (PARTITION_KINDS.outcome(sk)) export_.outcomes.push(toOutcome(item));
      else if (PARTITION_KINDS.invitation(sk)) {
        const { codeHash: _hash, aptitudeSeed: _seed, ...invitation } = toInvitation(item);
        export_.invitations.push(invitation);
      } else if (PARTITION_KINDS.consent(sk)) export_.consents.push(toConsent(item));
    }
    return export_;
  }

  /** Steps and their order: `erasure.ts`. Nothing is written when nothing is stored. */
  async erase(youthId: string, erasedAt: string): Promise<YouthErasure> {
    const items = await this.partition(youthId);
    const count = (is: (sk: string) => boolean) => items.filter((i) => is(i.sk as string)).length;
    const set = items.find((i) => PARTITION_KINDS.recommendationSet(i.sk as string));
    const profile = items.find((i) => PARTITION_KINDS.profile(i.sk as string));
    const erasure: YouthErasure = {
      profiles: count(PARTITION_KINDS.profile),
      recommendationSets: set && toSetSlot(set).state === 'set' ? 1 : 0,
      candidateEntries: 0,
      outcomes: count(PARTITION_KINDS.outcome),
      invitations: count(PARTITION_KINDS.invitation),
      consents: count(PARTITION_KINDS.consent),
    };
    const pendingLists =
      set !== undefined && toSetSlot(set).state === 'erased' && set.pendingRemovals !== undefined;
    if (erasure.profiles + erasure.recommendationSets + erasure.outcomes === 0 && !pendingLists)
      return erasure;
    const nikHash = typeof profile?.nikHash === 'string' ? profile.nikHash : undefined;
    const subject = { youthId, erasedAt, ...(nikHash ? { nikHash } : {}) };
    await writeTombstones(this.ctx, subject);
    const marked = await markSetErased(this.ctx, youthId, erasedAt);
    const lists = await takeOffLists(this.ctx, youthId, marked.lists);
    const setKey = recommendationKeys.set(youthId);
    await batchWrite(
      this.ctx,
      items
        .filter((i) => i.sk !== setKey.sk)
        .map((i) => ({ DeleteRequest: { Key: { pk: i.pk as string, sk: i.sk as string } } })),
    );
    await settleMarker(this.ctx, youthId, erasedAt);
    return {
      ...erasure,
      recommendationSets: marked.hadSet ? 1 : erasure.recommendationSets,
      candidateEntries: lists.candidateEntriesRemoved,
      subject,
    };
  }

  /** The youth's entries as the lists hold them: the lists their set item names, read. */
  private async listEntries(youthId: string, setItem: Item): Promise<CandidateEntry[]> {
    const slot = toSetSlot(setItem);
    if (slot.state !== 'set') return [];
    const named = [...slot.summary.opportunities, ...slot.summary.pendingRemovals];
    const lists = await readLists(this.ctx, named);
    return named.flatMap((o) => {
      const list = lists.get(recommendationKeys.candidateList(o.kind, o.id).pk);
      const entry = decodeCandidates(list?.entries).find((e) => e.youthId === youthId);
      return entry
        ? [{ kind: o.kind, opportunityId: o.id, youthId, score: entry.score, rank: entry.rank }]
        : [];
    });
  }

  private partition(youthId: string): Promise<Item[]> {
    return collect(
      queryAll(this.ctx, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': youthKeys.partition(youthId) },
        ConsistentRead: true,
      }),
    );
  }

  private districtQuery(district: string) {
    return {
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
      ExpressionAttributeValues: { ':pk': youthKeys.district(district), ':prefix': 'YOUTH#' },
    };
  }
}
