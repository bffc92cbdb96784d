/** Counsellors' youth routes: the district list, one profile, and the youth's recommendations. */

import type { Action } from '#core/access/policy';
import { authorize, notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import {
  counsellorRecommendationsView,
  counsellorYouthListItem,
  counsellorYouthView,
} from '#core/access/projections';
import { NotFoundError } from '#core/domain/errors';
import { explainSet } from '#core/matching/explain';
import type { StoredYouth } from '#core/ports';
import { workTermsOf } from '#core/protection/work-terms';
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
    const selectors = { district: query.district };
    const cursor = openPageCursor(deps, principal, 'listYouth', selectors, query.cursor);
    const page = await deps.youth.listByDistrict(query.district, {
      ...(query.limit !== undefined && { limit: query.limit }),
      ...(cursor !== undefined && { cursor }),
    });
    const headlines = await deps.recommendations.headlines(page.items.map((y) => y.profile.youthId));
    const next = sealPageCursor(deps, principal, 'listYouth', selectors, page.cursor);
    return {
      status: 200,
      body: {
        items: page.items.map((y) => counsellorYouthListItem(y.profile, headlines.get(y.profile.youthId))),
        ...(next !== undefined && { cursor: next }),
      },
    };
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
    const view = counsellorRecommendationsView(explained, { lang });
    const asOf = programmeDate(deps.now());
    const vacancies = await Promise.all(
      view.jobs.map((job) => deps.opportunities.get('job', job.opportunityId)),
    );
    const jobs = view.jobs.map((job, i) => {
      const stored = vacancies[i];
      return stored?.kind === 'job' ? { ...job, workTerms: workTermsOf(stored.record, asOf, lang) } : job;
    });
    return { status: 200, body: { ...view, jobs } };
  },
});
