/**
 * Complaint cases: `YOUTH#<youthId>` / `CASE#<caseId>` in the youth's partition (so export and
 * erasure take them), gsi1 `CASES#DISTRICT#<d>` / `<openedAt>#<caseId>` for district lists, gsi2
 * `CASE#<caseId>` / `CASE` to find a case by id. Per employer one counter item
 * `CASES#EMPLOYER#<id>` / `COUNT`, an aggregate naming no youth, kept when a youth is erased.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRepository } from '#core/protection/case-store';
import type { ComplaintCase } from '#core/protection/cases';
import {
  type AdapterOptions,
  collect,
  type Item,
  putNextVersion,
  queryAll,
  TableContext,
  withoutKeys,
  youthPartition,
} from './common.ts';
import { GSI1, GSI2 } from './table.ts';

export const caseKeys = {
  item: (youthId: string, caseId: string) => ({ pk: youthPartition(youthId), sk: `CASE#${caseId}` }),
  district: (district: string) => `CASES#DISTRICT#${district}`,
  inDistrict: (c: ComplaintCase) => `${c.openedAt}#${c.caseId}`,
  byId: (caseId: string) => `CASE#${caseId}`,
  employer: (employerId: string) => ({ pk: `CASES#EMPLOYER#${employerId}`, sk: 'COUNT' }),
};

function toItem(complaint: ComplaintCase): Item {
  return {
    ...caseKeys.item(complaint.youthId, complaint.caseId),
    [GSI1.pk]: caseKeys.district(complaint.district),
    [GSI1.sk]: caseKeys.inDistrict(complaint),
    [GSI2.pk]: caseKeys.byId(complaint.caseId),
    [GSI2.sk]: 'CASE',
    entity: 'case',
    ...complaint,
  };
}

export function toCase(item: Item): ComplaintCase {
  return withoutKeys(item) as unknown as ComplaintCase;
}

export class DynamoCaseRepository implements CaseRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async get(caseId: string): Promise<ComplaintCase | undefined> {
    // The index says whose partition; the item itself is then read consistently for the version.
    const found = await collect(
      queryAll(this.ctx, {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: 'youthId',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': caseKeys.byId(caseId) },
      }),
    );
    const youthId = found[0]?.youthId;
    if (typeof youthId !== 'string') return undefined;
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: caseKeys.item(youthId, caseId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? toCase(out.Item) : undefined;
  }

  async save(complaint: ComplaintCase): Promise<void> {
    await putNextVersion(
      this.ctx,
      toItem(complaint) as Item & { version: number },
      `case ${complaint.caseId} changed meanwhile`,
    );
  }

  async listByDistrict(district: string): Promise<ComplaintCase[]> {
    const items = await collect(
      queryAll(this.ctx, {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': caseKeys.district(district) },
      }),
    );
    return items.map(toCase);
  }

  async listByYouth(youthId: string): Promise<ComplaintCase[]> {
    const items = await collect(
      queryAll(this.ctx, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': youthPartition(youthId), ':prefix': 'CASE#' },
        ConsistentRead: true,
      }),
    );
    return items.map(toCase);
  }

  async countAgainstEmployer(employerId: string): Promise<number> {
    const out = await this.ctx.doc.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: caseKeys.employer(employerId),
        UpdateExpression: 'SET #entity = :entity ADD #cases :one',
        ExpressionAttributeNames: { '#entity': 'entity', '#cases': 'cases' },
        ExpressionAttributeValues: { ':entity': 'employer-case-count', ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return out.Attributes?.cases as number;
  }
}
