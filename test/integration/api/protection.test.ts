/**
 * Work protection end to end against dynalite: vacancies uploaded through the ingest use case are
 * held on intake (below the UMK, a fee), never recommended, listed for managers, and recommended
 * on the next rematch after a manager releases them with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
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
