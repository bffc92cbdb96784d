/**
 * Fairness audit over match results: does each group get recommendations as often and as good as
 * the others? Gender is read here, and only here, to make that visible; it never enters a score.
 */
import { accommodationNeeds } from '../domain/disability.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import { round4 } from './components.ts';
import type { YouthRecommendationFacts } from './types.ts';

export interface GroupStats {
  group: string;
  value: string;
  count: number;
  /** Share of the group with at least one job recommendation, 0..1. */
  shareWithJob: number;
  /** Mean score of the best job among those who have one; null when nobody has one. */
  meanTopJobScore: number | null;
  meanJobs: number;
  meanTrainings: number;
}

export interface GenderReviewItem {
  opportunityId: string;
  title: string;
  ownerName: string;
  genderRequirement: string;
}

export interface FairnessAudit {
  youthCount: number;
  groups: GroupStats[];
  /** Vacancies stating a gender requirement: for programme review, never used to exclude anyone. */
  genderRequirementReview: GenderReviewItem[];
}

const GROUPINGS: { group: string; groupOf: (youth: YouthProfile) => string }[] = [
  { group: 'gender', groupOf: (y) => y.gender },
  { group: 'disability', groupOf: (y) => (accommodationNeeds(y.disability).length > 0 ? 'yes' : 'no') },
  {
    group: 'welfare_decile',
    groupOf: (y) => (y.welfareDecile === undefined ? 'unknown' : String(y.welfareDecile)),
  },
  { group: 'district', groupOf: (y) => y.district },
];

function stats(group: string, value: string, results: YouthRecommendationFacts[]): GroupStats {
  const withJob = results.filter((r) => r.jobs.length > 0);
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    group,
    value,
    count: results.length,
    shareWithJob: round4(results.length === 0 ? 0 : withJob.length / results.length),
    meanTopJobScore: withJob.length === 0 ? null : round4(mean(withJob.map((r) => r.jobs[0]!.score))),
    meanJobs: round4(mean(results.map((r) => r.jobs.length))),
    meanTrainings: round4(mean(results.map((r) => r.trainings.length))),
  };
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * `results` are matched to `youth` by youth id. Pass `opportunities` to list every vacancy with a
 * gender requirement; without it the list holds those that appear among the recommendations.
 */
export function fairnessAudit(
  youth: readonly YouthProfile[],
  results: readonly YouthRecommendationFacts[],
  opportunities?: readonly OpportunityProfile[],
): FairnessAudit {
  const byId = new Map(results.map((r) => [r.youthId, r]));
  const groups: GroupStats[] = [];
  for (const { group, groupOf } of GROUPINGS) {
    const members = new Map<string, YouthRecommendationFacts[]>();
    for (const y of youth) {
      const result = byId.get(y.youthId);
      if (!result) continue;
      const value = groupOf(y);
      members.set(value, [...(members.get(value) ?? []), result]);
    }
    for (const value of [...members.keys()].sort(naturalOrder)) {
      groups.push(stats(group, value, members.get(value)!));
    }
  }
  return { youthCount: byId.size, groups, genderRequirementReview: genderReview(results, opportunities) };
}

function genderReview(
  results: readonly YouthRecommendationFacts[],
  opportunities?: readonly OpportunityProfile[],
): GenderReviewItem[] {
  const items = new Map<string, GenderReviewItem>();
  if (opportunities) {
    for (const o of opportunities) {
      if (o.kind === 'job' && o.genderRequirement !== undefined && o.genderRequirement !== 'any') {
        items.set(o.id, {
          opportunityId: o.id,
          title: o.title,
          ownerName: o.ownerName,
          genderRequirement: o.genderRequirement,
        });
      }
    }
  } else {
    for (const result of results) {
      for (const job of result.jobs) {
        if (job.flags.includes('gender_requirement_review') && !items.has(job.opportunityId)) {
          items.set(job.opportunityId, {
            opportunityId: job.opportunityId,
            title: job.title,
            ownerName: job.ownerName,
            genderRequirement: 'stated',
          });
        }
      }
    }
  }
  return [...items.values()].sort((a, b) => naturalOrder(a.opportunityId, b.opportunityId));
}
