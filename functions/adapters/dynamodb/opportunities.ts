/**
 * Vacancies and training offers: the source record as uploaded and the profile the matcher uses,
 * indexed by district (open ones by deadline) and by owner (employer or provider) for scoping.
 * Record and profile are stored together as one JSON string attribute (`document`) beside the few
 * attributes keys, indexes and the version condition need.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/domain/errors';
import type { OpportunityKind, OpportunityProfile } from '#core/domain/profiles';
import type { TrainingOffer, Vacancy } from '#core/domain/records';
import type {
  OpenOpportunitiesQuery,
  OpportunityRepository,
  Page,
  PageRequest,
  PutManyResult,
  StoredOpportunity,
} from '#core/ports';
import {
  type AdapterOptions,
  assertItemSize,
  assertVersion,
  BATCH_CALLS_AT_ONCE,
  conditionally,
  type Item,
  inParallel,
  opportunityPrefix,
  putManyVersioned,
  queryAll,
  queryPage,
  TableContext,
  VERSION_CONDITION,
} from './common.ts';
import { GSI1, GSI2 } from './table.ts';

const OWNER_NAMESPACE: Record<OpportunityKind, string> = { job: 'EMPLOYER', training: 'PROVIDER' };

export const opportunityKeys = {
  item: (kind: OpportunityKind, id: string) => ({
    pk: `${opportunityPrefix(kind)}#${id}`,
    sk: opportunityPrefix(kind),
  }),
  district: (district: string) => `OPPS#DISTRICT#${district}`,
  /** The deadline sorts open opportunities into a key range. */
  inDistrict: (kind: OpportunityKind, deadline: string, id: string) =>
    `${opportunityPrefix(kind)}#${deadline}#${id}`,
  openFrom: (kind: OpportunityKind, asOf: string) => `${opportunityPrefix(kind)}#${asOf}`,
  /** `$` sorts right after `#`, so this bounds every key of the kind. */
  kindEnd: (kind: OpportunityKind) => `${opportunityPrefix(kind)}$`,
  owner: (kind: OpportunityKind, ownerId: string) => `OWNER#${OWNER_NAMESPACE[kind]}#${ownerId}`,
  ofOwner: (kind: OpportunityKind, id: string) => `${opportunityPrefix(kind)}#${id}`,
};

/** What the `document` attribute holds: the record as uploaded and the profile derived from it. */
interface OpportunityDocument {
  record: Vacancy | TrainingOffer;
  profile: OpportunityProfile;
}

export function toOpportunityItem(opportunity: StoredOpportunity): Item {
  const { kind, profile } = opportunity;
  const attributes: Item = {
    ...opportunityKeys.item(kind, profile.id),
    [GSI1.pk]: opportunityKeys.district(profile.district),
    [GSI1.sk]: opportunityKeys.inDistrict(kind, profile.deadline, profile.id),
    [GSI2.pk]: opportunityKeys.owner(kind, profile.ownerId),
    [GSI2.sk]: opportunityKeys.ofOwner(kind, profile.id),
    entity: kind === 'job' ? 'vacancy' : 'training',
    kind,
    version: opportunity.version,
  };
  const document: OpportunityDocument = { record: opportunity.record, profile: opportunity.profile };
  const item = { ...attributes, document: JSON.stringify(document) };
  assertItemSize(item, profile.id);
  return item;
}

export function toStoredOpportunity(item: Item): StoredOpportunity {
  const { record, profile } = JSON.parse(item.document as string) as OpportunityDocument;
  return { kind: item.kind, record, profile, version: item.version } as StoredOpportunity;
}

function assertConsistent(opportunity: StoredOpportunity): void {
  assertVersion(opportunity.version, opportunity.profile.id);
  const recordId =
    opportunity.kind === 'job' ? opportunity.record.vacancy_id : opportunity.record.training_id;
  if (opportunity.profile.kind !== opportunity.kind || recordId !== opportunity.profile.id) {
    throw new ValidationError([
      { record: opportunity.profile.id, field: 'profile', reason: 'does not describe the stored record' },
    ]);
  }
}

export class DynamoOpportunityRepository implements OpportunityRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async get(kind: OpportunityKind, id: string): Promise<StoredOpportunity | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: opportunityKeys.item(kind, id) }),
    );
    return out.Item ? toStoredOpportunity(out.Item) : undefined;
  }

  async put(opportunity: StoredOpportunity): Promise<void> {
    assertConsistent(opportunity);
    const item = toOpportunityItem(opportunity);
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: item,
            ...VERSION_CONDITION,
            ExpressionAttributeValues: { ':version': opportunity.version },
          }),
        ),
      `${opportunity.kind} ${opportunity.profile.id}: a newer version is stored`,
    );
  }

  async putMany(opportunities: readonly StoredOpportunity[]): Promise<PutManyResult> {
    for (const o of opportunities) assertConsistent(o);
    return putManyVersioned(
      this.ctx,
      opportunities.map((o) => ({
        id: o.profile.id,
        key: opportunityKeys.item(o.kind, o.profile.id),
        version: o.version,
        item: toOpportunityItem(o),
      })),
    );
  }

  listByDistrict(
    kind: OpportunityKind,
    district: string,
    page?: PageRequest,
  ): Promise<Page<StoredOpportunity>> {
    return queryPage(
      this.ctx,
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
        ExpressionAttributeValues: {
          ':pk': opportunityKeys.district(district),
          ':prefix': `${opportunityPrefix(kind)}#`,
        },
      },
      page,
      toStoredOpportunity,
    );
  }

  listByOwner(kind: OpportunityKind, ownerId: string, page?: PageRequest): Promise<Page<StoredOpportunity>> {
    return queryPage(
      this.ctx,
      {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': GSI2.pk, '#sk': GSI2.sk },
        ExpressionAttributeValues: {
          ':pk': opportunityKeys.owner(kind, ownerId),
          ':prefix': `${opportunityPrefix(kind)}#`,
        },
      },
      page,
      toStoredOpportunity,
    );
  }

  /** Districts are read a few at a time; the result keeps the order of `query.districts`. */
  async listOpen(kind: OpportunityKind, query: OpenOpportunitiesQuery): Promise<StoredOpportunity[]> {
    const districts = [...new Set(query.districts)];
    const byDistrict = new Map<string, StoredOpportunity[]>();
    await inParallel(districts, BATCH_CALLS_AT_ONCE, async (district) => {
      const items = queryAll(this.ctx, {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
        ExpressionAttributeValues: {
          ':pk': opportunityKeys.district(district),
          ':from': opportunityKeys.openFrom(kind, query.asOf),
          ':to': opportunityKeys.kindEnd(kind),
        },
      });
      const open: StoredOpportunity[] = [];
      for await (const item of items) open.push(toStoredOpportunity(item));
      byDistrict.set(district, open);
    });
    return districts.flatMap((district) => byDistrict.get(district) ?? []);
  }
}
