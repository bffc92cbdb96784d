/**
 * Failed invitation-code attempts, counted per source in fixed windows: one item per source and
 * window (`ATTEMPTS#<source>` / `WINDOW#<start>`), incremented with an atomic ADD, with a `ttl` so
 * DynamoDB removes old windows. The source is already a keyed hash of the network address.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AttemptThrottle } from '#core/ports';
import { type AdapterOptions, TableContext } from './common.ts';

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

function windowKey(source: string, nowMs: number) {
  const start = Math.floor(nowMs / ATTEMPT_WINDOW_MS) * ATTEMPT_WINDOW_MS;
  return { key: { pk: `ATTEMPTS#${source}`, sk: `WINDOW#${start}` }, start };
}

export class DynamoAttemptThrottle implements AttemptThrottle {
  private readonly ctx: TableContext;

  constructor(options: AdapterOptions) {
    this.ctx = new TableContext(options);
  }

  async failures(source: string, nowMs: number): Promise<number> {
    const out = await this.ctx.doc.send(
      new GetCommand({
        TableName: this.ctx.tableName,
        Key: windowKey(source, nowMs).key,
        ConsistentRead: true,
      }),
    );
    return typeof out.Item?.failures === 'number' ? out.Item.failures : 0;
  }

  async recordFailure(source: string, nowMs: number): Promise<void> {
    const { key, start } = windowKey(source, nowMs);
    await this.ctx.doc.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: key,
        UpdateExpression: 'ADD failures :one SET #ttl = :ttl, entity = :entity',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':ttl': Math.ceil((start + 2 * ATTEMPT_WINDOW_MS) / 1000),
          ':entity': 'attempts',
        },
      }),
    );
  }
}
