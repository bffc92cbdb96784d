import type { Principal } from '#core/access/principal';
import type { YouthProfile } from '#core/domain/profiles';

export function youthProfile(overrides: Partial<YouthProfile> = {}): YouthProfile {
  const scale = (score: number) => ({ score, answered: 8, items: 8, prorated: false });
  return {
    youthId: 'Y-0001',
    instrument: 'minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: 'F',
    birthDate: '2003-05-20',
    district: '3374',
    education: 'SMK',
    disability: { walking: 3, seeing: 2, hearing: 4 },
    welfareDecile: 2,
    interests: { R: scale(20), I: scale(12), A: scale(8), S: scale(25), E: scale(14), C: scale(18) },
    interestProfile: [0.62, 0.37, 0.25, 0.78, 0.44, 0.56],
    hollandCode: 'SRC',
    aptitudes: {
      numerical: { correct: 14, total: 20, percentile: 71, norm: 'default' },
      clerical: { correct: 18, total: 20, percentile: 88, norm: 'cohort' },
    },
    skills: ['sk_sewing', 'sk_bookkeeping'],
    unknownSkills: ['menjahit payet'],
    preferences: { maxCommuteKm: 25, willingToRelocate: false, contractTypes: ['permanent'] },
    flags: ['scale_incomplete:A'],
    ...overrides,
  };
}

export const COUNSELLOR: Principal = { subject: 'c-1', role: 'counsellor', districts: ['3322', '3374'] };
export const EMPLOYER: Principal = { subject: 'e-1', role: 'employer', districts: [], employerId: 'EMP-1' };
export const PROVIDER: Principal = { subject: 'p-1', role: 'provider', districts: [], providerId: 'PRV-1' };
export const MANAGER: Principal = { subject: 'm-1', role: 'manager', districts: ['3374'] };
export const ADMIN: Principal = { subject: 'a-1', role: 'admin', districts: [] };
