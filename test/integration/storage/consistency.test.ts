/**
 * Candidate lists against the sets when writers meet, and erasure against writers, on dynalite. The
 * interleavings are forced: a gate holds one set write until the test lets it go.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { encodeCandidates, recommendationKeys } from '#functions/adapters/dynamodb/recommendation-items';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { type MatcherSet, recommendationSet, storedListIds, storedYouth } from './fixtures.ts';
import { useDynamo } from './harness.ts';

type Repo = DynamoRecommendationRepository<MatcherSet>;

async function onList(repo: Repo, vacancyId: string): Promise<string[]> {
  return (await repo.listCandidates('job', vacancyId, { limit: 100 })).items.map((c) => c.youthId);
}

/**
 * Holds the next write of a set item (PutItem or BatchWriteItem naming `RECSET`) until `release`;
 * `held` resolves once it is waiting, so the test can run another writer in between.
 */
function gateNextSetWrite(client: DynamoDBClient) {
  let release!: () => void;
  let signalHeld!: () => void;
  const held = new Promise<void>((resolve) => {
    signalHeld = resolve;
  });
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  let armed = true;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const write = ['PutItemCommand', 'BatchWriteItemCommand'].includes(context.commandName ?? '');
      if (armed && write && JSON.stringify(args.input).includes('"RECSET"')) {
        armed = false;
        signalHeld();
        await open;
      }
      return next(args);
    },
    { step: 'initialize', name: 'gate-set-write' },
  );
  return {
    held,
    release: () => {
      release();
      client.middlewareStack.remove('gate-set-write');
    },
  };
}

describe('candidate lists stay derived from the sets when writers meet', () => {
  const { table } = useDynamo();

  it('a writer that read a set before another writer replaced it and finished leaves no entry that no set has', async () => {
    // Prepare: Y1 recommends V1.
    const options = await table();
    const repo: Repo = new DynamoRecommendationRepository(options);
    const district = new Map([['Y1', '3374']]);
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])], district);
    const gate = gateNextSetWrite(options.client);
    const b = repo.openWriter();

    // Act: B reads Y1's set (V1) and is held before writing V3; A replaces V1 by V2 and closes.
    const bWrite = b.write([recommendationSet('Y1', [['V3', 0.7]])], district);
    await gate.held;
    const a = repo.openWriter();
    await a.write([recommendationSet('Y1', [['V2', 0.8]])], district);
    await a.close();
    expect(await onList(repo, 'V2')).toEqual(['Y1']);
    gate.release();
    await bWrite;
    await b.close();

    // Assess: the set is B's; V2, named only by A's set, which B replaced, does not list Y1.
    expect((await repo.get('Y1'))?.set.jobs.map((j) => j.opportunityId)).toEqual(['V3']);
    // A's whole run fell between B's read and B's write; A's closing receipt names V2, which B sweeps.
    for (const [vacancy, listed] of [
      ['V1', []],
      ['V2', []],
      ['V3', ['Y1']],
    ] as const) {
      expect(await onList(repo, vacancy)).toEqual(listed);
      expect(await storedListIds(options, 'job', vacancy)).toEqual(listed);
    }
  });

  it('a writer that closes after a newer writer does not put back what the newer set dropped', async () => {
    const options = await table();
    const repo: Repo = new DynamoRecommendationRepository(options);
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])]);
    const [a, b] = [repo.openWriter(), repo.openWriter()];
    await a.write([recommendationSet('Y1', [['V2', 0.8]])]);
    await b.write([recommendationSet('Y1', [['V3', 0.7]])]);
    await b.close();
    await a.close();
    for (const [vacancy, listed] of [
      ['V1', []],
      ['V2', []],
      ['V3', ['Y1']],
    ] as const) {
      expect(await onList(repo, vacancy)).toEqual(listed);
      expect(await storedListIds(options, 'job', vacancy)).toEqual(listed);
    }
  });

  it('the repair finds entries no set has and entries missing from lists, fixes them and counts them', async () => {
    const options = await table();
    const repo: Repo = new DynamoRecommendationRepository(options);
    const districts = new Map([
      ['Y1', '3374'],
      ['Y2', '3374'],
    ]);
    await repo.writeSets(
      [recommendationSet('Y1', [['V1', 0.9]]), recommendationSet('Y2', [['V1', 0.5]])],
      districts,
    );
    // Drift as a crashed or buggy writer could leave it: Y2 gone from V1, a ghost Y3 of the district on V2.
    const doc = DynamoDBDocumentClient.from(options.client);
    const put = (vacancyId: string, entries: Parameters<typeof encodeCandidates>[0]) =>
      doc.send(
        new PutCommand({
          TableName: options.tableName,
          Item: {
            ...recommendationKeys.candidateList('job', vacancyId),
            kind: 'job',
            opportunityId: vacancyId,
            version: 7,
            entries: encodeCandidates(entries),
          },
        }),
      );
    await put('V1', [{ youthId: 'Y1', score: 0.9, rank: 1, district: '3374' }]);
    await put('V2', [
      { youthId: 'Y3', score: 0.4, rank: 2, district: '3374' },
      { youthId: 'Y9', score: 0.3, rank: 1, district: '3301' },
    ]);

    const repaired = await repo.repairCandidateLists({
      district: '3374',
      youthIds: ['Y1', 'Y2'],
      opportunities: [{ kind: 'job', id: 'V2' }],
    });

    expect(repaired).toMatchObject({
      candidateListsUpdated: 2,
      candidateEntriesAdded: 1,
      candidateEntriesRemoved: 1,
      candidateEntriesUpdated: 0,
    });
    expect(await storedListIds(options, 'job', 'V1')).toEqual(['Y1', 'Y2']);
    // Another district's entries are that district's batch's to check (a read already leaves Y9 out).
    expect(await storedListIds(options, 'job', 'V2')).toEqual(['Y9']);
    expect(await onList(repo, 'V2')).toEqual([]);
    expect(
      await repo.repairCandidateLists({ district: '3374', youthIds: ['Y1', 'Y2'], opportunities: [] }),
    ).toMatchObject({ candidateListsUpdated: 0, candidateEntriesAdded: 0, candidateEntriesRemoved: 0 });
  });
});

describe('erasure against writers', () => {
  const { table } = useDynamo();

  it('a rematch that read the youth before the erasure writes neither their set nor list entries', async () => {
    const options = await table();
    const repo: Repo = new DynamoRecommendationRepository(options);
    const youth = new DynamoYouthRepository(options);
    await youth.put(storedYouth('Y1'));
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])]);
    const rematch = repo.openWriter();

    const erased = await youth.erase('Y1', '2026-11-20T03:00:00.000Z');
    const written = await rematch.write([recommendationSet('Y1', [['V2', 0.8]])]);
    const closed = await rematch.close();

    expect(erased).toMatchObject({ profiles: 1, recommendationSets: 1, candidateEntries: 1 });
    expect(written).toEqual({ written: 0, unchanged: 0, erased: 1 });
    expect(closed).toMatchObject({ candidateListsUpdated: 0 });
    expect(await repo.get('Y1')).toBeUndefined();
    expect(await onList(repo, 'V1')).toEqual([]);
    expect(await onList(repo, 'V2')).toEqual([]);
  });

  it('a set write already under way when the erasure starts is taken back: the marker returns and no list keeps the youth', async () => {
    const options = await table();
    const repo: Repo = new DynamoRecommendationRepository(options);
    const youth = new DynamoYouthRepository(options);
    await youth.put(storedYouth('Y1'));
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])]);
    const gate = gateNextSetWrite(options.client);
    const rematch = repo.openWriter();

    const writing = rematch.write([recommendationSet('Y1', [['V2', 0.8]])]);
    await gate.held;
    // The erasure's own set write is not gated: the gate holds only the first.
    await youth.erase('Y1', '2026-11-20T03:00:00.000Z');
    gate.release();

    expect(await writing).toEqual({ written: 0, unchanged: 0, erased: 1 });
    await rematch.close();
    expect(await repo.get('Y1')).toBeUndefined();
    expect(await onList(repo, 'V1')).toEqual([]);
    expect(await onList(repo, 'V2')).toEqual([]);
    const doc = DynamoDBDocumentClient.from(options.client);
    const marker = await doc.send(
      new GetCommand({ TableName: options.tableName, Key: recommendationKeys.set('Y1') }),
    );
    expect(marker.Item).toMatchObject({ entity: 'erased', erasedAt: '2026-11-20T03:00:00.000Z' });
    expect(marker.Item).not.toHaveProperty('pendingRemovals');
  });

  it('refuses a later upload of an erased youth, by id or by NIK, unless assessed after the erasure', async () => {
    const options = await table();
    const youth = new DynamoYouthRepository(options);
    const repo: Repo = new DynamoRecommendationRepository(options);
    const original = storedYouth('Y1', 1, '3374', 'a'.repeat(64));
    await youth.putMany([original]);
    await youth.erase('Y1', '2026-11-20T03:00:00.000Z');

    // The same record again, and the same person (NIK) under a new id, both assessed before.
    const sameNik = storedYouth('Y2', 2, '3374', 'a'.repeat(64));
    const again = await youth.putMany([{ ...original, version: 3 }, sameNik]);
    expect(again).toEqual({
      written: 0,
      stale: [],
      erased: [
        { id: 'Y1', erasedAt: '2026-11-20T03:00:00.000Z' },
        { id: 'Y2', erasedAt: '2026-11-20T03:00:00.000Z' },
      ],
    });
    expect(await youth.get('Y1')).toBeUndefined();
    expect(await youth.get('Y2')).toBeUndefined();
    expect(await youth.findByNikHash('a'.repeat(64))).toEqual([]);

    // Assessed the day after: a new registration, whose sets can be written again.
    const renewed = { ...original, version: 4, profile: { ...original.profile, assessedAt: '2026-11-21' } };
    expect(await youth.putMany([renewed])).toEqual({ written: 1, stale: [], erased: [] });
    expect((await youth.get('Y1'))?.profile.assessedAt).toBe('2026-11-21');
    expect(await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])])).toMatchObject({ written: 1 });
    expect(await onList(repo, 'V1')).toEqual(['Y1']);
  });

  it('erases nothing and writes no tombstone for a youth nothing is stored about', async () => {
    const options = await table();
    const youth = new DynamoYouthRepository(options);
    expect(await youth.erase('Y404', '2026-11-20T03:00:00.000Z')).toEqual({
      profiles: 0,
      recommendationSets: 0,
      candidateEntries: 0,
      outcomes: 0,
      invitations: 0,
      consents: 0,
    });
    expect(await youth.putMany([storedYouth('Y404')])).toMatchObject({ written: 1, erased: [] });
  });
});
