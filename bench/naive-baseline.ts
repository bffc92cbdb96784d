/**
 * The naive way to compute the matching workload with ml-matrix, kept as the benchmark's yardstick:
 * full youth x opportunity matrices for every component (interest and aptitude as matrix
 * products), constraints as a full mask, then a full sort of every row. Youth are processed in
 * slices so the matrices fit the shared benchmark machine; each slice still spans every opportunity.
 */

import { Matrix } from 'ml-matrix';
import { ageOn, dayNumber } from '#core/domain/calendar';
import { accommodationNeeds } from '#core/domain/disability';
import { educationRank } from '#core/domain/education';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS } from '#core/domain/records';
import {
  aptitudeWeights,
  centredUnit,
  characteristicLetters,
  congruenceFromCosine,
  reachScore,
  subtestStrength,
} from '#core/matching/components';
import type { MatchConfig } from '#core/matching/config';
import { explainRecommendation } from '#core/matching/explain';
import { distanceLookup } from '#core/matching/prepare';
import type { DistanceMatrix, Recommendation } from '#core/matching/types';

export interface BaselineResult {
  youthId: string;
  jobs: Recommendation[];
  trainings: Recommendation[];
}

const SUBTESTS = APTITUDE_SUBTESTS.length;

function interestRows(youth: readonly YouthProfile[]): Matrix {
  return new Matrix(
    youth.map((y) => Array.from(y.interestProfile ? centredUnit(y.interestProfile) : new Float64Array(6))),
  );
}

function strengthRows(youth: readonly YouthProfile[]): Matrix {
  return new Matrix(
    youth.map((y) => APTITUDE_SUBTESTS.map((s) => subtestStrength(y.aptitudes[s]?.percentile))),
  );
}

/** One slice of youth against one kind of opportunity, every step over full matrices. */
function sliceTopK(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  k: number,
  config: MatchConfig,
  distance: DistanceMatrix,
  asOf: string,
): Recommendation[][] {
  const n = opportunities.length;
  const opportunityUnits = new Matrix(6, n);
  const demandWeights = new Matrix(SUBTESTS, n);
  opportunities.forEach((o, j) => {
    const unit = o.riasecSource === 'unknown' ? new Float64Array(6) : centredUnit(o.riasec);
    for (let i = 0; i < 6; i++) opportunityUnits.set(i, j, unit[i]!);
    const weights = aptitudeWeights(o.riasec, config.aptitudeRelevance);
    for (let s = 0; s < SUBTESTS; s++) demandWeights.set(s, j, weights[s]!);
  });

  const interest = interestRows(youth).mmul(opportunityUnits);
  for (let i = 0; i < interest.rows; i++) {
    for (let j = 0; j < n; j++) interest.set(i, j, congruenceFromCosine(interest.get(i, j)));
  }
  const aptitude = strengthRows(youth).mmul(demandWeights);

  const lookup = distanceLookup(distance);
  const asOfDay = dayNumber(asOf);
  const skills = new Matrix(youth.length, n);
  const reach = new Matrix(youth.length, n);
  const feasible = new Matrix(youth.length, n);
  youth.forEach((y, i) => {
    const has = new Set(y.skills);
    const age = ageOn(y.birthDate, asOf);
    const needs = accommodationNeeds(y.disability);
    const maxKm = y.preferences.maxCommuteKm ?? config.reach.defaultMaxCommuteKm;
    opportunities.forEach((o, j) => {
      const shared = o.skills.filter((s) => has.has(s)).length;
      const count = o.skills.length;
      skills.set(i, j, count === 0 ? 1 : o.kind === 'job' ? shared / count : 1 - (0.5 * shared) / count);
      const straight = y.district === o.district ? 0 : lookup(y.district, o.district);
      const r = reachScore(
        straight === undefined ? undefined : straight * config.reach.roadFactor,
        maxKm,
        y.preferences.willingToRelocate === true,
        config.reach,
      );
      const unconfirmed = needs.some(
        (need) => !o.accessibleFor.includes(need) && !o.adjustableFor?.includes(need),
      );
      reach.set(i, j, unconfirmed ? (r ?? 0) * (1 - config.accessibility.unconfirmedCost) : (r ?? 0));
      const ok =
        r !== null &&
        o.capacity > 0 &&
        dayNumber(o.deadline) >= asOfDay &&
        age >= (o.minAge ?? 0) &&
        age <= (o.maxAge ?? 200) &&
        educationRank(y.education) >= educationRank(o.minEducation) &&
        !needs.some((need) => o.notAccessibleFor?.includes(need));
      feasible.set(i, j, ok ? 1 : 0);
    });
  });

  const w = config.weights;
  const units = (m: Matrix, weight: number) =>
    m
      .clone()
      .mul(weight * 10_000)
      .round();
  const parts = {
    interest: units(interest, w.interest),
    aptitude: units(aptitude, w.aptitude),
    skills: units(skills, w.skills),
    reach: units(reach, w.reach),
  };
  const score = Matrix.add(parts.interest, parts.aptitude).add(parts.skills).add(parts.reach);

  return youth.map((y, i) => {
    const order = Array.from({ length: n }, (_, j) => j)
      .filter((j) => feasible.get(i, j) === 1)
      .sort(
        (a, b) => score.get(i, b) - score.get(i, a) || (opportunities[a]!.id < opportunities[b]!.id ? -1 : 1),
      );
    return order.slice(0, k).map((j) => {
      const o = opportunities[j]!;
      const components = {
        interest: parts.interest.get(i, j) / 10_000,
        aptitude: parts.aptitude.get(i, j) / 10_000,
        skills: parts.skills.get(i, j) / 10_000,
        reach: parts.reach.get(i, j) / 10_000,
      };
      return recommendation(y, o, score.get(i, j) / 10_000, components, interest.get(i, j), config, lookup);
    });
  });
}

function recommendation(
  y: YouthProfile,
  o: OpportunityProfile,
  score: number,
  components: Recommendation['components'],
  congruence: number,
  config: MatchConfig,
  lookup: ReturnType<typeof distanceLookup>,
): Recommendation {
  const letters = new Set<string>(characteristicLetters(o.riasec));
  const neutral = !y.interestProfile || o.riasecSource === 'unknown';
  const sharedHolland =
    neutral || !y.hollandCode ? [] : y.hollandCode.split('').filter((l) => letters.has(l));
  const missingSkills = o.skills.filter((s) => !y.skills.includes(s));
  const zone = String(Math.min(5, Math.max(1, Math.round(o.jobZone)))) as '1';
  const expected = config.expectedPercentileByJobZone[zone];
  const weights = aptitudeWeights(o.riasec, config.aptitudeRelevance);
  const aptitudeGaps = APTITUDE_SUBTESTS.flatMap((subtest, s) => {
    const p = y.aptitudes[subtest]?.percentile;
    return weights[s]! > 0 && p !== undefined && p < expected ? [{ subtest, percentile: p, expected }] : [];
  });
  const straight = y.district === o.district ? 0 : lookup(y.district, o.district);
  const distanceKm = straight === undefined ? null : Math.round(straight * config.reach.roadFactor * 10) / 10;
  const maxKm = y.preferences.maxCommuteKm ?? config.reach.defaultMaxCommuteKm;
  const relocation = distanceKm === null || distanceKm > maxKm;
  const explanation = explainRecommendation({
    kind: o.kind,
    hollandCode: y.hollandCode,
    interestCongruence: congruence,
    youthInterestNeutral: !y.interestProfile,
    opportunityInterestUnknown: o.riasecSource === 'unknown',
    sharedHolland,
    aptitudeGaps,
    aptitudeNotAssessed: APTITUDE_SUBTESTS.some((s, i) => weights[i]! > 0 && !y.aptitudes[s]),
    skillsRequired: o.skills.length,
    skillsShared: o.skills.length - missingSkills.length,
    missingSkills,
    distanceKm,
    maxCommuteKm: maxKm,
    relocation,
    score,
    components,
    genderReview: o.genderRequirement !== undefined && o.genderRequirement !== 'any',
  });
  return {
    opportunityId: o.id,
    kind: o.kind,
    title: o.title,
    ownerName: o.ownerName,
    score,
    components,
    sharedHolland,
    missingSkills,
    aptitudeGaps,
    distanceKm,
    flags: [],
    basis: {
      interestCongruence: Math.round(congruence * 10_000) / 10_000,
      skillsRequired: o.skills.length,
      skillsShared: o.skills.length - missingSkills.length,
    },
    explanation,
  };
}

export function* naiveMatch(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: { asOf: string; config: MatchConfig; distance: DistanceMatrix; sliceSize: number },
): Generator<BaselineResult[]> {
  const jobs = opportunities.filter((o) => o.kind === 'job');
  const trainings = opportunities.filter((o) => o.kind === 'training');
  const { asOf, config, distance } = options;
  for (let from = 0; from < youth.length; from += options.sliceSize) {
    const slice = youth.slice(from, from + options.sliceSize);
    const topJobs = sliceTopK(slice, jobs, config.topJobs, config, distance, asOf);
    const topTrainings = sliceTopK(slice, trainings, config.topTrainings, config, distance, asOf);
    yield slice.map((y, i) => ({ youthId: y.youthId, jobs: topJobs[i]!, trainings: topTrainings[i]! }));
  }
}
