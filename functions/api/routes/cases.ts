/**
 * Complaint cases (docs/protection.md): raised by a counsellor for a youth of their district,
 * listed and filtered per district, moved through their lifecycle, assigned, and referred to a
 * service of the district directory. Counsellors of the youth's district and its managers act on
 * them; managers see cases without the youth's id (they work with aggregates, not people).
 */
import { z } from 'zod';
import { authorize } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import { NotFoundError } from '#core/domain/errors';
import {
  assignCase,
  CASE_CATEGORIES,
  CASE_SEVERITIES,
  CASE_STATUSES,
  type ComplaintCase,
  changeStatus,
  isOverdue,
  REFERRAL_STATUSES,
  referCase,
  updateReferral,
} from '#core/protection/cases';
import { SERVICE_KINDS, servicesFor } from '#core/protection/services';
import { changeCase, raiseCase } from '#core/usecases/cases';
import { type ApiDeps, defineRoute } from '../route.ts';
import { apiComponents, districtCode, recordId, youthPath } from '../schemas.ts';
import { youthInScope } from './youth.ts';

const actor = z.strictObject({ role: z.string(), id: z.string() });

export const caseResponse = z
  .strictObject({
    caseId: z.string(),
    youthId: z.string().optional().describe('Counsellors only; managers see cases without it'),
    district: z.string(),
    category: z.enum(CASE_CATEGORIES),
    severity: z.enum(CASE_SEVERITIES),
    status: z.enum(CASE_STATUSES),
    description: z.string(),
    anonymousToEmployer: z.boolean(),
    opportunity: z
      .strictObject({
        kind: z.enum(['job', 'training']),
        id: z.string(),
        ownerId: z.string(),
        ownerName: z.string(),
        district: z.string(),
      })
      .optional(),
    raisedBy: actor,
    assignee: actor.optional(),
    openedAt: z.string(),
    dueBy: z.string(),
    overdue: z.boolean(),
    referral: z
      .strictObject({
        serviceId: z.string(),
        serviceName: z.string(),
        status: z.enum(REFERRAL_STATUSES),
        at: z.string(),
        note: z.string().optional(),
      })
      .optional(),
    history: z.array(
      z.strictObject({
        at: z.string(),
        by: actor,
        action: z.enum(['opened', 'status', 'assigned', 'referred', 'referral_status']),
        from: z.string().optional(),
        to: z.string().optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .register(apiComponents, { id: 'ComplaintCase' });

const raisedResponse = z
  .strictObject({
    case: caseResponse,
    suspended: z.boolean().describe('The opportunity is held from recommendations because of this case'),
    employerVacanciesHeld: z.number().int(),
  })
  .register(apiComponents, { id: 'RaisedCase' });

const caseListResponse = z
  .strictObject({ items: z.array(caseResponse) })
  .register(apiComponents, { id: 'ComplaintCases' });

const serviceListResponse = z
  .strictObject({
    district: z.string(),
    items: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(SERVICE_KINDS),
        name: z.string(),
        contact: z.string(),
        example: z.boolean(),
      }),
    ),
  })
  .register(apiComponents, { id: 'SupportServices' });

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const reason = z.string().trim().min(5, 'alasan minimal 5 karakter (give a reason)').max(1000);

/** Category and severity are checked by the case rules, so an unknown one gets the rules' own message. */
const raiseBody = z.strictObject({
  category: z.string().describe(`One of ${CASE_CATEGORIES.join(', ')}`),
  severity: z.string().describe(`One of ${CASE_SEVERITIES.join(', ')}; high suspends the opportunity`),
  description: text(2000).describe('What happened, without names or ID numbers'),
  opportunity: z.strictObject({ kind: z.enum(['job', 'training']), id: recordId }).optional(),
  anonymousToEmployer: z.boolean().optional(),
});

const casePath = z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a case id') });
const statusBody = z.strictObject({ status: z.string(), reason });
const assignBody = z.strictObject({ role: z.enum(['counsellor', 'manager']), id: text(100) });
const referralBody = z.strictObject({ serviceId: text(60), note: text(1000).optional() });
const caseListQuery = z.strictObject({
  district: z
    .string()
    .regex(/^\d{4}(,\d{4})*$/, 'must be 4-digit BPS district codes separated by commas')
    .optional(),
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  severity: z.enum(CASE_SEVERITIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
const serviceQuery = z.strictObject({ district: districtCode });

function caseView(c: ComplaintCase, principal: Principal, now: string) {
  const { version: _version, youthId, ...rest } = c;
  return {
    ...rest,
    ...(principal.role === 'counsellor' && { youthId }),
    overdue: isOverdue(c, now),
  };
}

async function caseInScope(
  deps: ApiDeps,
  principal: Principal,
  caseId: string,
  action: 'case:read' | 'case:update',
) {
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFoundError(`case ${caseId} not found`);
  authorize(principal, action, { record: 'case', id: caseId, district: found.district });
  return found;
}

async function caseOpportunity(
  deps: ApiDeps,
  ref: { kind: 'job' | 'training'; id: string },
): Promise<ComplaintCase['opportunity']> {
  const found = await deps.opportunities.get(ref.kind, ref.id);
  if (!found)
    throw new NotFoundError(`${ref.kind === 'job' ? 'vacancy' : 'training offer'} ${ref.id} not found`);
  const { id, ownerId, ownerName, district } = found.profile;
  return { kind: found.kind, id, ownerId, ownerName, district };
}

const caseDeps = (deps: ApiDeps) => ({
  cases: deps.cases,
  reviews: deps.reviews,
  opportunities: deps.opportunities,
  rules: deps.caseRules,
});

const actorOf = (principal: Principal) => ({ role: principal.role, id: principal.subject });
const nowOf = (deps: ApiDeps) => new Date(deps.now()).toISOString();

export const raiseCaseRoute = defineRoute({
  method: 'POST',
  path: '/youth/{youthId}/cases',
  operationId: 'raiseCase',
  summary: 'Raise a complaint case for a youth',
  description:
    "Counsellors of the youth's district. The case starts open, assigned to the counsellor, due by the severity's time limit. A high-severity case about an opportunity holds it from recommendations until a manager releases it; repeated cases against one employer hold all its vacancies.",
  tag: 'cases',
  access: 'case:raise',
  params: youthPath,
  body: raiseBody,
  responses: { 201: { description: 'The case and its effects', schema: raisedResponse } },
  errors: [404],
  async handle({ params, body, principal }, deps) {
    const stored = await youthInScope(deps, principal, 'case:raise', params.youthId);
    const opportunity = body.opportunity ? await caseOpportunity(deps, body.opportunity) : undefined;
    const raised = await raiseCase(
      caseDeps(deps),
      {
        caseId: deps.newId(),
        youthId: params.youthId,
        district: stored.profile.district,
        category: body.category,
        severity: body.severity,
        description: body.description,
        ...(body.anonymousToEmployer !== undefined && { anonymousToEmployer: body.anonymousToEmployer }),
        ...(opportunity && { opportunity }),
        raisedBy: actorOf(principal),
      },
      nowOf(deps),
    );
    return {
      status: 201,
      body: {
        case: caseView(raised.complaint, principal, nowOf(deps)),
        suspended: raised.suspended,
        employerVacanciesHeld: raised.employerVacanciesHeld,
      },
    };
  },
});

export const listCases = defineRoute({
  method: 'GET',
  path: '/cases',
  operationId: 'listCases',
  summary: 'Complaint cases of districts, filtered by status, category, severity or overdue',
  description:
    'Counsellors: their districts (`district` narrows, another district is 404). Managers: their districts or the pilot districts, as in the summary. Oldest first.',
  tag: 'cases',
  access: 'case:list',
  query: caseListQuery,
  responses: { 200: { description: 'The cases', schema: caseListResponse } },
  errors: [404],
  async handle({ query, principal }, deps) {
    const asked = query.district?.split(',');
    const decision = authorize(principal, 'case:list', asked ? { districts: asked } : {});
    const districts = [...(decision.districts ?? deps.pilotDistricts)].sort();
    const now = nowOf(deps);
    const all = (await Promise.all(districts.map((d) => deps.cases.listByDistrict(d)))).flat();
    const items = all
      .filter((c) => query.status === undefined || c.status === query.status)
      .filter((c) => query.category === undefined || c.category === query.category)
      .filter((c) => query.severity === undefined || c.severity === query.severity)
      .filter((c) => query.overdue === undefined || isOverdue(c, now) === (query.overdue === 'true'))
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.caseId.localeCompare(b.caseId));
    return { status: 200, body: { items: items.map((c) => caseView(c, principal, now)) } };
  },
});

export const getCase = defineRoute({
  method: 'GET',
  path: '/cases/{caseId}',
  operationId: 'getCase',
  summary: 'One complaint case with its whole history',
  tag: 'cases',
  access: 'case:read',
  params: casePath,
  responses: { 200: { description: 'The case', schema: caseResponse } },
  errors: [404],
  async handle({ params, principal }, deps) {
    const found = await caseInScope(deps, principal, params.caseId, 'case:read');
    return { status: 200, body: caseView(found, principal, nowOf(deps)) };
  },
});

function updateRoute<B extends z.ZodType>(spec: {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  body: B;
  apply: (
    current: ComplaintCase,
    body: z.output<B>,
    principal: Principal,
    at: string,
    deps: ApiDeps,
  ) => ComplaintCase;
}) {
  return defineRoute({
    method: 'POST',
    path: `/cases/{caseId}${spec.path}`,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tag: 'cases',
    access: 'case:update',
    params: casePath,
    body: spec.body,
    responses: { 200: { description: 'The case after the change', schema: caseResponse } },
    errors: [404],
    async handle({ params, body, principal }, deps) {
      await caseInScope(deps, principal, params.caseId, 'case:update');
      const at = nowOf(deps);
      const updated = await changeCase(deps.cases, params.caseId, (current) =>
        spec.apply(current, body as z.output<B>, principal, at, deps),
      );
      return { status: 200, body: caseView(updated, principal, at) };
    },
  });
}

export const changeCaseStatus = updateRoute({
  path: '/status',
  operationId: 'changeCaseStatus',
  summary: 'Move a case on: in_review, resolved or closed, with a reason',
  description:
    'Only forward: open -> in_review or closed; in_review -> resolved or closed (referred through the referral route); referred -> resolved or closed. Anything else is a 400 naming the allowed next steps.',
  body: statusBody,
  apply: (current, body, principal, at) =>
    changeStatus(current, body.status, actorOf(principal), body.reason, at),
});

export const assignCaseRoute = updateRoute({
  path: '/assignee',
  operationId: 'assignCase',
  summary: "Give the case to a counsellor or manager of the youth's district",
  description: 'Kept in the history with who assigned it and when. 400 once the case is resolved or closed.',
  body: assignBody,
  apply: (current, body, principal, at) =>
    assignCase(current, { role: body.role, id: body.id }, actorOf(principal), at),
});

export const referCaseRoute = updateRoute({
  path: '/referral',
  operationId: 'referCase',
  summary: "Refer an in-review case to a service of the district's directory",
  description:
    'The status becomes referred and the referral is tracked (sent, accepted, declined, completed). 400 for a service not in the directory of the case district or a case not in review.',
  body: referralBody,
  apply: (current, body, principal, at, deps) =>
    referCase(current, body.serviceId, deps.services, actorOf(principal), body.note, at),
});

export const updateReferralRoute = updateRoute({
  path: '/referral/status',
  operationId: 'updateReferral',
  summary: 'Record what the service did with the referral, with a reason',
  description: 'sent -> accepted or declined; accepted -> completed or declined.',
  body: statusBody,
  apply: (current, body, principal, at) =>
    updateReferral(current, body.status, actorOf(principal), body.reason, at),
});

export const listServices = defineRoute({
  method: 'GET',
  path: '/services',
  operationId: 'listServices',
  summary: 'Services a case of the district can be referred to',
  description:
    'The configured directory; entries with `example: true` are the shipped placeholders, not real services (docs/protection.md).',
  tag: 'cases',
  access: 'services:list',
  query: serviceQuery,
  responses: { 200: { description: 'The directory for the district', schema: serviceListResponse } },
  async handle({ query }, deps) {
    return {
      status: 200,
      body: {
        district: query.district,
        items: servicesFor(deps.services, query.district).map((s) => ({
          id: s.id,
          kind: s.kind,
          name: s.name,
          contact: s.contact,
          example: s.example,
        })),
      },
    };
  },
});

/** What a youth may say about their own case: no severity, which follows from the category. */
const youthCaseBody = z.strictObject({
  category: z.string().describe(`One of ${CASE_CATEGORIES.join(', ')}`),
  description: text(2000).describe('What happened'),
  opportunity: z.strictObject({ kind: z.enum(['job', 'training']), id: recordId }).optional(),
  anonymousToEmployer: z
    .boolean()
    .optional()
    .describe('Whether the employer may never learn who complained; true unless the youth says otherwise'),
});

const youthCaseResponse = z
  .strictObject({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    dueBy: z.string(),
    anonymousToEmployer: z.boolean(),
  })
  .register(apiComponents, { id: 'YouthCase' });

/** Violence and unsafe work are serious whoever reports them; a counsellor reviews the rest. */
export function youthCaseSeverity(category: string): 'high' | 'medium' {
  return category === 'harassment_or_violence' || category === 'unsafe_work' ? 'high' : 'medium';
}

export const raiseYouthCase = defineRoute({
  method: 'POST',
  path: '/assessment/cases',
  operationId: 'raiseYouthCase',
  summary: 'A youth complains about work or training themself, from the assessment app',
  description:
    "Authorised by the invitation code; the case is the invitation's youth's, in the invitation's district, unassigned until a counsellor takes it, and anonymous to the employer unless the youth says otherwise. Violence and unsafe work are high severity (the opportunity is held); other categories medium.",
  tag: 'assessment app',
  access: 'invitation',
  body: youthCaseBody,
  responses: { 201: { description: 'The case as the youth may see it', schema: youthCaseResponse } },
  errors: [404],
  async handle({ invitation, body }, deps) {
    const opportunity = body.opportunity ? await caseOpportunity(deps, body.opportunity) : undefined;
    const raised = await raiseCase(
      caseDeps(deps),
      {
        caseId: deps.newId(),
        youthId: invitation.youthId,
        district: invitation.district,
        category: body.category,
        severity: youthCaseSeverity(body.category),
        description: body.description,
        anonymousToEmployer: body.anonymousToEmployer ?? true,
        ...(opportunity && { opportunity }),
        raisedBy: { role: 'youth', id: invitation.invitationId },
      },
      nowOf(deps),
    );
    const { caseId, status, dueBy, anonymousToEmployer } = raised.complaint;
    return { status: 201, body: { caseId, status, dueBy, anonymousToEmployer } };
  },
});
