/**
 * Assessment invitations and consent records, in the youth's partition (`YOUTH#<id>` /
 * `INVITE#<invitationId>` and `CONSENT#<invitationId>`), so the youth's export and erasure take
 * them along. A code is found through gsi2 (`INVITE#<code hash>`); updates are conditional on the
 * revision read. The invitation itself is one JSON string attribute beside what keys and
 * conditions need: it holds the registry fields (birth date, disability), which never become
 * attributes of their own.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord } from '#core/assessment/consent';
import type { Invitation } from '#core/assessment/invitation';
import { ConflictError } from '#core/domain/errors';
import type { InvitationRepository } from '#core/ports';
import {
  type AdapterOptions,
  collect,
  conditionally,
  type Item,
  isConditionalCheckFailed,
  queryAll,
  TableContext,
  youthPartition,
} from './common.ts';
import { GSI2 } from './table.ts';

export const invitationKeys = {
  invitation: (youthId: string, invitationId: string) => ({
    pk: youthPartition(youthId),
    sk: `INVITE#${invitationId}`,
  }),
  consent: (youthId: string, invitationId: string) => ({
    pk: youthPartition(youthId),
    sk: `CONSENT#${invitationId}`,
  }),
  code: (codeHash: string) => `INVITE#${codeHash}`,
};

export const INVITATION_SK_PREFIX = 'INVITE#';
export const CONSENT_SK_PREFIX = 'CONSENT#';

export function toInvitationItem(invitation: Invitation): Item {
  return {
    ...invitationKeys.invitation(invitation.youthId, invitation.invitationId),
    [GSI2.pk]: invitationKeys.code(invitation.codeHash),
    [GSI2.sk]: 'INVITE',
    entity: 'invitation',
    revision: invitation.revision,
    status: invitation.status,
    district: invitation.district,
    document: JSON.stringify(invitation),
  };
}

export function toInvitation(item: Item): Invitation {
  return JSON.parse(item.document as string) as Invitation;
}

export function toConsent(item: Item): ConsentRecord {
  return JSON.parse(item.document as string) as ConsentRecord;
}

export class DynamoInvitationRepository implements InvitationRepository {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async create(invitation: Invitation): Promise<void> {
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: toInvitationItem(invitation),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      `invitation ${invitation.invitationId} exists`,
    );
  }

  async get(youthId: string, invitationId: string): Promise<Invitation | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: invitationKeys.invitation(youthId, invitationId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? toInvitation(out.Item) : undefined;
  }

  async findByCodeHash(codeHash: string): Promise<Invitation | undefined> {
    const items = await collect(
      queryAll(this.ctx, {
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': invitationKeys.code(codeHash) },
      }),
    );
    const found = items[0];
    // The index is eventually consistent: the status that decides anything is read from the table.
    return found ? this.get(toInvitation(found).youthId, toInvitation(found).invitationId) : undefined;
  }

  async listByYouth(youthId: string): Promise<Invitation[]> {
    const items = await collect(
      queryAll(this.ctx, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': youthPartition(youthId), ':prefix': INVITATION_SK_PREFIX },
        ConsistentRead: true,
      }),
    );
    return items.map(toInvitation).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async update(next: Invitation): Promise<void> {
    await conditionally(
      () =>
        this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: toInvitationItem(next),
            ConditionExpression: 'revision = :previous',
            ExpressionAttributeValues: { ':previous': next.revision - 1 },
          }),
        ),
      `invitation ${next.invitationId} changed meanwhile`,
    );
  }

  async putConsent(record: ConsentRecord): Promise<ConsentRecord> {
    const key = invitationKeys.consent(record.youthId, record.invitationId);
    try {
      await this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...key, entity: 'consent', document: JSON.stringify(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const stored = await this.getConsent(record.youthId, record.invitationId);
      if (!stored)
        throw new ConflictError(`consent for invitation ${record.invitationId} was erased meanwhile`);
      return stored;
    }
  }

  async getConsent(youthId: string, invitationId: string): Promise<ConsentRecord | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: invitationKeys.consent(youthId, invitationId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? toConsent(out.Item) : undefined;
  }
}
