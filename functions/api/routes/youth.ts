/** Counsellors' youth routes: the district list, one profile, and the youth's recommendations. */

import type { Action } from '#core/access/policy';
import { authorize, notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import {
  type CounsellorYouthListItem,
  counsellorRecommendationsView,
  counsellorYouthListItem,
  counsellorYouthView,
  opportunityKey,
} from '#core/access/projections';
import { NotFoundError } from '#core/domain/errors';
import { explainSet } from '#core/matching/explain';
import type { OutcomeType, StoredYouth } from '#core/ports';
import { workTermsOf } from '#core/protection/work-terms';
import { isFiltered, matchesYouthFilter, type YouthFilter } from '#core/usecases/youth-filter';
import { DEFAULT_PAGE_LIMIT } from '#functions/adapters/dynamodb/common';
import { programmeDate } from '#functions/shared/programme-date';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { type ApiDeps, defineRoute } from '../route.ts';
import {
  noQuery,
  recommendationsQuery,
  recommendationsResponse,
  youthListQuery,
  youthListResponse,
  youthPath,
  youthProfileResponse,
} from '../schemas.ts';

type YouthAction = Extract<Action, 'youth:read' | 'youth:recommendations' | 'outcome:record' | 'case:raise'>;

/**
 * The stored youth, if the caller may act on it. Authorization reads the stored district, never
 * one from the request; a youth outside the caller's districts is the same 404 as a missing one.
 */
export async function youthInScope(
  deps: Pick<ApiDeps, 'youth'>,
  principal: Principal,
  action: YouthAction,
  youthId: string,
): Promise<StoredYouth> {
  const stored = await deps.youth.get(youthId);
  if (!stored) throw notFound('youth', youthId);
  authorize(principal, action, { youthId, district: stored.profile.district });
  return stored;
}

/** Reads of the district a filtered page may take before it returns what it found. */
export const MAX_FILTERED_READS = 20;

/** The type of each youth's latest follow-up, for the outcome filter. */
async function latestOutcomes(
  deps: Pick<ApiDeps, 'outcomes'>,
  youthIds: readonly string[],
): Promise<Map<string, OutcomeType>> {
  const latest = new Map<string, OutcomeType>();
  await Promise.all(
    youthIds.map(async (youthId) => {
      let cursor: string | undefined;
      do {
        const page = await deps.outcomes.listByYouth(youthId, { ...(cursor !== undefined && { cursor }) });
        const last = page.items.at(-1);
        if (last) latest.set(youthId, last.type);
        cursor = page.cursor;
      } while (cursor !== undefined);
    }),
  );
  return latest;
}

export const listYouth = defineRoute({
  method: 'GET',
  path: '/youth',
  operationId: 'listYouth',
  summary: 'Youth of one district with their top job and training',
  description:
    'Counsellors only, for one of their own districts (another district is 404). Pages follow `cursor`; a cursor is bound to the caller and the district.',
  tag: 'youth',
  access: 'youth:list',
  query: youthListQuery,
  responses: { 200: { description: 'One page of youth', schema: youthListResponse } },
  errors: [404],
  async handle({ query, principal }, deps) {
    authorize(principal, 'youth:list', { district: query.district });
    const { district, cursor: sealed, limit: asked, ...filterQuery } = query;
    const filter: YouthFilter = {
      ...(filterQuery.q !== undefined && { search: filterQuery.q }),
      ...(filterQuery.flag !== undefined && { flag: filterQuery.flag }),
      ...(filterQuery.noFeasibleJob !== undefined && { noFeasibleJob: filterQuery.noFeasibleJob }),
      ...(filterQuery.accommodationNeed !== undefined && {
        accommodationNeed: filterQuery.accommodationNeed,
      }),
      ...(filterQuery.outcome !== undefined && { outcome: filterQuery.outcome }),
    };
    // A cursor is bound to the filter too: it cannot be replayed against another selection.
    const selectors = {
      district,
      ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])),
    };
    let cursor = openPageCursor(deps, principal, 'listYouth', selectors, sealed);
    const limit = asked ?? DEFAULT_PAGE_LIMIT;
    const items: CounsellorYouthListItem[] = [];
    let reads = 0;
    // Unfiltered: one page. Filtered: read on (each read asks only for what is still missing, so
    // no matching youth is skipped) until the page is full, the district ends or the read budget
    // is spent; the cursor then continues where reading stopped.
    do {
      const page = await deps.youth.listByDistrict(district, {
        limit: limit - items.length,
        ...(cursor !== undefined && { cursor }),
      });
      reads += 1;
      const ids = page.items.map((y) => y.profile.youthId);
      const [headlines, outcomes] = await Promise.all([
        deps.recommendations.headlines(ids),
        filter.outcome !== undefined ? latestOutcomes(deps, ids) : undefined,
      ]);
      for (const { profile } of page.items) {
        const headline = headlines.get(profile.youthId);
        const facts = { headline, latestOutcome: outcomes?.get(profile.youthId) };
        if (matchesYouthFilter(profile, facts, filter))
          items.push(counsellorYouthListItem(profile, headline));
      }
      cursor = page.cursor;
    } while (
      isFiltered(filter) &&
      cursor !== undefined &&
      items.length < limit &&
      reads < MAX_FILTERED_READS
    );
    const next = sealPageCursor(deps, principal, 'listYouth', selectors, cursor);
    return { status: 200, body: { items, ...(next !== undefined && { cursor: next }) } };
  },
});

export const getYouth = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}',
  operationId: 'getYouth',
  summary: 'Profile summary of one youth',
  description:
    'Interest scores, Holland code, aptitude percentiles, skills, preferences, accommodation needs and data-quality flags. Age instead of birth date; no gender, welfare decile or NIK.',
  tag: 'youth',
  access: 'youth:read',
  params: youthPath,
  query: noQuery,
  responses: { 200: { description: 'The profile as a counsellor sees it', schema: youthProfileResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const stored = await youthInScope(deps, principal, 'youth:read', params.youthId);
    return { status: 200, body: counsellorYouthView(stored.profile, { asOf: programmeDate(deps.now()) }) };
  },
});

export const getRecommendations = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}/recommendations',
  operationId: 'getRecommendations',
  summary: 'Jobs, trainings and pathways recommended to one youth, with explanations',
  description:
    'Explanations in Indonesian (`lang=id`, the default) or English (`lang=en`). 404 also while the youth has no recommendations yet.',
  tag: 'youth',
  access: 'youth:recommendations',
  params: youthPath,
  query: recommendationsQuery,
  responses: { 200: { description: 'The current recommendations', schema: recommendationsResponse } },
  errors: [404],
  async handle({ params, query, principal }, deps) {
    await youthInScope(deps, principal, 'youth:recommendations', params.youthId);
    const stored = await deps.recommendations.get(params.youthId);
    if (!stored) throw new NotFoundError(`youth ${params.youthId} has no recommendations yet`);
    const explained = explainSet(stored.set, deps.skillLabel);
    const lang = query.lang ?? 'id';
    // The recommended opportunities as stored now: their RIASEC profiles are drawn beside the
    // youth's, and jobs carry their work terms. One removed since the set was written has neither.
    const recommended = [...explained.jobs, ...explained.trainings];
    const opportunities = await Promise.all(
      recommended.map((r) => deps.opportunities.get(r.kind, r.opportunityId)),
    );
    const profiles = new Map<string, readonly number[] | null>();
    recommended.forEach((r, i) => {
      const profile = opportunities[i]?.profile;
      const known = profile !== undefined && profile.riasecSource !== 'unknown';
      profiles.set(opportunityKey(r.kind, r.opportunityId), known ? profile.riasec : null);
    });
    const view = counsellorRecommendationsView(explained, { lang, profiles });
    const asOf = programmeDate(deps.now());
    const jobs = view.jobs.map((job, i) => {
      const stored = opportunities[i];
      return stored?.kind === 'job' ? { ...job, workTerms: workTermsOf(stored.record, asOf, lang) } : job;
    });
    return { status: 200, body: { ...view, jobs } };
  },
});
