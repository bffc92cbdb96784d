/**
 * Data-subject access and erasure through the API, checked against the emulator's table: after the
 * erasure no base-table partition, no index entry and no item anywhere mentions the youth.
 */
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT } from '#core/assessment/consent';
import { GSI1, GSI2 } from '#functions/adapters/dynamodb/table';
import { SEMARANG } from './fixtures.ts';
import { useApiStack } from './harness.ts';

const api = useApiStack();
const YOUTH = 'Y-S1';

async function query(indexName: string | undefined, pk: string, value: string) {
  const { dynamo, tableName } = api();
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      ...(indexName && { IndexName: indexName }),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': pk },
      ExpressionAttributeValues: { ':pk': value },
    }),
  );
  return out.Items ?? [];
}

/** Test-side only: the API itself never scans. */
async function everyItemMentioning(text: string) {
  const { dynamo, tableName } = api();
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items.filter((item) => JSON.stringify(item).includes(text));
}

describe('export and erasure', () => {
  it('exports everything stored about the youth, then erases all of it', async () => {
    const { call } = api();
    await call('counsellor', 'POST', `/v1/youth/${YOUTH}/outcomes`, {
      body: { type: 'applied', opportunity: { kind: 'job', id: 'V-1' } },
    });
    await call('counsellor', 'POST', `/v1/youth/${YOUTH}/outcomes`, {
      body: { type: 'complaint', opportunity: { kind: 'job', id: 'V-1' }, note: 'Tidak dibayar' },
    });

    const invited = await call('counsellor', 'POST', '/v1/invitations', {
      body: { youthId: YOUTH, instrument: 'sinergi-minat-bakat-v1', counsellor: { name: 'Bu Rina' } },
    });
    const consented = await call(undefined, 'POST', '/v1/assessment/consent', {
      headers: { 'x-invitation-code': invited.body.code },
      body: { textVersion: CONSENT_TEXT.version, givenAt: '2026-11-20T09:00:00+07:00', youthAgrees: true },
    });
    expect(consented.status).toBe(201);

    const exported = await call('admin', 'GET', `/v1/youth/${YOUTH}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.youth.profile).toMatchObject({
      youthId: YOUTH,
      district: SEMARANG,
      welfareDecile: 2,
    });
    expect(exported.body.youth.nikHash).toBe(`hash-of-${YOUTH}`);
    expect(exported.body.recommendations.set.jobs).toHaveLength(2);
    expect(
      exported.body.candidateEntries.map((e: { opportunityId: string }) => e.opportunityId).sort(),
    ).toEqual(['T-1', 'V-1', 'V-2']);
    expect(exported.body.outcomes.map((o: { type: string }) => o.type)).toEqual(['applied', 'complaint']);
    expect(exported.body.invitations.map((i: { invitationId: string }) => i.invitationId)).toEqual([
      invited.body.invitationId,
    ]);
    expect(exported.body.consents).toMatchObject([{ textVersion: CONSENT_TEXT.version, youthAgrees: true }]);
    expect(await everyItemMentioning(YOUTH)).not.toHaveLength(0);

    const erased = await call('admin', 'DELETE', `/v1/youth/${YOUTH}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      youthId: YOUTH,
      erased: {
        profiles: 1,
        recommendationSets: 1,
        candidateEntries: 3,
        outcomes: 2,
        invitations: 1,
        consents: 1,
      },
    });

    // What stays is no data: the marker at the set's key and the tombstones (youth id, NIK pseudonym)
    // that keep a rematch or a later upload of an old record from bringing the youth back.
    expect((await query(undefined, 'pk', `YOUTH#${YOUTH}`)).map((i) => i.entity)).toEqual(['erased']);
    const district = await query(GSI1.name, GSI1.pk, `DISTRICT#${SEMARANG}`);
    expect(district.map((i) => i[GSI1.sk])).not.toContain(`YOUTH#${YOUTH}`);
    expect(await query(GSI2.name, GSI2.pk, `NIK#hash-of-${YOUTH}`)).toEqual([]);
    for (const list of ['CAND#VAC#V-1', 'CAND#VAC#V-2', 'CAND#TRN#T-1']) {
      const entries = await query(GSI2.name, GSI2.pk, list);
      expect(entries.map((e) => e.youthId)).not.toContain(YOUTH);
    }
    expect(await query(GSI1.name, GSI1.pk, 'OUTCOME#VAC#V-1')).toEqual([]);
    expect((await everyItemMentioning(YOUTH)).map((i) => `${i.entity} ${i.pk}`).sort()).toEqual([
      `erased YOUTH#${YOUTH}`,
      `tombstone ERASED#NIK#hash-of-${YOUTH}`,
      `tombstone ERASED#YOUTH#${YOUTH}`,
    ]);
    expect(await everyItemMentioning('Tidak dibayar')).toEqual([]);

    // The API agrees: gone from the counsellor's views and from every candidate list.
    expect((await call('counsellor', 'GET', `/v1/youth/${YOUTH}`)).status).toBe(404);
    const candidates = await call('counsellor', 'GET', '/v1/vacancies/V-1/candidates');
    expect(candidates.body.items.map((c: { youthId: string }) => c.youthId)).toEqual(['Y-S2']);
    const employerView = await call('employer', 'GET', '/v1/vacancies/V-1/candidates');
    expect(employerView.body.items).toHaveLength(2);
    expect((await call('admin', 'GET', `/v1/youth/${YOUTH}/export`)).status).toBe(404);
    expect((await call('admin', 'DELETE', `/v1/youth/${YOUTH}`)).status).toBe(404);
    const code = { 'x-invitation-code': invited.body.code };
    expect((await call(undefined, 'GET', '/v1/assessment/session', { headers: code })).status).toBe(404);

    // The review flag and the district counts stay: they name no one.
    const summary = await call('manager', 'GET', '/v1/reports/summary');
    expect(summary.body.districts[0]).toMatchObject({
      youth: 2,
      outcomes: expect.objectContaining({ applied: 1, complaint: 1 }),
      reviews: [expect.objectContaining({ opportunityId: 'V-1', complaints: 1 })],
    });
  });
});
