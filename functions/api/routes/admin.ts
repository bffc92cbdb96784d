/**
 * Data-subject requests under UU PDP 27/2022, handled by the programme's data office (admin):
 * access (everything stored about one youth) and erasure (all of it, which also takes the youth
 * off every vacancy's and training offer's candidate list).
 */
import { authorize, notFound } from '#core/access/policy';
import { eraseYouth as erase } from '#core/usecases/erase-youth';
import { defineRoute } from '../route.ts';
import { erasureResponse, exportResponse, noQuery, youthPath } from '../schemas.ts';

export const exportYouth = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}/export',
  operationId: 'exportYouth',
  summary: 'Everything stored about one youth (data-subject access)',
  description:
    'Admin only. Profile as stored (including the NIK pseudonym, never the NIK), recommendation set, candidate entries, outcome history, assessment invitations (without code hash) and consent records.',
  tag: 'data subject',
  access: 'youth:export',
  params: youthPath,
  query: noQuery,
  responses: { 200: { description: 'The complete record', schema: exportResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const [stored, cases] = await Promise.all([
      deps.youth.exportAll(params.youthId),
      deps.cases.listByYouth(params.youthId),
    ]);
    const nothing =
      !stored.youth &&
      !stored.recommendations &&
      stored.outcomes.length === 0 &&
      stored.invitations.length === 0 &&
      stored.consents.length === 0 &&
      cases.length === 0;
    if (nothing && stored.candidateEntries.length === 0) throw notFound('youth', params.youthId);
    authorize(principal, 'youth:export', {
      youthId: params.youthId,
      district: stored.youth?.profile.district ?? '',
    });
    return {
      status: 200,
      body: {
        youthId: params.youthId,
        exportedAt: new Date(deps.now()).toISOString(),
        ...(stored.youth && { youth: stored.youth }),
        ...(stored.recommendations && { recommendations: stored.recommendations }),
        candidateEntries: stored.candidateEntries,
        outcomes: stored.outcomes,
        invitations: stored.invitations,
        consents: stored.consents,
        cases,
      },
    };
  },
});

export const eraseYouth = defineRoute({
  method: 'DELETE',
  path: '/youth/{youthId}',
  operationId: 'eraseYouth',
  summary: 'Erase one youth (data-subject erasure)',
  description:
    'Admin only. Writes tombstones for the youth id and NIK pseudonym first, then deletes profile, recommendations, candidate entries, outcomes, assessment invitations and consent records; the youth disappears from every candidate list, a rematch still running cannot write them back, and later uploads of their records are refused unless assessed after the erasure. District outcome counters and review flags name no youth and stay. 404 when nothing is stored.',
  tag: 'data subject',
  access: 'youth:erase',
  params: youthPath,
  query: noQuery,
  responses: { 200: { description: 'What was erased', schema: erasureResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const stored = await deps.youth.get(params.youthId);
    authorize(principal, 'youth:erase', {
      youthId: params.youthId,
      district: stored?.profile.district ?? '',
    });
    const { subject, ...erased } = await erase(params.youthId, new Date(deps.now()).toISOString(), deps);
    if (!subject) throw notFound('youth', params.youthId);
    return { status: 200, body: { youthId: params.youthId, erased } };
  },
});
