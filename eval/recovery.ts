/**
 * Synthetic recovery sets: youth whose interest answers are drawn from the interest profile of a
 * known O*NET occupation, and one vacancy per ISCO-08 unit group in each of a few nearby districts.
 * A good ranking puts the youth's source occupation near the top.
 *
 * Built from ../shared/data (O*NET Interests and Job Zones, Nesta's ESCO-O*NET-ISCO crosswalk): each
 * youth draws a source unit group, then one of its linked O*NET occupations (by crosswalk confidence),
 * whose own profile (not the unit group's mean) generates the answers, so the within-group spread of
 * real occupations is part of the noise.
 *
 * Answers follow a graded response model: scale trait theta = (OI - 4) / 1.5 + person noise +
 * acquiescence, item location ~ N(0, 0.4), discrimination 1.5, thresholds -1.2, -0.4, 0.4, 1.2,
 * 2% of items unanswered. Aptitude percentiles (set on the scored profile) come in three variants:
 * - `median`: every subtest at the cohort median (the youth's aptitudes say nothing);
 * - `informative`: percentile = Phi(0.8 d + N(0, 0.8)), d the occupation's standardised demand of
 *   the subtest (the engine's RIASEC-based demand weights: no sourced demand table exists here);
 * - `noise`: percentiles drawn independently of the occupation (reported, no target).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate } from '#core/domain/calendar';
import type { EducationLevel } from '#core/domain/education';
import { educationRank } from '#core/domain/education';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AssessmentRecord, type Vacancy } from '#core/domain/records';
import { RIASEC } from '#core/domain/riasec';
import { aptitudeWeights } from '#core/matching/components';
import type { MatchConfig } from '#core/matching/config';
import { vacancyToProfile } from '#core/matching/opportunity-profile';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext, scoreAssessments } from '#core/scoring/index';
import { SeededRandom } from '../core/domain/seeded-random.ts';
import {
  indexByTitle,
  parseCrosswalk,
  parseOnet,
  resolveOnet,
  SOURCE_FILES,
} from '../scripts/build-occupation-reference.ts';

export type AptitudeVariant = 'median' | 'informative' | 'noise';

export interface RecoverySet {
  variant: AptitudeVariant;
  youth: YouthProfile[];
  /** Source unit group (ISCO-08) of each youth, by youth id. */
  source: Map<string, string>;
  opportunities: OpportunityProfile[];
  /** Unit group of each vacancy, by vacancy id. */
  occupationOf: Map<string, string>;
}

/** Semarang and two neighbouring regencies: near enough that reach matters, far enough that it varies. */
export const RECOVERY_DISTRICTS = ['3374', '3322', '3324'] as const;

/** The education a unit group's job zone asks for, as Indonesian employers usually write it. */
const EDUCATION_BY_ZONE: Record<number, EducationLevel> = { 1: 'SD', 2: 'SMP', 3: 'SMA', 4: 'D3', 5: 'S1' };

/** Youth 15-29 in the programme (Sakernas-like mix for Central Java). */
const YOUTH_EDUCATION: { value: EducationLevel; weight: number }[] = [
  { value: 'SMP', weight: 0.2 },
  { value: 'SMA', weight: 0.3 },
  { value: 'SMK', weight: 0.35 },
  { value: 'D3', weight: 0.05 },
  { value: 'S1', weight: 0.1 },
];

const COMMUTE_KM = [10, 15, 20, 30, 40];
const THRESHOLDS = [-1.2, -0.4, 0.4, 1.2];
const DISCRIMINATION = 1.5;
const SUBTEST_ITEMS = 30;

interface Source {
  code: string;
  jobZone: number;
  /** Linked O*NET occupations with their interest profile (1-7) and crosswalk confidence. */
  onet: { interests: readonly number[]; confidence: number }[];
}

/** Unit groups of the shipped reference with the O*NET occupations the crosswalk links them to. */
export function loadSources(dataDir: string): Source[] {
  const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');
  const onet = parseOnet({
    interests: read(SOURCE_FILES.interests),
    jobZones: read(SOURCE_FILES.jobZones),
    occupations: read(SOURCE_FILES.occupations),
  });
  const byTitle = indexByTitle(onet);
  const links = parseCrosswalk(read(SOURCE_FILES.crosswalk));
  const byCode = new Map<string, Map<string, { interests: readonly number[]; confidence: number }>>();
  for (const link of links) {
    const resolved = resolveOnet(link, onet, byTitle);
    if (!resolved) continue;
    const group = byCode.get(link.iscoCode) ?? new Map();
    const seen = group.get(resolved.occupation.code);
    // One O*NET occupation linked by several ESCO occupations counts once, at its best confidence.
    if (!seen || seen.confidence < link.confidence)
      group.set(resolved.occupation.code, {
        interests: resolved.occupation.interests,
        confidence: link.confidence,
      });
    byCode.set(link.iscoCode, group);
  }
  return occupationReference
    .all()
    .filter((o) => byCode.has(o.code))
    .map((o) => ({ code: o.code, jobZone: o.jobZone, onet: [...byCode.get(o.code)!.values()] }));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26). */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 + y / 2 : 0.5 - y / 2;
}

function answer(random: SeededRandom, theta: number, location: number): number {
  const u = random.float();
  let value = 0;
  for (const t of THRESHOLDS) if (u < logistic(DISCRIMINATION * (theta - location - t))) value++;
  return value;
}

export interface RecoveryOptions {
  variant: AptitudeVariant;
  youth: number;
  seed: number;
  asOf: IsoDate;
  config: MatchConfig;
}

export function buildRecoverySet(sources: readonly Source[], options: RecoveryOptions): RecoverySet {
  const { variant, asOf, config } = options;
  const random = SeededRandom.stream(options.seed, `recovery-${variant}`);
  const instrument = createScoringContext().instruments.get('sinergi-minat-bakat-v1');
  // Item locations are a property of the instrument: the same in every variant.
  const itemRandom = SeededRandom.stream(options.seed, 'recovery-items');
  const location = new Map(instrument.items.map((item) => [item.id, itemRandom.normal(0, 0.4)]));

  const opportunities: OpportunityProfile[] = [];
  const occupationOf = new Map<string, string>();
  const ctx = {
    occupations: occupationReference.lookup,
    normaliseSkills: () => ({ known: [], unknown: [] }),
  };
  for (const source of sources) {
    for (const district of RECOVERY_DISTRICTS) {
      const vacancy: Vacancy = {
        vacancy_id: `V-${source.code}-${district}`,
        employer_id: `E-${district}`,
        employer_name: `Employer ${district}`,
        title: `Occupation ${source.code}`,
        occupation_code: source.code,
        district,
        openings: 1,
        min_education: EDUCATION_BY_ZONE[source.jobZone]!,
        closing_date: asOf,
      };
      opportunities.push(vacancyToProfile(vacancy, ctx).profile);
      occupationOf.set(vacancy.vacancy_id, source.code);
    }
  }

  const records: AssessmentRecord[] = [];
  const sourceOf = new Map<string, string>();
  const percentilesOf = new Map<string, number[]>();
  for (let i = 0; i < options.youth; i++) {
    const education = random.weighted(YOUTH_EDUCATION);
    const open = sources.filter(
      (s) => educationRank(EDUCATION_BY_ZONE[s.jobZone]!) <= educationRank(education),
    );
    const source = random.pick(open);
    const onet = random.weighted(source.onet.map((o) => ({ value: o, weight: o.confidence })));
    const acquiescence = random.normal(0, 0.3);
    const interests: Record<string, number | null> = {};
    RIASEC.forEach((letter, k) => {
      const theta = (onet.interests[k]! - 4) / 1.5 + random.normal(0, 0.5) + acquiescence;
      for (const item of instrument.itemsByScale[letter]) {
        interests[item.id] = random.chance(0.02) ? null : answer(random, theta, location.get(item.id)!);
      }
    });
    const id = `Y${String(i + 1).padStart(5, '0')}`;
    percentilesOf.set(id, aptitudePercentiles(random, variant, source, config));
    records.push({
      youth_id: id,
      instrument: instrument.id,
      assessed_at: asOf,
      gender: random.chance(0.5) ? 'F' : 'M',
      birth_date: `${Number(asOf.slice(0, 4)) - random.int(17, 28)}-06-15`,
      district: random.pick(RECOVERY_DISTRICTS),
      education,
      interests,
      preferences: { max_commute_km: random.pick(COMMUTE_KM), willing_to_relocate: random.chance(0.2) },
    });
    sourceOf.set(id, source.code);
  }
  const scored = scoreAssessments(records, createScoringContext());
  if (scored.rejected.length > 0) {
    throw new Error(`recovery set: ${scored.rejected.length} generated assessments did not score`);
  }
  // Aptitudes are set as percentiles on the scored profile: exact, so "the median on every
  // subtest" is exactly that and not six slightly different roundings of a raw score.
  const youth = scored.profiles.map((profile) => {
    const percentiles = percentilesOf.get(profile.youthId)!;
    const aptitudes = Object.fromEntries(
      APTITUDE_SUBTESTS.map((s, j) => {
        const percentile = Math.round(percentiles[j]! * 10) / 10;
        const correct = Math.round((percentile / 100) * SUBTEST_ITEMS);
        return [s, { correct, total: SUBTEST_ITEMS, percentile, norm: 'default' as const }];
      }),
    );
    return { ...profile, aptitudes };
  });
  return { variant, youth, source: sourceOf, opportunities, occupationOf };
}

/** Percentiles in APTITUDE_SUBTESTS order for one youth of the variant. */
function aptitudePercentiles(
  random: SeededRandom,
  variant: AptitudeVariant,
  source: Source,
  config: MatchConfig,
): number[] {
  if (variant === 'median') return APTITUDE_SUBTESTS.map(() => 50);
  if (variant === 'noise') return APTITUDE_SUBTESTS.map(() => 100 * phi(random.normal(0, 1)));
  const profile = occupationReference.get(source.code)!.riasec;
  const weights = aptitudeWeights(profile, config.aptitudeRelevance);
  const mean = 1 / weights.length;
  let sd = 0;
  for (const w of weights) sd += (w - mean) ** 2;
  sd = Math.sqrt(sd / weights.length) || 1;
  return Array.from(weights, (w) => 100 * phi((0.8 * (w - mean)) / sd + random.normal(0, 0.8)));
}

export const RECOVERY_SOURCE_NOTE = `O*NET ${SOURCE_FILES.interests}, ${SOURCE_FILES.jobZones}; ${SOURCE_FILES.crosswalk}`;
