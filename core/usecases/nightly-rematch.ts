/**
 * The nightly rematch: every youth of the programme against every opportunity open on the night's
 * date, so closing dates, new opportunities and changed matching rules reach every set. It runs as
 * plan -> one batch per district (in parallel on AWS) -> audit; the steps only pass small data.
 */
import { type IsoDate, isIsoDate } from '../domain/calendar.ts';
import { ValidationError } from '../domain/errors.ts';
import type { OpportunityProfile } from '../domain/profiles.ts';
import { addListCounts, type ListCounts, NO_LIST_CHANGES } from '../matching/candidate-lists.ts';
import type { MatchingPorts } from '../ports.ts';
import { type AuditTally, type FairnessAuditReport, finishAudit } from './audit.ts';
import { addCounts, loadOpenOpportunities, type MatchingSetup, rematchDistricts } from './rematch.ts';
import { type MatchingCounts, NO_MATCHING } from './report.ts';

export interface RematchBatch {
  batchId: string;
  districts: string[];
}

export interface RematchPlan {
  asOf: IsoDate;
  batches: RematchBatch[];
}

export interface RematchBatchResult {
  batchId: string;
  asOf: IsoDate;
  counts: MatchingCounts;
  /** Open opportunities the batch matched against. */
  opportunities: number;
  /** Group sums only: no youth id, and gender only as a group count. */
  audit: AuditTally;
  /** Candidate list drift found and repaired after the batch's rematch (0 when lists were in line). */
  repaired: ListCounts;
}

export interface NightlyRematchResult {
  asOf: IsoDate;
  batches: number;
  counts: MatchingCounts;
  repaired: ListCounts;
  audit: FairnessAuditReport;
}

function checkAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) throw new ValidationError([{ field: 'asOf', reason: 'must be a date YYYY-MM-DD' }]);
}

/**
 * One batch per district: a district's youth are read with one index query, and about 1,500 youth
 * against every open opportunity fit one function run comfortably.
 */
export function planRematch(asOf: IsoDate, setup: Pick<MatchingSetup, 'youthDistricts'>): RematchPlan {
  checkAsOf(asOf);
  return {
    asOf,
    batches: [...new Set(setup.youthDistricts)].map((district) => ({
      batchId: `district-${district}`,
      districts: [district],
    })),
  };
}

/**
 * Rematches the batch's districts, then checks the candidate lists against the sets: every list the
 * district's sets name and every open opportunity's list, for entries of the district's youth.
 */
export async function rematchBatch(
  batch: RematchBatch,
  asOf: IsoDate,
  ports: MatchingPorts,
  setup: MatchingSetup,
  preloaded?: readonly OpportunityProfile[],
): Promise<RematchBatchResult> {
  checkAsOf(asOf);
  const open = preloaded ?? (await loadOpenOpportunities(ports.opportunities, setup, asOf, ports.reviews));
  const { audit, youthIds, ...counts } = await rematchDistricts(batch.districts, ports, open, setup, asOf, {
    audit: true,
    collectYouthIds: true,
  });
  const opportunities = open.map((o) => ({ kind: o.kind, id: o.id }));
  let repaired = { ...NO_LIST_CHANGES };
  for (const district of batch.districts) {
    const scope = { district, youthIds: youthIds ?? [], opportunities };
    repaired = addListCounts(repaired, await ports.recommendations.repairCandidateLists(scope));
  }
  return {
    batchId: batch.batchId,
    asOf,
    counts,
    opportunities: open.length,
    audit: audit ?? { youthCount: 0, groups: [] },
    repaired,
  };
}

/** The run's fairness audit from the batch results; the review list is read from open vacancies. */
export async function auditRematch(
  asOf: IsoDate,
  results: readonly RematchBatchResult[],
  ports: Pick<MatchingPorts, 'opportunities'>,
  setup: Pick<MatchingSetup, 'opportunityDistricts'>,
  preloaded?: readonly OpportunityProfile[],
): Promise<FairnessAuditReport> {
  checkAsOf(asOf);
  const open = preloaded ?? (await loadOpenOpportunities(ports.opportunities, setup, asOf));
  return finishAudit(
    results.map((r) => r.audit),
    open,
    asOf,
  );
}

/** The whole night in one process (the local stack, tests): plan, every batch in turn, audit. */
export async function runNightlyRematch(
  asOf: IsoDate,
  ports: MatchingPorts,
  setup: MatchingSetup,
  storeAudit: (audit: FairnessAuditReport) => Promise<void>,
): Promise<NightlyRematchResult> {
  const plan = planRematch(asOf, setup);
  const open = await loadOpenOpportunities(ports.opportunities, setup, asOf, ports.reviews);
  const results: RematchBatchResult[] = [];
  for (const batch of plan.batches) results.push(await rematchBatch(batch, asOf, ports, setup, open));
  const audit = await auditRematch(asOf, results, ports, setup, open);
  await storeAudit(audit);
  return {
    asOf,
    batches: results.length,
    counts: results.reduce((sum, r) => addCounts(sum, r.counts), { ...NO_MATCHING }),
    repaired: results.reduce((sum, r) => addListCounts(sum, r.repaired), { ...NO_LIST_CHANGES }),
    audit,
  };
}
