/**
 * The blocked scoring kernel. For a block of youth and a chunk of opportunities it applies the hard
 * constraints, scores what passes and keeps the best K per youth in a small min-heap of integer keys.
 *
 * A key packs the score (fixed point, 4 decimals) with the opportunity's position in id order, so
 * one comparison implements "higher score first, then opportunity id ascending".
 */
import { congruenceFromCosine } from './components.ts';
import { type OpportunitySet, SUBTESTS, type YouthSet } from './prepare.ts';

export interface KernelSettings {
  /** Weights already multiplied by the fixed-point scale. */
  weightUnits: { interest: number; aptitude: number; skills: number; reach: number };
  keep: number;
  /** Pathway candidates kept per youth (0 = none) and what makes a job one. */
  pathwayKeep: number;
  pathwayMinInterest: number;
  pathwayMaxSkillsOverlap: number;
  /** Share of the reach component kept when accessibility for one of the youth's needs is unknown. */
  unconfirmedAccessReach: number;
}

/** Top-K keys per youth, each youth's heap in its own slice of one array. */
export interface TopK {
  k: number;
  keys: Float64Array;
  sizes: Int32Array;
}

export function createTopK(youthCount: number, k: number): TopK {
  return { k, keys: new Float64Array(youthCount * k), sizes: new Int32Array(youthCount) };
}

export function clearTopK(top: TopK): void {
  top.sizes.fill(0);
}

function heapPush(top: TopK, youth: number, key: number): void {
  const k = top.k;
  if (k === 0) return;
  const base = youth * k;
  const keys = top.keys;
  let size = top.sizes[youth]!;
  if (size < k) {
    let i = size;
    keys[base + i] = key;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[base + parent]! <= key) break;
      keys[base + i] = keys[base + parent]!;
      keys[base + parent] = key;
      i = parent;
    }
    top.sizes[youth] = ++size;
    return;
  }
  if (key <= keys[base]!) return;
  let i = 0;
  keys[base] = key;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= k) break;
    const right = left + 1;
    let smallest = left;
    if (right < k && keys[base + right]! < keys[base + left]!) smallest = right;
    if (keys[base + smallest]! >= key) break;
    keys[base + i] = keys[base + smallest]!;
    keys[base + smallest] = key;
    i = smallest;
  }
}

/** The kept keys of one youth, best first. */
export function sortedKeys(top: TopK, youth: number): number[] {
  const base = youth * top.k;
  return Array.from(top.keys.subarray(base, base + top.sizes[youth]!)).sort((a, b) => b - a);
}

export function decodeKey(key: number, n: number): { index: number; scoreUnits: number } {
  const slot = key % n;
  return { index: n - 1 - slot, scoreUnits: (key - slot) / n };
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const YOUTH_BLOCK = 64;
const OPPORTUNITY_CHUNK = 512;

/**
 * Scores youth `from`..`to` (exclusive) against every opportunity of one set; heap slot `y - from`
 * belongs to youth `y`. `pathways` (jobs only) receives jobs the youth would want but cannot take
 * only for education, or can take with too few of the skills.
 */
export function runKernel(
  youth: YouthSet,
  from: number,
  to: number,
  set: OpportunitySet,
  districtCount: number,
  skillWords: number,
  settings: KernelSettings,
  top: TopK,
  pathways: TopK | null,
  /** When given, counts per opportunity the youth for whom it is feasible (every hard constraint). */
  feasible?: Int32Array,
  /**
   * When given, keeps per opportunity the best feasible youth: heap slot = opportunity position,
   * key = score units * youth count + (youth count - 1 - youth position).
   */
  bestYouth?: TopK,
): void {
  const n = set.n;
  const { interest: wI, aptitude: wA, skills: wS, reach: wR } = settings.weightUnits;
  const wantPathways = pathways !== null && settings.pathwayKeep > 0;
  const minInterest = settings.pathwayMinInterest;
  const maxOverlap = settings.pathwayMaxSkillsOverlap;
  const { unit: oUnit, aptitudeWeight: oApt, district, minAge, maxAge, accessMask, blockMask } = set;
  const unconfirmedReach = settings.unconfirmedAccessReach;
  const { skillBits: oBits, skillCount, skillBase, skillSlope, educationRank: oEdu } = set;
  const { unit: yUnit, aptitudeStrength: yStrength, skillBits: yBits, reach: yReach } = youth;

  for (let start = from; start < to; start += YOUTH_BLOCK) {
    const end = Math.min(to, start + YOUTH_BLOCK);
    for (let chunk = 0; chunk < n; chunk += OPPORTUNITY_CHUNK) {
      const chunkEnd = Math.min(n, chunk + OPPORTUNITY_CHUNK);
      for (let y = start; y < end; y++) {
        const age = youth.age[y]!;
        const edu = youth.educationRank[y]!;
        const need = youth.needMask[y]!;
        const reachRow = y * districtCount;
        const u0 = yUnit[y * 6]!;
        const u1 = yUnit[y * 6 + 1]!;
        const u2 = yUnit[y * 6 + 2]!;
        const u3 = yUnit[y * 6 + 3]!;
        const u4 = yUnit[y * 6 + 4]!;
        const u5 = yUnit[y * 6 + 5]!;
        const fit = y * SUBTESTS;
        const bitsBase = y * skillWords;
        const slot = y - from;
        for (let o = chunk; o < chunkEnd; o++) {
          // Reach first: it is the constraint that removes the most pairs.
          const reach = yReach[reachRow + district[o]!]!;
          if (reach < 0) continue;
          if (age < minAge[o]! || age > maxAge[o]!) continue;
          if ((need & blockMask[o]!) !== 0) continue;
          const educationMet = edu >= oEdu[o]!;
          if (feasible !== undefined && educationMet) feasible[o]!++;
          if (!educationMet && !wantPathways) continue;

          const ou = o * 6;
          const dot =
            u0 * oUnit[ou]! +
            u1 * oUnit[ou + 1]! +
            u2 * oUnit[ou + 2]! +
            u3 * oUnit[ou + 3]! +
            u4 * oUnit[ou + 4]! +
            u5 * oUnit[ou + 5]!;
          const interest = congruenceFromCosine(dot);
          const wanted = wantPathways && interest >= minInterest;
          if (!educationMet && !wanted) continue;
          const count = skillCount[o]!;
          let shared = 0;
          if (count > 0) {
            const ob = o * skillWords;
            for (let w = 0; w < skillWords; w++) {
              const both = oBits[ob + w]! & yBits[bitsBase + w]!;
              if (both !== 0) shared += popcount(both);
            }
          }
          const pathwayCandidate = wanted && (!educationMet || shared < maxOverlap * count);

          const oa = o * SUBTESTS;
          const aptitude =
            oApt[oa]! * yStrength[fit]! +
            oApt[oa + 1]! * yStrength[fit + 1]! +
            oApt[oa + 2]! * yStrength[fit + 2]! +
            oApt[oa + 3]! * yStrength[fit + 3]! +
            oApt[oa + 4]! * yStrength[fit + 4]! +
            oApt[oa + 5]! * yStrength[fit + 5]!;
          const skills = skillBase[o]! + skillSlope[o]! * shared;
          const units =
            Math.round(wI * interest) +
            Math.round(wA * Math.min(aptitude, 1)) +
            Math.round(wS * skills) +
            Math.round(wR * ((need & ~accessMask[o]!) !== 0 ? reach * unconfirmedReach : reach));
          const key = units * n + (n - 1 - o);
          if (educationMet) heapPush(top, slot, key);
          if (bestYouth !== undefined && educationMet)
            heapPush(bestYouth, o, units * youth.n + (youth.n - 1 - y));
          if (pathwayCandidate) heapPush(pathways!, slot, key);
        }
      }
    }
  }
}
