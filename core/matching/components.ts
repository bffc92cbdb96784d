/**
 * The four score components, each in 0..1, as small scalar functions. The blocked kernel inlines
 * the same arithmetic over typed arrays; docs/matching.md states the formulas.
 */
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '../domain/records.ts';
import { RIASEC, type RiasecLetter } from '../domain/riasec.ts';
import type { AptitudeRelevance } from './config.ts';

const FLAT = 1e-9;

/**
 * Centres a RIASEC profile on its own mean and scales it to unit length, so only its shape counts.
 * A flat profile has no shape and becomes the zero vector, whose congruence with anything is 0.5.
 */
export function centredUnit(profile: ArrayLike<number>): Float64Array {
  let mean = 0;
  for (let i = 0; i < 6; i++) mean += profile[i]!;
  mean /= 6;
  const out = new Float64Array(6);
  let norm = 0;
  for (let i = 0; i < 6; i++) {
    const c = profile[i]! - mean;
    out[i] = c;
    norm += c * c;
  }
  norm = Math.sqrt(norm);
  if (norm < FLAT) return new Float64Array(6);
  for (let i = 0; i < 6; i++) out[i]! /= norm;
  return out;
}

export function isShapeless(unit: Float64Array): boolean {
  for (let i = 0; i < 6; i++) if (unit[i] !== 0) return false;
  return true;
}

/**
 * Congruence from the cosine of two centred profiles: one minus the angle between them over pi, so
 * 1 = same shape, 0.5 = unrelated (and the neutral value of a shapeless profile), 0 = opposite.
 * Linear in the angle, it keeps near-identical shapes apart: cosines 0.99 and 0.90 become 0.955 and
 * 0.856, where (1 + cosine) / 2 gave 0.995 and 0.950.
 */
export function congruenceFromCosine(cosine: number): number {
  return 1 - Math.acos(Math.max(-1, Math.min(cosine, 1))) / Math.PI;
}

/** Interest congruence of two centred unit profiles (see `congruenceFromCosine`). */
export function interestCongruence(youthUnit: ArrayLike<number>, opportunityUnit: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < 6; i++) dot += youthUnit[i]! * opportunityUnit[i]!;
  return congruenceFromCosine(dot);
}

/**
 * How much each aptitude subtest matters for an opportunity: each letter above the profile's mean
 * lends its excess to its relevant subtests (split evenly). A shapeless profile weighs all subtests
 * alike. Weights sum to 1, in APTITUDE_SUBTESTS order.
 */
export function aptitudeWeights(riasec: ArrayLike<number>, relevance: AptitudeRelevance): Float64Array {
  let mean = 0;
  for (let i = 0; i < 6; i++) mean += riasec[i]!;
  mean /= 6;
  const weights = new Float64Array(APTITUDE_SUBTESTS.length);
  let total = 0;
  RIASEC.forEach((letter: RiasecLetter, i) => {
    const excess = riasec[i]! - mean;
    if (excess <= FLAT) return;
    const subtests = relevance[letter];
    for (const subtest of subtests) {
      weights[APTITUDE_SUBTESTS.indexOf(subtest)]! += excess / subtests.length;
    }
    total += excess;
  });
  if (total <= FLAT) return weights.fill(1 / APTITUDE_SUBTESTS.length);
  for (let s = 0; s < weights.length; s++) weights[s]! /= total;
  return weights;
}

/** A subtest's strength: its percentile as a share (0..1); a subtest not assessed is the median, 0.5. */
export function subtestStrength(percentile: number | undefined): number {
  return percentile === undefined ? 0.5 : Math.max(0, Math.min(percentile, 100)) / 100;
}

/**
 * Aptitude fit: the youth's strength in the subtests the opportunity demands, weighted by the demand
 * (`aptitudeWeights`). The weights sum to 1, so a youth at the same percentile in every subtest gets
 * that percentile for every opportunity: aptitudes that carry no shape reorder nothing.
 */
export function aptitudeFit(
  percentiles: Partial<Record<AptitudeSubtest, { percentile: number }>>,
  weights: Float64Array,
): number {
  let fit = 0;
  APTITUDE_SUBTESTS.forEach((subtest, s) => {
    fit += weights[s]! * subtestStrength(percentiles[subtest]?.percentile);
  });
  return clamp01(fit);
}

/** Jobs: share of required skills the youth has; nothing required is a full match. */
export function jobSkillsOverlap(has: number, required: number): number {
  return required === 0 ? 1 : has / required;
}

/**
 * Trainings exist to teach what the youth lacks, so lacking a taught skill is never a shortfall.
 * What lowers the component is redundancy: 1 when every taught skill is new, down to 0.5 when the
 * youth already has all of them.
 */
export function trainingSkillsNovelty(alreadyHas: number, taught: number): number {
  return taught === 0 ? 1 : 1 - (0.5 * alreadyHas) / taught;
}

export interface ReachSettings {
  floorAtLimit: number;
  relocationScore: number;
}

/**
 * Reach of an opportunity `roadKm` away for a youth who commutes at most `maxKm`: 1 at home,
 * linear down to the floor at the limit; beyond it only a relocation score, or null (unreachable).
 */
export function reachScore(
  roadKm: number | undefined,
  maxKm: number,
  willingToRelocate: boolean,
  settings: ReachSettings,
): number | null {
  if (roadKm !== undefined && roadKm <= maxKm + 1e-9) {
    return maxKm <= 0 ? 1 : 1 - ((1 - settings.floorAtLimit) * Math.min(roadKm, maxKm)) / maxKm;
  }
  return willingToRelocate ? settings.relocationScore : null;
}

/** Top three letters of a profile, ties broken in RIASEC order. */
export function topLetters(profile: ArrayLike<number>, count = 3): RiasecLetter[] {
  return RIASEC.map((letter, i) => ({ letter, value: profile[i]!, i }))
    .sort((a, b) => b.value - a.value || a.i - b.i)
    .slice(0, count)
    .map((entry) => entry.letter);
}

/**
 * The letters that characterise a profile: its top three, keeping only those above its own mean,
 * so a profile with one clear peak shares only that letter.
 */
export function characteristicLetters(profile: ArrayLike<number>): RiasecLetter[] {
  let mean = 0;
  for (let i = 0; i < 6; i++) mean += profile[i]!;
  mean /= 6;
  return topLetters(profile).filter((letter) => profile[RIASEC.indexOf(letter)]! > mean + FLAT);
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(x, 1));
}

/** Fixed point with 4 decimals: the unit in which scores are compared and reported. */
export const SCORE_SCALE = 10_000;

export function toScoreUnits(weightedComponent: number): number {
  return Math.round(weightedComponent * SCORE_SCALE);
}

/** A value rounded to the score scale (4 decimals), as scores, shares and means are reported. */
export function round4(value: number): number {
  return toScoreUnits(value) / SCORE_SCALE;
}
