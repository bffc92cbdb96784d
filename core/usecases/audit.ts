/**
 * The nightly fairness audit, computed batch by batch. Each batch turns its youth and results into a
 * tally of sums (mergeable, small, no youth ids), the tallies are merged, and the merged tally is
 * turned back into the audit's group statistics. Grouping and gender handling stay in one place,
 * `fairnessAudit`: it is run per youth, where its statistics are exact, and the sums are added up.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import { type FairnessAudit, fairnessAudit, type GroupStats } from '../matching/audit.ts';
import { round4, SCORE_SCALE, toScoreUnits } from '../matching/components.ts';
import type { YouthRecommendationFacts } from '../matching/types.ts';

export interface GroupTally {
  group: string;
  value: string;
  count: number;
  withJob: number;
  /** Sum of the best job's score over those with a job, in score units (1e-4), so sums stay exact. */
  topJobScoreUnits: number;
  jobs: number;
  trainings: number;
}

export interface AuditTally {
  youthCount: number;
  groups: GroupTally[];
}

export interface FairnessAuditReport extends FairnessAudit {
  asOf: IsoDate;
  /** How many rematch batches the audit combines. */
  batches: number;
}

export const EMPTY_TALLY: AuditTally = { youthCount: 0, groups: [] };

const groupKey = (g: { group: string; value: string }) => `${g.group}\u0000${g.value}`;

/** The tally of one block of youth and their results (matched by youth id). */
export function tallyAudit(
  youth: readonly YouthProfile[],
  results: readonly YouthRecommendationFacts[],
): AuditTally {
  const byId = new Map(results.map((r) => [r.youthId, r]));
  let tally: AuditTally = EMPTY_TALLY;
  for (const profile of youth) {
    const result = byId.get(profile.youthId);
    if (!result) continue;
    // For one youth every statistic is exact: a 0/1 share, whole counts, the best score itself.
    const single = fairnessAudit([profile], [result], []);
    tally = mergeTallies(tally, {
      youthCount: single.youthCount,
      groups: single.groups.map((stats) => ({
        group: stats.group,
        value: stats.value,
        count: stats.count,
        withJob: stats.shareWithJob,
        topJobScoreUnits: toScoreUnits(stats.meanTopJobScore ?? 0),
        jobs: stats.meanJobs,
        trainings: stats.meanTrainings,
      })),
    });
  }
  return tally;
}

export function mergeTallies(a: AuditTally, b: AuditTally): AuditTally {
  const groups = new Map(a.groups.map((g) => [groupKey(g), { ...g }]));
  for (const g of b.groups) {
    const seen = groups.get(groupKey(g));
    if (!seen) {
      groups.set(groupKey(g), { ...g });
      continue;
    }
    seen.count += g.count;
    seen.withJob += g.withJob;
    seen.topJobScoreUnits += g.topJobScoreUnits;
    seen.jobs += g.jobs;
    seen.trainings += g.trainings;
  }
  return { youthCount: a.youthCount + b.youthCount, groups: [...groups.values()] };
}

const GROUP_ORDER = ['gender', 'disability', 'welfare_decile', 'district'];

function toStats(t: GroupTally): GroupStats {
  return {
    group: t.group,
    value: t.value,
    count: t.count,
    shareWithJob: round4(t.count === 0 ? 0 : t.withJob / t.count),
    meanTopJobScore: t.withJob === 0 ? null : round4(t.topJobScoreUnits / SCORE_SCALE / t.withJob),
    meanJobs: round4(t.count === 0 ? 0 : t.jobs / t.count),
    meanTrainings: round4(t.count === 0 ? 0 : t.trainings / t.count),
  };
}

function byGroupThenValue(a: GroupTally, b: GroupTally): number {
  const order = GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group);
  if (order !== 0) return order;
  if (a.group !== b.group) return a.group < b.group ? -1 : 1;
  return a.value.localeCompare(b.value, 'en', { numeric: true });
}

/**
 * The audit of a whole run: merged group statistics and every open vacancy that states a gender
 * requirement (for programme review; it never excludes anyone).
 */
export function finishAudit(
  tallies: readonly AuditTally[],
  openOpportunities: readonly OpportunityProfile[],
  asOf: IsoDate,
): FairnessAuditReport {
  const merged = tallies.reduce(mergeTallies, EMPTY_TALLY);
  const review = fairnessAudit([], [], openOpportunities).genderRequirementReview;
  return {
    asOf,
    batches: tallies.length,
    youthCount: merged.youthCount,
    groups: [...merged.groups].sort(byGroupThenValue).map(toStats),
    genderRequirementReview: review,
  };
}
