/** Hand-written records in the documented formats, shared by the CLI unit and e2e tests. */
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';

/**
 * Answers for the 60-item form: each scale's items spread around a level, so the profile has a clear
 * shape and never trips the identical-answers or flat-profile flags.
 */
export function interestAnswers(levels: Record<RiasecLetter, number>): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const letter of RIASEC) {
    for (let i = 1; i <= 10; i++) {
      const jitter = i % 3 === 0 ? -1 : i % 3 === 1 ? 1 : 0;
      answers[`${letter}${String(i).padStart(2, '0')}`] = Math.max(0, Math.min(4, levels[letter] + jitter));
    }
  }
  return answers;
}

/** Realistic-first interests (R high, I and C middle): congruent with welding and machine work. */
export const REALISTIC = interestAnswers({ R: 4, I: 2, A: 1, S: 1, E: 1, C: 2 });

export const ALL_APTITUDES = {
  verbal: { correct: 18, total: 30 },
  numerical: { correct: 17, total: 30 },
  abstract: { correct: 19, total: 30 },
  spatial: { correct: 22, total: 30 },
  clerical: { correct: 16, total: 30 },
  mechanical: { correct: 24, total: 30 },
};

export function assessment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    youth_id: 'Y-0001',
    nik: '3374015505010001',
    instrument: 'sinergi-minat-bakat-v1',
    assessed_at: '2026-02-10',
    gender: 'F',
    birth_date: '2002-05-15',
    district: '3374',
    education: 'SMK',
    welfare_decile: 2,
    interests: REALISTIC,
    aptitudes: ALL_APTITUDES,
    skills: ['welding_smaw'],
    preferences: { max_commute_km: 30, willing_to_relocate: false },
    ...overrides,
  };
}

export const VACANCY_HEADER = [
  'vacancy_id',
  'employer_id',
  'employer_name',
  'title',
  'occupation_code',
  'district',
  'openings',
  'min_education',
  'min_age',
  'max_age',
  'skills',
  'accessible_for',
  'not_accessible_for',
  'gender_requirement',
  'wage_monthly_idr',
  'contract_type',
  'closing_date',
] as const;

export type VacancyRow = Record<(typeof VACANCY_HEADER)[number], string | number>;

export function vacancy(overrides: Partial<VacancyRow> = {}): VacancyRow {
  return {
    vacancy_id: 'V-001',
    employer_id: 'E-01',
    employer_name: 'PT Baja Semarang',
    title: 'Juru Las',
    occupation_code: '7212',
    district: '3374',
    openings: 2,
    min_education: 'SMP',
    min_age: 18,
    max_age: 35,
    skills: 'welding_smaw',
    accessible_for: '',
    not_accessible_for: '',
    gender_requirement: 'any',
    wage_monthly_idr: 3_100_000,
    contract_type: 'contract',
    closing_date: '2026-06-30',
    ...overrides,
  };
}

export function training(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    training_id: 'T-001',
    provider_id: 'BLK-SMG',
    provider_name: 'BLK Kota Semarang',
    title: 'Pengelasan SMAW Dasar',
    target_occupations: ['7212'],
    skills_taught: ['welding_smaw', 'metal_fabrication'],
    district: '3374',
    seats: 16,
    start_date: '2026-04-01',
    duration_days: 30,
    cost_idr: 0,
    min_education: 'SMP',
    accessible_for: ['walking'],
    certified: true,
    ...overrides,
  };
}

export function semicolonCsv(rows: readonly VacancyRow[]): string {
  const lines = [
    VACANCY_HEADER.join(';'),
    ...rows.map((row) => VACANCY_HEADER.map((h) => String(row[h])).join(';')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function jsonLines(records: readonly Record<string, unknown>[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
