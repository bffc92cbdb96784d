/**
 * Structure-of-arrays views of youth and opportunities: everything the kernel reads per pair is a
 * number in a typed array, indexed by position, so the hot loop touches no objects.
 */
import { ageOn, dayNumber, type IsoDate } from '../domain/calendar.ts';
import { accommodationNeeds, domainsToMask } from '../domain/disability.ts';
import { educationRank } from '../domain/education.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import { APTITUDE_SUBTESTS } from '../domain/records.ts';
import type { DistanceLookup } from '../domain/reference.ts';
import {
  aptitudeWeights,
  centredUnit,
  jobSkillsOverlap,
  reachScore,
  subtestStrength,
  trainingSkillsNovelty,
} from './components.ts';
import type { MatchConfig } from './config.ts';
import type { DistanceMatrix } from './types.ts';

export const SUBTESTS = APTITUDE_SUBTESTS.length;
export const JOB_ZONES = 5;
const NO_AGE_LIMIT_MIN = 0;
const NO_AGE_LIMIT_MAX = 200;

/** District codes to dense indices, with road distances between them (NaN when unknown). */
export interface DistrictIndex {
  codes: string[];
  index: Map<string, number>;
  roadKm: Float64Array;
}

/** Skill ids to bit positions, built from the skills the opportunities mention. */
export interface SkillIndex {
  ids: string[];
  index: Map<string, number>;
  words: number;
}

export interface OpportunitySet {
  /** Open opportunities with capacity, sorted by id: position order is the tie-break order. */
  items: OpportunityProfile[];
  n: number;
  unit: Float64Array;
  aptitudeWeight: Float64Array;
  jobZone: Uint8Array;
  district: Int32Array;
  educationRank: Uint8Array;
  minAge: Int16Array;
  maxAge: Int16Array;
  /** Needs stated accessible or adjustable; needs stated not accessible (hard). */
  accessMask: Uint8Array;
  blockMask: Uint8Array;
  skillBits: Uint32Array;
  skillCount: Uint16Array;
  /** Skills component = skillBase + skillSlope * (skills the youth has among the opportunity's). */
  skillBase: Float64Array;
  skillSlope: Float64Array;
}

export interface YouthSet {
  items: YouthProfile[];
  n: number;
  age: Int16Array;
  educationRank: Uint8Array;
  needMask: Uint8Array;
  district: Int32Array;
  unit: Float64Array;
  /** Per youth, per subtest: the subtest's strength (percentile / 100; 0.5 when not assessed). */
  aptitudeStrength: Float64Array;
  skillBits: Uint32Array;
  /** Per youth, per district: reach score, or -1 when the district is out of reach. */
  reach: Float64Array;
}

/** Everything the kernel reads: prepared opportunities with the youth to match against them. */
export type Prepared = Omit<PreparedOpportunities, 'source'> & { youth: YouthSet };

function isMatrix(distance: DistanceLookup | DistanceMatrix): distance is DistanceMatrix {
  return typeof distance === 'object';
}

/** Turns either form of the distance input into one lookup. */
export function distanceLookup(distance: DistanceLookup | DistanceMatrix): DistanceLookup {
  if (!isMatrix(distance)) return distance;
  const n = distance.codes.length;
  const position = new Map(distance.codes.map((code, i) => [code, i]));
  const km = distance.km;
  const rows = n > 0 && typeof km[0] !== 'number';
  return (from, to) => {
    const i = position.get(from);
    const j = position.get(to);
    if (i === undefined || j === undefined) return undefined;
    const value = rows
      ? (km as ReadonlyArray<ArrayLike<number>>)[i]?.[j]
      : (km as ArrayLike<number>)[i * n + j];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
}

export function buildDistrictIndex(
  codes: Iterable<string>,
  distance: DistanceLookup | DistanceMatrix,
  roadFactor: number,
): DistrictIndex {
  const sorted = [...new Set(codes)].sort();
  const lookup = distanceLookup(distance);
  const d = sorted.length;
  const roadKm = new Float64Array(d * d).fill(Number.NaN);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      // Two places in the same district are "home": capital-to-capital distance says nothing finer.
      const km = i === j ? 0 : lookup(sorted[i]!, sorted[j]!);
      if (km !== undefined) roadKm[i * d + j] = km * roadFactor;
    }
  }
  return { codes: sorted, index: new Map(sorted.map((code, i) => [code, i])), roadKm };
}

export function buildSkillIndex(opportunities: readonly OpportunityProfile[]): SkillIndex {
  const ids = [...new Set(opportunities.flatMap((o) => o.skills))].sort();
  return { ids, index: new Map(ids.map((id, i) => [id, i])), words: Math.max(1, Math.ceil(ids.length / 32)) };
}

function setBits(target: Uint32Array, offset: number, skills: readonly string[], index: SkillIndex): number {
  let count = 0;
  for (const skill of skills) {
    const bit = index.index.get(skill);
    if (bit === undefined) continue;
    const word = offset + (bit >>> 5);
    const mask = 1 << (bit & 31);
    if ((target[word]! & mask) === 0) count++;
    target[word]! |= mask;
  }
  return count;
}

export function isOpen(opportunity: OpportunityProfile, asOfDay: number): boolean {
  return opportunity.capacity > 0 && dayNumber(opportunity.deadline) >= asOfDay;
}

export function buildOpportunitySet(
  opportunities: readonly OpportunityProfile[],
  asOf: IsoDate,
  config: MatchConfig,
  districts: DistrictIndex,
  skills: SkillIndex,
): OpportunitySet {
  const asOfDay = dayNumber(asOf);
  const items = opportunities
    .filter((o) => isOpen(o, asOfDay))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = items.length;
  const set: OpportunitySet = {
    items,
    n,
    unit: new Float64Array(n * 6),
    aptitudeWeight: new Float64Array(n * SUBTESTS),
    jobZone: new Uint8Array(n),
    district: new Int32Array(n),
    educationRank: new Uint8Array(n),
    minAge: new Int16Array(n),
    maxAge: new Int16Array(n),
    accessMask: new Uint8Array(n),
    blockMask: new Uint8Array(n),
    skillBits: new Uint32Array(n * skills.words),
    skillCount: new Uint16Array(n),
    skillBase: new Float64Array(n),
    skillSlope: new Float64Array(n),
  };
  items.forEach((o, i) => {
    const shapeless = o.riasecSource === 'unknown';
    set.unit.set(shapeless ? new Float64Array(6) : centredUnit(o.riasec), i * 6);
    set.aptitudeWeight.set(aptitudeWeights(o.riasec, config.aptitudeRelevance), i * SUBTESTS);
    set.jobZone[i] = Math.min(JOB_ZONES, Math.max(1, Math.round(o.jobZone)));
    set.district[i] = districts.index.get(o.district)!;
    set.educationRank[i] = educationRank(o.minEducation);
    set.minAge[i] = o.minAge ?? NO_AGE_LIMIT_MIN;
    set.maxAge[i] = o.maxAge ?? NO_AGE_LIMIT_MAX;
    set.blockMask[i] = domainsToMask(o.notAccessibleFor ?? []);
    // Not accessible wins over a contradictory accessible or adjustable for the same need.
    set.accessMask[i] = domainsToMask([...o.accessibleFor, ...(o.adjustableFor ?? [])]) & ~set.blockMask[i]!;
    const count = setBits(set.skillBits, i * skills.words, o.skills, skills);
    set.skillCount[i] = count;
    // Both skills formulas are linear in the number of shared skills; see components.ts.
    if (o.kind === 'job') {
      set.skillBase[i] = jobSkillsOverlap(0, count);
      set.skillSlope[i] = count === 0 ? 0 : jobSkillsOverlap(1, count);
    } else {
      set.skillBase[i] = trainingSkillsNovelty(0, count);
      set.skillSlope[i] = count === 0 ? 0 : trainingSkillsNovelty(1, count) - 1;
    }
  });
  return set;
}

export function youthMaxCommuteKm(youth: YouthProfile, config: MatchConfig): number {
  return youth.preferences.maxCommuteKm ?? config.reach.defaultMaxCommuteKm;
}

export function buildYouthSet(
  youth: readonly YouthProfile[],
  asOf: IsoDate,
  config: MatchConfig,
  districts: DistrictIndex,
  skills: SkillIndex,
): YouthSet {
  const n = youth.length;
  const d = districts.codes.length;
  const set: YouthSet = {
    items: [...youth],
    n,
    age: new Int16Array(n),
    educationRank: new Uint8Array(n),
    needMask: new Uint8Array(n),
    district: new Int32Array(n),
    unit: new Float64Array(n * 6),
    aptitudeStrength: new Float64Array(n * SUBTESTS),
    skillBits: new Uint32Array(n * skills.words),
    reach: new Float64Array(n * d),
  };
  youth.forEach((y, i) => {
    set.age[i] = ageOn(y.birthDate, asOf);
    set.educationRank[i] = educationRank(y.education);
    set.needMask[i] = domainsToMask(accommodationNeeds(y.disability));
    const home = districts.index.get(y.district)!;
    set.district[i] = home;
    if (y.interestProfile) set.unit.set(centredUnit(y.interestProfile), i * 6);
    APTITUDE_SUBTESTS.forEach((subtest, s) => {
      set.aptitudeStrength[i * SUBTESTS + s] = subtestStrength(y.aptitudes[subtest]?.percentile);
    });
    setBits(set.skillBits, i * skills.words, y.skills, skills);
    const maxKm = youthMaxCommuteKm(y, config);
    const relocate = y.preferences.willingToRelocate === true;
    for (let j = 0; j < d; j++) {
      const km = districts.roadKm[home * d + j]!;
      const reach = reachScore(Number.isNaN(km) ? undefined : km, maxKm, relocate, config.reach);
      set.reach[i * d + j] = reach ?? -1;
    }
  });
  return set;
}

export function expectedPercentile(config: MatchConfig, jobZone: number): number {
  const zone = String(Math.min(JOB_ZONES, Math.max(1, Math.round(jobZone)))) as '1' | '2' | '3' | '4' | '5';
  return config.expectedPercentileByJobZone[zone];
}

/**
 * The opportunity side of the prepared arrays, built once and matched against youth from any of the
 * districts it indexes: a rematch of every district prepares its 6,000 opportunities once, not once
 * a district.
 */
export interface PreparedOpportunities {
  districts: DistrictIndex;
  skills: SkillIndex;
  jobs: OpportunitySet;
  trainings: OpportunitySet;
  /** Per district of the index: 1 when an open job or training offer is there. */
  openIn: Uint8Array;
  /** What the arrays were built from and for; youth from elsewhere, or another day, rebuild them. */
  source: {
    opportunities: readonly OpportunityProfile[];
    asOf: IsoDate;
    config: MatchConfig;
    distance: DistanceLookup | DistanceMatrix;
  };
}

export function prepareOpportunities(
  opportunities: readonly OpportunityProfile[],
  asOf: IsoDate,
  config: MatchConfig,
  distance: DistanceLookup | DistanceMatrix,
  /** Home districts of the youth to be matched; the index covers them and the opportunities'. */
  youthDistricts: Iterable<string>,
): PreparedOpportunities {
  const districts = buildDistrictIndex(
    [...youthDistricts, ...opportunities.map((o) => o.district)],
    distance,
    config.reach.roadFactor,
  );
  const skills = buildSkillIndex(opportunities);
  const ofKind = (kind: OpportunityProfile['kind']) =>
    buildOpportunitySet(
      opportunities.filter((o) => o.kind === kind),
      asOf,
      config,
      districts,
      skills,
    );
  const jobs = ofKind('job');
  const trainings = ofKind('training');
  const openIn = new Uint8Array(districts.codes.length);
  for (const set of [jobs, trainings]) for (const d of set.district) openIn[d] = 1;
  return { districts, skills, jobs, trainings, openIn, source: { opportunities, asOf, config, distance } };
}

/** Whether prepared opportunities can be matched against these youth as they are. */
function fits(
  prepared: PreparedOpportunities,
  youth: readonly YouthProfile[],
  asOf: IsoDate,
  config: MatchConfig,
  distance: DistanceLookup | DistanceMatrix,
): boolean {
  return (
    prepared.source.asOf === asOf &&
    prepared.source.config === config &&
    prepared.source.distance === distance &&
    youth.every((y) => prepared.districts.index.has(y.district))
  );
}

/** The youth's arrays beside prepared opportunities, whose district index must hold their districts. */
function withYouth(
  prepared: PreparedOpportunities,
  youth: readonly YouthProfile[],
  asOf: IsoDate,
  config: MatchConfig,
): Prepared {
  const { source: _, ...opportunities } = prepared;
  return { ...opportunities, youth: buildYouthSet(youth, asOf, config, prepared.districts, prepared.skills) };
}

export function prepare(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[] | PreparedOpportunities,
  asOf: IsoDate,
  config: MatchConfig,
  distance: DistanceLookup | DistanceMatrix,
): Prepared {
  if (!Array.isArray(opportunities)) {
    const prepared = opportunities as PreparedOpportunities;
    if (fits(prepared, youth, asOf, config, distance)) return withYouth(prepared, youth, asOf, config);
    return prepare(youth, prepared.source.opportunities, asOf, config, distance);
  }
  const prepared = prepareOpportunities(
    opportunities as readonly OpportunityProfile[],
    asOf,
    config,
    distance,
    youth.map((y) => y.district),
  );
  return withYouth(prepared, youth, asOf, config);
}
