/**
 * Synthetic employers and their vacancies. Employers belong to a sector that decides which
 * occupations they recruit for; big garment and food factories post more, and bigger, vacancies.
 */
import type { IsoDate } from '#core/domain/calendar';
import type { DisabilityDomain } from '#core/domain/disability';
import type { Vacancy } from '#core/domain/records';
import { hollandCodeToProfile, RIASEC, type RiasecVector } from '#core/domain/riasec';
import type { SeededRandom } from '#core/domain/seeded-random';
import { umkFor } from '#core/protection/umk';
import { VACANCY_COLUMNS } from '#core/records/headers';
import {
  CENTRAL_JAVA_DISTRICTS,
  CONTRACT_MIX,
  EMPLOYER_DISTRICT_WEIGHT,
  NAME_WORDS,
  type OccupationTemplate,
  occupationByCode,
  SECTORS,
  type Sector,
  UNKNOWN_SKILLS,
} from './catalogue.ts';
import { addDays } from './dates.ts';

export interface Employer {
  employerId: string;
  name: string;
  district: string;
  sector: Sector;
  /** Relative number of vacancies this employer posts. */
  size: number;
}

export function employerId(n: number): string {
  return `E-${String(n).padStart(4, '0')}`;
}

export function vacancyId(n: number): string {
  return `V-${String(n).padStart(5, '0')}`;
}

/** "Kabupaten Kendal" -> "Kendal": the place word that appears in business names. */
export function placeName(district: string): string {
  return (CENTRAL_JAVA_DISTRICTS[district] ?? district).replace(/^(Kabupaten|Kota) /, '');
}

/** Fills `{a}`, `{b}` and `{d}` and keeps the name unique among those already used. */
export function businessName(
  random: SeededRandom,
  patterns: readonly string[],
  district: string,
  used: Set<string>,
): string {
  const [a, b] = random.sample(NAME_WORDS, 2);
  const base = random
    .pick(patterns)
    .replace('{a}', a!)
    .replace('{b}', b!)
    .replace('{d}', placeName(district));
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}

export function drawEmployers(random: SeededRandom, count: number, districts: readonly string[]): Employer[] {
  const districtMix = districts.map((value) => ({ value, weight: EMPLOYER_DISTRICT_WEIGHT[value] ?? 0.5 }));
  const sectorMix = SECTORS.map((value) => ({ value, weight: value.weight }));
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const sector = random.weighted(sectorMix);
    const district = random.weighted(districtMix);
    return {
      employerId: employerId(i + 1),
      name: businessName(random, sector.names, district, used),
      district,
      sector,
      size: sector.size * Math.exp(random.normal(0, 0.6)),
    };
  });
}

/** An employer's own reading of the job: the usual code with two letters swapped or one replaced. */
function overrideHollandCode(random: SeededRandom, holland: string): string {
  const letters = holland.split('');
  if (letters.length >= 2 && random.chance(0.5)) {
    [letters[0], letters[1]] = [letters[1]!, letters[0]!];
    return letters.join('');
  }
  const other = random.pick(RIASEC.filter((l) => !letters.includes(l)));
  letters[letters.length - 1] = other;
  return letters.join('');
}

/** Recovers the Holland code from a profile built by hollandCodeToProfile (levels above the rest). */
export function hollandCodeOf(profile: RiasecVector): string {
  const rest = Math.min(...profile);
  return RIASEC.map((letter, i) => ({ letter, level: profile[i]! }))
    .filter((e) => e.level > rest)
    .sort((x, y) => y.level - x.level)
    .map((e) => e.letter)
    .join('');
}

/** Demo wages when no UMK table covers the reference date. */
const WAGE_WITHOUT_UMK_IDR = 2_500_000;

/**
 * Around the district's UMK in force on the reference date and never below it: the only demo
 * vacancies paying less are the planted ones (plantHeldVacancies), so the review list stays short.
 */
function drawWage(
  random: SeededRandom,
  template: OccupationTemplate,
  district: string,
  asOf: IsoDate,
): number {
  const minimum = umkFor(district, asOf)?.monthlyIdr ?? WAGE_WITHOUT_UMK_IDR;
  const [low, high] = template.wageFactor;
  const factor = Math.max(1, low + random.float() * (high - low));
  return Math.min(4_500_000, Math.max(1_900_000, Math.ceil((minimum * factor) / 50_000) * 50_000));
}

function drawAgeWindow(random: SeededRandom): { min_age?: number; max_age?: number } {
  const roll = random.float();
  if (roll < 0.3) return {};
  const max_age = random.weighted([
    { value: 25, weight: 15 },
    { value: 27, weight: 10 },
    { value: 30, weight: 35 },
    { value: 35, weight: 35 },
    { value: 40, weight: 5 },
  ]);
  if (roll < 0.4) return { max_age };
  return {
    min_age: random.weighted([
      { value: 18, weight: 85 },
      { value: 20, weight: 10 },
      { value: 21, weight: 5 },
    ]),
    max_age,
  };
}

function drawAccessibility(
  random: SeededRandom,
  template: OccupationTemplate,
): DisabilityDomain[] | undefined {
  if (template.accessible.length === 0 || !random.chance(0.18)) return undefined;
  const count = random.int(1, template.accessible.length);
  const chosen = new Set(random.sample(template.accessible, count));
  return template.accessible.filter((d) => chosen.has(d));
}

export interface VacancyDraw {
  asOf: IsoDate;
  employers: readonly Employer[];
}

export interface VacancyGenerator {
  next(): Vacancy;
}

export function vacancyGenerator(random: SeededRandom, draw: VacancyDraw): VacancyGenerator {
  const employerMix = draw.employers.map((value) => ({ value, weight: value.size }));
  let count = 0;
  return {
    next(): Vacancy {
      // Every employer posts at least once; the rest follow employer size.
      const employer = count < draw.employers.length ? draw.employers[count]! : random.weighted(employerMix);
      count += 1;
      const template = occupationByCode(random.weighted(employer.sector.occupations));
      const contract = random.weighted(CONTRACT_MIX[template.contracts]);
      const skills = random.sample(
        template.skills,
        random.weighted([
          { value: 0, weight: 20 },
          { value: 1, weight: 35 },
          { value: 2, weight: 30 },
          { value: 3, weight: 15 },
        ]),
      );
      if (skills.length > 0 && random.chance(0.02)) skills.push(random.pick(UNKNOWN_SKILLS));
      const roll = random.float();
      const vacancy: Vacancy = {
        vacancy_id: vacancyId(count),
        employer_id: employer.employerId,
        employer_name: employer.name,
        title: random.pick(template.titles),
        occupation_code: template.code,
        district: employer.district,
        openings: random.int(template.openings[0], template.openings[1]),
        min_education: random.pick(template.education),
        ...drawAgeWindow(random),
        // About a fifth have already closed on the reference date, so the deadline rule has work to do.
        closing_date: addDays(draw.asOf, random.int(-20, 70)),
      };
      if (skills.length > 0) vacancy.skills = skills;
      if (random.chance(0.05))
        vacancy.riasec = hollandCodeToProfile(overrideHollandCode(random, template.holland));
      const accessible = drawAccessibility(random, template);
      if (accessible) vacancy.accessible_for = accessible;
      if (roll < 0.03) vacancy.gender_requirement = template.genderWritten;
      else if (roll < 0.6) vacancy.gender_requirement = 'any';
      if (random.chance(0.85))
        vacancy.wage_monthly_idr = drawWage(random, template, employer.district, draw.asOf);
      vacancy.contract_type = contract;
      if (contract !== 'daily' || random.chance(0.2)) vacancy.bpjs_ketenagakerjaan = random.chance(0.8);
      return reorder(vacancy);
    },
  };
}

export interface PlantedVacancies {
  /** Pays Rp 100.000 less than its district's UMK. */
  belowUmk?: string;
  /** Asks applicants for a registration fee, in the field and in its description. */
  applicantFee?: string;
}

/**
 * Turns two open vacancies of the served districts into cases the programme must hold for review,
 * so the demo shows the review list (docs/demo-data.md): the first pays under the UMK, the second
 * charges applicants. Both keep their ids; their other fields are as drawn.
 */
export function plantHeldVacancies(
  vacancies: Vacancy[],
  asOf: IsoDate,
  districts: readonly string[],
): PlantedVacancies {
  const open = vacancies
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.closing_date >= asOf && districts.includes(v.district) && umkFor(v.district, asOf));
  const planted: PlantedVacancies = {};
  const below = open[0];
  if (below) {
    const umk = umkFor(below.v.district, asOf)!.monthlyIdr;
    const wage = Math.floor(umk / 50_000) * 50_000 - 100_000;
    vacancies[below.i] = reorder({
      ...below.v,
      wage_monthly_idr: wage,
      wage_max_monthly_idr: wage + 200_000,
    });
    planted.belowUmk = below.v.vacancy_id;
  }
  const fee = open[1];
  if (fee) {
    vacancies[fee.i] = reorder({
      ...fee.v,
      applicant_fee_idr: 150_000,
      description: 'Biaya pendaftaran Rp 150.000 dibayar saat wawancara; wajib membeli seragam sendiri.',
    });
    planted.applicantFee = fee.v.vacancy_id;
  }
  return planted;
}

/** Same field order for every record, so serialised output never depends on assignment order. */
function reorder(vacancy: Vacancy): Vacancy {
  const ordered: Record<string, unknown> = {};
  for (const key of VACANCY_COLUMNS) if (vacancy[key] !== undefined) ordered[key] = vacancy[key];
  return ordered as unknown as Vacancy;
}
