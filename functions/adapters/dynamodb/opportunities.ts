/**
 * Vacancies and training offers: the source record as uploaded and the profile the matcher uses,
 * indexed by district (open ones by deadline) and by owner (employer or provider) for scoping.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
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
  assertVersion,
  conditionally,
  type Item,
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

function toItem(opportunity: StoredOpportunity): Item {
  const { kind, profile } = opportunity;
  return {
    ...opportunityKeys.item(kind, profile.id),
    [GSI1.pk]: opportunityKeys.district(profile.district),
    [GSI1.sk]: opportunityKeys.inDistrict(kind, profile.deadline, profile.id),
    [GSI2.pk]: opportunityKeys.owner(kind, profile.ownerId),
    [GSI2.sk]: opportunityKeys.ofOwner(kind, profile.id),
    entity: kind === 'job' ? 'vacancy' : 'training',
    kind,
    version: opportunity.version,
    record: opportunity.record,
    profile,
  };
}

export function toStoredOpportunity(item: Item): StoredOpportunity {
  return {
    kind: item.kind,
    record: item.record,
    profile: item.profile,
    version: item.version,
  } as StoredOpportunity;
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
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: toItem(opportunity),
            ...VERSION_CONDITION,
            ExpressionAttributeValues: { ':version': opportunity.version },
          }),
        ),
      `${opportunity.kind} ${opportunity.profile.id}: a newer version is stored`,
    );
  }

  putMany(opportunities: readonly StoredOpportunity[]): Promise<PutManyResult> {
    for (const o of opportunities) assertConsistent(o);
    return putManyVersioned(
      this.ctx,
      opportunities.map((o) => ({
        id: o.profile.id,
        key: opportunityKeys.item(o.kind, o.profile.id),
        version: o.version,
        item: toItem(o),
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

  async listOpen(kind: OpportunityKind, query: OpenOpportunitiesQuery): Promise<StoredOpportunity[]> {
    const open: StoredOpportunity[] = [];
    for (const district of new Set(query.districts)) {
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
      for await (const item of items) open.push(toStoredOpportunity(item));
    }
    return open;
  }
}
