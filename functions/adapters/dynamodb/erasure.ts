/**
 * Durable erasure (docs/data-model.md, docs/operations.md). Erasing a youth writes, in this order:
 * 1. tombstones keyed by youth id and by NIK hash (`ERASED#…`), kept for good: later uploads of the
 *    person's records are refused unless assessed after the erasure;
 * 2. the erasure marker at the set's key, conditional on the set it replaces; a writer finds it and
 *    writes no set, and a writer that read the set before reads the tombstone after its write and
 *    puts the marker back (`erasedSince`);
 * 3. the youth off every list the replaced set named (the marker keeps them until this is done);
 * 4. the partition's profile, outcomes and set deleted; then the marker forgets the lists.
 * Each step is safe to repeat, so a failed erasure is repaired by erasing again.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { assessedAfterErasure } from '#core/domain/erasure';
import { ConflictError } from '#core/domain/errors';
import { opportunityKey, type SetOpportunity } from '#core/matching/candidate-lists';
import type { ErasedRecord, StoredYouth } from '#core/ports';
import { ListTouches, syncCandidateLists } from './candidate-lists.ts';
import {
  backoffDelay,
  batchGet,
  batchWrite,
  type Item,
  isConditionalCheckFailed,
  type Key,
  type TableContext,
} from './common.ts';
import {
  recommendationKeys,
  SUMMARY_ATTRIBUTES,
  toErasureMarker,
  toSetSlot,
} from './recommendation-items.ts';

export const erasureKeys = {
  youth: (youthId: string): Key => ({ pk: `ERASED#YOUTH#${youthId}`, sk: 'ERASED' }),
  nik: (nikHash: string): Key => ({ pk: `ERASED#NIK#${nikHash}`, sk: 'ERASED' }),
};

/** Step 1: the tombstones, before anything is deleted. */
export async function writeTombstones(
  ctx: TableContext,
  subject: { youthId: string; nikHash?: string; erasedAt: string },
): Promise<void> {
  const tombstone = (key: Key): Item => ({ ...key, entity: 'tombstone', erasedAt: subject.erasedAt });
  await batchWrite(ctx, [
    { PutRequest: { Item: tombstone(erasureKeys.youth(subject.youthId)) } },
    ...(subject.nikHash ? [{ PutRequest: { Item: tombstone(erasureKeys.nik(subject.nikHash)) } }] : []),
  ]);
}

/**
 * Step 2: the marker replaces whatever the set's key holds, conditional on what was read. Returns
 * whether a set was replaced and every list the youth may stand on.
 */
export async function markSetErased(
  ctx: TableContext,
  youthId: string,
  erasedAt: string,
): Promise<{ hadSet: boolean; lists: SetOpportunity[] }> {
  const key = recommendationKeys.set(youthId);
  for (let attempt = 0; ; attempt++) {
    const out = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: key,
        ProjectionExpression: SUMMARY_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(SUMMARY_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
        ConsistentRead: true,
      }),
    );
    const slot = toSetSlot(out.Item);
    const named =
      slot.state === 'set'
        ? [...slot.summary.opportunities, ...slot.summary.pendingRemovals]
        : slot.state === 'erased'
          ? slot.pendingRemovals
          : [];
    const lists = [...new Map(named.map((o) => [opportunityKey(o), o])).values()];
    const condition =
      slot.state === 'set'
        ? {
            ConditionExpression: 'contentHash = :hash AND #session = :session',
            ExpressionAttributeNames: { '#session': 'session' },
            ExpressionAttributeValues: {
              ':hash': slot.summary.contentHash,
              ':session': slot.summary.session,
            },
          }
        : slot.state === 'erased'
          ? { ConditionExpression: 'attribute_exists(erasedAt)' }
          : { ConditionExpression: 'attribute_not_exists(pk)' };
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: toErasureMarker(youthId, erasedAt, lists),
          ...condition,
        }),
      );
      return { hadSet: slot.state === 'set', lists };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      if (attempt + 1 >= ctx.retry.maxAttempts) {
        throw new ConflictError(
          `recommendations of ${youthId}: still changing after ${ctx.retry.maxAttempts} attempts`,
        );
      }
      await ctx.retry.sleep(backoffDelay(attempt + 1, ctx.retry));
    }
  }
}

/** Step 3: the youth off the lists; their set's key holds the marker, so every entry goes. */
export async function takeOffLists(ctx: TableContext, youthId: string, lists: readonly SetOpportunity[]) {
  const touches = new ListTouches();
  for (const o of lists) touches.add(o, youthId);
  return syncCandidateLists(ctx, touches);
}

/** Step 4's end: the marker without lists, unless the youth was registered anew meanwhile. */
export async function settleMarker(ctx: TableContext, youthId: string, erasedAt: string): Promise<void> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: toErasureMarker(youthId, erasedAt, []),
        ConditionExpression: 'attribute_exists(erasedAt)',
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * Of the given profiles, those whose youth id or NIK hash has a tombstone not older than their
 * assessment (read consistently), with the latest such erasure; and those assessed after one.
 */
export async function erasuresOf(
  ctx: TableContext,
  youth: readonly StoredYouth[],
): Promise<{ erased: Map<string, ErasedRecord>; reregistered: string[] }> {
  const keys = youth.flatMap((y) => [
    erasureKeys.youth(y.profile.youthId),
    ...(y.nikHash ? [erasureKeys.nik(y.nikHash)] : []),
  ]);
  const erased = new Map<string, ErasedRecord>();
  const reregistered: string[] = [];
  if (keys.length === 0) return { erased, reregistered };
  const found = await batchGet(ctx, keys, ['pk', 'erasedAt'], true);
  const erasedAt = new Map(found.map((t) => [t.pk as string, t.erasedAt as string]));
  for (const y of youth) {
    const times = [
      erasedAt.get(erasureKeys.youth(y.profile.youthId).pk),
      y.nikHash ? erasedAt.get(erasureKeys.nik(y.nikHash).pk) : undefined,
    ].filter((t): t is string => t !== undefined);
    if (times.length === 0) continue;
    const latest = times.sort().at(-1)!;
    if (assessedAfterErasure(y.profile.assessedAt, latest)) reregistered.push(y.profile.youthId);
    else erased.set(y.profile.youthId, { id: y.profile.youthId, erasedAt: latest });
  }
  return { erased, reregistered };
}

/**
 * Of the youth whose sets were just written, those erased meanwhile: an erasure that read the set
 * before this write would leave it in place, so the marker goes back (only over a set). Tombstones
 * come first in an erasure, so any erasure not seen here replaces the set after this write itself.
 */
export async function erasedSince(ctx: TableContext, youthIds: readonly string[]): Promise<Set<string>> {
  const erased = new Set<string>();
  if (youthIds.length === 0) return erased;
  const tombstones = await batchGet(
    ctx,
    youthIds.map(erasureKeys.youth),
    ['pk', 'erasedAt', 'reregistered'],
    true,
  );
  for (const tombstone of tombstones) {
    if (tombstone.reregistered === true) continue;
    const youthId = (tombstone.pk as string).slice('ERASED#YOUTH#'.length);
    erased.add(youthId);
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: toErasureMarker(youthId, tombstone.erasedAt as string, []),
          ConditionExpression: 'attribute_not_exists(erasedAt)',
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return erased;
}

/**
 * A new registration of an erased youth (assessed after the erasure): the marker goes and the
 * tombstone says so, so their sets can be written again; older records stay refused.
 */
export async function liftMarker(ctx: TableContext, youthId: string): Promise<void> {
  await ctx.doc
    .send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: erasureKeys.youth(youthId),
        UpdateExpression: 'SET reregistered = :yes',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':yes': true },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionalCheckFailed(error)) throw error;
    });
  try {
    await ctx.doc.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: recommendationKeys.set(youthId),
        ConditionExpression: 'attribute_exists(erasedAt)',
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
