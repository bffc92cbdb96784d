/**
 * Youth profiles, and the data-subject operations (export, erasure) over the youth's partition,
 * which also holds their recommendations and outcomes; the youth's candidate entries live on the
 * opportunities' candidate lists that the recommendation set names (docs/data-model.md).
 *
 * A profile is stored as one string attribute, its JSON, beside the few attributes keys, indexes and
 * the version condition need: as ~100 nested attributes it made every write and every district read
 * pay per attribute (marshalling, and the table's own per-attribute work). It is not deflated: every
 * rematch reads every profile of a district, and inflating them cost more time than the bytes saved.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { YouthProfile } from '#core/domain/profiles';
import type {
  Page,
  PageRequest,
  PutManyResult,
  StoredYouth,
  YouthErasure,
  YouthExport,
  YouthRepository,
} from '#core/ports';
import {
  type AdapterOptions,
  assertVersion,
  batchWrite,
  collect,
  conditionally,
  type Item,
  inflateJson,
  putManyVersioned,
  queryAll,
  queryPage,
  TableContext,
  VERSION_CONDITION,
  youthPartition,
} from './common.ts';
import { CONSENT_SK_PREFIX, INVITATION_SK_PREFIX, toConsent, toInvitation } from './invitations.ts';
import { toOutcome } from './outcomes.ts';
import {
  candidateEntriesOf,
  listedOpportunitiesOf,
  removeFromCandidateLists,
  toStoredRecommendationSet,
} from './recommendations.ts';
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

/**
 * The profile of an item in any form this adapter wrote: JSON text, deflated JSON, or (before
 * documents) a nested map under `profile`.
 */
function profileOf(item: Item): YouthProfile {
  if (typeof item.document === 'string') return JSON.parse(item.document) as YouthProfile;
  if (item.document instanceof Uint8Array) return inflateJson(item.document) as YouthProfile;
  return item.profile as YouthProfile;
}

export function toStoredYouth(item: Item): StoredYouth {
  const youth: StoredYouth = { profile: profileOf(item), version: item.version as number };
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

  async putMany(youth: readonly StoredYouth[]): Promise<PutManyResult> {
    for (const y of youth) assertVersion(y.version, y.profile.youthId);
    return putManyVersioned(
      this.ctx,
      youth.map((y) => ({
        id: y.profile.youthId,
        key: youthKeys.profile(y.profile.youthId),
        version: y.version,
        item: toYouthItem(y),
      })),
    );
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
        export_.recommendations = toStoredRecommendationSet(item);
        export_.candidateEntries.push(...candidateEntriesOf(item));
      } else if (PARTITION_KINDS.outcome(sk)) export_.outcomes.push(toOutcome(item));
      else if (PARTITION_KINDS.invitation(sk)) {
        const { codeHash: _hash, aptitudeSeed: _seed, ...invitation } = toInvitation(item);
        export_.invitations.push(invitation);
      } else if (PARTITION_KINDS.consent(sk)) export_.consents.push(toConsent(item));
    }
    return export_;
  }

  async erase(youthId: string): Promise<YouthErasure> {
    const items = await this.partition(youthId);
    const count = (is: (sk: string) => boolean) => items.filter((i) => is(i.sk as string)).length;
    const set = items.find((i) => PARTITION_KINDS.recommendationSet(i.sk as string));
    // Off the candidate lists first: if the deletes below fail, a retried erasure still finds the set.
    const lists = set
      ? await removeFromCandidateLists(this.ctx, youthId, listedOpportunitiesOf(set))
      : undefined;
    await batchWrite(
      this.ctx,
      items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk as string, sk: i.sk as string } } })),
    );
    return {
      profiles: count(PARTITION_KINDS.profile),
      recommendationSets: count(PARTITION_KINDS.recommendationSet),
      candidateEntries: lists?.candidateEntriesRemoved ?? 0,
      outcomes: count(PARTITION_KINDS.outcome),
      invitations: count(PARTITION_KINDS.invitation),
      consents: count(PARTITION_KINDS.consent),
    };
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
