/**
 * Counsellors' invitation routes: invite a youth of their district to the assessment app, list and
 * read a youth's invitations, revoke, re-issue, and add paper results of the subtests not taken on
 * screen. Scope is the youth's stored district, or for a youth not yet stored, the district the
 * counsellor registers them in; an invitation's own district decides afterwards.
 */
import { authorize, notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import { displayCode } from '#core/assessment/code';
import type { Invitation } from '#core/assessment/invitation';
import { ValidationError } from '#core/domain/errors';
import {
  createInvitation as createInvitationUseCase,
  registryFromProfile,
  reissueInvitation as reissueUseCase,
  revokeInvitation as revokeUseCase,
  setPaperAptitudes as setPaperUseCase,
} from '#core/usecases/assessment';
import { type ApiDeps, defineRoute } from '../route.ts';
import {
  invitationBody,
  invitationCreatedResponse,
  invitationListResponse,
  invitationPath,
  invitationResponse,
  noQuery,
  paperAptitudesBody,
  reissueBody,
  youthPath,
} from '../schemas.ts';

type InvitationAction = 'invitation:read' | 'invitation:manage';

async function invitationInScope(
  deps: ApiDeps,
  principal: Principal,
  action: InvitationAction,
  youthId: string,
  invitationId: string,
): Promise<Invitation> {
  const invitation = await deps.assessment.invitations.get(youthId, invitationId);
  if (!invitation) throw notFound('youth', youthId);
  authorize(principal, action, { youthId, district: invitation.district });
  return invitation;
}

export function invitationView(invitation: Invitation, nowMs: number) {
  return {
    invitationId: invitation.invitationId,
    youthId: invitation.youthId,
    district: invitation.district,
    instrument: invitation.instrument,
    status: invitation.status,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    expired: invitation.status === 'active' && nowMs >= Date.parse(invitation.expiresAt),
    ...(invitation.revokedAt !== undefined && { revokedAt: invitation.revokedAt }),
    ...(invitation.replacedBy !== undefined && { replacedBy: invitation.replacedBy }),
    ...(invitation.submission && {
      submittedAt: invitation.submission.submittedAt,
      uploadId: invitation.submission.uploadId,
    }),
    paperAptitudes: invitation.paperAptitudes,
  };
}

/** The link puts the code in the fragment: browsers never send it to the server that serves the app. */
function created(deps: ApiDeps, made: { invitation: Invitation; code: string }, replaces?: string) {
  const code = displayCode(made.code);
  const link = deps.assessmentAppUrl !== undefined ? `${deps.assessmentAppUrl}#${code}` : undefined;
  return {
    invitationId: made.invitation.invitationId,
    youthId: made.invitation.youthId,
    instrument: made.invitation.instrument,
    code,
    expiresAt: made.invitation.expiresAt,
    ...(link !== undefined && { link, qrPayload: link }),
    ...(replaces !== undefined && { replaces }),
  };
}

export const createInvitation = defineRoute({
  method: 'POST',
  path: '/invitations',
  operationId: 'createInvitation',
  summary: 'Invite a youth to take the assessment in the app',
  description:
    'Counsellors, for a youth of their own districts: a stored youth (`youthId` only) or a new one (`youth` with the registry fields). Returns the 8-character code once, and the link/QR payload that carries it. Single use, expiring (7 days unless `expiresInDays`).',
  tag: 'assessment',
  access: 'invitation:create',
  body: invitationBody,
  responses: { 201: { description: 'The invitation and its code', schema: invitationCreatedResponse } },
  errors: [404],
  async handle({ body, principal }, deps) {
    const stored = await deps.youth.get(body.youthId);
    if (stored && body.youth) {
      throw new ValidationError([
        {
          field: 'youth',
          reason: `youth ${body.youthId} is already registered; invite them by youthId alone`,
        },
      ]);
    }
    if (!stored && !body.youth) throw notFound('youth', body.youthId);
    const district = stored ? stored.profile.district : body.youth!.district;
    authorize(principal, 'invitation:create', { youthId: body.youthId, district });
    const fromProfile = stored ? registryFromProfile(stored.profile) : undefined;
    const youth = body.youth;
    const registry = fromProfile?.registry ?? {
      gender: youth!.gender,
      birthDate: youth!.birthDate,
      education: youth!.education,
      ...(youth!.disability && { disability: youth!.disability }),
      ...(youth!.welfareDecile !== undefined && { welfareDecile: youth!.welfareDecile }),
    };
    const made = await createInvitationUseCase(
      {
        youthId: body.youthId,
        district,
        instrument: body.instrument,
        registry,
        paperAptitudes: { ...fromProfile?.carried, ...body.paperAptitudes },
        counsellor: body.counsellor,
        createdBy: principal.subject,
        ...(body.expiresInDays !== undefined && { days: body.expiresInDays }),
      },
      deps.assessment,
    );
    return { status: 201, body: created(deps, made) };
  },
});

export const listInvitations = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}/invitations',
  operationId: 'listInvitations',
  summary: "A youth's assessment invitations, newest first",
  description: 'Codes are never shown again; status, expiry and the submission report id are.',
  tag: 'assessment',
  access: 'invitation:read',
  params: youthPath,
  query: noQuery,
  responses: { 200: { description: 'The invitations', schema: invitationListResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const invitations = await deps.assessment.invitations.listByYouth(params.youthId);
    const stored = invitations.length === 0 ? await deps.youth.get(params.youthId) : undefined;
    const district = invitations[0]?.district ?? stored?.profile.district;
    if (district === undefined) throw notFound('youth', params.youthId);
    authorize(principal, 'invitation:read', { youthId: params.youthId, district });
    const now = deps.now();
    return {
      status: 200,
      body: { youthId: params.youthId, items: invitations.map((i) => invitationView(i, now)) },
    };
  },
});

export const getInvitation = defineRoute({
  method: 'GET',
  path: '/youth/{youthId}/invitations/{invitationId}',
  operationId: 'getInvitation',
  summary: 'One assessment invitation',
  tag: 'assessment',
  access: 'invitation:read',
  params: invitationPath,
  query: noQuery,
  responses: { 200: { description: 'The invitation', schema: invitationResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const invitation = await invitationInScope(
      deps,
      principal,
      'invitation:read',
      params.youthId,
      params.invitationId,
    );
    return { status: 200, body: invitationView(invitation, deps.now()) };
  },
});

export const revokeInvitation = defineRoute({
  method: 'POST',
  path: '/youth/{youthId}/invitations/{invitationId}/revoke',
  operationId: 'revokeInvitation',
  summary: 'Revoke an invitation: its code stops working',
  description: '409 when the code was already used for a submission.',
  tag: 'assessment',
  access: 'invitation:manage',
  params: invitationPath,
  query: noQuery,
  responses: { 200: { description: 'The revoked invitation', schema: invitationResponse } },
  errors: [404, 409],
  async handle({ params, principal }, deps) {
    const invitation = await invitationInScope(
      deps,
      principal,
      'invitation:manage',
      params.youthId,
      params.invitationId,
    );
    const revoked = await revokeUseCase(invitation, deps.assessment);
    return { status: 200, body: invitationView(revoked, deps.now()) };
  },
});

export const reissueInvitation = defineRoute({
  method: 'POST',
  path: '/youth/{youthId}/invitations/{invitationId}/reissue',
  operationId: 'reissueInvitation',
  summary: 'A new code for the same youth and instrument; the old one is revoked',
  description: 'For a lost or expired code. Answers kept on the youth’s device carry over to the new code.',
  tag: 'assessment',
  access: 'invitation:manage',
  params: invitationPath,
  query: noQuery,
  body: reissueBody,
  responses: { 201: { description: 'The new invitation and its code', schema: invitationCreatedResponse } },
  errors: [404, 409],
  async handle({ params, body, principal }, deps) {
    const invitation = await invitationInScope(
      deps,
      principal,
      'invitation:manage',
      params.youthId,
      params.invitationId,
    );
    const made = await reissueUseCase(
      invitation,
      { createdBy: principal.subject, ...(body.expiresInDays !== undefined && { days: body.expiresInDays }) },
      deps.assessment,
    );
    return { status: 201, body: created(deps, made, invitation.invitationId) };
  },
});

export const setPaperAptitudes = defineRoute({
  method: 'PUT',
  path: '/youth/{youthId}/invitations/{invitationId}/paper-aptitudes',
  operationId: 'setPaperAptitudes',
  summary: 'Paper results of the subtests not taken on screen',
  description:
    'Verbal, abstract, spatial and mechanical results as `{correct, total}`, entered while the invitation is open; they go into the submitted assessment.',
  tag: 'assessment',
  access: 'invitation:manage',
  params: invitationPath,
  query: noQuery,
  body: paperAptitudesBody,
  responses: { 200: { description: 'The invitation', schema: invitationResponse } },
  errors: [404, 409],
  async handle({ params, body, principal }, deps) {
    const invitation = await invitationInScope(
      deps,
      principal,
      'invitation:manage',
      params.youthId,
      params.invitationId,
    );
    const next = await setPaperUseCase(invitation, body.paperAptitudes, deps.assessment);
    return { status: 200, body: invitationView(next, deps.now()) };
  },
});
