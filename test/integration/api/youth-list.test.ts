/**
 * The counsellor's youth list with search and filters, over the API against the emulators: each
 * filter alone, filtered paging without skipping or repeating anyone, cursors bound to the filter,
 * and the recommended opportunities' interest profiles next to the explanations.
 */
import { describe, expect, it } from 'vitest';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { KENDAL, NOW, PRINCIPALS, SEMARANG, storedYouth, youthProfile } from './fixtures.ts';
import { useApiStack } from './harness.ts';

const api = useApiStack();

async function ids(query: string): Promise<string[]> {
  const response = await api().call('counsellor', 'GET', `/v1/youth?district=${SEMARANG}&${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items.map((y: { youthId: string }) => y.youthId).sort();
}

describe('youth list filters', () => {
  it('searches the youth id, ignoring case', async () => {
    expect(await ids('q=s2')).toEqual(['Y-S2']);
    expect(await ids('q=nobody')).toEqual([]);
  });

  it('finds youth without a feasible job, and those with one', async () => {
    expect(await ids('noFeasibleJob=true')).toEqual(['Y-S3']);
    expect(await ids('noFeasibleJob=false')).toEqual(['Y-S1', 'Y-S2']);
  });

  it('filters by accommodation need and by profile flag', async () => {
    const { dynamo, tableName } = api();
    const youth = new DynamoYouthRepository({ client: dynamo.client, tableName });
    const flat = youthProfile('Y-S4', SEMARANG);
    await youth.put({
      profile: { ...flat, disability: {}, flags: ['interests_flat', 'aptitude_missing:spatial'] },
      nikHash: 'hash-of-Y-S4',
      version: 1,
    });
    expect(await ids('accommodationNeed=false')).toEqual(['Y-S4']);
    expect(await ids('accommodationNeed=true')).toEqual(['Y-S1', 'Y-S2', 'Y-S3']);
    expect(await ids('flag=interests_flat')).toEqual(['Y-S4']);
    expect(await ids('flag=aptitude_missing')).toEqual(['Y-S4']);
    await youth.erase('Y-S4', new Date(NOW).toISOString());
  });

  it("filters by the latest follow-up's type", async () => {
    const { call } = api();
    expect(await ids('outcome=none')).toEqual(['Y-S1', 'Y-S2', 'Y-S3']);
    for (const type of ['contacted', 'applied']) {
      const recorded = await call('counsellor', 'POST', '/v1/youth/Y-S1/outcomes', { body: { type } });
      expect(recorded.status).toBe(201);
    }
    expect(await ids('outcome=applied')).toEqual(['Y-S1']);
    expect(await ids('outcome=contacted')).toEqual([]);
    expect(await ids('outcome=none')).toEqual(['Y-S2', 'Y-S3']);
  });

  it('refuses unknown filter values with the field named', async () => {
    for (const [query, field] of [
      ['noFeasibleJob=yes', 'noFeasibleJob'],
      ['outcome=won', 'outcome'],
      ['flag=Bad-Flag', 'flag'],
    ]) {
      const response = await api().call('counsellor', 'GET', `/v1/youth?district=${SEMARANG}&${query}`);
      expect(response.status).toBe(400);
      expect(response.body.fields[0].field).toBe(field);
    }
  });

  it('pages through a filtered list without skipping or repeating anyone; cursors are bound to the filter', async () => {
    const { call, dynamo, tableName } = api();
    const youth = new DynamoYouthRepository({ client: dynamo.client, tableName });
    const extra = Array.from({ length: 6 }, (_, i) => `Y-F${i}`);
    await youth.putMany(extra.map((id) => storedYouth(id, KENDAL)));
    const who = { ...PRINCIPALS.counsellorKendal };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const target = `/v1/youth?district=${KENDAL}&q=f&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(who, 'GET', target);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((y: { youthId: string }) => y.youthId));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(extra);
    const first = await call(who, 'GET', `/v1/youth?district=${KENDAL}&q=f&limit=2`);
    const replayed = await call(who, 'GET', `/v1/youth?district=${KENDAL}&q=k&cursor=${first.body.cursor}`);
    expect(replayed.status).toBe(400);
  });
});

describe('recommendations', () => {
  it("carry each opportunity's RIASEC profile to draw beside the youth's", async () => {
    const response = await api().call('counsellor', 'GET', '/v1/youth/Y-S1/recommendations');
    expect(response.status).toBe(200);
    expect(response.body.jobs[0].occupationProfile).toEqual([6, 3, 1.5, 2.5, 3, 4.5]);
    expect(response.body.trainings[0].occupationProfile).toEqual([6, 3, 1.5, 2.5, 3, 4.5]);
  });
});
