/**
 * Work protection end to end against dynalite: vacancies uploaded through the ingest use case are
 * held on intake (below the UMK, a fee), never recommended, listed for managers, and recommended
 * on the next rematch after a manager releases them with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import { createInvitation } from '#core/usecases/assessment';
import { type IngestDeps, ingestUpload } from '#core/usecases/ingest-upload';
import { runNightlyRematch } from '#core/usecases/nightly-rematch';
import { createMatchingSetup } from '#core/usecases/setup';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoOpportunityReviewRepository } from '#functions/adapters/dynamodb/reviews';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { nikPseudonymiser } from '#functions/shared/nik';
import { assessment, csv, jsonl, uploadInput } from '../../unit/ingest/data.ts';
import { useApiStack } from './harness.ts';

const api = useApiStack({ seed: false });
const AS_OF = '2026-11-20';

const HEADER =
  'vacancy_id,employer_id,employer_name,title,occupation_code,district,openings,min_education,skills,Gaji,biaya_pelamar,deskripsi,closing_date';
const line = (id: string, wage: string, fee = '', description = '') =>
  [
    id,
    'E-7',
    'PT Garmen Sejahtera',
    'Operator Jahit',
    '7533',
    '3374',
    '3',
    'SMP',
    'menjahit',
    wage,
    fee,
    description,
    '2027-01-31',
  ]
    .map((cell) => (cell.includes(',') ? `"${cell}"` : cell))
    .join(',');

let deps: IngestDeps;

function upload(key: string, bytes: Uint8Array) {
  return uploadInput(key, bytes, { asOf: AS_OF, processedAt: '2026-11-20T03:00:00.000Z' });
}

async function recommendedJobs(): Promise<string[]> {
  const response = await api().call('counsellor', 'GET', '/v1/youth/Y-1/recommendations?lang=id');
  expect(response.status).toBe(200);
  return (response.body.jobs as { opportunityId: string }[]).map((j) => j.opportunityId).sort();
}

beforeAll(async () => {
  const { dynamo, tableName } = api();
  const table = { client: dynamo.client, tableName };
  deps = {
    youth: new DynamoYouthRepository(table),
    opportunities: new DynamoOpportunityRepository(table),
    recommendations: new DynamoRecommendationRepository(table),
    reviews: new DynamoOpportunityReviewRepository(table),
    scoring: createScoringContext(),
    occupations: occupationReference.lookup,
    matching: createMatchingSetup({ pilotDistricts: ['3374', '3324'] }),
    pseudonymiseNik: nikPseudonymiser('k'.repeat(32)),
    now: () => 0,
  };
  await ingestUpload(upload('incoming/assessments/a.jsonl', jsonl([assessment('Y-1')])), deps);
});

describe('vacancies held on intake', () => {
  let warnings: { record?: string; reason: string }[];

  beforeAll(async () => {
    const report = await ingestUpload(
      upload(
        'incoming/vacancies/v.csv',
        csv([
          HEADER,
          line('V-FAIR', 'Rp 3.701.709'),
          line('V-LOW', 'Rp 3.701.708'),
          line('V-FEE', 'Rp 3.900.000', 'Rp 150.000'),
          line('V-WORD', '4.000.000', '', 'Wajib membayar uang jaminan'),
        ]),
      ),
      deps,
    );
    expect(report.counts).toMatchObject({ accepted: 4, rejected: 0, stored: 4 });
    warnings = report.warnings;
  });

  it('tells the employer in the report which vacancies are held and why, in Indonesian', () => {
    const held = warnings.filter((w) => w.reason.startsWith('ditahan untuk peninjauan'));
    expect(held.map((w) => w.record).sort()).toEqual(['V-FEE', 'V-LOW', 'V-WORD']);
    expect(held.find((w) => w.record === 'V-LOW')!.reason).toContain(
      'di bawah UMK Kota Semarang Rp 3.701.709',
    );
  });

  it('recommends only the vacancy paying at least the UMK and asking nothing', async () => {
    expect(await recommendedJobs()).toEqual(['V-FAIR']);
  });

  it('shows the wage against the UMK, the contract and BPJS beside the recommendation', async () => {
    const response = await api().call('counsellor', 'GET', '/v1/youth/Y-1/recommendations?lang=id');
    expect(response.body.jobs[0].workTerms).toEqual({
      wageMinIdr: 3_701_709,
      umkIdr: 3_701_709,
      umkVersion: 'jateng-umk-2026-v1',
      wageVsUmk: 'at_or_above_umk',
      explanation:
        'Upah Rp 3.701.709 per bulan, sesuai atau di atas UMK Kota Semarang (Rp 3.701.709). Status kerja: tidak disebutkan. BPJS Ketenagakerjaan: tidak disebutkan; BPJS Kesehatan: tidak disebutkan.',
    });
  });

  it('lists the held vacancies for the district manager, with reasons', async () => {
    const response = await api().call('manager', 'GET', '/v1/reviews/held');
    expect(response.status).toBe(200);
    const items = response.body.items as {
      opportunityId: string;
      held: boolean;
      holds: { code: string }[];
    }[];
    expect(items.map((i) => [i.opportunityId, i.holds.map((h) => h.code)]).sort()).toEqual([
      ['V-FEE', ['applicant_fee']],
      ['V-LOW', ['below_umk']],
      ['V-WORD', ['fee_wording']],
    ]);
    expect(items.every((i) => i.held)).toBe(true);
  });

  it('refuses a release without a reason, by a counsellor, or outside the manager districts', async () => {
    const noReason = await api().call('manager', 'POST', '/v1/reviews/job/V-LOW/release', {
      body: { reason: '' },
    });
    expect(noReason.status).toBe(400);
    const counsellor = await api().call('counsellor', 'POST', '/v1/reviews/job/V-LOW/release', {
      body: { reason: 'upah dikonfirmasi sesuai UMK' },
    });
    expect(counsellor.status).toBe(403);
    const elsewhere = await api().call(
      { subject: 'm-kendal', role: 'manager', districts: ['3324'] },
      'POST',
      '/v1/reviews/job/V-LOW/release',
      { body: { reason: 'upah dikonfirmasi sesuai UMK' } },
    );
    expect(elsewhere.status).toBe(404);
    const unknown = await api().call('manager', 'POST', '/v1/reviews/job/V-NONE/release', {
      body: { reason: 'upah dikonfirmasi sesuai UMK' },
    });
    expect(unknown.status).toBe(404);
  });

  it('a release with a reason puts the vacancy back on the next rematch, once', async () => {
    const released = await api().call('manager', 'POST', '/v1/reviews/job/V-LOW/release', {
      body: { reason: 'perusahaan menaikkan upah ke UMK, bukti slip gaji diterima' },
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ opportunityId: 'V-LOW', held: false });
    expect(released.body.holds[0].release).toMatchObject({ by: { role: 'manager', id: 'm-1' } });
    expect(await recommendedJobs()).toEqual(['V-FAIR']);

    await runNightlyRematch(AS_OF, deps, deps.matching, async () => undefined);
    expect(await recommendedJobs()).toEqual(['V-FAIR', 'V-LOW']);

    const again = await api().call('manager', 'POST', '/v1/reviews/job/V-LOW/release', {
      body: { reason: 'perusahaan menaikkan upah ke UMK' },
    });
    expect(again.status).toBe(409);
    const list = await api().call('manager', 'GET', '/v1/reviews/held?district=3374');
    expect((list.body.items as { opportunityId: string }[]).map((i) => i.opportunityId).sort()).toEqual([
      'V-FEE',
      'V-WORD',
    ]);
  });
});

describe('complaint cases', () => {
  let caseId = '';
  const rematch = () => runNightlyRematch(AS_OF, deps, deps.matching, async () => undefined);
  const raise = (body: Record<string, unknown>) =>
    api().call('counsellor', 'POST', '/v1/youth/Y-1/cases', { body });

  it('refuses an unknown category with the allowed values', async () => {
    const response = await raise({ category: 'gaji', severity: 'high', description: 'Gaji telat' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/kategori "gaji" tidak dikenal/);
  });

  it('a serious case suspends the vacancy: it leaves the youth recommendations on the next rematch', async () => {
    const response = await raise({
      category: 'harassment_or_violence',
      severity: 'high',
      description: 'Pelecehan oleh mandor shift malam',
      opportunity: { kind: 'job', id: 'V-FAIR' },
      anonymousToEmployer: true,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ suspended: true, employerVacanciesHeld: 0 });
    expect(response.body.case).toMatchObject({ status: 'open', youthId: 'Y-1', anonymousToEmployer: true });
    caseId = response.body.case.caseId;
    expect(await recommendedJobs()).toContain('V-FAIR');
    await rematch();
    expect(await recommendedJobs()).not.toContain('V-FAIR');
    const held = await api().call('manager', 'GET', '/v1/reviews/held');
    const fair = (held.body.items as { opportunityId: string; holds: { code: string }[] }[]).find(
      (i) => i.opportunityId === 'V-FAIR',
    );
    expect(fair!.holds.map((h) => h.code)).toEqual(['serious_complaint']);
  });

  it('moves only forward, refers to a service of the directory, and keeps who and when', async () => {
    const post = (who: 'counsellor' | 'manager', path: string, body: unknown) =>
      api().call(who, 'POST', `/v1/cases/${caseId}${path}`, { body });
    const outOfOrder = await post('counsellor', '/status', { status: 'resolved', reason: 'sudah selesai' });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.body.message).toMatch(
      /dari open ke resolved tidak diizinkan; berikutnya: in_review, closed/,
    );
    expect((await post('manager', '/status', { status: 'in_review', reason: 'ditangani' })).status).toBe(200);
    const nowhere = await post('counsellor', '/referral', { serviceId: 'lbh-tidak-ada' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.message).toMatch(/layanan "lbh-tidak-ada" tidak ada di direktori/);
    const referred = await post('counsellor', '/referral', {
      serviceId: 'contoh-uptd-ppa',
      note: 'pendampingan',
    });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({
      status: 'referred',
      referral: { serviceId: 'contoh-uptd-ppa', status: 'sent' },
    });
    const accepted = await post('manager', '/referral/status', {
      status: 'accepted',
      reason: 'UPTD PPA menerima',
    });
    expect(
      accepted.body.history.map((e: { action: string; by: { id: string } }) => [e.action, e.by.id]),
    ).toEqual([
      ['opened', 'c-semarang'],
      ['status', 'm-1'],
      ['referred', 'c-semarang'],
      ['referral_status', 'm-1'],
    ]);
    expect((await post('counsellor', '/assignee', { role: 'manager', id: 'm-1' })).body.assignee).toEqual({
      role: 'manager',
      id: 'm-1',
    });
  });

  it('lists and filters cases; managers see them without the youth id; other districts see nothing', async () => {
    const mine = await api().call('counsellor', 'GET', '/v1/cases?status=referred&severity=high');
    expect(mine.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(mine.body.items[0].youthId).toBe('Y-1');
    expect((await api().call('counsellor', 'GET', '/v1/cases?status=open')).body.items).toEqual([]);
    const managers = await api().call('manager', 'GET', '/v1/cases');
    expect(managers.body.items).toHaveLength(1);
    expect(managers.body.items[0].youthId).toBeUndefined();
    expect((await api().call('counsellorKendal', 'GET', `/v1/cases/${caseId}`)).status).toBe(404);
    expect((await api().call('counsellorKendal', 'GET', '/v1/cases?district=3374')).status).toBe(404);
    expect((await api().call('employer', 'GET', '/v1/cases')).status).toBe(403);
  });

  it('a manager lifts the suspension with a reason; the vacancy comes back on the next rematch', async () => {
    const released = await api().call('manager', 'POST', '/v1/reviews/job/V-FAIR/release', {
      body: { reason: 'mandor diberhentikan, korban didampingi UPTD PPA' },
    });
    expect(released.status).toBe(200);
    await rematch();
    expect(await recommendedJobs()).toContain('V-FAIR');
  });

  it('repeated cases against one employer hold all its vacancies', async () => {
    const response = await raise({
      category: 'unpaid_or_late_wages',
      severity: 'medium',
      description: 'Upah lembur tidak dibayar',
      opportunity: { kind: 'job', id: 'V-LOW' },
    });
    expect(response.body).toMatchObject({ suspended: false, employerVacanciesHeld: 4 });
    await rematch();
    expect(await recommendedJobs()).toEqual([]);
  });

  it('counts cases in the manager summary', async () => {
    const summary = await api().call('manager', 'GET', '/v1/reports/summary?district=3374');
    expect(summary.body.districts[0].cases).toMatchObject({
      total: 2,
      open: 2,
      referred: 1,
      aboutEmployersOutside: 0,
      bySeverity: { high: 1, medium: 1, low: 0 },
    });
  });

  it('the youth raises a case from the assessment app with the invitation code, anonymous by default', async () => {
    const { deps: apiDeps } = api();
    const made = await createInvitation(
      {
        youthId: 'Y-1',
        district: '3374',
        instrument: 'sinergi-minat-bakat-mini-v1',
        registry: { gender: 'F', birthDate: '2003-04-10', education: 'SMK' },
        paperAptitudes: {},
        counsellor: { name: 'Bu Rina' },
        createdBy: 'c-semarang',
      },
      apiDeps.assessment,
    );
    const response = await api().call(undefined, 'POST', '/v1/assessment/cases', {
      body: { category: 'fees_charged', description: 'Diminta uang seragam' },
      headers: { 'x-invitation-code': made.code },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'open', anonymousToEmployer: true });
    const noCode = await api().call(undefined, 'POST', '/v1/assessment/cases', {
      body: { category: 'fees_charged', description: 'Diminta uang seragam' },
    });
    expect(noCode.status).toBe(400);
    const listed = await api().call('counsellor', 'GET', '/v1/cases?category=fees_charged');
    expect(listed.body.items[0]).toMatchObject({ raisedBy: { role: 'youth' }, severity: 'medium' });
    expect(listed.body.items[0].assignee).toBeUndefined();
  });

  it("goes with the youth's export and erasure", async () => {
    const exported = await api().call('admin', 'GET', '/v1/youth/Y-1/export');
    expect(exported.body.cases).toHaveLength(3);
    expect((await api().call('admin', 'DELETE', '/v1/youth/Y-1')).status).toBe(200);
    expect(await api().deps.cases.listByYouth('Y-1')).toEqual([]);
    expect((await api().call('counsellor', 'GET', '/v1/cases')).body.items).toEqual([]);
  });
});
