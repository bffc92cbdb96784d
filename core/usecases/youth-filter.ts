/**
 * Which youth a counsellor's list shows when filtered: by a search text (part of the youth id or
 * the display name, ignoring case), a data-quality flag, having no feasible job (no job in the
 * stored recommendations), an accommodation need, and the latest follow-up recorded.
 */
import { accommodationNeeds } from '../domain/disability.ts';
import type { YouthProfile } from '../domain/profiles.ts';
import type { OutcomeType, RecommendationHeadline } from '../ports.ts';

export interface YouthFilter {
  search?: string;
  /** A flag code; `aptitude_missing` also matches `aptitude_missing:<subtest>`. */
  flag?: string;
  noFeasibleJob?: boolean;
  accommodationNeed?: boolean;
  /** The type of the latest follow-up, or `none` for youth without one. */
  outcome?: OutcomeType | 'none';
}

/** What a filter looks at besides the profile; only loaded when the filter needs it. */
export interface YouthFilterFacts {
  headline?: RecommendationHeadline | undefined;
  latestOutcome?: OutcomeType | undefined;
}

export function isFiltered(filter: YouthFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}

function hasFlag(flags: readonly string[], code: string): boolean {
  return flags.some((f) => f === code || f.startsWith(`${code}:`));
}

export function matchesYouthFilter(
  profile: YouthProfile & { displayName?: string },
  facts: YouthFilterFacts,
  filter: YouthFilter,
): boolean {
  if (filter.search !== undefined) {
    const needle = filter.search.toLocaleLowerCase('id');
    const haystack = [profile.youthId, profile.displayName ?? ''].map((s) => s.toLocaleLowerCase('id'));
    if (!haystack.some((s) => s.includes(needle))) return false;
  }
  if (filter.flag !== undefined && !hasFlag(profile.flags, filter.flag)) return false;
  if (filter.noFeasibleJob !== undefined && (facts.headline?.topJob === undefined) !== filter.noFeasibleJob) {
    return false;
  }
  if (filter.accommodationNeed !== undefined) {
    const needs = accommodationNeeds(profile.disability).length > 0;
    if (needs !== filter.accommodationNeed) return false;
  }
  if (filter.outcome !== undefined && (facts.latestOutcome ?? 'none') !== filter.outcome) return false;
  return true;
}
