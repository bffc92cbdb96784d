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
import { NotFoundError } from '#core/domain/errors';
import type { CandidateEntry, OutcomeRecord } from '#core/ports';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { type ApiDeps, defineRoute } from '../route.ts';
import {
  candidatePath,
  candidatesResponse,
  interestResponse,
  noQuery,
  pageQuery,
  vacancyPath,
} from '../schemas.ts';

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

/** The employer's interest outcomes about the vacancy (outcomes are indexed by opportunity). */
async function interestOutcomes(deps: ApiDeps, vacancyId: string): Promise<OutcomeRecord[]> {
  const found: OutcomeRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.outcomes.listByOpportunity('job', vacancyId, {
      limit: 100,
      ...(cursor !== undefined && { cursor }),
    });
    found.push(...page.items.filter((outcome) => outcome.type === 'employer_interest'));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return found;
}

async function views(principal: Principal, deps: ApiDeps, vacancyId: string, inputs: CandidateInput[]) {
  const interested = new Set(
    inputs.length === 0 ? [] : (await interestOutcomes(deps, vacancyId)).map((o) => o.youthId),
  );
  if (principal.role === 'employer') {
    return inputs.map((input) => ({
      ...employerCandidateView({ ...input, pseudonym: deps.pseudonymise(vacancyId, input.youth.youthId) }),
      interested: interested.has(input.youth.youthId),
    }));
  }
  return inputs.map((input) => ({
    ...counsellorCandidateView(input),
    employerInterested: interested.has(input.youth.youthId),
  }));
}

/** The youth behind a pseudonym: the list is walked and each entry's pseudonym computed. */
async function youthOfPseudonym(deps: ApiDeps, vacancyId: string, candidate: string) {
  let cursor: string | undefined;
  do {
    const page = await deps.recommendations.listCandidates('job', vacancyId, {
      limit: 100,
      ...(cursor !== undefined && { cursor }),
    });
    const found = page.items.find((entry) => deps.pseudonymise(vacancyId, entry.youthId) === candidate);
    if (found) return found.youthId;
    cursor = page.cursor;
  } while (cursor !== undefined);
  return undefined;
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
        items: await views(principal, deps, params.vacancyId, page.inputs),
        ...(next !== undefined && { cursor: next }),
      },
    };
  },
});

export const markCandidateInterest = defineRoute({
  method: 'POST',
  path: '/vacancies/{vacancyId}/candidates/{candidate}/interest',
  operationId: 'markCandidateInterest',
  summary: 'The employer is interested in a pseudonymous candidate of their vacancy',
  description:
    "Recorded once per candidate and vacancy as an `employer_interest` outcome in the youth's history, so the youth's counsellor sees it and can introduce the youth. The employer learns nothing more about the candidate. Repeating it changes nothing (200 with `recorded: false`).",
  tag: 'vacancies',
  access: 'vacancy:interest',
  params: candidatePath,
  query: noQuery,
  responses: {
    201: { description: 'Interest recorded', schema: interestResponse },
    200: { description: 'Interest had been recorded before', schema: interestResponse },
  },
  errors: [404],
  async handle({ params, principal }, deps) {
    const vacancy = await deps.opportunities.get('job', params.vacancyId);
    if (vacancy?.kind !== 'job') throw notFound('vacancy', params.vacancyId);
    authorize(principal, 'vacancy:interest', {
      vacancyId: params.vacancyId,
      employerId: vacancy.record.employer_id,
      district: vacancy.profile.district,
    });
    const youthId = await youthOfPseudonym(deps, params.vacancyId, params.candidate);
    const youth = youthId === undefined ? undefined : await deps.youth.get(youthId);
    if (!youth) throw new NotFoundError(`candidate ${params.candidate} not found`);
    const answer = (at: string, recorded: boolean) => ({
      status: recorded ? 201 : 200,
      body: { vacancyId: params.vacancyId, candidate: params.candidate, interestedAt: at, recorded },
    });
    const earlier = (await interestOutcomes(deps, params.vacancyId)).find((o) => o.youthId === youthId);
    if (earlier) return answer(earlier.at, false);
    const at = new Date(deps.now()).toISOString();
    await deps.outcomes.append({
      outcomeId: deps.newId(),
      youthId: youth.profile.youthId,
      type: 'employer_interest',
      at,
      actor: { role: principal.role, id: principal.subject },
      opportunity: { kind: 'job', id: params.vacancyId },
    });
    await deps.stats.countOutcome(youth.profile.district, 'employer_interest');
    return answer(at, true);
  },
});
