/**
 * A plain reference matcher for tests: every pair scored one by one from the documented formulas,
 * all feasible pairs sorted, the first K kept. Written independently of the typed-array engine so
 * the two can check each other; far too slow for programme scale.
 */
import { ageOn, dayNumber, type IsoDate } from '#core/domain/calendar';
import { accommodationNeeds } from '#core/domain/disability';
import { meetsEducation } from '#core/domain/education';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS } from '#core/domain/records';
import type { DistanceLookup } from '#core/domain/reference';
import { RIASEC } from '#core/domain/riasec';
import type { MatchConfig } from '#core/matching/config';
import { distanceLookup } from '#core/matching/prepare';
import type { DistanceMatrix, ScoreComponents } from '#core/matching/types';

export interface ReferenceRecommendation {
  opportunityId: string;
  score: number;
  components: ScoreComponents;
}

export interface ReferenceResult {
  youthId: string;
  jobs: ReferenceRecommendation[];
  trainings: ReferenceRecommendation[];
}

export interface ReferenceOptions {
  asOf: IsoDate;
  config: MatchConfig;
  distance: DistanceLookup | DistanceMatrix;
  limitJobs?: number;
  limitTrainings?: number;
}

function centred(values: readonly number[]): number[] | null {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const c = values.map((v) => v - mean);
  const norm = Math.sqrt(c.reduce((a, b) => a + b * b, 0));
  return norm < 1e-9 ? null : c.map((v) => v / norm);
}

function interest(youth: YouthProfile, opportunity: OpportunityProfile): number {
  if (!youth.interestProfile || opportunity.riasecSource === 'unknown') return 0.5;
  const a = centred([...youth.interestProfile]);
  const b = centred([...opportunity.riasec]);
  if (!a || !b) return 0.5;
  const cosine = a.reduce((sum, v, i) => sum + v * b[i]!, 0);
  return 1 - Math.acos(Math.min(1, Math.max(-1, cosine))) / Math.PI;
}

function aptitude(youth: YouthProfile, opportunity: OpportunityProfile, config: MatchConfig): number {
  const mean = opportunity.riasec.reduce((a, b) => a + b, 0) / 6;
  const weight: Record<string, number> = {};
  let total = 0;
  RIASEC.forEach((letter, i) => {
    const excess = opportunity.riasec[i]! - mean;
    if (excess <= 1e-9) return;
    total += excess;
    const relevant = config.aptitudeRelevance[letter];
    for (const subtest of relevant) weight[subtest] = (weight[subtest] ?? 0) + excess / relevant.length;
  });
  let fit = 0;
  for (const subtest of APTITUDE_SUBTESTS) {
    const w = total <= 1e-9 ? 1 / APTITUDE_SUBTESTS.length : (weight[subtest] ?? 0) / total;
    const score = youth.aptitudes[subtest];
    fit += w * (score ? score.percentile / 100 : 0.5);
  }
  return Math.min(1, fit);
}

function skills(youth: YouthProfile, opportunity: OpportunityProfile): number {
  const listed = [...new Set(opportunity.skills)];
  if (listed.length === 0) return 1;
  const has = listed.filter((s) => youth.skills.includes(s)).length;
  return opportunity.kind === 'job' ? has / listed.length : 1 - (0.5 * has) / listed.length;
}

function reach(
  youth: YouthProfile,
  opportunity: OpportunityProfile,
  config: MatchConfig,
  lookup: DistanceLookup,
): number | null {
  const straight = youth.district === opportunity.district ? 0 : lookup(youth.district, opportunity.district);
  const limit = youth.preferences.maxCommuteKm ?? config.reach.defaultMaxCommuteKm;
  if (straight !== undefined) {
    const road = straight * config.reach.roadFactor;
    if (road <= limit + 1e-9) {
      if (limit <= 0) return 1;
      return 1 - (1 - config.reach.floorAtLimit) * (Math.min(road, limit) / limit);
    }
  }
  return youth.preferences.willingToRelocate === true ? config.reach.relocationScore : null;
}

function feasible(youth: YouthProfile, opportunity: OpportunityProfile, asOf: IsoDate): boolean {
  if (opportunity.capacity <= 0) return false;
  if (dayNumber(opportunity.deadline) < dayNumber(asOf)) return false;
  const age = ageOn(youth.birthDate, asOf);
  if (opportunity.minAge !== undefined && age < opportunity.minAge) return false;
  if (opportunity.maxAge !== undefined && age > opportunity.maxAge) return false;
  if (!meetsEducation(youth.education, opportunity.minEducation)) return false;
  return !accommodationNeeds(youth.disability).some((need) => opportunity.notAccessibleFor?.includes(need));
}

/** A need that is neither stated accessible nor adjustable (and not excluded) costs part of reach. */
function accessUnconfirmed(youth: YouthProfile, opportunity: OpportunityProfile): boolean {
  return accommodationNeeds(youth.disability).some(
    (need) => !opportunity.accessibleFor.includes(need) && !opportunity.adjustableFor?.includes(need),
  );
}

function score(
  youth: YouthProfile,
  opportunity: OpportunityProfile,
  options: ReferenceOptions,
  lookup: DistanceLookup,
): ReferenceRecommendation | null {
  if (!feasible(youth, opportunity, options.asOf)) return null;
  const r = reach(youth, opportunity, options.config, lookup);
  if (r === null) return null;
  const w = options.config.weights;
  const units = (x: number) => Math.round(x * 10_000);
  const parts = {
    interest: units(w.interest * interest(youth, opportunity)),
    aptitude: units(w.aptitude * aptitude(youth, opportunity, options.config)),
    skills: units(w.skills * skills(youth, opportunity)),
    reach: units(
      w.reach *
        (accessUnconfirmed(youth, opportunity) ? r * (1 - options.config.accessibility.unconfirmedCost) : r),
    ),
  };
  return {
    opportunityId: opportunity.id,
    score: (parts.interest + parts.aptitude + parts.skills + parts.reach) / 10_000,
    components: {
      interest: parts.interest / 10_000,
      aptitude: parts.aptitude / 10_000,
      skills: parts.skills / 10_000,
      reach: parts.reach / 10_000,
    },
  };
}

function ranked(list: ReferenceRecommendation[], limit: number): ReferenceRecommendation[] {
  return list
    .sort((a, b) => b.score - a.score || (a.opportunityId < b.opportunityId ? -1 : 1))
    .slice(0, limit);
}

export function matchBruteForce(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: ReferenceOptions,
): ReferenceResult[] {
  const lookup = distanceLookup(options.distance);
  return youth.map((y) => {
    const jobs: ReferenceRecommendation[] = [];
    const trainings: ReferenceRecommendation[] = [];
    for (const o of opportunities) {
      const result = score(y, o, options, lookup);
      if (result) (o.kind === 'job' ? jobs : trainings).push(result);
    }
    return {
      youthId: y.youthId,
      jobs: ranked(jobs, options.limitJobs ?? options.config.topJobs),
      trainings: ranked(trainings, options.limitTrainings ?? options.config.topTrainings),
    };
  });
}
