import { createHash } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '#core/domain/errors';
import type { StoredYouth } from '#core/ports';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { storedYouth } from './fixtures.ts';
import { useDynamo } from './harness.ts';

/** Writes youth Y1 (district 3374, version 2) the way an older release of the adapter stored it. */
async function _putOlderProfileItem(
  options: { client: DynamoDBClient; tableName: string },
  fields: Record<string, unknown>,
): Promise<void> {
  await DynamoDBDocumentClient.from(options.client).send(
    new PutCommand({
      TableName: options.tableName,
      Item: {
        pk: 'YOUTH#Y1',
        sk: 'PROFILE',
        gsi1pk: 'DISTRICT#3374',
        gsi1sk: 'YOUTH#Y1',
        entity: 'youth',
        version: 2,
        ...fields,
      },
    }),
  );
}

describe('DynamoYouthRepository against dynalite', () => {
  const { table } = useDynamo();

  it('stores a profile and reads it back unchanged', async () => {
    const repo = new DynamoYouthRepository(await table());
    const youth = storedYouth('Y1', 1, '3374', 'a'.repeat(64));
    await repo.put(youth);
    expect(await repo.get('Y1')).toEqual(youth);
    expect(await repo.get('Y-unknown')).toBeUndefined();
  });

  it('rejects an older version with a ConflictError and accepts the same or a newer one', async () => {
    const repo = new DynamoYouthRepository(await table());
    await repo.put(storedYouth('Y1', 5));
    await expect(repo.put(storedYouth('Y1', 4, '3301'))).rejects.toBeInstanceOf(ConflictError);
    expect((await repo.get('Y1'))?.profile.district).toBe('3374');
    await repo.put(storedYouth('Y1', 5));
    await repo.put(storedYouth('Y1', 6, '3301'));
    expect((await repo.get('Y1'))?.profile.district).toBe('3301');
  });

  it('moves a youth between district lists when a newer profile changes the district', async () => {
    const repo = new DynamoYouthRepository(await table());
    await repo.put(storedYouth('Y1', 1, '3374'));
    await repo.put(storedYouth('Y1', 2, '3301'));
    expect((await repo.listByDistrict('3374')).items).toEqual([]);
    expect((await repo.listByDistrict('3301')).items.map((y) => y.profile.youthId)).toEqual(['Y1']);
  });

  it('putMany skips records whose stored version is newer and reports them as stale', async () => {
    const repo = new DynamoYouthRepository(await table());
    await repo.put(storedYouth('Y2', 10, '3301'));
    const result = await repo.putMany([storedYouth('Y1', 3), storedYouth('Y2', 9), storedYouth('Y3', 1)]);
    expect(result).toEqual({ written: 2, stale: ['Y2'], erased: [] });
    expect((await repo.get('Y2'))?.profile.district).toBe('3301');
    expect((await repo.get('Y3'))?.version).toBe(1);
  });

  it('pages a district list with opaque cursors and returns every youth exactly once', async () => {
    const repo = new DynamoYouthRepository(await table());
    const ids = Array.from({ length: 11 }, (_, i) => `Y${String(i).padStart(2, '0')}`);
    await repo.putMany(ids.map((id) => storedYouth(id)));
    await repo.putMany([storedYouth('OTHER', 1, '3301')]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await repo.listByDistrict('3374', { limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((y) => y.profile.youthId));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('rejects a cursor it did not issue and a limit out of range', async () => {
    const repo = new DynamoYouthRepository(await table());
    await expect(repo.listByDistrict('3374', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(repo.listByDistrict('3374', { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(repo.listByDistrict('3374', { limit: 101 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('walks a whole district across more than one 1 MB DynamoDB page', async () => {
    // 120 distinct 43-character hashes make about 6.5 KB per item; 450 of them fill more than one
    // 1 MB page (distinct, so the test holds should profiles be compressed again).
    const padding = (id: string) =>
      Array.from({ length: 120 }, (_, i) => createHash('sha256').update(`${id}/${i}`).digest('base64url'));
    const many: StoredYouth[] = Array.from({ length: 450 }, (_, i) => {
      const youth = storedYouth(`Y${String(i).padStart(4, '0')}`);
      youth.profile.unknownSkills = padding(youth.profile.youthId);
      return youth;
    });
    const options = await table();
    const repo = new DynamoYouthRepository(options);
    expect((await repo.putMany(many)).written).toBe(450);
    const firstPage = await options.client.send(
      new QueryCommand({
        TableName: options.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :d',
        ExpressionAttributeValues: { ':d': { S: 'DISTRICT#3374' } },
      }),
    );
    expect(firstPage.LastEvaluatedKey).toBeDefined();
    expect(firstPage.Count).toBeLessThan(450);
    const ids: string[] = [];
    for await (const youth of repo.allInDistrict('3374')) ids.push(youth.profile.youthId);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
  });

  it('finds youth by pseudonymised NIK', async () => {
    const repo = new DynamoYouthRepository(await table());
    await repo.putMany([
      storedYouth('Y1', 1, '3374', 'f'.repeat(64)),
      storedYouth('Y2', 1, '3374', 'e'.repeat(64)),
    ]);
    const found = await repo.findByNikHash('f'.repeat(64));
    expect(found.map((y) => y.profile.youthId)).toEqual(['Y1']);
  });

  it('round-trips every field of a profile through each read path', async () => {
    const options = await table();
    const repo = new DynamoYouthRepository(options);
    const youth = storedYouth('Y1', 7, '3301', 'b'.repeat(64));
    youth.profile = {
      ...youth.profile,
      instrument: 'sinergi-minat-bakat-mini-v1',
      disability: { seeing: 2, walking: 4, communication: 3 },
      interestProfile: null,
      hollandCode: null,
      aptitudes: {
        numerical: { correct: 14, total: 20, percentile: 62.5, norm: 'default' },
        verbal: { correct: 0, total: 20, percentile: 0, norm: 'cohort' },
      },
      skills: [],
      unknownSkills: ['menjahit kebaya', 'las "TIG"', 'bahasa Jawa krama \u00e9'],
      preferences: { maxCommuteKm: 12.5, willingToRelocate: true, contractTypes: ['permanent', 'contract'] },
      flags: ['scale_incomplete:R', 'interests_identical'],
    };
    const other = storedYouth('Y2', 1, '3301');
    delete other.profile.welfareDecile;
    other.profile.preferences = {};
    await repo.put(youth);
    await repo.putMany([other]);

    expect(await repo.get('Y1')).toEqual(youth);
    expect(await repo.get('Y2')).toEqual(other);
    expect((await repo.listByDistrict('3301')).items).toEqual([youth, other]);
    const walked: StoredYouth[] = [];
    for await (const y of repo.allInDistrict('3301')) walked.push(y);
    expect(walked).toEqual([youth, other]);
    expect(await repo.findByNikHash('b'.repeat(64))).toEqual([youth]);
    expect((await repo.exportAll('Y1')).youth).toEqual(youth);
  });

  it('stores the profile as one JSON string attribute beside the key, index and version attributes', async () => {
    const options = await table();
    await new DynamoYouthRepository(options).put(storedYouth('Y1', 3, '3374', 'a'.repeat(64)));
    const { Item } = await options.client.send(
      new GetItemCommand({
        TableName: options.tableName,
        Key: { pk: { S: 'YOUTH#Y1' }, sk: { S: 'PROFILE' } },
      }),
    );
    expect(Object.keys(Item ?? {}).sort()).toEqual(
      [
        'document',
        'district',
        'entity',
        'gsi1pk',
        'gsi1sk',
        'gsi2pk',
        'gsi2sk',
        'nikHash',
        'pk',
        'sk',
        'version',
      ].sort(),
    );
    expect(Item?.version).toEqual({ N: '3' });
    expect(Item?.district).toEqual({ S: '3374' });
    // Disability, welfare status and birth date are inside the document, not attributes of their own.
    expect(JSON.parse(Item?.document?.S ?? '')).toEqual(storedYouth('Y1', 3, '3374').profile);
  });
});
