import type { AssessmentRecord } from '#core/domain/records';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';

export const FULL = 'sinergi-minat-bakat-v1';
export const MINI = 'sinergi-minat-bakat-mini-v1';

export function itemId(letter: RiasecLetter, n: number): string {
  return `${letter}${String(n).padStart(2, '0')}`;
}

/** Answers for every item, each scale answered with one value per item from `perScale`. */
export function answers(
  perScale: Record<RiasecLetter, readonly (number | null)[]>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const letter of RIASEC) {
    perScale[letter].forEach((value, i) => {
      out[itemId(letter, i + 1)] = value;
    });
  }
  return out;
}

/** The same answer on every item of each scale. */
export function uniform(values: Record<RiasecLetter, number>, itemsPerScale = 10): Record<string, number> {
  const out: Record<string, number> = {};
  for (const letter of RIASEC) {
    for (let i = 1; i <= itemsPerScale; i++) out[itemId(letter, i)] = values[letter];
  }
  return out;
}

export function assessment(overrides: Partial<AssessmentRecord> = {}): AssessmentRecord {
  return {
    youth_id: 'Y-0001',
    nik: '3374012345678901',
    instrument: FULL,
    assessed_at: '2026-03-02',
    gender: 'F',
    birth_date: '2003-05-17',
    district: '3374',
    education: 'SMK',
    disability: { walking: 3 },
    welfare_decile: 2,
    interests: uniform({ R: 4, I: 3, A: 1, S: 2, E: 0, C: 3 }),
    aptitudes: {
      verbal: { correct: 15, total: 30 },
      numerical: { correct: 20, total: 25 },
      abstract: { correct: 10, total: 20 },
      spatial: { correct: 6, total: 20 },
      clerical: { correct: 40, total: 50 },
      mechanical: { correct: 18, total: 20 },
    },
    skills: ['Las listrik', 'SIM C'],
    preferences: {
      max_commute_km: 25,
      willing_to_relocate: false,
      contract_types: ['permanent', 'contract'],
    },
    ...overrides,
  };
}
