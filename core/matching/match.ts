/**
 * The matching engine: prepares typed arrays, runs the blocked kernel for jobs and trainings,
 * then explains only what was kept and works out pathways for wanted jobs out of reach.
 */
import { isIsoDate } from '../domain/calendar.ts';
import { domainsToMask } from '../domain/disability.ts';
import { ValidationError } from '../domain/errors.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import { APTITUDE_SUBTESTS } from '../domain/records.ts';
import { type Allocation, allocate, type BestYouth, type CandidateLists } from './allocation.ts';
import {
  characteristicLetters,
  congruenceFromCosine,
  round4,
  SCORE_SCALE,
  toScoreUnits,
} from './components.ts';
import type { MatchConfig } from './config.ts';
import { explainRecommendationFacts, explainSet } from './explain.ts';
import {
  clearTopK,
  createTopK,
  decodeKey,
  type KernelSettings,
  popcount,
  runKernel,
  sortedKeys,
  type TopK,
} from './kernel.ts';
import {
  expectedPercentile,
  type OpportunitySet,
  type Prepared,
  type PreparedOpportunities,
  prepare,
  SUBTESTS,
  type YouthSet,
  youthMaxCommuteKm,
} from './prepare.ts';
import type {
  AptitudeGap,
  Candidate,
  CandidateOptions,
  MatchOptions,
  PathwayFacts,
  PathwayGap,
  PathwayTraining,
  RecommendationFacts,
  ScoreComponents,
  YouthBasis,
  YouthRecommendationFacts,
  YouthRecommendations,
} from './types.ts';

/** Everything known about one kept youth-opportunity pair, recomputed from the same arrays. */
interface PairDetail {
  feasible: boolean;
  educationMet: boolean;
  interestCongruence: number;
  skillsShared: number;
  score: number;
  components: ScoreComponents;
  sharedHolland: string[];
  missingSkills: string[];
  aptitudeGaps: AptitudeGap[];
  aptitudeNotAssessed: boolean;
  distanceKm: number | null;
  relocation: boolean;
  flags: string[];
}

interface Context {
  prepared: Prepared;
  config: MatchConfig;
  youthSkills: Set<string>[];
  letters: WeakMap<OpportunityProfile, Set<string>>;
  pathway: PathwayScratch;
}

/**
 * Per-training working arrays of `pathwayFor`, reused from one call to the next, so looking for
 * trainings allocates nothing per candidate: a youth has up to 40 candidate jobs, each with
 * hundreds of candidate trainings.
 */
interface PathwayScratch {
  /** `seen[t] === round` when training t is already a candidate in the current call. */
  seen: Uint32Array;
  round: number;
  /** Skills gap (or education gap) closed, and the training's own score units, by training. */
  closes: Float64Array;
  units: Float64Array;
  /** The job's skills the youth lacks, as bits. */
  missingBits: Uint32Array;
}

function pathwayScratch(prepared: Prepared): PathwayScratch {
  const n = prepared.trainings.n;
  return {
    seen: new Uint32Array(n),
    round: 0,
    closes: new Float64Array(n),
    units: new Float64Array(n),
    missingBits: new Uint32Array(prepared.skills.words),
  };
}

function checkAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) {
    throw new ValidationError([{ field: 'asOf', reason: `not a calendar date (YYYY-MM-DD): ${asOf}` }]);
  }
}

function isZero(values: Float64Array, offset: number): boolean {
  for (let i = 0; i < 6; i++) if (values[offset + i] !== 0) return false;
  return true;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Hard constraints and score of one pair, read from the same arrays the kernel reads. */
interface PairScore {
  feasible: boolean;
  educationMet: boolean;
  reach: number;
  interestCongruence: number;
  skillsShared: number;
  score: number;
  components: ScoreComponents;
}

/** The hard constraints alone, without allocating: used to sift pathway trainings. */
function isFeasible(ctx: Context, y: number, set: OpportunitySet, o: number): boolean {
  const youthSet = ctx.prepared.youth;
  const age = youthSet.age[y]!;
  return (
    youthSet.reach[y * ctx.prepared.districts.codes.length + set.district[o]!]! >= 0 &&
    youthSet.educationRank[y]! >= set.educationRank[o]! &&
    age >= set.minAge[o]! &&
    age <= set.maxAge[o]! &&
    (youthSet.needMask[y]! & set.blockMask[o]!) === 0
  );
}

/** A need of the youth for which the opportunity states neither accessible nor adjustable. */
function accessUnconfirmed(ctx: Context, y: number, set: OpportunitySet, o: number): boolean {
  return (ctx.prepared.youth.needMask[y]! & ~set.accessMask[o]!) !== 0;
}

/** The reach component before weighting: reach, less the unconfirmed-accessibility cost. */
function reachShare(ctx: Context, y: number, set: OpportunitySet, o: number): number {
  const reach = Math.max(0, reachOf(ctx, y, set, o));
  return accessUnconfirmed(ctx, y, set, o) ? reach * (1 - ctx.config.accessibility.unconfirmedCost) : reach;
}

function interestOf(youthSet: YouthSet, y: number, set: OpportunitySet, o: number): number {
  let dot = 0;
  for (let i = 0; i < 6; i++) dot += youthSet.unit[y * 6 + i]! * set.unit[o * 6 + i]!;
  return congruenceFromCosine(dot);
}

function aptitudeOf(youthSet: YouthSet, y: number, set: OpportunitySet, o: number): number {
  let aptitude = 0;
  for (let s = 0; s < SUBTESTS; s++) {
    aptitude += set.aptitudeWeight[o * SUBTESTS + s]! * youthSet.aptitudeStrength[y * SUBTESTS + s]!;
  }
  return Math.min(1, aptitude);
}

function sharedSkillsOf(ctx: Context, y: number, set: OpportunitySet, o: number): number {
  const words = ctx.prepared.skills.words;
  const youthBits = ctx.prepared.youth.skillBits;
  let shared = 0;
  for (let w = 0; w < words; w++)
    shared += popcount(set.skillBits[o * words + w]! & youthBits[y * words + w]!);
  return shared;
}

function reachOf(ctx: Context, y: number, set: OpportunitySet, o: number): number {
  return ctx.prepared.youth.reach[y * ctx.prepared.districts.codes.length + set.district[o]!]!;
}

/** The score of a pair in fixed-point units, without allocating. */
function pairUnits(ctx: Context, y: number, set: OpportunitySet, o: number): number {
  const w = ctx.config.weights;
  const youthSet = ctx.prepared.youth;
  const skills = set.skillBase[o]! + set.skillSlope[o]! * sharedSkillsOf(ctx, y, set, o);
  return (
    toScoreUnits(w.interest * interestOf(youthSet, y, set, o)) +
    toScoreUnits(w.aptitude * aptitudeOf(youthSet, y, set, o)) +
    toScoreUnits(w.skills * skills) +
    toScoreUnits(w.reach * reachShare(ctx, y, set, o))
  );
}

function pairScore(ctx: Context, y: number, set: OpportunitySet, o: number): PairScore {
  const youthSet = ctx.prepared.youth;
  const reach = reachOf(ctx, y, set, o);
  const educationMet = youthSet.educationRank[y]! >= set.educationRank[o]!;
  const feasible = isFeasible(ctx, y, set, o);
  const interest = interestOf(youthSet, y, set, o);
  const aptitude = aptitudeOf(youthSet, y, set, o);
  const shared = sharedSkillsOf(ctx, y, set, o);
  const skills = set.skillBase[o]! + set.skillSlope[o]! * shared;
  const w = ctx.config.weights;
  const units = {
    interest: toScoreUnits(w.interest * interest),
    aptitude: toScoreUnits(w.aptitude * aptitude),
    skills: toScoreUnits(w.skills * skills),
    reach: toScoreUnits(w.reach * reachShare(ctx, y, set, o)),
  };
  return {
    feasible,
    educationMet,
    reach,
    interestCongruence: interest,
    skillsShared: shared,
    score: (units.interest + units.aptitude + units.skills + units.reach) / SCORE_SCALE,
    components: {
      interest: units.interest / SCORE_SCALE,
      aptitude: units.aptitude / SCORE_SCALE,
      skills: units.skills / SCORE_SCALE,
      reach: units.reach / SCORE_SCALE,
    },
  };
}

function roadKm(ctx: Context, y: number, set: OpportunitySet, o: number): number | null {
  const { districts, youth } = ctx.prepared;
  const km = districts.roadKm[youth.district[y]! * districts.codes.length + set.district[o]!]!;
  return Number.isNaN(km) ? null : km;
}

function opportunityLetters(ctx: Context, opportunity: OpportunityProfile): Set<string> {
  let letters = ctx.letters.get(opportunity);
  if (!letters) {
    letters = new Set<string>(characteristicLetters(opportunity.riasec));
    ctx.letters.set(opportunity, letters);
  }
  return letters;
}

function pairDetail(ctx: Context, y: number, set: OpportunitySet, o: number): PairDetail {
  const { prepared, config } = ctx;
  const youthSet = prepared.youth;
  const youth = youthSet.items[y]!;
  const opportunity = set.items[o]!;
  const { feasible, educationMet, reach, interestCongruence, skillsShared, score, components } = pairScore(
    ctx,
    y,
    set,
    o,
  );
  const zone = set.jobZone[o]!;

  const youthNeutral = isZero(youthSet.unit, y * 6);
  const opportunityUnknown = opportunity.riasecSource === 'unknown' || isZero(set.unit, o * 6);
  const letters = opportunityLetters(ctx, opportunity);
  const sharedHolland =
    youthNeutral || opportunityUnknown || !youth.hollandCode
      ? []
      : youth.hollandCode.split('').filter((letter) => letters.has(letter));

  const youthSkills = ctx.youthSkills[y]!;
  const missingSkills = opportunity.skills.filter((skill) => !youthSkills.has(skill));

  const expected = expectedPercentile(config, zone);
  const aptitudeGaps: AptitudeGap[] = [];
  let aptitudeNotAssessed = false;
  APTITUDE_SUBTESTS.forEach((subtest, s) => {
    if (set.aptitudeWeight[o * SUBTESTS + s]! <= 0) return;
    const score = youth.aptitudes[subtest];
    if (!score) aptitudeNotAssessed = true;
    else if (score.percentile < expected) {
      aptitudeGaps.push({ subtest, percentile: score.percentile, expected });
    }
  });

  const road = roadKm(ctx, y, set, o);
  const distanceKm = road === null ? null : round1(road);
  const relocation = reach >= 0 && (road === null || road > youthMaxCommuteKm(youth, config) + 1e-9);

  const flags: string[] = [];
  if (youthNeutral) flags.push('interest_neutral_no_profile');
  if (opportunityUnknown) flags.push('interest_neutral_unknown_occupation');
  if (aptitudeNotAssessed) flags.push('aptitude_not_assessed');
  if (relocation) flags.push('relocation_required');
  if (distanceKm === null) flags.push('distance_unknown');
  if (opportunity.estimatedFrom) flags.push('occupation_profile_estimated');
  const need = ctx.prepared.youth.needMask[y]!;
  if (need !== 0) {
    const stated = domainsToMask(opportunity.accessibleFor) & ~set.blockMask[o]!;
    flags.push(
      accessUnconfirmed(ctx, y, set, o)
        ? 'accessibility_unconfirmed'
        : (need & ~stated) === 0
          ? 'accessibility_stated'
          : 'accessibility_adjustable',
    );
  }
  const preferred = youth.preferences.contractTypes;
  if (
    preferred &&
    preferred.length > 0 &&
    opportunity.contractType &&
    !preferred.includes(opportunity.contractType)
  ) {
    flags.push('contract_type_not_preferred');
  }
  if (opportunity.genderRequirement !== undefined && opportunity.genderRequirement !== 'any') {
    flags.push('gender_requirement_review');
  }

  return {
    feasible,
    educationMet,
    interestCongruence,
    skillsShared,
    score,
    components,
    sharedHolland,
    missingSkills,
    aptitudeGaps,
    aptitudeNotAssessed,
    distanceKm,
    relocation,
    flags,
  };
}

/** What the matcher publishes about one kept pair (a recommendation or a candidate): never the internal fields. */
function recommendationFacts(ctx: Context, y: number, set: OpportunitySet, o: number): RecommendationFacts {
  const opportunity = set.items[o]!;
  const detail = pairDetail(ctx, y, set, o);
  return {
    opportunityId: opportunity.id,
    kind: opportunity.kind,
    title: opportunity.title,
    ownerName: opportunity.ownerName,
    score: detail.score,
    components: detail.components,
    sharedHolland: detail.sharedHolland,
    missingSkills: detail.missingSkills,
    aptitudeGaps: detail.aptitudeGaps,
    distanceKm: detail.distanceKm,
    flags: detail.flags,
    basis: {
      interestCongruence: round4(detail.interestCongruence),
      skillsRequired: opportunity.skills.length,
      skillsShared: detail.skillsShared,
    },
  };
}

function youthBasis(ctx: Context, y: number): YouthBasis {
  const youth = ctx.prepared.youth.items[y]!;
  return { education: youth.education, maxCommuteKm: youthMaxCommuteKm(youth, ctx.config) };
}

/** Where to look for trainings that close a gap: by skill taught and by certified target occupation. */
interface TrainingIndex {
  bySkill: Map<string, number[]>;
  certifiedByOccupation: Map<string, number[]>;
}

function append(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function indexTrainings(trainings: OpportunitySet): TrainingIndex {
  const bySkill = new Map<string, number[]>();
  const certifiedByOccupation = new Map<string, number[]>();
  trainings.items.forEach((t, i) => {
    for (const skill of t.skills) append(bySkill, skill, i);
    if (t.certified) for (const code of t.occupationCodes) append(certifiedByOccupation, code, i);
  });
  return { bySkill, certifiedByOccupation };
}

function closesEducationGap(training: OpportunityProfile, job: OpportunityProfile): boolean {
  return (
    training.certified === true && training.occupationCodes.some((code) => job.occupationCodes.includes(code))
  );
}

function pathwayFor(ctx: Context, index: TrainingIndex, y: number, o: number): PathwayFacts | null {
  const { prepared, config } = ctx;
  const jobs = prepared.jobs;
  const trainings = prepared.trainings;
  const job = jobs.items[o]!;
  const detail = pairScore(ctx, y, jobs, o);
  const youthSkills = ctx.youthSkills[y]!;
  const missingSkills = job.skills.filter((skill) => !youthSkills.has(skill));
  const gaps: PathwayGap[] = [];
  if (!detail.educationMet) gaps.push('education');
  const required = jobs.skillCount[o]!;
  if (detail.skillsShared < config.pathways.maxSkillsOverlap * required) gaps.push('skills');

  const skillsGap = gaps.includes('skills');
  const educationGap = gaps.includes('education');
  const words = prepared.skills.words;
  const scratch = ctx.pathway;
  const { seen, closes, units, missingBits } = scratch;
  for (let w = 0; w < words; w++) {
    missingBits[w] = skillsGap
      ? jobs.skillBits[o * words + w]! & ~prepared.youth.skillBits[y * words + w]!
      : 0;
  }
  if (scratch.round === 0xffffffff) {
    seen.fill(0);
    scratch.round = 0;
  }
  const round = ++scratch.round;
  const candidates: number[] = [];
  const consider = (list: readonly number[] | undefined) => {
    if (list === undefined) return;
    for (const t of list) {
      if (seen[t] === round) continue;
      seen[t] = round;
      candidates.push(t);
    }
  };
  if (skillsGap) for (const skill of missingSkills) consider(index.bySkill.get(skill));
  if (educationGap) for (const code of job.occupationCodes) consider(index.certifiedByOccupation.get(code));
  // Ranked on plain numbers first; objects are built only for the trainings shown.
  const chosenIndex: number[] = [];
  for (const t of candidates) {
    if (!isFeasible(ctx, y, trainings, t)) continue;
    let closed = 0;
    for (let w = 0; w < words; w++) closed += popcount(trainings.skillBits[t * words + w]! & missingBits[w]!);
    // An education gap blocks the job outright, so a training that addresses it ranks first.
    if (educationGap && closesEducationGap(trainings.items[t]!, job)) closed += required + 1;
    chosenIndex.push(t);
    closes[t] = closed;
    units[t] = pairUnits(ctx, y, trainings, t);
  }
  if (chosenIndex.length === 0) return null;
  // Position order in the set is id order.
  chosenIndex.sort((a, b) => closes[b]! - closes[a]! || units[b]! - units[a]! || a - b);
  const missing = new Set(missingSkills);
  const chosen: PathwayTraining[] = chosenIndex.slice(0, config.pathways.maxTrainings).map((t) => {
    const training = trainings.items[t]!;
    const road = roadKm(ctx, y, trainings, t);
    return {
      opportunityId: training.id,
      title: training.title,
      ownerName: training.ownerName,
      score: units[t]! / SCORE_SCALE,
      closesSkills: skillsGap ? training.skills.filter((s) => missing.has(s)) : [],
      closesEducation: educationGap && closesEducationGap(training, job),
      distanceKm: road === null ? null : round1(road),
    };
  });
  return {
    jobId: job.id,
    jobTitle: job.title,
    ownerName: job.ownerName,
    interestCongruence: round4(detail.interestCongruence),
    gaps,
    missingSkills,
    requiredEducation: job.minEducation,
    trainings: chosen,
    basis: {
      interestCongruence: round4(detail.interestCongruence),
      skillsRequired: required,
      skillsShared: detail.skillsShared,
    },
  };
}

function youthFlags(ctx: Context, y: number): string[] {
  const youthSet = ctx.prepared.youth;
  const youth = youthSet.items[y]!;
  const flags: string[] = [];
  if (isZero(youthSet.unit, y * 6)) flags.push('interest_profile_unusable');
  if (APTITUDE_SUBTESTS.every((s) => youth.aptitudes[s] === undefined)) flags.push('aptitudes_not_assessed');
  // Open opportunities exist outside the home district, but no road distance to any of them is
  // known: only home can be reached. Other youth's districts say nothing about this youth's reach.
  const { roadKm, codes } = ctx.prepared.districts;
  const d = codes.length;
  const home = youthSet.district[y]!;
  let elsewhere = false;
  let knownElsewhere = false;
  for (let j = 0; j < d; j++) {
    if (j === home || ctx.prepared.openIn[j] === 0) continue;
    elsewhere = true;
    if (!Number.isNaN(roadKm[home * d + j]!)) knownElsewhere = true;
  }
  if (elsewhere && !knownElsewhere) flags.push('district_distance_unknown');
  return flags;
}

function kernelSettings(config: MatchConfig, keep: number): KernelSettings {
  const w = config.weights;
  return {
    weightUnits: {
      interest: w.interest * SCORE_SCALE,
      aptitude: w.aptitude * SCORE_SCALE,
      skills: w.skills * SCORE_SCALE,
      reach: w.reach * SCORE_SCALE,
    },
    keep,
    // More candidates than shown: some wanted jobs have no training that closes their gap.
    pathwayKeep: config.pathways.maxJobs * 4,
    pathwayMinInterest: config.pathways.minInterest,
    pathwayMaxSkillsOverlap: config.pathways.maxSkillsOverlap,
    unconfirmedAccessReach: 1 - config.accessibility.unconfirmedCost,
  };
}

function context(prepared: Prepared, config: MatchConfig): Context {
  return {
    prepared,
    config,
    youthSkills: prepared.youth.items.map((y) => new Set(y.skills)),
    letters: new WeakMap(),
    pathway: pathwayScratch(prepared),
  };
}

/** Youth matched per step of `matchInBlocks`: bounds the memory held by heaps and explanations. */
export const DEFAULT_RESULT_BLOCK = 128;

/** What a kernel pass keeps for one youth, as positions in the opportunity sets. */
interface KeptForYouth {
  jobs: readonly number[];
  trainings: readonly number[];
  /** Pathway candidate jobs, best first. */
  pathwayJobs: readonly number[];
}

function youthSetFacts(
  ctx: Context,
  y: number,
  kept: KeptForYouth,
  trainingIndex: TrainingIndex | null,
  asOf: string,
): YouthRecommendationFacts {
  const { prepared, config } = ctx;
  const pathways: PathwayFacts[] = [];
  if (trainingIndex) {
    for (const o of kept.pathwayJobs) {
      if (pathways.length >= config.pathways.maxJobs) break;
      const pathway = pathwayFor(ctx, trainingIndex, y, o);
      if (pathway) pathways.push(pathway);
    }
  }
  const profile = prepared.youth.items[y]!;
  return {
    youthId: profile.youthId,
    asOf,
    configVersion: config.version,
    hollandCode: profile.hollandCode,
    jobs: kept.jobs.map((o) => recommendationFacts(ctx, y, prepared.jobs, o)),
    trainings: kept.trainings.map((o) => recommendationFacts(ctx, y, prepared.trainings, o)),
    pathways,
    flags: youthFlags(ctx, y),
    basis: youthBasis(ctx, y),
  };
}

function positions(top: TopK, slot: number, n: number): number[] {
  return sortedKeys(top, slot).map((key) => decodeKey(key, n).index);
}

/**
 * Top jobs, top trainings and pathways for every youth, in input order, as facts without
 * explanation text (what the pipeline stores), delivered one block of youth at a time so a caller
 * can write results out before the next block is computed. With `allocate`, recommendation slots
 * are allocated within each opportunity's display capacity first (allocation.ts): every youth is
 * scored before the first block is delivered.
 */
export function* matchFactsInBlocks(
  youth: readonly YouthProfile[],
  /** Or the same prepared once (`prepareOpportunities`) for several calls. */
  opportunities: readonly OpportunityProfile[] | PreparedOpportunities,
  options: MatchOptions,
  blockSize = DEFAULT_RESULT_BLOCK,
): Generator<YouthRecommendationFacts[]> {
  checkAsOf(options.asOf);
  const { config, asOf } = options;
  const prepared = prepare(youth, opportunities, asOf, config, options.distance);
  const ctx = context(prepared, config);
  const limitJobs = options.limitJobs ?? config.topJobs;
  const limitTrainings = options.limitTrainings ?? config.topTrainings;
  const { districts, skills, jobs, trainings } = prepared;
  const wantPathways = config.pathways.maxJobs > 0 && trainings.n > 0;
  // Allocation chooses among deeper candidate lists than it shows.
  const depth = options.allocate ? config.allocation.candidateDepth : 1;
  const jobSettings = kernelSettings(config, limitJobs * depth);
  const trainingSettings = kernelSettings(config, limitTrainings * depth);
  const block = Math.max(1, Math.floor(blockSize));

  const topJobs = createTopK(block, jobSettings.keep);
  const topTrainings = createTopK(block, trainingSettings.keep);
  const pathwayJobs = wantPathways ? createTopK(block, jobSettings.pathwayKeep) : null;
  const trainingIndex = wantPathways ? indexTrainings(trainings) : null;
  const d = districts.codes.length;
  interface Extras {
    feasible: { jobs: Int32Array; trainings: Int32Array };
    best: { jobs: TopK; trainings: TopK };
  }
  const run = (from: number, to: number, extras: Extras | null) => {
    clearTopK(topJobs);
    clearTopK(topTrainings);
    if (pathwayJobs) clearTopK(pathwayJobs);
    runKernel(
      prepared.youth,
      from,
      to,
      jobs,
      d,
      skills.words,
      jobSettings,
      topJobs,
      pathwayJobs,
      extras?.feasible.jobs,
      extras?.best.jobs,
    );
    runKernel(
      prepared.youth,
      from,
      to,
      trainings,
      d,
      skills.words,
      trainingSettings,
      topTrainings,
      null,
      extras?.feasible.trainings,
      extras?.best.trainings,
    );
  };

  if (!options.allocate) {
    for (let from = 0; from < prepared.youth.n; from += block) {
      const to = Math.min(prepared.youth.n, from + block);
      run(from, to, null);
      const results: YouthRecommendationFacts[] = [];
      for (let y = from; y < to; y++) {
        const slot = y - from;
        const kept = {
          jobs: positions(topJobs, slot, jobs.n),
          trainings: positions(topTrainings, slot, trainings.n),
          pathwayJobs: pathwayJobs ? positions(pathwayJobs, slot, jobs.n) : [],
        };
        results.push(youthSetFacts(ctx, y, kept, trainingIndex, asOf));
      }
      yield results;
    }
    return;
  }

  const n = prepared.youth.n;
  const jobLists = candidateLists(n, jobSettings.keep);
  const trainingLists = candidateLists(n, trainingSettings.keep);
  const feasible = { jobs: new Int32Array(jobs.n), trainings: new Int32Array(trainings.n) };
  const best = { jobs: bestYouthHeaps(jobs), trainings: bestYouthHeaps(trainings) };
  const pathwayKept: number[][] = [];
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    run(from, to, { feasible, best });
    for (let y = from; y < to; y++) {
      const slot = y - from;
      fillList(jobLists, y, topJobs, slot, jobs.n);
      fillList(trainingLists, y, topTrainings, slot, trainings.n);
      pathwayKept.push(pathwayJobs ? positions(pathwayJobs, slot, jobs.n) : []);
    }
  }
  const rank = youthIdRank(prepared.youth.items);
  const { loadFactor, maxLoadFactor } = config.allocation;
  const capacity = (set: OpportunitySet) => set.items.map((o) => o.capacity);
  const jobAllocation = allocate({
    lists: jobLists,
    bestYouth: bestYouthLists(best.jobs, jobs.n, n),
    capacity: capacity(jobs),
    feasible: feasible.jobs,
    slots: limitJobs,
    loadFactor,
    maxLoadFactor,
    youthRank: rank,
  });
  const trainingAllocation = allocate({
    lists: trainingLists,
    bestYouth: bestYouthLists(best.trainings, trainings.n, n),
    capacity: capacity(trainings),
    feasible: feasible.trainings,
    slots: limitTrainings,
    loadFactor,
    maxLoadFactor,
    youthRank: rank,
  });
  const heldOf = (a: Allocation, y: number, slots: number) =>
    Array.from(a.held.subarray(y * slots, y * slots + a.heldCount[y]!));
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    const results: YouthRecommendationFacts[] = [];
    for (let y = from; y < to; y++) {
      const kept = {
        jobs: heldOf(jobAllocation, y, limitJobs),
        trainings: heldOf(trainingAllocation, y, limitTrainings),
        pathwayJobs: pathwayKept[y]!,
      };
      results.push(youthSetFacts(ctx, y, kept, trainingIndex, asOf));
    }
    yield results;
  }
}

/**
 * An opportunity's floor reaches down at most this many of its best youth: deeper than any floor it
 * is likely to have, because some of them hold nothing they can give up.
 */
const BEST_YOUTH_DEPTH = 64;

function bestYouthHeaps(set: OpportunitySet): TopK {
  return createTopK(set.n, BEST_YOUTH_DEPTH);
}

function bestYouthLists(top: TopK, opportunities: number, youth: number): BestYouth {
  const lists: BestYouth = {
    depth: top.k,
    youth: new Int32Array(opportunities * top.k),
    units: new Int32Array(opportunities * top.k),
    count: new Int32Array(opportunities),
  };
  for (let o = 0; o < opportunities; o++) {
    const keys = sortedKeys(top, o);
    keys.forEach((key, i) => {
      const slot = key % youth;
      lists.youth[o * top.k + i] = youth - 1 - slot;
      lists.units[o * top.k + i] = (key - slot) / youth;
    });
    lists.count[o] = keys.length;
  }
  return lists;
}

function candidateLists(youth: number, depth: number): CandidateLists {
  return {
    youth,
    depth,
    opportunity: new Int32Array(youth * depth),
    units: new Int32Array(youth * depth),
    count: new Int32Array(youth),
  };
}

function fillList(lists: CandidateLists, y: number, top: TopK, slot: number, n: number): void {
  const keys = sortedKeys(top, slot);
  keys.forEach((key, i) => {
    const { index, scoreUnits } = decodeKey(key, n);
    lists.opportunity[y * lists.depth + i] = index;
    lists.units[y * lists.depth + i] = scoreUnits;
  });
  lists.count[y] = keys.length;
}

/** Each youth's rank in youth id order: the tie-break between equal scores. */
function youthIdRank(items: readonly YouthProfile[]): Int32Array {
  const order = items
    .map((_, i) => i)
    .sort((a, b) => {
      const x = items[a]!.youthId;
      const z = items[b]!.youthId;
      return x < z ? -1 : x > z ? 1 : a - b;
    });
  const rank = new Int32Array(items.length);
  order.forEach((y, r) => {
    rank[y] = r;
  });
  return rank;
}

/** As `matchFactsInBlocks`, with each set's explanations written in both languages. */
export function* matchInBlocks(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: MatchOptions,
  blockSize = DEFAULT_RESULT_BLOCK,
): Generator<YouthRecommendations[]> {
  for (const block of matchFactsInBlocks(youth, opportunities, options, blockSize)) {
    yield block.map((set) => explainSet(set, options.skillLabel));
  }
}

/** Top jobs, top trainings and pathways for every youth, in input order. */
export function matchAll(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: MatchOptions,
): YouthRecommendations[] {
  const results: YouthRecommendations[] = [];
  for (const block of matchInBlocks(youth, opportunities, options)) results.push(...block);
  return results;
}

/**
 * The reverse query: youth ranked for one opportunity under the same scoring and constraints.
 * Ties: higher score first, then youth id ascending.
 */
export function topCandidates(
  opportunity: OpportunityProfile,
  youth: readonly YouthProfile[],
  options: CandidateOptions,
): Candidate[] {
  checkAsOf(options.asOf);
  const { config, asOf } = options;
  const prepared = prepare(youth, [opportunity], asOf, config, options.distance);
  const ctx = context(prepared, config);
  const set = opportunity.kind === 'job' ? prepared.jobs : prepared.trainings;
  if (set.n === 0) return [];
  const top = createTopK(prepared.youth.n, 1);
  runKernel(
    prepared.youth,
    0,
    prepared.youth.n,
    set,
    prepared.districts.codes.length,
    prepared.skills.words,
    kernelSettings(config, 1),
    top,
    null,
  );
  const ranked: { y: number; units: number }[] = [];
  for (let y = 0; y < prepared.youth.n; y++) {
    if (top.sizes[y] === 1) ranked.push({ y, units: decodeKey(top.keys[y]!, set.n).scoreUnits });
  }
  const ids = prepared.youth.items.map((y) => y.youthId);
  ranked.sort((a, b) => b.units - a.units || (ids[a.y]! < ids[b.y]! ? -1 : ids[a.y]! > ids[b.y]! ? 1 : 0));
  return ranked.slice(0, options.limit ?? ranked.length).map(({ y }): Candidate => {
    const r = recommendationFacts(ctx, y, set, 0);
    const youth = { hollandCode: prepared.youth.items[y]!.hollandCode, basis: youthBasis(ctx, y) };
    return {
      youthId: ids[y]!,
      score: r.score,
      components: r.components,
      sharedHolland: r.sharedHolland,
      missingSkills: r.missingSkills,
      aptitudeGaps: r.aptitudeGaps,
      distanceKm: r.distanceKm,
      flags: r.flags,
      explanation: explainRecommendationFacts(r, youth, options.skillLabel),
    };
  });
}

/**
 * Per open opportunity (by kind and id), the youth for whom it is feasible: every hard constraint,
 * education included. What allocation's floor and the quality report count against.
 */
export function feasibleYouthCounts(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: MatchOptions,
): Map<string, number> {
  checkAsOf(options.asOf);
  const prepared = prepare(youth, opportunities, options.asOf, options.config, options.distance);
  const settings = { ...kernelSettings(options.config, 0), pathwayKeep: 0 };
  const counts = new Map<string, number>();
  for (const set of [prepared.jobs, prepared.trainings]) {
    const feasible = new Int32Array(set.n);
    const top = createTopK(0, 0);
    runKernel(
      prepared.youth,
      0,
      prepared.youth.n,
      set,
      prepared.districts.codes.length,
      prepared.skills.words,
      settings,
      top,
      null,
      feasible,
    );
    set.items.forEach((o, i) => {
      counts.set(`${o.kind}:${o.id}`, feasible[i]!);
    });
  }
  return counts;
}
