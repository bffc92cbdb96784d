/**
 * Ranked candidates of a vacancy. Employers see their own vacancies' candidates under per-vacancy
 * pseudonyms; counsellors see any vacancy's candidates, but only the youth of their own districts.
 */
import { type AccessDecision, authorize, decisionCoversDistrict, notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import {
  type CandidateInput,
  counsellorCandidateView,
  employerCandidateView,
} from '#core/access/projections';
import type { CandidateEntry } from '#core/ports';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { type ApiDeps, defineRoute } from '../route.ts';
import { candidatesResponse, pageQuery, vacancyPath } from '../schemas.ts';

/**
 * A counsellor's page is filtered to their districts, so one storage page may hold few of their
 * youth; a few storage pages are read to fill it. The cursor always points after the last storage
 * page read, so nothing is skipped or repeated.
 */
const MAX_STORAGE_PAGES = 5;
const DEFAULT_LIMIT = 50;

interface CollectedPage {
  inputs: CandidateInput[];
  cursor?: string;
}

async function collectCandidates(
  deps: ApiDeps,
  vacancyId: string,
  skills: readonly string[],
  decision: AccessDecision,
  limit: number,
  start: string | undefined,
): Promise<CollectedPage> {
  const inputs: CandidateInput[] = [];
  let cursor = start;
  for (let round = 0; round < MAX_STORAGE_PAGES; round++) {
    const page = await deps.recommendations.listCandidates('job', vacancyId, {
      limit: limit - inputs.length,
      ...(cursor !== undefined && { cursor }),
    });
    // The district stored with an entry rules out other districts' youth before any profile read.
    const reachable = page.items.filter(
      (entry) => entry.district === undefined || decisionCoversDistrict(decision, entry.district),
    );
    const profiles = await Promise.all(reachable.map((entry) => deps.youth.get(entry.youthId)));
    reachable.forEach((entry: CandidateEntry, i) => {
      const youth = profiles[i]?.profile;
      // An entry whose youth was erased a moment ago, or outside the caller's districts, is skipped.
      if (!youth || !decisionCoversDistrict(decision, youth.district)) return;
      inputs.push({ youth, score: entry.score, rank: entry.rank, opportunitySkills: skills });
    });
    cursor = page.cursor;
    if (cursor === undefined || inputs.length >= limit) break;
  }
  return cursor === undefined ? { inputs } : { inputs, cursor };
}

function views(principal: Principal, deps: ApiDeps, vacancyId: string, inputs: CandidateInput[]) {
  if (principal.role === 'employer') {
    return inputs.map((input) =>
      employerCandidateView({ ...input, pseudonym: deps.pseudonymise(vacancyId, input.youth.youthId) }),
    );
  }
  return inputs.map(counsellorCandidateView);
}

export const listCandidates = defineRoute({
  method: 'GET',
  path: '/vacancies/{vacancyId}/candidates',
  operationId: 'listCandidates',
  summary: 'Ranked candidates of a vacancy, best first',
  description:
    'Employers: their own vacancies only, candidates as per-vacancy pseudonyms with score and skills. Counsellors: any vacancy, only youth of their districts. A page may hold fewer than `limit` items; follow `cursor` until it is absent.',
  tag: 'vacancies',
  access: 'vacancy:candidates',
  params: vacancyPath,
  query: pageQuery,
  responses: { 200: { description: 'One page of candidates', schema: candidatesResponse } },
  errors: [404],
  async handle({ params, query, principal }, deps) {
    const vacancy = await deps.opportunities.get('job', params.vacancyId);
    if (vacancy?.kind !== 'job') throw notFound('vacancy', params.vacancyId);
    const decision = authorize(principal, 'vacancy:candidates', {
      vacancyId: params.vacancyId,
      employerId: vacancy.record.employer_id,
      district: vacancy.profile.district,
    });
    const selectors = { vacancyId: params.vacancyId };
    const start = openPageCursor(deps, principal, 'listCandidates', selectors, query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = await collectCandidates(
      deps,
      params.vacancyId,
      vacancy.profile.skills,
      decision,
      limit,
      start,
    );
    const next = sealPageCursor(deps, principal, 'listCandidates', selectors, page.cursor);
    return {
      status: 200,
      body: {
        vacancyId: params.vacancyId,
        view: principal.role === 'employer' ? 'employer' : 'counsellor',
        items: views(principal, deps, params.vacancyId, page.inputs),
        ...(next !== undefined && { cursor: next }),
      },
    };
  },
});
