import { createHash } from 'node:crypto';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { MAX_CANDIDATES_PER_LIST } from '#core/matching/candidate-lists';
import { decodeSetOpportunities } from '#functions/adapters/dynamodb/recommendation-items';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { type MatcherSet, recommendationSet, storedListIds } from './fixtures.ts';
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
      erased: 0,
      candidateListsUpdated: 3,
      candidateEntriesAdded: 3,
      candidateEntriesUpdated: 0,
      candidateEntriesRemoved: 0,
      candidateEntriesOverCap: 0,
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
    expect((await repo.headlines(['Y1'])).get('Y1')?.asOf).toBe('2026-11-01');
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
    await expect(repo.listCandidates('job', 'V1', { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(
      ValidationError,
    );
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
    // V1 and T1 lose the youth, V3 gains it, V2 changes score: four lists, one entry each.
    expect(result).toEqual({
      written: 1,
      unchanged: 0,
      erased: 0,
      candidateListsUpdated: 4,
      candidateEntriesAdded: 1,
      candidateEntriesUpdated: 1,
      candidateEntriesRemoved: 2,
      candidateEntriesOverCap: 0,
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
    // Hash chains do not compress, so the deflated document stays over the budget.
    huge.flags = Array.from({ length: 12_000 }, (_, i) =>
      createHash('sha256').update(String(i)).digest('hex'),
    );
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
      erased: 0,
      candidateListsUpdated: 3,
      candidateEntriesAdded: 120,
      candidateEntriesUpdated: 0,
      candidateEntriesRemoved: 0,
      candidateEntriesOverCap: 0,
    });
    expect(await candidateIds(repo, 'V1')).toHaveLength(40);
    expect((await repo.writeSets(sets)).unchanged).toBe(40);
  });

  it('stores one set item with the document deflated, and reads headlines without the document', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    const set = recommendationSet('Y1', [['V1', 0.8]], [['T1', 0.4]]);
    set.flags = Array.from({ length: 50 }, () => 'Disarankan pelatihan keterampilan dasar terlebih dahulu');
    await repo.writeSets([set], new Map([['Y1', '3374']]));
    const doc = DynamoDBDocumentClient.from(options.client);
    const item = (
      await doc.send(new GetCommand({ TableName: options.tableName, Key: { pk: 'YOUTH#Y1', sk: 'RECSET' } }))
    ).Item;
    const document = item?.document as Uint8Array | undefined;
    expect(document).toBeInstanceOf(Uint8Array);
    expect(document?.byteLength).toBeLessThan(JSON.stringify(set).length / 4);
    expect(item).not.toHaveProperty('set');
    expect(typeof item?.opportunities).toBe('string');
    expect(decodeSetOpportunities(item?.opportunities)).toEqual([
      { kind: 'job', id: 'V1', score: 0.8, rank: 1 },
      { kind: 'training', id: 'T1', score: 0.4, rank: 1 },
    ]);
    expect((await repo.get('Y1'))?.set).toEqual(set);
    const sent: unknown[] = [];
    options.client.middlewareStack.add(
      (next) => async (args) => {
        sent.push(args.input);
        return next(args);
      },
      { step: 'initialize', name: 'capture-headline-reads' },
    );
    try {
      const headlines = await repo.headlines(['Y1']);
      expect(headlines.get('Y1')).toEqual({
        youthId: 'Y1',
        asOf: '2026-11-01',
        configVersion: 'weights-v1',
        topJob: { opportunityId: 'V1', score: 0.8 },
        topTraining: { opportunityId: 'T1', score: 0.4 },
      });
    } finally {
      options.client.middlewareStack.remove('capture-headline-reads');
    }
    const projection = JSON.stringify(sent);
    expect(projection).toContain('ProjectionExpression');
    expect(projection).not.toContain('document');
    const [entry] = (await repo.listCandidates('job', 'V1')).items;
    expect(entry).toEqual({
      kind: 'job',
      opportunityId: 'V1',
      youthId: 'Y1',
      score: 0.8,
      rank: 1,
      district: '3374',
    });
  });

  it('applies a run of several writes to each candidate list once, at close', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    const writer = repo.openWriter();
    for (let block = 0; block < 3; block++) {
      const sets = Array.from({ length: 5 }, (_, i) =>
        recommendationSet(`Y${block}${i}`, [['V1', block + i / 10]]),
      );
      expect(await writer.write(sets)).toEqual({ written: 5, unchanged: 0, erased: 0 });
    }
    expect(await candidateIds(repo, 'V1')).toEqual([]);
    const result = await writer.close();
    expect(result).toMatchObject({ written: 15, candidateListsUpdated: 1, candidateEntriesAdded: 15 });
    expect(await candidateIds(repo, 'V1')).toHaveLength(15);
    await expect(writer.write([])).rejects.toThrow('write after close');
  });

  it('loses no entry when two writers update the same candidate lists at once', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    const setsOf = (prefix: string) =>
      Array.from({ length: 30 }, (_, i) =>
        recommendationSet(`${prefix}${String(i).padStart(2, '0')}`, [
          ['V1', i / 100],
          ['V2', 0.5],
        ]),
      );
    let conflicts = 0;
    options.client.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') conflicts++;
          throw error;
        }
      },
      { step: 'initialize', name: 'count-conflicts' },
    );
    try {
      const [a, b] = [repo.openWriter(), repo.openWriter()];
      await Promise.all([a.write(setsOf('A')), b.write(setsOf('B'))]);
      // Both read the lists before either writes: one of them must lose its condition and retry.
      await Promise.all([a.close(), b.close()]);
    } finally {
      options.client.middlewareStack.remove('count-conflicts');
    }
    expect(conflicts).toBeGreaterThan(0);
    expect(await candidateIds(repo, 'V1')).toHaveLength(60);
    expect(await candidateIds(repo, 'V2')).toHaveLength(60);
  });

  it('keeps the best entries up to the cap and counts the ones left out', async () => {
    const repo = new DynamoRecommendationRepository<MatcherSet>(await table());
    const count = MAX_CANDIDATES_PER_LIST + 7;
    const sets = Array.from({ length: count }, (_, i) =>
      recommendationSet(`Y${String(i).padStart(5, '0')}`, [['V1', i]]),
    );
    const result = await repo.writeSets(sets);
    expect(result).toMatchObject({
      candidateEntriesAdded: MAX_CANDIDATES_PER_LIST,
      candidateEntriesOverCap: 7,
    });
    const first = await repo.listCandidates('job', 'V1', { limit: 1 });
    expect(first.items[0]?.score).toBe(count - 1);
    let cursor: string | undefined;
    let seen = 0;
    let last: number | undefined;
    do {
      const page = await repo.listCandidates('job', 'V1', { limit: 100, ...(cursor ? { cursor } : {}) });
      seen += page.items.length;
      last = page.items.at(-1)?.score;
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toBe(MAX_CANDIDATES_PER_LIST);
    expect(last).toBe(7);
  });

  it('repairs candidate lists of a run that stopped before close', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    await repo.writeSets([recommendationSet('Y1', [['V1', 0.9]])]);
    const cut = repo.openWriter();
    await cut.write([recommendationSet('Y1', [['V2', 0.8]])]);
    // The run ends here: V1 still lists Y1, V2 does not, and the set already reads V2. A read of V1
    // checks its entries against the sets and leaves Y1 out.
    expect(await storedListIds(options, 'job', 'V1')).toEqual(['Y1']);
    expect(await candidateIds(repo, 'V1')).toEqual([]);
    const next = await repo.writeSets([recommendationSet('Y1', [['V2', 0.8]])]);
    expect(next).toMatchObject({
      written: 1,
      unchanged: 0,
      candidateEntriesAdded: 1,
      candidateEntriesRemoved: 1,
    });
    expect(await candidateIds(repo, 'V1')).toEqual([]);
    expect(await candidateIds(repo, 'V2')).toEqual(['Y1']);
    expect(await repo.writeSets([recommendationSet('Y1', [['V2', 0.8]])])).toMatchObject({ unchanged: 1 });
  });

  it('stores each candidate list as one string and keeps ids with separators, quotes and non-ASCII text', async () => {
    const options = await table();
    const repo = new DynamoRecommendationRepository<MatcherSet>(options);
    const odd = ['Y\t1', 'Y"2\n', 'Y,3|\\', 'Yö🙂'];
    await repo.writeSets(
      odd.map((id, i) => recommendationSet(id, [['V\t1', 0.9 - i / 10]])),
      new Map(odd.map((id, i) => [id, i === 0 ? 'Kab.\tSemarang' : '3374'])),
    );
    const doc = DynamoDBDocumentClient.from(options.client);
    const list = (
      await doc.send(
        new GetCommand({ TableName: options.tableName, Key: { pk: 'CANDS#VAC#V\t1', sk: 'LIST' } }),
      )
    ).Item;
    expect(typeof list?.entries).toBe('string');
    const page = await repo.listCandidates('job', 'V\t1');
    expect(page.items.map((c) => [c.youthId, c.district, c.rank])).toEqual(
      odd.map((id, i) => [id, i === 0 ? 'Kab.\tSemarang' : '3374', 1]),
    );
    expect(page.items.map((c) => c.score)).toEqual(odd.map((_, i) => 0.9 - i / 10));
  });
});
