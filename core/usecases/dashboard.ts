/**
 * The programme manager's dashboard figures, from stored records by key (never a Scan): the
 * analysis of the assessment results of a district (Holland codes and aptitude percentiles by
 * gender, youth without a usable profile), how many youth have recommendations, and how the open
 * vacancies are loaded (youth whose best job is the vacancy, per opening). Every figure is a
 * count over a group; no youth id leaves this module.
 */
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '../domain/records.ts';
import { RIASEC, type RiasecLetter } from '../domain/riasec.ts';
import type { RecommendationHeadline } from '../ports.ts';

export const GENDERS = ['F', 'M'] as const;
export type Gender = (typeof GENDERS)[number];

/** Percentile bands of 10: 0 holds 0-9, ..., 90 holds 90-100. */
export const PERCENTILE_BANDS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] as const;

export interface HollandCount {
  /** The first letter of the Holland code; `none` without a usable interest profile. */
  letter: RiasecLetter | 'none';
  gender: Gender;
  count: number;
}

export interface AptitudeCount {
  subtest: AptitudeSubtest;
  gender: Gender;
  band: number;
  count: number;
}

export interface ProfileAnalysis {
  youth: number;
  /** No interest profile could be scored (incomplete or identical answers): no interest advice. */
  withoutUsableProfile: number;
  holland: HollandCount[];
  aptitude: AptitudeCount[];
}

function bandOf(percentile: number): number {
  return Math.min(90, Math.max(0, Math.floor(percentile / 10) * 10));
}

const hollandKey = (h: Pick<HollandCount, 'letter' | 'gender'>) => `${h.letter}|${h.gender}`;
const aptitudeKey = (a: Pick<AptitudeCount, 'subtest' | 'gender' | 'band'>) =>
  `${a.subtest}|${a.gender}|${a.band}`;

/** Every cell of the grid, zeros included, so charts of two districts line up. */
function emptyAnalysis(): ProfileAnalysis {
  return {
    youth: 0,
    withoutUsableProfile: 0,
    holland: [...RIASEC, 'none' as const].flatMap((letter) =>
      GENDERS.map((gender) => ({ letter, gender, count: 0 })),
    ),
    aptitude: APTITUDE_SUBTESTS.flatMap((subtest) =>
      GENDERS.flatMap((gender) => PERCENTILE_BANDS.map((band) => ({ subtest, gender, band, count: 0 }))),
    ),
  };
}

export function analyseProfiles(profiles: Iterable<YouthProfile>): ProfileAnalysis {
  const analysis = emptyAnalysis();
  const holland = new Map(analysis.holland.map((h) => [hollandKey(h), h]));
  const aptitude = new Map(analysis.aptitude.map((a) => [aptitudeKey(a), a]));
  for (const profile of profiles) {
    analysis.youth++;
    const letter = (profile.hollandCode?.charAt(0) as RiasecLetter | undefined) ?? 'none';
    if (profile.hollandCode === null) analysis.withoutUsableProfile++;
    holland.get(hollandKey({ letter, gender: profile.gender }))!.count++;
    for (const subtest of APTITUDE_SUBTESTS) {
      const score = profile.aptitudes[subtest];
      if (score === undefined) continue;
      aptitude.get(aptitudeKey({ subtest, gender: profile.gender, band: bandOf(score.percentile) }))!.count++;
    }
  }
  return analysis;
}

export function mergeAnalyses(analyses: readonly ProfileAnalysis[]): ProfileAnalysis {
  const merged = emptyAnalysis();
  const holland = new Map(merged.holland.map((h) => [hollandKey(h), h]));
  const aptitude = new Map(merged.aptitude.map((a) => [aptitudeKey(a), a]));
  for (const a of analyses) {
    merged.youth += a.youth;
    merged.withoutUsableProfile += a.withoutUsableProfile;
    for (const h of a.holland) holland.get(hollandKey(h))!.count += h.count;
    for (const c of a.aptitude) aptitude.get(aptitudeKey(c))!.count += c.count;
  }
  return merged;
}

export interface VacancyLoad {
  vacancyId: string;
  title: string;
  ownerName: string;
  openings: number;
  /** Youth whose best recommended job is this vacancy. */
  topPicks: number;
}

/**
 * How crowded open vacancies are: youth whose best job it is, per opening, most crowded first.
 * Headlines of youth anywhere count (a youth may be matched into another district).
 */
export function vacancyLoad(
  vacancies: readonly OpportunityProfile[],
  headlines: Iterable<RecommendationHeadline>,
  limit: number,
): VacancyLoad[] {
  const picks = new Map<string, number>();
  for (const headline of headlines) {
    const id = headline.topJob?.opportunityId;
    if (id !== undefined) picks.set(id, (picks.get(id) ?? 0) + 1);
  }
  return vacancies
    .filter((v) => v.kind === 'job')
    .map((v) => ({
      vacancyId: v.id,
      title: v.title,
      ownerName: v.ownerName,
      openings: v.capacity,
      topPicks: picks.get(v.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.topPicks / Math.max(1, b.openings) - a.topPicks / Math.max(1, a.openings) ||
        b.topPicks - a.topPicks ||
        (a.vacancyId < b.vacancyId ? -1 : 1),
    )
    .slice(0, limit);
}

export interface GenderRequirementItem {
  vacancyId: string;
  title: string;
  ownerName: string;
  genderRequirement: string;
}

/** Open vacancies that state a gender requirement: for programme review, never used to exclude. */
export function genderRequirementReview(vacancies: readonly OpportunityProfile[]): GenderRequirementItem[] {
  return vacancies
    .filter((v) => v.kind === 'job' && v.genderRequirement !== undefined && v.genderRequirement !== 'any')
    .map((v) => ({
      vacancyId: v.id,
      title: v.title,
      ownerName: v.ownerName,
      genderRequirement: v.genderRequirement as string,
    }));
}
