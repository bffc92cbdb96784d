/**
 * The routes' behaviour against the emulators: contract of real responses, no existence leaks,
 * employers' pseudonymous view, field-level 400s, pagination with sealed cursors, outcome history,
 * complaint review flags and presigned uploads into s3rver.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { Principal } from '#core/access/principal';
import { CONSENT_TEXT } from '#core/assessment/consent';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { ROUTES } from '#functions/api/routes/index';
import { errorResponseSchema } from '#functions/api/schemas';
import {
  AUDIT,
  heldReview,
  KENDAL,
  NOW,
  PRINCIPALS,
  processedReport,
  SEMARANG,
  storedYouth,
} from './fixtures.ts';
import { BUCKET, storeAudit, useApiStack } from './harness.ts';

const api = useApiStack();
const MINI = 'sinergi-minat-bakat-mini-v1';

const TWO_DISTRICTS: Principal = { subject: 'c-two', role: 'counsellor', districts: [SEMARANG, KENDAL] };
const PROGRAMME_MANAGER: Principal = { subject: 'm-all', role: 'manager', districts: [] };

function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

describe('responses follow the documented contract', () => {
  it('every route answers with a body its response schema accepts', async () => {
    const { call, deps, dynamo, tableName } = api();
    await storeAudit(api(), AUDIT);
    await new DynamoOpportunityReviewRepository({ client: dynamo.client, tableName }).save(
      heldReview('V-1', 'E1', SEMARANG),
    );
    const calls: [Principal | undefined, string, string, unknown?][] = [
      [undefined, 'GET', '/v1/health'],
      [PRINCIPALS.admin, 'GET', '/v1/openapi.json'],
      [PRINCIPALS.counsellor, 'GET', `/v1/youth?district=${SEMARANG}&limit=2`],
      [PRINCIPALS.counsellor, 'GET', '/v1/youth/Y-S1'],
      [PRINCIPALS.counsellor, 'GET', '/v1/youth/Y-S1/recommendations?lang=id'],
      [
        PRINCIPALS.counsellor,
        'POST',
        '/v1/youth/Y-S1/outcomes',
        { type: 'applied', opportunity: { kind: 'job', id: 'V-1' } },
      ],
      [PRINCIPALS.counsellor, 'GET', '/v1/youth/Y-S1/outcomes'],
      [PRINCIPALS.counsellor, 'GET', '/v1/vacancies/V-1/candidates'],
      [PRINCIPALS.employer, 'GET', '/v1/vacancies/V-1/candidates'],
      [
        PRINCIPALS.employer,
        'POST',
        `/v1/vacancies/V-1/candidates/${deps.pseudonymise('V-1', 'Y-S2')}/interest`,
      ],
      [PRINCIPALS.employer, 'GET', '/v1/opportunities'],
      [PRINCIPALS.provider, 'GET', '/v1/uploads'],
      [PRINCIPALS.provider, 'GET', '/v1/templates/trainings'],
      [PRINCIPALS.manager, 'GET', '/v1/reports/dashboard'],
      [PRINCIPALS.manager, 'GET', '/v1/reports/export?format=xlsx'],
      [PRINCIPALS.manager, 'GET', '/v1/reports/audit'],
      [
        PRINCIPALS.provider,
        'POST',
        '/v1/uploads',
        { kind: 'trainings', fileName: 'pelatihan.xlsx', size: 5000 },
      ],
      [PRINCIPALS.provider, 'GET', '/v1/uploads/U-P1'],
      [PRINCIPALS.manager, 'GET', '/v1/reports/summary'],
      [PRINCIPALS.manager, 'GET', '/v1/reviews/held'],
      [PRINCIPALS.manager, 'POST', '/v1/reviews/job/V-1/release', { reason: 'upah sudah sesuai UMK' }],
      [PRINCIPALS.admin, 'GET', '/v1/youth/Y-K1/export'],
      [PRINCIPALS.admin, 'DELETE', '/v1/youth/Y-S3'],
    ];
    const covered = new Set<string>();
    const check = async (
      who: Principal | undefined,
      method: string,
      target: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => {
      const response = await call(who, method, target, {
        ...(body !== undefined && { body }),
        ...(headers && { headers }),
      });
      const route = ROUTES.find(
        (r) =>
          r.method === method &&
          new RegExp(`^/v1${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(target.split('?')[0]!),
      );
      expect(route, target).toBeDefined();
      const documented = route!.responses[response.status];
      expect(documented, `${method} ${target} -> ${response.status}`).toBeDefined();
      covered.add(route!.operationId);
      if (documented!.fileTypes) {
        expect(documented!.fileTypes).toContain(response.headers['content-type']);
        expect(response.bytes.byteLength).toBeGreaterThan(0);
        return undefined;
      }
      expect(documented!.schema!.safeParse(response.body).error).toBeUndefined();
      expect(response.headers).toMatchObject({
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
      });
      return response.body;
    };
    for (const [who, method, target, body] of calls) await check(who, method, target, body);

    // A complaint case through its lifecycle, by a counsellor and the district's manager.
    const raised = await check(PRINCIPALS.counsellor, 'POST', '/v1/youth/Y-S1/cases', {
      category: 'unpaid_or_late_wages',
      severity: 'high',
      description: 'Upah belum dibayar',
      opportunity: { kind: 'job', id: 'V-2' },
    });
    const cases = `/v1/cases/${raised.case.caseId}`;
    await check(PRINCIPALS.manager, 'GET', '/v1/cases?status=open');
    await check(PRINCIPALS.manager, 'GET', cases);
    await check(PRINCIPALS.manager, 'POST', `${cases}/assignee`, { role: 'counsellor', id: 'c-semarang' });
    await check(PRINCIPALS.counsellor, 'POST', `${cases}/status`, {
      status: 'in_review',
      reason: 'ditangani',
    });
    await check(PRINCIPALS.counsellor, 'GET', `/v1/services?district=${SEMARANG}`);
    await check(PRINCIPALS.counsellor, 'POST', `${cases}/referral`, { serviceId: 'contoh-disnaker-mediasi' });
    await check(PRINCIPALS.counsellor, 'POST', `${cases}/referral/status`, {
      status: 'accepted',
      reason: 'diterima',
    });

    // Invitations, then the assessment app with the code.
    const counsellor = PRINCIPALS.counsellor;
    const made = await check(counsellor, 'POST', '/v1/invitations', {
      youthId: 'Y-S2',
      instrument: MINI,
      counsellor: { name: 'Bu Rina', phone: '0812 3456 7890' },
    });
    const path = `/v1/youth/Y-S2/invitations/${made.invitationId}`;
    await check(counsellor, 'GET', '/v1/youth/Y-S2/invitations');
    await check(counsellor, 'PUT', `${path}/paper-aptitudes`, {
      paperAptitudes: { spatial: { correct: 9, total: 20 } },
    });
    const reissued = await check(counsellor, 'POST', `${path}/reissue`, {});
    await check(counsellor, 'GET', path);
    const code = { 'x-invitation-code': reissued.code as string };
    await check(undefined, 'GET', `/v1/assessment/content/${MINI}`);
    await check(undefined, 'GET', '/v1/assessment/session', undefined, code);
    await check(
      undefined,
      'POST',
      '/v1/assessment/consent',
      { textVersion: CONSENT_TEXT.version, givenAt: '2026-11-20T09:00:00+07:00', youthAgrees: true },
      code,
    );
    const accepted = await check(
      undefined,
      'POST',
      '/v1/assessment/submission',
      { idempotencyKey: 'contract-device', interests: { R01: 3 }, aptitude: {} },
      code,
    );
    // The pipeline's report, as ingest stores it, for the youth's stored profile (Y-S2 is seeded).
    const report = processedReport(accepted.uploadId, 'PROGRAMME', 'vacancies');
    await api().deps.reports.put({
      ...report,
      kind: 'assessments',
      report: {
        ...report.report,
        counts: { rows: 1, accepted: 1, rejected: 0, warnings: 0, stored: 1, stale: 0 },
      },
    });
    await check(undefined, 'GET', '/v1/assessment/status', undefined, code);
    await check(undefined, 'GET', '/v1/assessment/results?lang=en', undefined, code);
    await check(
      undefined,
      'POST',
      '/v1/assessment/cases',
      { category: 'other', description: 'Pertanyaan' },
      code,
    );
    const other = await check(counsellor, 'POST', '/v1/invitations', {
      youthId: 'Y-S1',
      instrument: MINI,
      counsellor: { name: 'Bu Rina' },
    });
    await check(counsellor, 'POST', `/v1/youth/Y-S1/invitations/${other.invitationId}/revoke`);
    expect([...covered].sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
  });

  it('errors carry the documented error body', async () => {
    const response = await api().call('counsellor', 'GET', '/v1/youth/NOPE');
    expect(response.status).toBe(404);
    expect(errorResponseSchema.parse(response.body)).toEqual({
      error: 'not_found',
      message: 'youth NOPE not found',
      requestId: 'req-test',
    });
    const unknown = await api().call('counsellor', 'GET', '/v1/nothing/here');
    expect(unknown.status).toBe(404);
    const method = await api().call('counsellor', 'PUT', '/v1/youth/Y-S1');
    expect(method.status).toBe(405);
    expect(method.headers.allow).toBe('GET, DELETE');
  });
});

describe('no existence leak', () => {
  it('a youth of another district reads exactly like a youth that does not exist', async () => {
    const { call } = api();
    for (const suffix of ['', '/recommendations', '/outcomes']) {
      const foreign = await call('counsellorKendal', 'GET', `/v1/youth/Y-S1${suffix}`);
      const missing = await call('counsellorKendal', 'GET', `/v1/youth/Y-XX${suffix}`);
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.text.replace('Y-S1', 'ID')).toBe(missing.text.replace('Y-XX', 'ID'));
    }
    const post = await call('counsellorKendal', 'POST', '/v1/youth/Y-S1/outcomes', {
      body: { type: 'contacted' },
    });
    expect(post.status).toBe(404);
  });

  it("a district in the query or the body never widens a counsellor's scope", async () => {
    const { call } = api();
    expect((await call('counsellorKendal', 'GET', `/v1/youth?district=${SEMARANG}`)).status).toBe(404);
    const injectedQuery = await call('counsellorKendal', 'GET', `/v1/youth/Y-S1?district=${KENDAL}`);
    expect(injectedQuery.status).toBe(400);
    expect(injectedQuery.body.fields).toEqual([{ field: 'district', reason: 'is not accepted here' }]);
    const injectedBody = await call('counsellorKendal', 'POST', '/v1/youth/Y-S1/outcomes', {
      body: { type: 'contacted', district: KENDAL },
    });
    expect([400, 404]).toContain(injectedBody.status);
    expect(injectedBody.text).not.toContain('SMK');
  });

  it("another employer's vacancy is 404 like a missing one; a counsellor sees only their districts' candidates", async () => {
    const { call } = api();
    const other = await call('employerOther', 'GET', '/v1/vacancies/V-1/candidates');
    const missing = await call('employerOther', 'GET', '/v1/vacancies/V-9/candidates');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(other.text.replace('V-1', 'ID')).toBe(missing.text.replace('V-9', 'ID'));
    const kendal = await call('counsellorKendal', 'GET', '/v1/vacancies/V-1/candidates');
    expect(kendal.body.items.map((c: { youthId: string }) => c.youthId)).toEqual(['Y-K1']);
  });

  it('an upload of another owner is 404 like a missing one', async () => {
    const { call } = api();
    const other = await call('employerOther', 'GET', '/v1/uploads/U-E1');
    const missing = await call('employerOther', 'GET', '/v1/uploads/U-XX');
    expect(other.text.replace('U-E1', 'ID')).toBe(missing.text.replace('U-XX', 'ID'));
  });
});

describe('employers see pseudonymous candidates only', () => {
  it('no youth id, NIK, name, phone, birth date, disability, welfare or district at any depth', async () => {
    const response = await api().call('employer', 'GET', '/v1/vacancies/V-1/candidates');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(3);
    const forbidden = [
      'youthId',
      'nik',
      'nikHash',
      'name',
      'phone',
      'birthDate',
      'age',
      'gender',
      'disability',
      'accommodationNeeds',
      'welfareDecile',
      'district',
      'education',
      'interests',
      'aptitudes',
    ];
    const keys = keysDeep(response.body);
    for (const key of forbidden) expect(keys.has(key), key).toBe(false);
    for (const value of ['Y-S1', 'Y-S2', 'Y-K1', 'hash-of', SEMARANG, KENDAL, '2003-05-20']) {
      expect(response.text).not.toContain(value);
    }
    const pseudonyms = response.body.items.map((c: { candidate: string }) => c.candidate);
    expect(new Set(pseudonyms).size).toBe(3);
    // Stable across calls, so the employer can ask a counsellor about "candidate X".
    const again = await api().call('employer', 'GET', '/v1/vacancies/V-1/candidates');
    expect(again.body.items.map((c: { candidate: string }) => c.candidate)).toEqual(pseudonyms);
  });
});

describe('malformed requests are 400 with field-level messages', () => {
  it.each([
    ['GET', `/v1/youth/${'x'.repeat(101)}`, undefined, 'youthId'],
    ['GET', '/v1/youth/%ZZ', undefined, 'youthId'],
    ['GET', '/v1/youth?district=33a4', undefined, 'district'],
    ['GET', '/v1/youth?district=3374&limit=500', undefined, 'limit'],
    ['GET', '/v1/youth/Y-S1/recommendations?lang=fr', undefined, 'lang'],
    ['POST', '/v1/youth/Y-S1/outcomes', '{"type":', 'body'],
    [
      'POST',
      '/v1/youth/Y-S1/outcomes',
      '{"type":"complaint","opportunity":{"kind":"job","id":"V-1"}}',
      'note',
    ],
    [
      'POST',
      '/v1/youth/Y-S1/outcomes',
      '{"type":"hired","opportunity":{"kind":"boat","id":"V-1"}}',
      'opportunity.kind',
    ],
  ])('%s %s', async (method, target, rawBody, field) => {
    const response = await api().call('counsellor', method, target, rawBody === undefined ? {} : { rawBody });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses an upload over the size limit and a body that is not JSON', async () => {
    const { call } = api();
    const big = await call('employer', 'POST', '/v1/uploads', {
      body: { kind: 'vacancies', fileName: 'a.csv', size: 1048577 },
    });
    expect(big.status).toBe(400);
    expect(big.body.fields).toEqual([{ field: 'size', reason: 'must be at most 1048576 bytes' }]);
    const accented = await call('employer', 'POST', '/v1/uploads', {
      body: { kind: 'vacancies', fileName: `${'é'.repeat(113)}.csv`, size: 10 },
    });
    expect(accented.status).toBe(400);
    expect(accented.body.fields).toEqual([
      { field: 'fileName', reason: expect.stringMatching(/^nama berkas terlalu panjang: 230 byte UTF-8/) },
    ]);
    const text = await call('counsellor', 'POST', '/v1/youth/Y-S1/outcomes', {
      rawBody: 'type=contacted',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });
});

describe('pagination with sealed cursors', () => {
  it('walks a district page by page without repeats, and refuses edited or replayed cursors', async () => {
    const { call, dynamo, tableName } = api();
    const youth = new DynamoYouthRepository({ client: dynamo.client, tableName });
    const ids = Array.from({ length: 7 }, (_, i) => `Y-P${i}`);
    await youth.putMany(ids.map((id) => storedYouth(id, KENDAL)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const target = `/v1/youth?district=${KENDAL}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(TWO_DISTRICTS, 'GET', target);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((y: { youthId: string }) => y.youthId));
      cursor = page.body.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    expect(seen.sort()).toEqual([...ids, 'Y-K1'].sort());

    const first = await call(TWO_DISTRICTS, 'GET', `/v1/youth?district=${KENDAL}&limit=2`);
    const issued: string = first.body.cursor;
    const flipped = issued.slice(0, 20) + (issued[20] === 'A' ? 'B' : 'A') + issued.slice(21);
    for (const [who, target] of [
      [TWO_DISTRICTS, `/v1/youth?district=${KENDAL}&cursor=${flipped}`],
      [TWO_DISTRICTS, `/v1/youth?district=${SEMARANG}&cursor=${issued}`],
      [PRINCIPALS.counsellorKendal, `/v1/youth?district=${KENDAL}&cursor=${issued}`],
      [TWO_DISTRICTS, `/v1/youth?district=${KENDAL}&cursor=not-a-cursor`],
    ] as const) {
      const response = await call(who, 'GET', target);
      expect(response.status).toBe(400);
      expect(response.body.fields[0].field).toBe('cursor');
      expect(response.body.items).toBeUndefined();
    }
  });

  it("fills a counsellor's candidate pages across storage pages of other districts' youth", async () => {
    const { call } = api();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        'counsellor',
        'GET',
        `/v1/vacancies/V-1/candidates?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { youthId: string }) => c.youthId));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen).toEqual(['Y-S1', 'Y-S2']);
  });
});

describe('outcomes', () => {
  it('keeps the history in the order it happened, with actor and server time', async () => {
    const { call, clock } = api();
    const youthId = 'Y-S2';
    const types = ['contacted', 'applied', 'interviewed', 'hired'];
    for (const type of types) {
      clock.now += 60_000;
      const response = await call('counsellor', 'POST', `/v1/youth/${youthId}/outcomes`, {
        body: { type, opportunity: { kind: 'job', id: 'V-1' } },
      });
      expect(response.status).toBe(201);
      expect(response.body.actor).toEqual({ role: 'counsellor', id: 'c-semarang' });
      expect(response.body.at).toBe(new Date(clock.now).toISOString());
    }
    const history: { type: string; at: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        'counsellor',
        'GET',
        `/v1/youth/${youthId}/outcomes?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      history.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    const recorded = history.filter((o) => Date.parse(o.at) > NOW);
    expect(recorded.map((o) => o.type)).toEqual(types);
    expect(history.map((o) => o.at)).toEqual([...history.map((o) => o.at)].sort());
  });

  it('returns the first outcome to a retry with the same Idempotency-Key, even when retried in parallel', async () => {
    const { call, clock } = api();
    const youthId = 'Y-S1';
    const ids = async () =>
      (await call('counsellor', 'GET', `/v1/youth/${youthId}/outcomes?limit=100`)).body.items.map(
        (o: { outcomeId: string }) => o.outcomeId,
      );
    const earlier = await ids();
    const before = await call(PROGRAMME_MANAGER, 'GET', '/v1/reports/summary');
    const countOf = (summary: typeof before) =>
      summary.body.districts.find((d: { district: string }) => d.district === SEMARANG).outcomes.applied;
    const post = (key: string, type = 'applied') =>
      call('counsellor', 'POST', `/v1/youth/${youthId}/outcomes`, {
        body: { type, opportunity: { kind: 'job', id: 'V-1' } },
        headers: { 'Idempotency-Key': key },
      });
    clock.now += 60_000;
    const first = await post('retry-0001');
    clock.now += 60_000;
    const retries = await Promise.all([post('retry-0001'), post('retry-0001'), post('retry-0001')]);
    expect(first.status).toBe(201);
    for (const retry of retries) expect(retry.body).toEqual(first.body);
    const other = await post('retry-0002');
    expect(other.body.outcomeId).not.toBe(first.body.outcomeId);
    const misuse = await post('retry-0001', 'hired');
    expect(misuse.status).toBe(409);
    const added = (await ids()).filter((id: string) => !earlier.includes(id));
    expect(added).toEqual([first.body.outcomeId, other.body.outcomeId]);
    const after = await call(PROGRAMME_MANAGER, 'GET', '/v1/reports/summary');
    expect(countOf(after)).toBe(countOf(before) + 2);
    const bad = await call('counsellor', 'POST', `/v1/youth/${youthId}/outcomes`, {
      body: { type: 'applied' },
      headers: { 'idempotency-key': 'with space' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { field: 'Idempotency-Key', reason: 'must be 1 to 255 visible ASCII characters' },
    ]);
  });

  it('a complaint flags the opportunity for review in its district and is counted', async () => {
    const { call } = api();
    const before = await call(PROGRAMME_MANAGER, 'GET', '/v1/reports/summary');
    const semarangBefore = before.body.districts.find((d: { district: string }) => d.district === SEMARANG);
    const complaint = await call('counsellor', 'POST', '/v1/youth/Y-S1/outcomes', {
      body: {
        type: 'complaint',
        opportunity: { kind: 'job', id: 'V-2' },
        note: 'Diminta membayar biaya seragam',
      },
    });
    expect(complaint.status).toBe(201);
    expect(complaint.body.flaggedForReview).toBe(true);
    const after = await call(PROGRAMME_MANAGER, 'GET', '/v1/reports/summary');
    const kendal = after.body.districts.find((d: { district: string }) => d.district === KENDAL);
    const semarang = after.body.districts.find((d: { district: string }) => d.district === SEMARANG);
    expect(kendal.reviews).toEqual([
      expect.objectContaining({ kind: 'job', opportunityId: 'V-2', complaints: 1 }),
    ]);
    expect(semarang.outcomes.complaint).toBe(semarangBefore.outcomes.complaint + 1);
    expect(after.text).not.toContain('Diminta');
    expect(after.text).not.toContain('Y-S1');
    const unknown = await call('counsellor', 'POST', '/v1/youth/Y-S1/outcomes', {
      body: { type: 'complaint', opportunity: { kind: 'training', id: 'T-9' }, note: 'x' },
    });
    expect(unknown.status).toBe(404);
  });

  it("summaries are limited to the manager's districts", async () => {
    const { call } = api();
    const own = await call('manager', 'GET', '/v1/reports/summary');
    expect(own.body.districts.map((d: { district: string }) => d.district)).toEqual([SEMARANG]);
    expect(own.body.districts[0]).toMatchObject({ youth: expect.any(Number), withRecommendations: 2 });
    expect((await call('manager', 'GET', `/v1/reports/summary?district=${KENDAL}`)).status).toBe(403);
  });
});

describe('uploads', () => {
  it("presigns a PUT under the caller's own owner id that s3rver accepts, and reports it pending", async () => {
    const { call, s3, clock } = api();
    const content = 'vacancy_id,employer_id\nV-7,E1\n';
    const body = { kind: 'vacancies', fileName: 'lowongan desember.csv', size: Buffer.byteLength(content) };
    // Signed on the API's clock: a URL issued more than 15 minutes ago is refused by S3.
    clock.now = Date.now() - 16 * 60_000;
    const stale = await call('employer', 'POST', '/v1/uploads', { body });
    const expired = await fetch(stale.body.url, {
      method: 'PUT',
      headers: stale.body.headers,
      body: content,
    });
    expect(expired.status).toBe(403);
    clock.now = Date.now();
    const created = await call('employer', 'POST', '/v1/uploads', { body });
    expect(created.status).toBe(201);
    const { uploadId, url, headers, expiresAt } = created.body;
    expect(expiresAt).toBe(new Date(clock.now + 900_000).toISOString());
    const signed = new URL(url).searchParams;
    expect(signed.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host']);
    expect(signed.get('X-Amz-Expires')).toBe('900');
    expect([...signed.keys()].some((k) => k.toLowerCase().startsWith('x-amz-checksum'))).toBe(false);
    const put = await fetch(url, { method: 'PUT', headers, body: content });
    expect(put.status).toBe(200);
    const key = `incoming/vacancies/E1/${uploadId}/lowongan desember.csv`;
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentLength).toBe(Buffer.byteLength(content));

    const status = await call('employer', 'GET', `/v1/uploads/${uploadId}`);
    expect(status.body).toEqual({
      uploadId,
      kind: 'vacancies',
      fileName: 'lowongan desember.csv',
      status: 'pending',
      createdAt: new Date(clock.now).toISOString(),
      uploadBy: expiresAt,
    });
    expect((await call('employerOther', 'GET', `/v1/uploads/${uploadId}`)).status).toBe(404);
    expect((await call('admin', 'GET', `/v1/uploads/${uploadId}`)).status).toBe(200);
  });

  it("lets each role upload only its own kind; the programme's go under PROGRAMME", async () => {
    const { call } = api();
    expect(
      (
        await call('provider', 'POST', '/v1/uploads', {
          body: { kind: 'vacancies', fileName: 'a.csv', size: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('employer', 'POST', '/v1/uploads', {
          body: { kind: 'assessments', fileName: 'a.csv', size: 1 },
        })
      ).status,
    ).toBe(403);
    const programme = await call('admin', 'POST', '/v1/uploads', {
      body: { kind: 'assessments', fileName: 'asesmen.xlsx', size: 10 },
    });
    expect(programme.status).toBe(201);
    expect(decodeURIComponent(new URL(programme.body.url).pathname)).toBe(
      `/${BUCKET}/incoming/assessments/PROGRAMME/${programme.body.uploadId}/asesmen.xlsx`,
    );
    expect(programme.body.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
});
