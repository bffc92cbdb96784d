/**
 * A seeded generator of programme-scale synthetic data for the benchmarks: youth in the 11 pilot
 * districts, vacancies and training offers across Central Java's 35 districts. Same seed, same data.
 */
import type { IsoDate } from '#core/domain/calendar';
import type { DisabilityDomain, DisabilityProfile } from '#core/domain/disability';
import { DISABILITY_DOMAINS } from '#core/domain/disability';
import type { EducationLevel } from '#core/domain/education';
import type { AptitudeScore, OpportunityProfile, ScaleScore, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest, CONTRACT_TYPES } from '#core/domain/records';
import { RIASEC, type RiasecLetter, type RiasecVector } from '#core/domain/riasec';
import type { DistanceMatrix } from '#core/matching/types';

export type Random = () => number;

/** mulberry32: small, fast and good enough to make varied test data. */
function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** BPS codes of Central Java: 29 regencies (3301-3329) and 6 cities (3371-3376). */
const DISTRICT_CODES: string[] = [
  ...Array.from({ length: 29 }, (_, i) => String(3301 + i)),
  ...Array.from({ length: 6 }, (_, i) => String(3371 + i)),
];
export const PILOT_DISTRICTS = [
  '3301',
  '3302',
  '3303',
  '3304',
  '3310',
  '3315',
  '3318',
  '3322',
  '3324',
  '3328',
  '3374',
];

/** Capitals placed inside Central Java's extent; distances are great-circle km between them. */
function syntheticDistances(random: Random): DistanceMatrix {
  const places = DISTRICT_CODES.map(() => ({ lat: -6.5 - random() * 1.3, lon: 108.8 + random() * 2.8 }));
  const n = places.length;
  const km = new Float64Array(n * n);
  const rad = Math.PI / 180;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = places[i]!;
      const b = places[j]!;
      const h =
        Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
        Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
      km[i * n + j] = 2 * 6371 * Math.asin(Math.sqrt(h));
    }
  }
  return { codes: DISTRICT_CODES, km };
}

interface Occupation {
  code: string;
  riasec: RiasecVector;
  jobZone: number;
  skills: string[];
}

const SKILL_IDS = Array.from({ length: 160 }, (_, i) => `skill-${String(i + 1).padStart(3, '0')}`);

function occupations(random: Random, count: number): Occupation[] {
  return Array.from({ length: count }, (_, i) => {
    const riasec = RIASEC.map(() => 1 + random() * 6) as unknown as RiasecVector;
    const first = int(random, 0, SKILL_IDS.length - 12);
    return {
      code: String(7000 + i),
      riasec,
      jobZone: weighted(random, [
        [1, 2],
        [2, 4],
        [3, 3],
        [4, 1],
        [5, 0.3],
      ]),
      skills: SKILL_IDS.slice(first, first + 12),
    };
  });
}

const EDUCATION_MIX: readonly (readonly [EducationLevel, number])[] = [
  ['SD', 5],
  ['SMP', 20],
  ['SMA', 30],
  ['SMK', 30],
  ['D3', 5],
  ['S1', 10],
];

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function disability(random: Random): DisabilityProfile {
  if (random() > 0.04) return {};
  const domain = pick(random, DISABILITY_DOMAINS);
  return { [domain]: random() < 0.7 ? 3 : 4 } as Partial<Record<DisabilityDomain, 3 | 4>>;
}

function youthProfile(random: Random, i: number, pool: Occupation[]): YouthProfile {
  const interests = {} as Record<RiasecLetter, ScaleScore>;
  const profile = RIASEC.map(() => random());
  RIASEC.forEach((letter, s) => {
    interests[letter] = { score: Math.round(profile[s]! * 40), answered: 10, items: 10, prorated: false };
  });
  const usable = random() > 0.02;
  const order = [...RIASEC].sort((a, b) => profile[RIASEC.indexOf(b)]! - profile[RIASEC.indexOf(a)]!);
  const aptitudes: Partial<Record<AptitudeSubtest, AptitudeScore>> = {};
  for (const subtest of APTITUDE_SUBTESTS) {
    if (random() < 0.9)
      aptitudes[subtest] = { correct: 0, total: 20, percentile: int(random, 1, 99), norm: 'default' };
  }
  const known = pick(random, pool).skills;
  const skills = [...new Set(Array.from({ length: int(random, 0, 6) }, () => pick(random, known)))];
  const maxCommute = random() < 0.3 ? undefined : int(random, 5, 60);
  return {
    youthId: `Y${String(i).padStart(6, '0')}`,
    instrument: 'sinergi-minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: random() < 0.5 ? 'F' : 'M',
    birthDate: isoDate(int(random, 1992, 2008), int(random, 1, 12), int(random, 1, 28)),
    district: pick(random, PILOT_DISTRICTS),
    education: weighted(random, EDUCATION_MIX),
    disability: disability(random),
    welfareDecile: int(random, 1, 4),
    interests,
    interestProfile: usable ? (profile as unknown as RiasecVector) : null,
    hollandCode: usable ? order.slice(0, 3).join('') : null,
    aptitudes,
    skills,
    unknownSkills: [],
    preferences: {
      ...(maxCommute === undefined ? {} : { maxCommuteKm: maxCommute }),
      willingToRelocate: random() < 0.2,
    },
    flags: [],
  };
}

function opportunityDistrict(random: Random): string {
  return random() < 0.6 ? pick(random, PILOT_DISTRICTS) : pick(random, DISTRICT_CODES);
}

function accessibility(random: Random): DisabilityDomain[] {
  if (random() > 0.2) return [];
  return DISABILITY_DOMAINS.filter(() => random() < 0.5);
}

function vacancy(random: Random, i: number, pool: Occupation[]): OpportunityProfile {
  const occupation = pick(random, pool);
  const ageWindow = random() < 0.4 ? { minAge: 18, maxAge: pick(random, [25, 30, 35]) } : {};
  return {
    kind: 'job',
    id: `V${String(i).padStart(5, '0')}`,
    ownerId: `E${int(random, 1, 800)}`,
    ownerName: `Employer ${int(random, 1, 800)}`,
    title: `Job ${occupation.code}-${i}`,
    occupationCodes: [occupation.code],
    riasec: occupation.riasec,
    riasecSource: random() < 0.02 ? 'unknown' : 'occupation',
    jobZone: occupation.jobZone,
    district: opportunityDistrict(random),
    capacity: random() < 0.01 ? 0 : int(random, 1, 10),
    minEducation: weighted(random, [
      ['SD', 10],
      ['SMP', 25],
      ['SMA', 35],
      ['SMK', 15],
      ['D3', 10],
      ['S1', 5],
    ]),
    ...ageWindow,
    skills: [
      ...new Set(Array.from({ length: int(random, 0, 6) }, () => pick(random, occupation.skills))),
    ].sort(),
    accessibleFor: accessibility(random),
    deadline: isoDate(2026, int(random, 11, 12), int(random, 1, 28)),
    contractType: pick(random, CONTRACT_TYPES),
    genderRequirement: random() < 0.05 ? pick(random, ['male', 'female'] as const) : 'any',
  };
}

function training(random: Random, i: number, pool: Occupation[]): OpportunityProfile {
  const targets = Array.from({ length: int(random, 1, 2) }, () => pick(random, pool));
  const riasec = RIASEC.map((_, s) => targets.reduce((sum, t) => sum + t.riasec[s]!, 0) / targets.length);
  return {
    kind: 'training',
    id: `T${String(i).padStart(5, '0')}`,
    ownerId: `P${int(random, 1, 120)}`,
    ownerName: `Provider ${int(random, 1, 120)}`,
    title: `Training ${i}`,
    occupationCodes: targets.map((t) => t.code),
    riasec: riasec as unknown as RiasecVector,
    riasecSource: 'targets',
    jobZone: Math.min(...targets.map((t) => t.jobZone)),
    district: opportunityDistrict(random),
    capacity: int(random, 5, 30),
    minEducation: weighted(random, [
      ['SD', 20],
      ['SMP', 40],
      ['SMA', 30],
      ['SMK', 10],
    ]),
    minAge: 18,
    maxAge: 35,
    skills: [...new Set(targets.flatMap((t) => t.skills.slice(0, int(random, 2, 6))))].sort(),
    accessibleFor: accessibility(random),
    deadline: isoDate(2026, int(random, 11, 12), int(random, 1, 28)),
    costIdr: int(random, 0, 20) * 250_000,
    durationDays: int(random, 10, 90),
    certified: random() < 0.5,
  };
}

export interface Workload {
  youth: YouthProfile[];
  opportunities: OpportunityProfile[];
  distance: DistanceMatrix;
  asOf: IsoDate;
}

export function generateWorkload(
  seed: number,
  sizes: { youth: number; vacancies: number; trainings: number },
): Workload {
  const random = seededRandom(seed);
  const distance = syntheticDistances(random);
  const pool = occupations(random, 300);
  const youth = Array.from({ length: sizes.youth }, (_, i) => youthProfile(random, i + 1, pool));
  const vacancies = Array.from({ length: sizes.vacancies }, (_, i) => vacancy(random, i + 1, pool));
  const trainings = Array.from({ length: sizes.trainings }, (_, i) => training(random, i + 1, pool));
  return { youth, opportunities: [...vacancies, ...trainings], distance, asOf: '2026-11-15' };
}
