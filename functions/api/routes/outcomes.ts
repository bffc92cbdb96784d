/**
 * Outcome history of a youth: what happened after a recommendation, recorded by the counsellor.
 * Actor and time come from the token and the clock, never from the body. A complaint also flags
 * the opportunity for programme review, in the opportunity's district, where managers see it.
 */

import { z } from 'zod';
import { notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import { ConflictError, NotFoundError } from '#core/domain/errors';
import type { OpportunityKind } from '#core/domain/profiles';
import type { OutcomeRecord } from '#core/ports';
import { sha256Hex } from '#functions/shared/hash';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { type ApiDeps, defineRoute } from '../route.ts';
import { outcomeBody, outcomeListResponse, outcomeResponse, pageQuery, youthPath } from '../schemas.ts';
import { youthInScope } from './youth.ts';

/** The opportunity as stored; a counsellor may name any vacancy or training offer. */
async function opportunityDistrict(
  deps: Pick<ApiDeps, 'opportunities'>,
  opportunity: { kind: OpportunityKind; id: string },
): Promise<string> {
  const stored = await deps.opportunities.get(opportunity.kind, opportunity.id);
  if (!stored) {
    throw opportunity.kind === 'job'
      ? notFound('vacancy', opportunity.id)
      : new NotFoundError(`training offer ${opportunity.id} not found`);
  }
  return stored.profile.district;
}

function outcomeView(outcome: OutcomeRecord) {
  return {
    outcomeId: outcome.outcomeId,
    youthId: outcome.youthId,
    type: outcome.type,
    at: outcome.at,
    actor: { role: outcome.actor.role, id: outcome.actor.id },
    ...(outcome.opportunity && {
      opportunity: { kind: outcome.opportunity.kind, id: outcome.opportunity.id },
    }),
    ...(outcome.note !== undefined && { note: outcome.note }),
  };
}

function actorOf(principal: Principal): OutcomeRecord['actor'] {
  return { role: principal.role, id: principal.subject };
}

/** How long a retry with the same Idempotency-Key gets the first answer back. */
const IDEMPOTENCY_SECONDS = 24 * 60 * 60;

const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .optional()
    .describe(
      'Any unique value per outcome (a UUID); a retry with the same key, by the same caller for the same youth, within 24 hours returns the first answer instead of recording the outcome again',
    ),
});

/** Appends and counts; a replayed outcome already appended is neither written nor counted again. */
async function record(
  outcome: OutcomeRecord,
  district: string,
  reviewDistrict: string | undefined,
  replay: boolean,
  deps: ApiDeps,
) {
  let written = true;
  try {
    await deps.outcomes.append(outcome);
  } catch (error) {
    if (!(replay && error instanceof ConflictError)) throw error;
    written = false;
  }
  const flagged = outcome.type === 'complaint' && outcome.opportunity !== undefined;
  if (written) {
    // After the append: a failure here leaves the history right and at worst a count short.
    await deps.stats.countOutcome(district, outcome.type);
    if (flagged && reviewDistrict !== undefined && outcome.opportunity) {
      await deps.stats.flagForReview(reviewDistrict, outcome.opportunity, outcome.at);
    }
  }
  return { status: 201, body: { ...outcomeView(outcome), flaggedForReview: flagged } };
}

export const recordOutcome = defineRoute({
  method: 'POST',
  path: '/youth/{youthId}/outcomes',
  operationId: 'recordOutcome',
  summary: 'Record what happened: contacted, applied, interviewed, hired, enrolled, declined or a complaint',
  description:
    "Appends to the youth's history with the caller as actor and the server time. A complaint needs the opportunity and a note, and flags the opportunity for review. With an `Idempotency-Key`, a retry returns the first answer; the same key with another body is a 409.",
  tag: 'outcomes',
  access: 'outcome:record',
  params: youthPath,
  headers: idempotencyHeaders,
  body: outcomeBody,
  responses: { 201: { description: 'The recorded outcome', schema: outcomeResponse } },
  errors: [404, 409],
  async handle({ params, body, principal, headers }, deps) {
    const stored = await youthInScope(deps, principal, 'outcome:record', params.youthId);
    const reviewDistrict = body.opportunity ? await opportunityDistrict(deps, body.opportunity) : undefined;
    const outcome: OutcomeRecord = {
      outcomeId: deps.newId(),
      youthId: params.youthId,
      type: body.type,
      at: new Date(deps.now()).toISOString(),
      actor: actorOf(principal),
      ...(body.opportunity && { opportunity: { kind: body.opportunity.kind, id: body.opportunity.id } }),
      ...(body.note !== undefined && { note: body.note }),
    };
    const district = stored.profile.district;
    const key = headers['Idempotency-Key'];
    if (key === undefined) return record(outcome, district, reviewDistrict, false, deps);
    const nowSeconds = Math.floor(deps.now() / 1000);
    const fingerprint = sha256Hex(JSON.stringify([body.type, body.opportunity ?? null, body.note ?? null]));
    const reservation = await deps.outcomes.reserve(
      {
        scope: sha256Hex(JSON.stringify([principal.role, principal.subject, params.youthId, key])),
        fingerprint,
        expiresAt: nowSeconds + IDEMPOTENCY_SECONDS,
      },
      outcome,
      nowSeconds,
    );
    if (reservation.first) return record(outcome, district, reviewDistrict, false, deps);
    if (reservation.fingerprint !== fingerprint) {
      throw new ConflictError('this Idempotency-Key was already used for another outcome; use a new key');
    }
    return record(reservation.outcome, district, reviewDistrict, true, deps);
  },
});

export const listOutcomes = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}/outcomes',
  operationId: 'listOutcomes',
  summary: 'Outcome history of one youth, oldest first',
  tag: 'outcomes',
  access: 'youth:read',
  params: youthPath,
  query: pageQuery,
  responses: { 200: { description: 'One page of the history', schema: outcomeListResponse } },
  errors: [404],
  async handle({ params, query, principal }, deps) {
    await youthInScope(deps, principal, 'youth:read', params.youthId);
    const selectors = { youthId: params.youthId };
    const cursor = openPageCursor(deps, principal, 'listOutcomes', selectors, query.cursor);
    const page = await deps.outcomes.listByYouth(params.youthId, {
      ...(query.limit !== undefined && { limit: query.limit }),
      ...(cursor !== undefined && { cursor }),
    });
    const next = sealPageCursor(deps, principal, 'listOutcomes', selectors, page.cursor);
    return {
      status: 200,
      body: {
        youthId: params.youthId,
        items: page.items.map(outcomeView),
        ...(next !== undefined && { cursor: next }),
      },
    };
  },
});
