/**
 * Matching as the pipeline runs it: open opportunities are loaded once, youth are matched in blocks
 * and each block's recommendation sets are handed to storage, which writes only the changed ones.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import type { DistanceLookup } from '../domain/reference.ts';
import type { MatchConfig } from '../matching/config.ts';
import { DEFAULT_RESULT_BLOCK, matchFactsInBlocks } from '../matching/match.ts';
import type { DistanceMatrix } from '../matching/types.ts';
import type {
  OpportunityRepository,
  RecommendationRepository,
  RecommendationWriter,
  SetsWritten,
  YouthRepository,
} from '../ports.ts';
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
  skillLabel?: (skillId: string, lang: 'id' | 'en') => string;
  /** Youth per matching block and per storage call; bounds memory. */
  blockSize?: number;
}

export interface MatchingPorts {
  youth: YouthRepository;
  opportunities: OpportunityRepository;
  recommendations: RecommendationRepository;
}

/** Every vacancy and training offer open on `asOf` in the opportunity districts. */
export async function loadOpenOpportunities(
  opportunities: OpportunityRepository,
  setup: Pick<MatchingSetup, 'opportunityDistricts'>,
  asOf: IsoDate,
): Promise<OpportunityProfile[]> {
  const query = { districts: setup.opportunityDistricts, asOf };
  const [jobs, trainings] = await Promise.all([
    opportunities.listOpen('job', query),
    opportunities.listOpen('training', query),
  ]);
  return [...jobs, ...trainings].map((stored) => stored.profile);
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
}

export interface RematchOptions {
  audit?: boolean;
  /**
   * A writer the caller opened and will close, so that several calls (one per district) update
   * each candidate list once; without it the call opens and closes its own.
   */
  writer?: RecommendationWriter;
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
  if (options.writer) return matchAndWrite(youth, opportunities, options.writer, setup, asOf, options);
  const writer = ports.recommendations.openWriter();
  const result = await matchAndWrite(youth, opportunities, writer, setup, asOf, options);
  await writer.close();
  return result;
}

async function matchAndWrite(
  youth: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  writer: RecommendationWriter,
  setup: MatchingSetup,
  asOf: IsoDate,
  options: RematchOptions,
): Promise<RematchResult> {
  const result: RematchResult = { youthRematched: 0, setsWritten: 0, setsUnchanged: 0 };
  if (options.audit) result.audit = { youthCount: 0, groups: [] };
  if (youth.length === 0) return result;
  const blockSize = setup.blockSize ?? DEFAULT_RESULT_BLOCK;
  const blocks = matchFactsInBlocks(
    youth,
    opportunities,
    {
      asOf,
      config: setup.config,
      distance: setup.distance,
      ...(setup.skillLabel !== undefined && { skillLabel: setup.skillLabel }),
    },
    blockSize,
  );
  const districts = new Map(youth.map((y) => [y.youthId, y.district]));
  const count = (sets: readonly unknown[], written: SetsWritten) => {
    result.youthRematched += sets.length;
    result.setsWritten += written.written;
    result.setsUnchanged += written.unchanged;
  };
  // Later blocks are matched while earlier ones are being written; writes finish in block order.
  const inFlight: { sets: readonly unknown[]; write: Promise<SetsWritten> }[] = [];
  let from = 0;
  for (const sets of blocks) {
    if (result.audit) {
      result.audit = mergeTallies(result.audit, tallyAudit(youth.slice(from, from + sets.length), sets));
    }
    from += sets.length;
    const write = writer.write(sets, districts);
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

/** Every stored youth of the given districts, one district at a time. */
export async function youthOfDistrict(youth: YouthRepository, district: string): Promise<YouthProfile[]> {
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
