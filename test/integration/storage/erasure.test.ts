import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '#core/assessment/invitation';
import type { AdapterOptions } from '#functions/adapters/dynamodb/common';
import { DynamoInvitationRepository } from '#functions/adapters/dynamodb/invitations';
import { DynamoOutcomeRepository } from '#functions/adapters/dynamodb/outcomes';
import { decodeCandidates } from '#functions/adapters/dynamodb/recommendation-items';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { type MatcherSet, recommendationSet, storedYouth } from './fixtures.ts';
import { useDynamo } from './harness.ts';

/** Every item of the table and of both indexes; a test may Scan, a request path never does. */
async function everything(options: AdapterOptions): Promise<Record<string, unknown>[]> {
  const doc = DynamoDBDocumentClient.from(options.client);
  const all: Record<string, unknown>[] = [];
  for (const IndexName of [undefined, 'gsi1', 'gsi2']) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new ScanCommand({ TableName: options.tableName, IndexName, ExclusiveStartKey: start }),
      );
      all.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return all;
}

async function seed(options: AdapterOptions) {
  const youth = new DynamoYouthRepository(options);
  const recommendations = new DynamoRecommendationRepository<MatcherSet>(options);
  const outcomes = new DynamoOutcomeRepository(options);
  await youth.putMany([storedYouth('Y1', 1, '3374', 'c'.repeat(64)), storedYouth('Y2')]);
  await recommendations.writeSets([
    recommendationSet(
      'Y1',
      [
        ['V1', 0.9],
        ['V2', 0.8],
      ],
      [['T1', 0.5]],
    ),
    recommendationSet('Y2', [['V1', 0.7]]),
  ]);
  for (let i = 0; i < 30; i++) {
    await outcomes.append({
      outcomeId: `o${i}`,
      youthId: 'Y1',
      type: i === 0 ? 'complaint' : 'contacted',
      at: `2026-11-01T10:00:${String(i).padStart(2, '0')}.000Z`,
      actor: { role: 'counsellor', id: 'C7' },
      ...(i === 0 ? { opportunity: { kind: 'job' as const, id: 'V1' }, note: 'Gaji tidak dibayar' } : {}),
    });
  }
  const invitations = new DynamoInvitationRepository(options);
  await invitations.create(INVITATION);
  await invitations.putConsent({
    youthId: 'Y1',
    invitationId: 'inv-1',
    textVersion: 'consent-asesmen-v1',
    givenAt: '2026-11-01T09:00:00+07:00',
    youthAgrees: true,
    guardian: { name: 'Ibu Sri', relationship: 'parent', agrees: true },
    recordedAt: '2026-11-01T02:00:01.000Z',
    minor: true,
  });
  return { youth, recommendations, outcomes, invitations };
}

const INVITATION: Invitation = {
  invitationId: 'inv-1',
  youthId: 'Y1',
  district: '3374',
  instrument: 'sinergi-minat-bakat-mini-v1',
  codeHash: 'd'.repeat(64),
  aptitudeSeed: '0123456789abcdef',
  createdAt: '2026-11-01T01:00:00.000Z',
  createdBy: 'c-1',
  expiresAt: '2026-11-08T01:00:00.000Z',
  status: 'active',
  counsellor: { name: 'Bu Rina' },
  registry: { gender: 'F', birthDate: '2009-03-01', education: 'SMP' },
  paperAptitudes: {},
  revision: 1,
};
const ERASED_AT = '2026-11-20T03:00:00.000Z';

describe('export and erasure of one youth against dynalite', () => {
  const { table } = useDynamo();

  it('exports everything stored about the youth', async () => {
    const options = await table();
    const { youth } = await seed(options);
    const exported = await youth.exportAll('Y1');
    expect(exported.youth).toEqual(storedYouth('Y1', 1, '3374', 'c'.repeat(64)));
    expect(exported.recommendations?.set.youthId).toBe('Y1');
    expect(exported.candidateEntries.map((c) => c.opportunityId).sort()).toEqual(['T1', 'V1', 'V2']);
    expect(exported.candidateEntries.find((c) => c.opportunityId === 'V1')).toEqual({
      kind: 'job',
      opportunityId: 'V1',
      youthId: 'Y1',
      score: 0.9,
      rank: 1,
    });
    expect(exported.outcomes).toHaveLength(30);
    expect(exported.outcomes[0]?.note).toBe('Gaji tidak dibayar');
    const { codeHash: _hash, aptitudeSeed: _seed, ...invitation } = INVITATION;
    expect(exported.invitations).toEqual([invitation]);
    expect(exported.consents).toMatchObject([
      { invitationId: 'inv-1', minor: true, guardian: { name: 'Ibu Sri' } },
    ]);
  });

  it('erases the youth from the table and every index, and leaves other youth alone', async () => {
    const options = await table();
    const { youth, recommendations, outcomes, invitations } = await seed(options);

    const counts = await youth.erase('Y1', ERASED_AT);

    expect(counts).toEqual({
      profiles: 1,
      recommendationSets: 1,
      candidateEntries: 3,
      outcomes: 30,
      invitations: 1,
      consents: 1,
      subject: { youthId: 'Y1', nikHash: 'c'.repeat(64), erasedAt: ERASED_AT },
    });
    const remaining = await everything(options);
    expect(remaining.filter((item) => JSON.stringify(item).includes('Y2')).length).toBeGreaterThan(0);
    // What stays: the tombstones (youth id, NIK pseudonym) and the marker at the set's key, no data.
    const left = remaining.filter((item) => JSON.stringify(item).includes('Y1'));
    expect(left.sort((a, b) => String(a.pk).localeCompare(String(b.pk)))).toEqual([
      { pk: 'ERASED#YOUTH#Y1', sk: 'ERASED', entity: 'tombstone', erasedAt: ERASED_AT },
      { pk: 'YOUTH#Y1', sk: 'RECSET', entity: 'erased', youthId: 'Y1', erasedAt: ERASED_AT },
    ]);
    expect(remaining.filter((item) => String(item.pk).startsWith('ERASED#NIK#'))).toEqual([
      { pk: `ERASED#NIK#${'c'.repeat(64)}`, sk: 'ERASED', entity: 'tombstone', erasedAt: ERASED_AT },
    ]);
    const lists = remaining.filter((item) => String(item.pk).startsWith('CANDS#'));
    expect(lists.map((list) => list.pk).sort()).toEqual(['CANDS#VAC#V1']);
    expect(lists.flatMap((list) => decodeCandidates(list.entries).map((e) => e.youthId))).toEqual(['Y2']);
    expect(await youth.get('Y1')).toBeUndefined();
    expect(await youth.findByNikHash('c'.repeat(64))).toEqual([]);
    expect((await youth.listByDistrict('3374')).items.map((y) => y.profile.youthId)).toEqual(['Y2']);
    expect(await recommendations.get('Y1')).toBeUndefined();
    expect((await recommendations.headlines(['Y1'])).size).toBe(0);
    expect((await recommendations.listCandidates('job', 'V1')).items.map((c) => c.youthId)).toEqual(['Y2']);
    expect((await recommendations.listCandidates('training', 'T1')).items).toEqual([]);
    expect((await outcomes.listByYouth('Y1')).items).toEqual([]);
    expect((await outcomes.listByOpportunity('job', 'V1')).items).toEqual([]);
    expect(await invitations.findByCodeHash(INVITATION.codeHash)).toBeUndefined();
    expect(await invitations.getConsent('Y1', 'inv-1')).toBeUndefined();
    expect(await youth.exportAll('Y1')).toEqual({
      candidateEntries: [],
      outcomes: [],
      invitations: [],
      consents: [],
    });
    expect(await youth.erase('Y1', ERASED_AT)).toEqual({
      profiles: 0,
      recommendationSets: 0,
      candidateEntries: 0,
      outcomes: 0,
      invitations: 0,
      consents: 0,
    });
    expect((await youth.get('Y2'))?.profile.youthId).toBe('Y2');
  });
});
