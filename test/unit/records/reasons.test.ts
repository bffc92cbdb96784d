import { describe, expect, it } from 'vitest';
import type { RecordKind } from '#core/domain/records';
import { parseRecords } from '#core/records/parse';
import { translateIssue, translateReason } from '#core/records/reasons';
import { genderReviewWarning } from '#core/usecases/intake';

const ctx = { file: 'lowongan.xlsx', isKnownDistrict: (code: string) => code !== '3399' };

const vacancy = {
  vacancy_id: 'V-001',
  employer_id: 'E-01',
  employer_name: 'PT Garmen Sejahtera',
  title: 'Operator Jahit',
  occupation_code: '7533',
  district: '3322',
  openings: '5',
  min_education: 'SMP',
  closing_date: '2025-12-31',
};

const training = {
  training_id: 'T-01',
  provider_id: 'BLK-SMG',
  provider_name: 'BLK Semarang',
  title: 'Menjahit Dasar',
  target_occupations: '7533',
  district: '3374',
  seats: '16',
  start_date: '2026-02-01',
  duration_days: '30',
  cost_idr: 'gratis',
  min_education: 'SD',
};

/** One bad value per field, as people get them wrong in spreadsheets. */
const BAD_VACANCY_CELLS: Array<Record<string, unknown>> = [
  { vacancy_id: '' },
  { title: 'x'.repeat(201) },
  { title: 12 },
  { occupation_code: '721' },
  { occupation_code: 721 },
  { district: '3501' },
  { district: '3399' },
  { openings: '1.000' },
  { openings: 'lima' },
  { openings: 0 },
  { min_education: 'SMA sederajat plus' },
  { min_age: '30', max_age: '20' },
  { riasec: '1,2,3' },
  { riasec: '9|9|9|9|9|9' },
  { riasec: 17 },
  { accessible_for: 'melihat|terbang' },
  { gender_requirement: 'dewasa' },
  { wage_monthly_idr: 'dua juta' },
  { wage_monthly_idr: '2.500' },
  { wage_monthly_idr: '2000000000' },
  { wage_monthly_idr: '3.000.000', wage_max_monthly_idr: '2.000.000' },
  { applicant_pays: 'tidak', applicant_fee_idr: 'Rp 50.000' },
  { working_hours_per_week: '100' },
  { contract_type: 'harian lepas sekali' },
  { bpjs_ketenagakerjaan: 'mungkin' },
  { closing_date: '31-31-2025' },
  { closing_date: 45000 },
];

function reasonsOf(kind: RecordKind, base: Record<string, unknown>, bad: Array<Record<string, unknown>>) {
  const rows = bad.map((values, i) => ({
    row: i + 2,
    values: { ...base, ...values, [idOf(kind)]: `R-${i}` },
  }));
  // A missing required column and a repeated id, besides one bad cell per row.
  const { [idOf(kind) === 'vacancy_id' ? 'title' : 'title']: _title, ...withoutTitle } = base;
  rows.push({ row: 100, values: { ...withoutTitle, [idOf(kind)]: 'R-0' } });
  return parseRecords(kind, rows, ctx).rejected;
}

function idOf(kind: RecordKind): string {
  return kind === 'vacancies' ? 'vacancy_id' : 'training_id';
}

describe('Indonesian reasons of a processing report', () => {
  it('translates every reason the record parsers give for bad vacancy and training rows', () => {
    const rejected = [
      ...reasonsOf('vacancies', vacancy, BAD_VACANCY_CELLS),
      ...reasonsOf('trainings', training, [
        { seats: '-3' },
        { duration_days: '30,5' },
        { cost_idr: 'mahal' },
        { certified: 'belum tahu' },
        { start_date: '2026-02-30' },
        { target_occupations: '75x3' },
      ]),
    ];
    expect(rejected.length).toBeGreaterThan(25);
    const untranslated = rejected
      .map((issue) => ({ reason: issue.reason, ...translateReason(issue.reason, 'id') }))
      .filter((r) => !r.translated);
    expect(untranslated).toEqual([]);
  });

  it('keeps the quoted values and the place of the issue', () => {
    const issue = {
      file: 'lowongan.xlsx',
      row: 3,
      field: 'closing_date',
      reason: 'must be a date written YYYY-MM-DD or DD/MM/YYYY, got "31-31-2025"',
    };
    expect(translateIssue(issue, 'id')).toEqual({
      file: 'lowongan.xlsx',
      row: 3,
      field: 'closing_date',
      reason: 'harus tanggal dengan format YYYY-MM-DD atau DD/MM/YYYY, isinya "31-31-2025"',
    });
    expect(translateIssue(issue, 'en')).toEqual(issue);
  });

  it('translates a list reason part by part and says when a part is unknown', () => {
    const reason = 'must be one of seeing, hearing, got "terbang"; something new went wrong';
    expect(translateReason(reason, 'id')).toEqual({
      text: 'harus salah satu dari seeing, hearing, isinya "terbang"; something new went wrong',
      translated: false,
    });
    expect(translateReason('a reason nobody catalogued', 'id')).toEqual({
      text: 'a reason nobody catalogued',
      translated: false,
    });
  });
});

describe('reasons written outside the record parsers', () => {
  it('translates the intake warnings: unknown skill and gender requirement under review', () => {
    const at = { file: 'lowongan.xlsx', row: 4 };
    const review = genderReviewWarning({ vacancy_id: 'V-1', employer_id: 'E-1', requirement: 'male' }, at);
    expect(translateIssue(review, 'id').reason).toBe(
      '"male" dicatat dan ditandai untuk ditinjau program; syarat ini tidak pernah mengecualikan siapa pun',
    );
    const reason =
      'unknown skill "menjahit payet": not in the skills vocabulary; kept and flagged, but it cannot be matched';
    expect(translateReason(reason, 'id')).toEqual({
      text: 'keterampilan "menjahit payet" tidak ada dalam kosakata keterampilan; tetap disimpan dan ditandai, tetapi tidak dapat dicocokkan',
      translated: true,
    });
  });
});
