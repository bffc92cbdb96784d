/**
 * Opportunities held for programme review (docs/protection.md): managers list them per district
 * and release them with a reason. A release takes effect on the next rematch (nightly, or the
 * next upload), like any other change to what may be recommended.
 */
import { z } from 'zod';
import { authorize } from '#core/access/policy';
import { NotFoundError } from '#core/domain/errors';
import { HOLD_CODES, isHeld, releaseHolds } from '#core/protection/holds';
import { nothingToRelease, type OpportunityReview, updateReview } from '#core/protection/review';
import { defineRoute } from '../route.ts';
import { apiComponents, recordId, summaryQuery } from '../schemas.ts';

const holdView = z.strictObject({
  code: z.enum(HOLD_CODES),
  reason: z.string(),
  since: z.string(),
  release: z
    .strictObject({
      by: z.strictObject({ role: z.string(), id: z.string() }),
      at: z.string(),
      reason: z.string(),
    })
    .optional(),
});

export const reviewResponse = z
  .strictObject({
    kind: z.enum(['job', 'training']),
    opportunityId: z.string(),
    ownerId: z.string(),
    district: z.string(),
    title: z.string(),
    held: z.boolean(),
    holds: z.array(holdView),
    updatedAt: z.string(),
  })
  .register(apiComponents, { id: 'OpportunityReview' });

export const heldListResponse = z
  .strictObject({ items: z.array(reviewResponse) })
  .register(apiComponents, { id: 'HeldOpportunities' });

const releasePath = z.strictObject({ kind: z.enum(['job', 'training']), opportunityId: recordId });
const releaseBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'alasan minimal 10 karakter (give a reason of at least 10 characters)')
    .max(1000, 'must be at most 1000 characters')
    .describe('Why the hold no longer applies; kept with the release'),
});

function reviewView(review: OpportunityReview) {
  return {
    kind: review.kind,
    opportunityId: review.opportunityId,
    ownerId: review.ownerId,
    district: review.district,
    title: review.title,
    held: isHeld(review.holds),
    holds: review.holds.map((h) => ({
      code: h.code,
      reason: h.reason,
      since: h.since,
      ...(h.release && { release: { by: { ...h.release.by }, at: h.release.at, reason: h.release.reason } }),
    })),
    updatedAt: review.updatedAt,
  };
}

export const listHeld = defineRoute({
  method: 'GET',
  path: '/reviews/held',
  operationId: 'listHeld',
  summary: 'Vacancies and training offers held for programme review',
  description:
    'Managers only. Held: not recommended until released. Each hold says why (wage below the district UMK, a fee asked of applicants, fee wording, a serious complaint, repeated complaints against the employer). `district` narrows the list as in the summary.',
  tag: 'protection',
  access: 'review:list',
  query: summaryQuery,
  responses: { 200: { description: 'Held opportunities, oldest hold first', schema: heldListResponse } },
  async handle({ query, principal }, deps) {
    const asked = query.district?.split(',');
    const decision = authorize(principal, 'review:list', asked ? { districts: asked } : {});
    const districts = [...(decision.districts ?? deps.pilotDistricts)].sort();
    const lists = await Promise.all(districts.map((d) => deps.reviews.listByDistrict(d)));
    const held = lists
      .flat()
      .filter((r) => isHeld(r.holds))
      .sort(
        (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.opportunityId.localeCompare(b.opportunityId),
      );
    return { status: 200, body: { items: held.map(reviewView) } };
  },
});

export const releaseHeld = defineRoute({
  method: 'POST',
  path: '/reviews/{kind}/{opportunityId}/release',
  operationId: 'releaseHeld',
  summary: 'Release a held vacancy or training offer, with a reason',
  description:
    "Managers of the opportunity's district. Every hold in force is released with the caller, the time and the reason; a later re-upload that changes the wage or the fee, or a new serious case, holds it again. 409 when nothing is held.",
  tag: 'protection',
  access: 'review:release',
  params: releasePath,
  body: releaseBody,
  responses: { 200: { description: 'The review after the release', schema: reviewResponse } },
  errors: [404, 409],
  async handle({ params, body, principal }, deps) {
    const current = await deps.reviews.get(params.kind, params.opportunityId);
    const missing = () =>
      new NotFoundError(
        `${params.kind === 'job' ? 'vacancy' : 'training offer'} ${params.opportunityId} not found`,
      );
    if (!current) throw missing();
    authorize(principal, 'review:release', {
      record: params.kind === 'job' ? 'vacancy' : 'training offer',
      id: params.opportunityId,
      district: current.district,
    });
    const at = new Date(deps.now()).toISOString();
    const release = { by: { role: principal.role, id: principal.subject }, at, reason: body.reason };
    const updated = await updateReview(deps.reviews, current, at, (holds) => {
      if (!isHeld(holds)) throw nothingToRelease(params.kind, params.opportunityId);
      return releaseHolds(holds, release);
    });
    if (!updated) throw missing();
    return { status: 200, body: reviewView(updated) };
  },
});
