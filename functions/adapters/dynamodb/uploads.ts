/**
 * The upload ledger: one item per S3 object key, holding the sequencer of the newest upload claimed.
 * It makes processing exactly once in effect: redelivery is a duplicate, an older upload is stale.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/domain/errors';
import type { ClaimOptions, ClaimResult, LedgerEntry, S3ObjectRef, UploadLedger } from '#core/ports';
import {
  type AdapterOptions,
  conditionally,
  type Item,
  isConditionalCheckFailed,
  TableContext,
} from './common.ts';

const SEQUENCER_WIDTH = 32;

export const ledgerKeys = {
  object: (bucket: string, key: string) => ({ pk: `OBJ#${bucket}/${key}`, sk: 'OBJ' }),
};

/**
 * S3 sequencers are hexadecimal strings whose length may differ; AWS's rule is to right-pad the
 * shorter with zeros and compare as strings (the same rule as `compareSequencers`). Padded to one
 * width and upper-cased they compare in event order, which is what a DynamoDB condition can do.
 */
export function normaliseSequencer(sequencer: string): string {
  if (!/^[0-9a-fA-F]{1,32}$/.test(sequencer)) {
    throw new ValidationError([{ field: 'sequencer', reason: 'must be 1 to 32 hexadecimal digits' }]);
  }
  return sequencer.toUpperCase().padEnd(SEQUENCER_WIDTH, '0');
}

function toEntry<Summary>(item: Item): LedgerEntry<Summary> {
  const entry: LedgerEntry<Summary> = {
    bucket: item.bucket as string,
    key: item.key as string,
    sequencer: item.rawSequencer as string,
    status: item.status as LedgerEntry['status'],
    claimedAt: item.claimedAt as number,
  };
  if (typeof item.versionId === 'string') entry.versionId = item.versionId;
  if (typeof item.eTag === 'string') entry.eTag = item.eTag;
  if (typeof item.completedAt === 'number') entry.completedAt = item.completedAt;
  if (item.summary !== undefined) entry.summary = item.summary as Summary;
  return entry;
}

export class DynamoUploadLedger<Summary = Record<string, unknown>> implements UploadLedger<Summary> {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async claim(object: S3ObjectRef, options: ClaimOptions): Promise<ClaimResult> {
    const sequencer = normaliseSequencer(object.sequencer);
    try {
      await this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: {
            ...ledgerKeys.object(object.bucket, object.key),
            entity: 'upload',
            bucket: object.bucket,
            key: object.key,
            sequencer,
            rawSequencer: object.sequencer,
            ...(object.versionId ? { versionId: object.versionId } : {}),
            ...(object.eTag ? { eTag: object.eTag } : {}),
            status: 'processing',
            claimedAt: options.now,
            leaseUntil: options.now + options.leaseMs,
          },
          // New key, newer upload, other content under the same sequencer (its eTag differs), or a
          // crashed run's claim on this very upload whose lease ran out.
          ConditionExpression: `attribute_not_exists(pk) OR #seq < :seq OR ${
            object.eTag ? '(#seq = :seq AND #etag <> :etag) OR ' : ''
          }(#seq = :seq AND #status = :processing AND #lease < :now)`,
          ExpressionAttributeNames: {
            '#seq': 'sequencer',
            '#status': 'status',
            '#lease': 'leaseUntil',
            ...(object.eTag && { '#etag': 'eTag' }),
          },
          ExpressionAttributeValues: {
            ':seq': sequencer,
            ':processing': 'processing',
            ':now': options.now,
            ...(object.eTag && { ':etag': object.eTag }),
          },
        }),
      );
      return 'new';
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const current = await this.read(object.bucket, object.key);
    if (!current) return 'in_progress';
    const stored = current.sequencer as string;
    if (stored > sequencer) return 'stale';
    if (stored === sequencer && current.status === 'done') return 'duplicate';
    return 'in_progress';
  }

  async complete(object: S3ObjectRef, summary: Summary, now: number): Promise<void> {
    await conditionally(
      () =>
        this.ctx.doc.send(
          new UpdateCommand({
            TableName: this.ctx.tableName,
            Key: ledgerKeys.object(object.bucket, object.key),
            UpdateExpression: 'SET #status = :done, #summary = :summary, #completedAt = :now REMOVE #lease',
            // Other content under the same sequencer may have taken the claim: its eTag decides.
            ConditionExpression: object.eTag ? '#seq = :seq AND #etag = :etag' : '#seq = :seq',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#summary': 'summary',
              '#completedAt': 'completedAt',
              '#lease': 'leaseUntil',
              '#seq': 'sequencer',
              ...(object.eTag && { '#etag': 'eTag' }),
            },
            ExpressionAttributeValues: {
              ':done': 'done',
              ':summary': summary,
              ':now': now,
              ':seq': normaliseSequencer(object.sequencer),
              ...(object.eTag && { ':etag': object.eTag }),
            },
          }),
        ),
      `upload ${object.bucket}/${object.key}: a newer upload, or other content, holds the claim`,
    );
  }

  async get(bucket: string, key: string): Promise<LedgerEntry<Summary> | undefined> {
    const item = await this.read(bucket, key);
    return item ? toEntry<Summary>(item) : undefined;
  }

  private async read(bucket: string, key: string): Promise<Item | undefined> {
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: ledgerKeys.object(bucket, key),
        ConsistentRead: true,
      }),
    );
    return out.Item;
  }
}
