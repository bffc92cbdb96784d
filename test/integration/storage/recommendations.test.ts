import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { type MatcherSet, recommendationSet } from './fixtures.ts';
import { useDynamo } from './harness.ts';

async function candidateIds(repo: DynamoRecommendationRepository<MatcherSet>, vacancyId: string) {
  return (await repo.listCandidates('job', vacancyId, { limit: 100 })).items.map((c) => c.youthId);
}

describe('DynamoRecommendationRepository against dynalite', () => {
  const { table } = useDynamo();

  it('stores a set whole, extra fields included, and reads it back', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    const set = recommendationSet(
      'Y1',
      [
        ['V1', 0.82],
        ['V2', 0.64],
      ],
      [['T1', 0.7]],
    );
    set.jobs[0]!.title = 'Operator Produksi';
    set.pathways = [{ vacancyId: 'V9', trainingIds: ['T1'] }];
    const result = await repo.writeSets([set]);
    expect(result).toEqual({
      written: 1,
      unchanged: 0,
      candidateEntriesWritten: 3,
      candidateEntriesDeleted: 0,
    });
    const stored = await repo.get('Y1');
    expect(stored?.set).toEqual(set);
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await repo.get('Y2')).toBeUndefined();
    expect((await repo.headlines(['Y1'])).get('Y1')?.topJob).toEqual({
      opportunityId: 'V1',
      score: 0.82,
      title: 'Operator Produksi',
    });
  });

  it('does not rewrite a set whose content did not change, even on a later date', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.8]]), recommendationSet('Y2', [['V1', 0.7]])]);
    const again = await repo.writeSets([
      recommendationSet('Y1', [['V1', 0.8]], [], '2026-11-02'),
      recommendationSet('Y2', [['V1', 0.75]], [], '2026-11-02'),
    ]);
    expect(again).toMatchObject({ written: 1, unchanged: 1 });
    // The unchanged set keeps the date its answer was computed.
    expect((await repo.get('Y1'))?.set.asOf).toBe('2026-11-01');
    expect((await repo.get('Y2'))?.set.asOf).toBe('2026-11-02');
    const doc = DynamoDBDocumentClient.from(options.client);
    const meta = await doc.send(
      new GetCommand({ TableName: options.tableName, Key: { pk: 'YOUTH#Y1', sk: 'RECMETA' } }),
    );
    expect(meta.Item?.asOf).toBe('2026-11-01');
  });

  it('ranks candidates of a vacancy best first, ties in youth-id order, across pages', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    const scores: [string, number][] = [
      ['Y1', 0.5],
      ['Y2', 0.91],
      ['Y3', 0.5],
      ['Y4', 0.05],
      ['Y5', 0.77],
      ['Y6', 12.5],
      ['Y7', 0],
    ];
    await repo.writeSets(scores.map(([youthId, score]) => recommendationSet(youthId, [['V1', score]])));
    const order: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo.listCandidates('job', 'V1', { limit: 3, ...(cursor ? { cursor } : {}) });
      order.push(...page.items.map((c) => c.youthId));
      cursor = page.cursor;
    } while (cursor);
    expect(order).toEqual(['Y6', 'Y2', 'Y5', 'Y1', 'Y3', 'Y4', 'Y7']);
    const [best] = (await repo.listCandidates('job', 'V1', { limit: 1 })).items;
    expect(best).toEqual({ kind: 'job', opportunityId: 'V1', youthId: 'Y6', score: 12.5, rank: 1 });
  });

  it('removes a youth from a vacancy candidate list when the new set drops that vacancy', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    await repo.writeSets([
      recommendationSet(
        'Y1',
        [
          ['V1', 0.9],
          ['V2', 0.8],
        ],
        [['T1', 0.6]],
      ),
      recommendationSet('Y2', [['V1', 0.7]]),
    ]);
    const result = await repo.writeSets([
      recommendationSet('Y1', [
        ['V2', 0.85],
        ['V3', 0.5],
      ]),
    ]);
    expect(result).toEqual({
      written: 1,
      unchanged: 0,
      candidateEntriesWritten: 2,
      candidateEntriesDeleted: 2,
    });
    expect(await candidateIds(repo, 'V1')).toEqual(['Y2']);
    expect(await candidateIds(repo, 'V2')).toEqual(['Y1']);
    expect(await candidateIds(repo, 'V3')).toEqual(['Y1']);
    expect((await repo.listCandidates('training', 'T1')).items).toEqual([]);
    const [entry] = (await repo.listCandidates('job', 'V2')).items;
    expect(entry?.score).toBe(0.85);
  });

  it('gives the top job and training of each youth for lists, and nothing for youth without a set', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    await repo.writeSets([
      recommendationSet(
        'Y1',
        [
          ['V1', 0.9],
          ['V2', 0.8],
        ],
        [['T1', 0.6]],
      ),
      recommendationSet('Y2', []),
    ]);
    const headlines = await repo.headlines(['Y1', 'Y2', 'Y3']);
    expect(headlines.get('Y1')).toEqual({
      youthId: 'Y1',
      asOf: '2026-11-01',
      configVersion: 'weights-v1',
      topJob: { opportunityId: 'V1', score: 0.9 },
      topTraining: { opportunityId: 'T1', score: 0.6 },
    });
    expect(headlines.get('Y2')).toEqual({ youthId: 'Y2', asOf: '2026-11-01', configVersion: 'weights-v1' });
    expect(headlines.has('Y3')).toBe(false);
  });

  it('refuses two sets for one youth in a call and a set over the item budget', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    await expect(
      repo.writeSets([recommendationSet('Y1', [['V1', 0.9]]), recommendationSet('Y1', [['V2', 0.9]])]),
    ).rejects.toBeInstanceOf(ValidationError);
    const huge = recommendationSet('Y1', [['V1', 0.9]]);
    huge.flags = [('x'.repeat(1000) + ' ').repeat(400)];
    await expect(repo.writeSets([huge])).rejects.toBeInstanceOf(ValidationError);
    expect(await repo.get('Y1')).toBeUndefined();
  });

  it('writes sets of many youth in one call (more than 25 writes)', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    const sets = Array.from({ length: 40 }, (_, i) =>
      recommendationSet(
        `Y${String(i).padStart(2, '0')}`,
        [
          ['V1', i / 100],
          ['V2', 0.5],
        ],
        [['T1', 0.4]],
      ),
    );
    const result = await repo.writeSets(sets);
    expect(result).toEqual({
      written: 40,
      unchanged: 0,
      candidateEntriesWritten: 120,
      candidateEntriesDeleted: 0,
    });
    expect(await candidateIds(repo, 'V1')).toHaveLength(40);
    expect((await repo.writeSets(sets)).unchanged).toBe(40);
  });
});
