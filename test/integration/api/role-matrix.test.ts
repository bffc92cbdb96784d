/**
 * Every route x every role, through the real handler against dynalite and s3rver. A counsellor out
 * of district and an employer on another's vacancy get 404 (the record is outside their scope); a
 * role that never has the action gets 403; no token is 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXT } from '#core/assessment/consent';
import { changeStatus, openCase, referCase } from '#core/protection/cases';
import { EXAMPLE_SERVICE_DIRECTORY } from '#core/protection/services';
import { createInvitation } from '#core/usecases/assessment';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { AUDIT, heldReview, NOW, PRINCIPALS, type PrincipalName, SEMARANG, storedYouth } from './fixtures.ts';
import { storeAudit, useApiStack } from './harness.ts';

const api = useApiStack();

type Who = PrincipalName | 'none';
const COLUMNS: Who[] = [
  'counsellor',
  'counsellorKendal',
  'employer',
  'employerOther',
  'provider',
  'manager',
  'admin',
  'none',
];

interface Row {
  route: string;
  /** Called when the case runs, so it may use the running stack (pseudonyms). */
  target: (who: Who) => string;
  body?: unknown;
  /** The assessment app's routes: the invitation code decides, whoever else the caller is. */
  withCode?: boolean;
  expected: Record<Who, number>;
}

const MINI = 'sinergi-minat-bakat-mini-v1';
/** Invitations made before the rows run, by name: their ids, and the code of `app`. */
const invitations: Record<string, string> = {};
let appCode = '';

const everyone = (status: number): Record<Who, number> =>
  Object.fromEntries(COLUMNS.map((who) => [who, status])) as Record<Who, number>;

const counsellorOnly = {
  counsellor: 200,
  counsellorKendal: 404,
  employer: 403,
  employerOther: 403,
  provider: 403,
  manager: 403,
  admin: 403,
  none: 401,
};

const managerOnly = {
  counsellor: 403,
  counsellorKendal: 403,
  employer: 403,
  employerOther: 403,
  provider: 403,
  manager: 200,
  admin: 403,
  none: 401,
};

/** Counsellors and managers of the case's district act on it; nobody else sees it. */
const caseWorkers = { ...counsellorOnly, manager: 200 };

const ROWS: Row[] = [
  {
    route: 'GET /v1/health',
    target: () => '/v1/health',
    expected: {
      counsellor: 200,
      counsellorKendal: 200,
      employer: 200,
      employerOther: 200,
      provider: 200,
      manager: 200,
      admin: 200,
      none: 200,
    },
  },
  {
    route: 'GET /v1/openapi.json',
    target: () => '/v1/openapi.json',
    expected: {
      counsellor: 200,
      counsellorKendal: 200,
      employer: 200,
      employerOther: 200,
      provider: 200,
      manager: 200,
      admin: 200,
      none: 401,
    },
  },
  { route: 'GET /v1/youth', target: () => `/v1/youth?district=${SEMARANG}`, expected: counsellorOnly },
  { route: 'GET /v1/youth/{youthId}', target: () => '/v1/youth/Y-S1', expected: counsellorOnly },
  {
    route: 'GET /v1/youth/{youthId}/recommendations',
    target: () => '/v1/youth/Y-S1/recommendations?lang=en',
    expected: counsellorOnly,
  },
  {
    route: 'POST /v1/youth/{youthId}/outcomes',
    target: () => '/v1/youth/Y-S2/outcomes',
    body: { type: 'contacted' },
    expected: { ...counsellorOnly, counsellor: 201 },
  },
  {
    route: 'GET /v1/youth/{youthId}/outcomes',
    target: () => '/v1/youth/Y-S2/outcomes',
    expected: counsellorOnly,
  },
  {
    route: 'GET /v1/vacancies/{vacancyId}/candidates',
    target: () => '/v1/vacancies/V-1/candidates',
    expected: {
      counsellor: 200,
      counsellorKendal: 200,
      employer: 200,
      employerOther: 404,
      provider: 403,
      manager: 403,
      admin: 403,
      none: 401,
    },
  },
  {
    route: 'POST /v1/vacancies/{vacancyId}/candidates/{candidate}/interest',
    target: () => `/v1/vacancies/V-1/candidates/${api().deps.pseudonymise('V-1', 'Y-S1')}/interest`,
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 201,
      employerOther: 404,
      provider: 403,
      manager: 403,
      admin: 403,
      none: 401,
    },
  },
  {
    route: 'GET /v1/opportunities',
    target: () => '/v1/opportunities',
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 200,
      employerOther: 200,
      provider: 200,
      manager: 403,
      admin: 403,
      none: 401,
    },
  },
  {
    route: 'GET /v1/uploads',
    target: () => '/v1/uploads',
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 200,
      employerOther: 200,
      provider: 200,
      manager: 403,
      admin: 200,
      none: 401,
    },
  },
  {
    route: 'GET /v1/templates/{kind}',
    target: () => '/v1/templates/vacancies',
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 200,
      employerOther: 200,
      provider: 403,
      manager: 403,
      admin: 200,
      none: 401,
    },
  },
  { route: 'GET /v1/reports/dashboard', target: () => '/v1/reports/dashboard', expected: managerOnly },
  {
    route: 'GET /v1/reports/export',
    target: () => '/v1/reports/export?format=csv&table=districts',
    expected: managerOnly,
  },
  { route: 'GET /v1/reports/audit', target: () => '/v1/reports/audit', expected: managerOnly },
  {
    route: 'POST /v1/uploads',
    target: () => '/v1/uploads',
    body: { kind: 'vacancies', fileName: 'lowongan.csv', size: 2048 },
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 201,
      employerOther: 201,
      provider: 403,
      manager: 403,
      admin: 201,
      none: 401,
    },
  },
  {
    route: 'GET /v1/uploads/{uploadId}',
    target: () => '/v1/uploads/U-E1',
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 200,
      employerOther: 404,
      provider: 404,
      manager: 403,
      admin: 200,
      none: 401,
    },
  },
  { route: 'GET /v1/reports/summary', target: () => '/v1/reports/summary', expected: managerOnly },
  { route: 'GET /v1/reviews/held', target: () => '/v1/reviews/held', expected: managerOnly },
  {
    route: 'POST /v1/youth/{youthId}/cases',
    target: () => '/v1/youth/Y-S2/cases',
    body: { category: 'other', severity: 'low', description: 'Jam kerja tidak sesuai kontrak' },
    expected: { ...counsellorOnly, counsellor: 201 },
  },
  { route: 'GET /v1/cases', target: () => '/v1/cases', expected: { ...caseWorkers, counsellorKendal: 200 } },
  { route: 'GET /v1/cases/{caseId}', target: (who) => `/v1/cases/C-A-${who}`, expected: caseWorkers },
  {
    route: 'POST /v1/cases/{caseId}/status',
    target: (who) => `/v1/cases/C-S-${who}/status`,
    body: { status: 'in_review', reason: 'sedang ditangani' },
    expected: caseWorkers,
  },
  {
    route: 'POST /v1/cases/{caseId}/assignee',
    target: (who) => `/v1/cases/C-A-${who}/assignee`,
    body: { role: 'manager', id: 'm-1' },
    expected: caseWorkers,
  },
  {
    route: 'POST /v1/cases/{caseId}/referral',
    target: (who) => `/v1/cases/C-R-${who}/referral`,
    body: { serviceId: 'contoh-disnaker-mediasi' },
    expected: caseWorkers,
  },
  {
    route: 'POST /v1/cases/{caseId}/referral/status',
    target: (who) => `/v1/cases/C-RS-${who}/referral/status`,
    body: { status: 'accepted', reason: 'layanan menerima' },
    expected: caseWorkers,
  },
  {
    route: 'GET /v1/services',
    target: () => `/v1/services?district=${SEMARANG}`,
    expected: { ...caseWorkers, counsellorKendal: 200 },
  },
  {
    route: 'POST /v1/assessment/cases',
    target: () => '/v1/assessment/cases',
    withCode: true,
    body: { category: 'fees_charged', description: 'Diminta uang seragam' },
    expected: everyone(201),
  },
  {
    route: 'POST /v1/reviews/{kind}/{opportunityId}/release',
    target: () => '/v1/reviews/job/V-1/release',
    body: { reason: 'upah sudah dikonfirmasi sesuai UMK' },
    expected: managerOnly,
  },
  {
    route: 'GET /v1/youth/{youthId}/export',
    target: () => '/v1/youth/Y-K1/export',
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 403,
      employerOther: 403,
      provider: 403,
      manager: 403,
      admin: 200,
      none: 401,
    },
  },
  {
    route: 'DELETE /v1/youth/{youthId}',
    target: (who) => `/v1/youth/Y-ERASE-${who}`,
    expected: {
      counsellor: 403,
      counsellorKendal: 403,
      employer: 403,
      employerOther: 403,
      provider: 403,
      manager: 403,
      admin: 200,
      none: 401,
    },
  },
  {
    route: 'POST /v1/invitations',
    target: () => '/v1/invitations',
    body: { youthId: 'Y-S1', instrument: MINI, counsellor: { name: 'Bu Rina' } },
    expected: { ...counsellorOnly, counsellor: 201 },
  },
  {
    route: 'GET /v1/youth/{youthId}/invitations',
    target: () => '/v1/youth/Y-S1/invitations',
    expected: counsellorOnly,
  },
  {
    route: 'GET /v1/youth/{youthId}/invitations/{invitationId}',
    target: () => `/v1/youth/Y-S1/invitations/${invitations.read}`,
    expected: counsellorOnly,
  },
  {
    route: 'POST /v1/youth/{youthId}/invitations/{invitationId}/revoke',
    target: () => `/v1/youth/Y-S1/invitations/${invitations.revoke}/revoke`,
    expected: counsellorOnly,
  },
  {
    route: 'POST /v1/youth/{youthId}/invitations/{invitationId}/reissue',
    target: () => `/v1/youth/Y-S1/invitations/${invitations.reissue}/reissue`,
    body: {},
    expected: { ...counsellorOnly, counsellor: 201 },
  },
  {
    route: 'PUT /v1/youth/{youthId}/invitations/{invitationId}/paper-aptitudes',
    target: () => `/v1/youth/Y-S1/invitations/${invitations.paper}/paper-aptitudes`,
    body: { paperAptitudes: { verbal: { correct: 20, total: 40 } } },
    expected: counsellorOnly,
  },
  {
    route: 'GET /v1/assessment/content/{instrumentId}',
    target: () => `/v1/assessment/content/${MINI}`,
    expected: everyone(200),
  },
  {
    route: 'GET /v1/assessment/session',
    target: () => '/v1/assessment/session',
    withCode: true,
    expected: everyone(200),
  },
  {
    route: 'POST /v1/assessment/consent',
    target: () => '/v1/assessment/consent',
    withCode: true,
    body: { textVersion: CONSENT_TEXT.version, givenAt: '2026-11-20T09:00:00+07:00', youthAgrees: true },
    expected: everyone(201),
  },
  {
    route: 'POST /v1/assessment/submission',
    target: () => '/v1/assessment/submission',
    withCode: true,
    // The same device's send each time: accepted once, then repeated (202 with replay).
    body: { idempotencyKey: 'matrix-device', interests: { R01: 4 }, aptitude: {} },
    expected: everyone(202),
  },
  {
    route: 'GET /v1/assessment/status',
    target: () => '/v1/assessment/status',
    withCode: true,
    expected: everyone(200),
  },
  // Not yet scored: 404 "not ready" for everyone, whoever asks with the code.
  {
    route: 'GET /v1/assessment/results',
    target: () => '/v1/assessment/results',
    withCode: true,
    expected: everyone(404),
  },
];

beforeAll(async () => {
  const { dynamo, tableName } = api();
  const youth = new DynamoYouthRepository({ client: dynamo.client, tableName });
  // One youth per column, so a wrongly allowed erasure shows as a 200 instead of a 404 on a gone record.
  await youth.putMany(COLUMNS.map((who) => storedYouth(`Y-ERASE-${who}`, SEMARANG)));
  await storeAudit(api(), AUDIT);
  const { deps } = api();
  for (const name of ['read', 'revoke', 'reissue', 'paper', 'app']) {
    const made = await createInvitation(
      {
        youthId: 'Y-S1',
        district: SEMARANG,
        instrument: MINI,
        registry: { gender: 'F', birthDate: '2004-01-01', education: 'SMA' },
        paperAptitudes: {},
        counsellor: { name: 'Bu Rina' },
        createdBy: 'c-semarang',
      },
      deps.assessment,
    );
    invitations[name] = made.invitation.invitationId;
    if (name === 'app') appCode = made.code;
  }
  await new DynamoOpportunityReviewRepository({ client: dynamo.client, tableName }).save(
    heldReview('V-1', 'E1', SEMARANG),
  );
  // One case per column and route, in the state the route acts on.
  const at = new Date(NOW).toISOString();
  const worker = { role: 'manager', id: 'm-1' };
  for (const who of COLUMNS) {
    const open = (id: string) =>
      openCase(
        {
          caseId: id,
          youthId: 'Y-S1',
          district: SEMARANG,
          category: 'other',
          severity: 'low',
          description: 'x',
          raisedBy: worker,
        },
        at,
      );
    const inReview = changeStatus(open(`C-R-${who}`), 'in_review', worker, 'ditangani', at);
    const referred = referCase(
      changeStatus(open(`C-RS-${who}`), 'in_review', worker, 'ditangani', at),
      'contoh-uptd-ppa',
      EXAMPLE_SERVICE_DIRECTORY,
      worker,
      undefined,
      at,
    );
    for (const c of [open(`C-S-${who}`), open(`C-A-${who}`), inReview, referred])
      await deps.cases.save({ ...c, version: 1 });
  }
});

describe('role matrix', () => {
  it('covers every route of the API', async () => {
    const { buildRouter } = await import('#functions/api/app');
    const served = buildRouter()
      .list()
      .map((r) => `${r.method} ${r.template}`)
      .sort();
    expect(ROWS.map((r) => r.route).sort()).toEqual(served);
  });

  const cases = ROWS.flatMap((row) =>
    COLUMNS.map((who) => [row.route, who, row.expected[who], row] as const),
  );
  it.each(cases)('%s as %s -> %i', async (_route, who, status, row) => {
    const [method] = row.route.split(' ');
    const response = await api().call(
      who === 'none' ? undefined : PRINCIPALS[who],
      method!,
      row.target(who),
      {
        ...(row.body !== undefined && { body: row.body }),
        ...(row.withCode && { headers: { 'x-invitation-code': appCode } }),
      },
    );
    expect(response.status).toBe(status);
    if (status >= 400)
      expect(response.body).toMatchObject({ requestId: 'req-test', error: expect.any(String) });
  });
});
