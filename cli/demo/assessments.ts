/**
 * Synthetic assessment records: one latent Holland type per person drives their interest answers,
 * education and latent ability drive aptitude results, so scored profiles look like a real cohort
 * rather than noise.
 */
import { ageOn, dayNumber, type IsoDate } from '#core/domain/calendar';
import { DISABILITY_DOMAINS, type Difficulty, type DisabilityProfile } from '#core/domain/disability';
import type { EducationLevel } from '#core/domain/education';
import {
  APTITUDE_SUBTESTS,
  type AptitudeSubtest,
  type AssessmentRecord,
  CONTRACT_TYPES,
  type ContractType,
} from '#core/domain/records';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';
import type { SeededRandom, Weighted } from '#core/domain/seeded-random';
import {
  DISABILITY_DOMAIN_MIX,
  EDUCATION_MIN_AGE,
  EDUCATION_MIX,
  GENERAL_SKILLS,
  OCCUPATIONS,
  UNKNOWN_SKILLS,
  WELFARE_DECILE_MIX,
  YOUTH_DISTRICT_WEIGHT,
} from './catalogue.ts';
import { addDays, dateFromDayNumber, yearsBefore } from './dates.ts';

export const FULL_INSTRUMENT = 'sinergi-minat-bakat-v1';
export const MINI_INSTRUMENT = 'sinergi-minat-bakat-mini-v1';

/** Items per scale: the full form has R01..R10 for each letter, the mini form R01..R05. */
export function instrumentItems(instrument: string): string[] {
  const perScale = instrument === MINI_INSTRUMENT ? 5 : 10;
  return RIASEC.flatMap((letter) =>
    Array.from({ length: perScale }, (_, i) => `${letter}${String(i + 1).padStart(2, '0')}`),
  );
}

/** Item counts per subtest are fixed by the test booklet. */
export const APTITUDE_ITEMS: Readonly<Record<AptitudeSubtest, number>> = {
  verbal: 30,
  numerical: 25,
  abstract: 25,
  spatial: 20,
  clerical: 30,
  mechanical: 20,
};

/** Which interest types lean towards which subtest (a small, plausible effect). */
const APTITUDE_LEAN: Readonly<Record<AptitudeSubtest, readonly RiasecLetter[]>> = {
  verbal: ['S', 'E', 'A'],
  numerical: ['I', 'C'],
  abstract: ['I', 'A'],
  spatial: ['R', 'A'],
  clerical: ['C'],
  mechanical: ['R'],
};

const EDUCATION_ABILITY: Readonly<Record<EducationLevel, number>> = {
  none: -1.2,
  SD: -0.8,
  SMP: -0.3,
  SMA: 0.2,
  SMK: 0.2,
  D1: 0.4,
  D2: 0.5,
  D3: 0.6,
  D4: 0.8,
  S1: 0.8,
  S2: 1,
};

/** Primary Holland types of the cohort, mildly different by gender as in real interest surveys. */
const PRIMARY_TYPE: Readonly<Record<'F' | 'M', readonly Weighted<RiasecLetter>[]>> = {
  F: [
    { value: 'R', weight: 18 },
    { value: 'I', weight: 9 },
    { value: 'A', weight: 13 },
    { value: 'S', weight: 24 },
    { value: 'E', weight: 15 },
    { value: 'C', weight: 21 },
  ],
  M: [
    { value: 'R', weight: 38 },
    { value: 'I', weight: 11 },
    { value: 'A', weight: 7 },
    { value: 'S', weight: 12 },
    { value: 'E', weight: 17 },
    { value: 'C', weight: 15 },
  ],
};

/** Steps apart on Holland's hexagon R-I-A-S-E-C (0..3). */
function hexagonDistance(a: RiasecLetter, b: RiasecLetter): number {
  const d = Math.abs(RIASEC.indexOf(a) - RIASEC.indexOf(b));
  return Math.min(d, 6 - d);
}

const MEAN_BY_DISTANCE = [3.1, 1.9, 1.4, 1.0] as const;

export interface YouthDraw {
  assessments: number;
  asOf: IsoDate;
  districts: readonly string[];
}

/** How hard each item is to like, fixed for the instrument (every youth sees the same items). */
function itemOffsets(random: SeededRandom): Map<string, number> {
  return new Map(instrumentItems(FULL_INSTRUMENT).map((item) => [item, random.normal(0, 0.25)]));
}

function answer(value: number): number {
  return Math.min(4, Math.max(0, Math.round(value)));
}

function drawInterests(
  random: SeededRandom,
  instrument: string,
  primary: RiasecLetter,
  offsets: Map<string, number>,
): Record<string, number | null> {
  const adjacent = RIASEC.filter((l) => hexagonDistance(l, primary) === 1);
  const secondary = random.chance(0.7)
    ? random.pick(adjacent)
    : random.pick(RIASEC.filter((l) => l !== primary));
  const acquiescence = random.normal(0, 0.35);
  const scaleShift = new Map(RIASEC.map((l) => [l, random.normal(0, 0.3)]));
  const interests: Record<string, number | null> = {};
  for (const item of instrumentItems(instrument)) {
    const letter = item[0] as RiasecLetter;
    const mean =
      MEAN_BY_DISTANCE[hexagonDistance(letter, primary)]! +
      (letter === secondary ? 0.5 : 0) +
      acquiescence +
      scaleShift.get(letter)! +
      offsets.get(item)!;
    interests[item] = answer(random.normal(mean, 0.8));
  }
  return interests;
}

/** A few skipped items, as on paper forms: the scale is prorated or marked incomplete by scoring. */
function leaveUnanswered(random: SeededRandom, interests: Record<string, number | null>): void {
  for (const item of random.sample(Object.keys(interests), random.int(1, 3))) interests[item] = null;
}

function drawAptitudes(
  random: SeededRandom,
  education: EducationLevel,
  primary: RiasecLetter,
): Partial<Record<AptitudeSubtest, { correct: number; total: number }>> {
  const ability = random.normal(EDUCATION_ABILITY[education], 0.8);
  const aptitudes: Partial<Record<AptitudeSubtest, { correct: number; total: number }>> = {};
  for (const subtest of APTITUDE_SUBTESTS) {
    const total = APTITUDE_ITEMS[subtest];
    const lean = APTITUDE_LEAN[subtest].includes(primary) ? 0.35 : 0;
    const p = 1 / (1 + Math.exp(-(0.1 + 0.7 * ability + lean + random.normal(0, 0.35))));
    const correct = Math.min(
      total,
      Math.max(0, Math.round(random.normal(total * p, Math.sqrt(total * p * (1 - p))))),
    );
    aptitudes[subtest] = { correct, total };
  }
  return aptitudes;
}

/** Washington Group short set: everyone answers all six questions, most with "no difficulty". */
function drawDisability(random: SeededRandom): DisabilityProfile {
  const profile: DisabilityProfile = Object.fromEntries(DISABILITY_DOMAINS.map((d) => [d, 1 as Difficulty]));
  if (!random.chance(0.07)) return profile;
  const count = random.weighted([
    { value: 1, weight: 75 },
    { value: 2, weight: 20 },
    { value: 3, weight: 5 },
  ]);
  const domains = new Set<(typeof DISABILITY_DOMAINS)[number]>();
  while (domains.size < count) domains.add(random.weighted(DISABILITY_DOMAIN_MIX));
  for (const domain of domains) {
    profile[domain] = random.weighted<Difficulty>([
      { value: 2, weight: 70 },
      { value: 3, weight: 22 },
      { value: 4, weight: 8 },
    ]);
  }
  return profile;
}

function drawEducation(random: SeededRandom, age: number): EducationLevel {
  for (;;) {
    const level = random.weighted(EDUCATION_MIX);
    if (age >= (EDUCATION_MIN_AGE[level] ?? 0)) return level;
  }
}

function skillPool(letter: RiasecLetter): string[] {
  return [...new Set(OCCUPATIONS.filter((o) => o.holland.includes(letter)).flatMap((o) => o.skills))];
}

const SKILL_POOLS = new Map(RIASEC.map((l) => [l, skillPool(l)]));

function drawSkills(random: SeededRandom, primary: RiasecLetter): string[] {
  const count = random.weighted([
    { value: 0, weight: 25 },
    { value: 1, weight: 30 },
    { value: 2, weight: 25 },
    { value: 3, weight: 13 },
    { value: 4, weight: 7 },
  ]);
  const skills = new Set<string>();
  while (skills.size < count) {
    const roll = random.float();
    if (roll < 0.04) skills.add(random.pick(UNKNOWN_SKILLS));
    else if (roll < 0.45) skills.add(random.pick(GENERAL_SKILLS));
    else skills.add(random.pick(SKILL_POOLS.get(primary)!));
  }
  return [...skills];
}

function drawPreferences(random: SeededRandom): NonNullable<AssessmentRecord['preferences']> {
  const preferences: NonNullable<AssessmentRecord['preferences']> = {
    max_commute_km: random.weighted([
      { value: random.int(5, 9), weight: 20 },
      { value: random.int(10, 20), weight: 50 },
      { value: random.int(21, 40), weight: 30 },
    ]),
    willing_to_relocate: random.chance(0.2),
  };
  if (random.chance(0.3)) {
    const weights: Record<ContractType, number> = {
      permanent: 40,
      contract: 30,
      internship: 10,
      apprenticeship: 10,
      daily: 10,
    };
    const chosen = new Set<ContractType>();
    const count = random.int(1, 2);
    while (chosen.size < count) {
      chosen.add(random.weighted(CONTRACT_TYPES.map((value) => ({ value, weight: weights[value] }))));
    }
    preferences.contract_types = CONTRACT_TYPES.filter((c) => chosen.has(c));
  }
  return preferences;
}

/**
 * A plausible NIK: district code, sub-district (01-20), birth day (+40 for women) month and year,
 * then a serial. Serials start at 9001, above the low numbers real registrations use, so a demo NIK
 * is unlikely to equal a real person's.
 */
export function syntheticNik(
  district: string,
  subDistrict: number,
  birthDate: IsoDate,
  gender: 'F' | 'M',
  serial: number,
): string {
  const day = Number(birthDate.slice(8, 10)) + (gender === 'F' ? 40 : 0);
  return [
    district,
    String(subDistrict).padStart(2, '0'),
    String(day).padStart(2, '0'),
    birthDate.slice(5, 7),
    birthDate.slice(2, 4),
    String(9000 + serial).padStart(4, '0'),
  ].join('');
}

export function youthId(n: number): string {
  return `Y-${String(n).padStart(6, '0')}`;
}

export interface AssessmentGenerator {
  next(): AssessmentRecord;
}

export function assessmentGenerator(random: SeededRandom, draw: YouthDraw): AssessmentGenerator {
  const offsets = itemOffsets(random);
  const districtMix = draw.districts.map((value) => ({ value, weight: YOUTH_DISTRICT_WEIGHT[value] ?? 1 }));
  const oldest = dayNumber(yearsBefore(draw.asOf, 35)) + 1;
  const youngest = dayNumber(yearsBefore(draw.asOf, 18));
  const serials = new Map<string, number>();
  let count = 0;

  return {
    next(): AssessmentRecord {
      count += 1;
      const gender = random.chance(0.5) ? 'F' : 'M';
      const district = random.weighted(districtMix);
      const birthDate = dateFromDayNumber(random.int(oldest, youngest));
      const age = ageOn(birthDate, draw.asOf);
      const education = drawEducation(random, age);
      const primary = random.weighted(PRIMARY_TYPE[gender]);
      const instrument = random.chance(0.05) ? MINI_INSTRUMENT : FULL_INSTRUMENT;
      const nikPrefix = `${district}${String(random.int(1, 20)).padStart(2, '0')}`;
      const serial = (serials.get(`${nikPrefix}${birthDate}${gender}`) ?? 0) + 1;
      serials.set(`${nikPrefix}${birthDate}${gender}`, serial);

      let interests = drawInterests(random, instrument, primary, offsets);
      const pattern = random.float();
      if (pattern < 0.005) {
        const same = random.int(0, 4);
        interests = Object.fromEntries(Object.keys(interests).map((item) => [item, same]));
      } else if (pattern < 0.025) {
        leaveUnanswered(random, interests);
      }

      const record: AssessmentRecord = {
        youth_id: youthId(count),
        nik: syntheticNik(district, Number(nikPrefix.slice(4)), birthDate, gender, serial),
        instrument,
        assessed_at: addDays(draw.asOf, -random.int(1, 90)),
        gender,
        birth_date: birthDate,
        district,
        education,
        disability: drawDisability(random),
        welfare_decile: random.weighted(WELFARE_DECILE_MIX),
        interests,
      };
      if (random.chance(0.97)) record.aptitudes = drawAptitudes(random, education, primary);
      record.skills = drawSkills(random, primary);
      record.preferences = drawPreferences(random);
      return record;
    },
  };
}
