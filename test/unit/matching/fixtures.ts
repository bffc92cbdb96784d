import type { DisabilityProfile } from '#core/domain/disability';
import type { EducationLevel } from '#core/domain/education';
import type { OpportunityProfile, ScaleScore, YouthProfile } from '#core/domain/profiles';
import type { DistanceLookup } from '#core/domain/reference';
import { RIASEC, type RiasecLetter, type RiasecVector } from '#core/domain/riasec';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from '#core/matching/config';

export const AS_OF = '2026-11-15';

const scale = (score: number): ScaleScore => ({ score, answered: 10, items: 10, prorated: false });

export function interestsFrom(profile: readonly number[]): Record<RiasecLetter, ScaleScore> {
  return Object.fromEntries(RIASEC.map((l, i) => [l, scale(Math.round(profile[i]! * 40))])) as Record<
    RiasecLetter,
    ScaleScore
  >;
}

export function youth(overrides: Partial<YouthProfile> = {}): YouthProfile {
  const profile: RiasecVector = [0.9, 0.3, 0.2, 0.5, 0.7, 0.4];
  return {
    youthId: 'Y1',
    instrument: 'sinergi-minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: 'F',
    birthDate: '2000-06-15',
    district: '3374',
    education: 'SMA',
    disability: {},
    welfareDecile: 2,
    interests: interestsFrom(profile),
    interestProfile: profile,
    hollandCode: 'RES',
    aptitudes: {},
    skills: [],
    unknownSkills: [],
    preferences: {},
    flags: [],
    ...overrides,
  };
}

export function job(overrides: Partial<OpportunityProfile> = {}): OpportunityProfile {
  return {
    kind: 'job',
    id: 'V1',
    ownerId: 'E1',
    ownerName: 'PT Contoh',
    title: 'Operator Produksi',
    occupationCodes: ['8189'],
    riasec: [6, 2, 1.5, 3, 4, 3.5],
    riasecSource: 'occupation',
    jobZone: 2,
    district: '3374',
    capacity: 3,
    minEducation: 'SMA',
    skills: [],
    accessibleFor: [],
    deadline: '2026-12-31',
    ...overrides,
  };
}

export function training(overrides: Partial<OpportunityProfile> = {}): OpportunityProfile {
  return job({
    kind: 'training',
    id: 'T1',
    ownerId: 'P1',
    ownerName: 'BLK Semarang',
    title: 'Pelatihan Las',
    riasecSource: 'targets',
    minEducation: 'SMP',
    certified: true,
    ...overrides,
  });
}

/** Straight-line km between a few districts; unknown pairs are undefined. */
export const DISTANCES: Record<string, number> = {
  '3374|3322': 20,
  '3374|3321': 25,
  '3374|3301': 200,
  '3374|3323': 10,
};

export const distance: DistanceLookup = (from, to) =>
  from === to ? 0 : (DISTANCES[`${from}|${to}`] ?? DISTANCES[`${to}|${from}`]);

/** Road factor 1.5 so that straight km 20 is exactly 30 road km. */
export const CONFIG: MatchConfig = {
  ...DEFAULT_MATCH_CONFIG,
  reach: { ...DEFAULT_MATCH_CONFIG.reach, roadFactor: 1.5, defaultMaxCommuteKm: 30 },
};

export function options(extra: Partial<{ asOf: string; config: MatchConfig }> = {}) {
  return { asOf: AS_OF, config: CONFIG, distance, ...extra };
}

export type { DisabilityProfile, EducationLevel };
