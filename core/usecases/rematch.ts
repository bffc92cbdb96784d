/**
 * Matching as the pipeline runs it: open opportunities are loaded once, youth are matched in blocks
 * and each block's recommendation sets are handed to storage, which writes only the changed ones.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import type { DistanceLookup } from '../domain/reference.ts';
import type { MatchConfig } from '../matching/config.ts';
import { DEFAULT_RESULT_BLOCK, matchFactsInBlocks } from '../matching/match.ts';
import { type PreparedOpportunities, prepareOpportunities } from '../matching/prepare.ts';
import type { DistanceMatrix, YouthRecommendationFacts } from '../matching/types.ts';
import type {
  MatchingPorts,
  OpportunityRepository,
  RecommendationWriter,
  SetsWritten,
  YouthRepository,
} from '../ports.ts';
import { heldOpportunities, type OpportunityReviewRepository, withoutHeld } from '../protection/review.ts';
import { type AuditTally, mergeTallies, tallyAudit } from './audit.ts';
import type { MatchingCounts } from './report.ts';

/**
 * Blocks whose sets are still being written while the next block is matched: matching is CPU work
 * and writing mostly waits on the table, so the two overlap.
 */
const WRITES_IN_FLIGHT = 2;

export interface MatchingSetup {
  config: MatchConfig;
  distance: DistanceLookup | DistanceMatrix;
  /** Districts whose youth the programme serves (the pilot districts). */
  youthDistricts: readonly string[];
  /**
   * Districts opportunities are looked for in. Wider than the youth's districts: youth commute
   * across district borders and some are willing to relocate.
   */
  opportunityDistricts: readonly string[];
  /** Youth per matching block and per storage call; bounds memory. */
  blockSize?: number;
}

/**
 * Every vacancy and training offer open on `asOf` in the opportunity districts, without those held
 * for programme review.
 */
export async function loadOpenOpportunities(
  opportunities: OpportunityRepository,
  setup: Pick<MatchingSetup, 'opportunityDistricts'>,
  asOf: IsoDate,
  reviews?: OpportunityReviewRepository,
): Promise<OpportunityProfile[]> {
  const query = { districts: setup.opportunityDistricts, asOf };
  const [jobs, trainings, held] = await Promise.all([
    opportunities.listOpen('job', query),
    opportunities.listOpen('training', query),
    reviews ? heldOpportunities(reviews, setup.opportunityDistricts) : new Set<string>(),
  ]);
  return withoutHeld(
    [...jobs, ...trainings].map((stored) => stored.profile),
    held,
  );
}

const opportunityKey = (o: OpportunityProfile) => `${o.kind}\u0000${o.id}`;

/**
 * The open list with just-written opportunities put in: a district index may lag its table, and a
 * corrected opportunity must replace its old profile, not sit beside it.
 */
export function withChangedOpportunities(
  open: readonly OpportunityProfile[],
  changed: readonly OpportunityProfile[],
): OpportunityProfile[] {
  const byKey = new Map(open.map((o) => [opportunityKey(o), o]));
  for (const o of changed) byKey.set(opportunityKey(o), o);
  return [...byKey.values()];
}

export interface RematchResult extends MatchingCounts {
  /** Present when an audit was asked for. */
  audit?: AuditTally;
  /** Every youth matched, when asked for (the nightly repair checks their lists). */
  youthIds?: string[];
}

export interface RematchOptions {
  audit?: boolean;
  /**
   * A writer the caller opened and will close, so that several calls update each candidate list
   * once; without it the call opens and closes its own.
   */
  writer?: RecommendationWriter;
  collectYouthIds?: boolean;
}

/** Matches the given youth against the given opportunities and stores the sets that changed. */
export async function rematchYouth(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  ports: Pick<MatchingPorts, 'recommendations'>,
  setup: MatchingSetup,
  asOf: IsoDate,
  options: RematchOptions = {},
): Promise<RematchResult> {
  const writer = options.writer ?? ports.recommendations.openWriter();
  const result = await writeBlocks(matchedBlocks(youth, opportunities, setup, asOf), writer, options);
  if (!options.writer) await writer.close();
  return result;
}

/** One block of matched youth: the profiles and their sets, in the same order. */
interface MatchedBlock {
  youth: readonly YouthProfile[];
  sets: YouthRecommendationFacts[];
}

function* matchedBlocks(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[] | PreparedOpportunities,
  setup: MatchingSetup,
  asOf: IsoDate,
): Generator<MatchedBlock> {
  if (youth.length === 0) return;
  const options = {
    asOf,
    config: setup.config,
    distance: setup.distance,
  };
  let from = 0;
  for (const sets of matchFactsInBlocks(
    youth,
    opportunities,
    options,
    setup.blockSize ?? DEFAULT_RESULT_BLOCK,
  )) {
    yield { youth: youth.slice(from, from + sets.length), sets };
    from += sets.length;
  }
}

/**
 * Writes blocks as they are matched: later blocks are matched while earlier ones are being
 * written, and writes finish in block order.
 */
async function writeBlocks(
  blocks: Iterable<MatchedBlock> | AsyncIterable<MatchedBlock>,
  writer: RecommendationWriter,
  options: Pick<RematchOptions, 'audit' | 'collectYouthIds'>,
): Promise<RematchResult> {
  const result: RematchResult = { youthRematched: 0, setsWritten: 0, setsUnchanged: 0 };
  if (options.audit) result.audit = { youthCount: 0, groups: [] };
  if (options.collectYouthIds) result.youthIds = [];
  const count = (sets: readonly unknown[], written: SetsWritten) => {
    result.youthRematched += sets.length;
    result.setsWritten += written.written;
    result.setsUnchanged += written.unchanged;
  };
  const inFlight: { sets: readonly unknown[]; write: Promise<SetsWritten> }[] = [];
  for await (const { youth, sets } of blocks) {
    if (result.audit) result.audit = mergeTallies(result.audit, tallyAudit(youth, sets));
    result.youthIds?.push(...youth.map((y) => y.youthId));
    const write = writer.write(sets, new Map(youth.map((y) => [y.youthId, y.district])));
    write.catch(() => undefined);
    inFlight.push({ sets, write });
    if (inFlight.length > WRITES_IN_FLIGHT) {
      const done = inFlight.shift()!;
      count(done.sets, await done.write);
    }
  }
  for (const done of inFlight) count(done.sets, await done.write);
  return result;
}

/**
 * Rematches every stored youth of the given districts with one writer, so each candidate list is
 * rewritten once for all of them. The next district's youth are read while one is matched, and
 * writes run on across district boundaries, so neither the table nor the matcher waits for the
 * other at each district.
 */
export async function rematchDistricts(
  districts: readonly string[],
  ports: Pick<MatchingPorts, 'youth' | 'recommendations'>,
  /** Or their loading: the first district's youth are then read at the same time. */
  opportunities: readonly OpportunityProfile[] | Promise<readonly OpportunityProfile[]>,
  setup: MatchingSetup,
  asOf: IsoDate,
  options: RematchOptions = {},
): Promise<RematchResult> {
  const load = (i: number) => {
    const loading = i < districts.length ? youthOfDistrict(ports.youth, districts[i]!) : Promise.resolve([]);
    loading.catch(() => undefined);
    return loading;
  };
  async function* blocks(): AsyncGenerator<MatchedBlock> {
    let next = load(0);
    // Prepared once for every district: their youth are all from `districts`.
    const open = prepareOpportunities(await opportunities, asOf, setup.config, setup.distance, districts);
    for (let i = 0; i < districts.length; i++) {
      const profiles = await next;
      next = load(i + 1);
      yield* matchedBlocks(profiles, open, setup, asOf);
    }
  }
  const writer = options.writer ?? ports.recommendations.openWriter();
  const result = await writeBlocks(blocks(), writer, options);
  if (!options.writer) await writer.close();
  return result;
}

/** Every stored youth of the given districts, one district at a time. */
async function youthOfDistrict(youth: YouthRepository, district: string): Promise<YouthProfile[]> {
  const profiles: YouthProfile[] = [];
  for await (const stored of youth.allInDistrict(district)) profiles.push(stored.profile);
  return profiles;
}

export function addCounts(a: MatchingCounts, b: MatchingCounts): MatchingCounts {
  return {
    youthRematched: a.youthRematched + b.youthRematched,
    setsWritten: a.setsWritten + b.setsWritten,
    setsUnchanged: a.setsUnchanged + b.setsUnchanged,
  };
}
