/**
 * Complaint cases: a complaint about work becomes a case with a category, a severity, an owner, a
 * time limit and a status that moves only forward (open -> in review -> referred -> resolved or
 * closed), every change kept in its history with who made it and when. Pure rules; storage is
 * functions/adapters/dynamodb/cases.ts, the flow is in docs/protection.md.
 */
import { ValidationError } from '../domain/errors.ts';
import type { OpportunityKind } from '../domain/profiles.ts';
import type { Actor } from './holds.ts';
import { type ServiceDirectory, serviceFor } from './services.ts';

export const CASE_CATEGORIES = [
  'unpaid_or_late_wages',
  'fees_charged',
  'harassment_or_violence',
  'unsafe_work',
  'discrimination',
  'contract_or_bpjs_missing',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_SEVERITIES = ['low', 'medium', 'high'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

export const CASE_STATUSES = ['open', 'in_review', 'referred', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where each status may go next. Resolved and closed are final. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_review', 'closed'],
  in_review: ['referred', 'resolved', 'closed'],
  referred: ['resolved', 'closed'],
  resolved: [],
  closed: [],
};

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  sent: ['accepted', 'declined'],
  accepted: ['completed', 'declined'],
  declined: [],
  completed: [],
};

export interface CaseRules {
  /** Days from opening until the case should be resolved or referred, per severity. */
  timeLimitDays: Readonly<Record<CaseSeverity, number>>;
  /** Severities that suspend the opportunity from recommendations. */
  suspendingSeverities: readonly CaseSeverity[];
  /** Cases against one employer from which all its vacancies are held. */
  repeatedCasesThreshold: number;
}

/** Serious cases within 2 days, as violence and unpaid wages cannot wait; the rest within 1-2 weeks. */
export const DEFAULT_CASE_RULES: CaseRules = {
  timeLimitDays: { high: 2, medium: 7, low: 14 },
  suspendingSeverities: ['high'],
  repeatedCasesThreshold: 2,
};

export interface CaseEvent {
  at: string;
  by: Actor;
  action: 'opened' | 'status' | 'assigned' | 'referred' | 'referral_status';
  from?: string;
  to?: string;
  reason?: string;
}

export interface Referral {
  serviceId: string;
  serviceName: string;
  status: ReferralStatus;
  at: string;
  note?: string;
}

export interface CaseOpportunity {
  kind: OpportunityKind;
  id: string;
  ownerId: string;
  ownerName: string;
  district: string;
}

export interface ComplaintCase {
  caseId: string;
  youthId: string;
  /** The youth's district: whose counsellors and managers own the case. */
  district: string;
  category: CaseCategory;
  severity: CaseSeverity;
  status: CaseStatus;
  description: string;
  /** The employer is never told who complained when this is set. */
  anonymousToEmployer: boolean;
  opportunity?: CaseOpportunity;
  raisedBy: Actor;
  assignee?: Actor;
  openedAt: string;
  /** openedAt plus the severity's time limit. */
  dueBy: string;
  referral?: Referral;
  history: CaseEvent[];
  /** Starts at 1; every save increments it. */
  version: number;
}

export interface NewCase {
  caseId: string;
  youthId: string;
  district: string;
  category: string;
  severity: string;
  description: string;
  anonymousToEmployer?: boolean;
  opportunity?: CaseOpportunity;
  raisedBy: Actor;
}

function refuse(field: string, reason: string): ValidationError {
  return new ValidationError([{ field, reason }]);
}

function oneOf<T extends string>(values: readonly T[], value: string, field: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw refuse(
    field,
    `${what} "${value}" tidak dikenal; pilih salah satu: ${values.join(', ')} (unknown ${field})`,
  );
}

const DAY_MS = 86_400_000;

export function openCase(input: NewCase, at: string, rules: CaseRules = DEFAULT_CASE_RULES): ComplaintCase {
  const category = oneOf(CASE_CATEGORIES, input.category, 'category', 'kategori');
  const severity = oneOf(CASE_SEVERITIES, input.severity, 'severity', 'tingkat keparahan');
  const description = input.description.trim();
  if (description === '')
    throw refuse('description', 'uraian pengaduan wajib diisi (a description is required)');
  const dueBy = new Date(Date.parse(at) + rules.timeLimitDays[severity] * DAY_MS).toISOString();
  return {
    caseId: input.caseId,
    youthId: input.youthId,
    district: input.district,
    category,
    severity,
    status: 'open',
    description,
    anonymousToEmployer: input.anonymousToEmployer ?? false,
    ...(input.opportunity && { opportunity: input.opportunity }),
    raisedBy: input.raisedBy,
    ...(input.raisedBy.role !== 'youth' && { assignee: input.raisedBy }),
    openedAt: at,
    dueBy,
    history: [{ at, by: input.raisedBy, action: 'opened', to: 'open' }],
    version: 1,
  };
}

function needReason(reason: string | undefined, field = 'reason'): string {
  const text = reason?.trim() ?? '';
  if (text.length < 5) throw refuse(field, 'alasan wajib diisi, minimal 5 karakter (a reason is required)');
  return text;
}

/** A status change, in order, with a reason; anything else is refused with the allowed next steps. */
export function changeStatus(
  current: ComplaintCase,
  to: string,
  by: Actor,
  reason: string | undefined,
  at: string,
): ComplaintCase {
  const target = oneOf(CASE_STATUSES, to, 'status', 'status');
  const allowed = CASE_TRANSITIONS[current.status];
  if (target === 'referred') {
    throw refuse(
      'status',
      'rujukan dibuat lewat POST /v1/cases/{caseId}/referral (refer through the referral route)',
    );
  }
  if (!allowed.includes(target)) {
    const next = allowed.length > 0 ? allowed.join(', ') : 'tidak ada (final)';
    throw refuse(
      'status',
      `perubahan status dari ${current.status} ke ${target} tidak diizinkan; berikutnya: ${next} (status change out of order)`,
    );
  }
  return {
    ...current,
    status: target,
    history: [
      ...current.history,
      { at, by, action: 'status', from: current.status, to: target, reason: needReason(reason) },
    ],
  };
}

export function assignCase(current: ComplaintCase, assignee: Actor, by: Actor, at: string): ComplaintCase {
  if (CASE_TRANSITIONS[current.status].length === 0) {
    throw refuse('status', `kasus sudah ${current.status}; tidak bisa dialihkan (the case is final)`);
  }
  return {
    ...current,
    assignee,
    history: [
      ...current.history,
      { at, by, action: 'assigned', ...(current.assignee && { from: current.assignee.id }), to: assignee.id },
    ],
  };
}

/** Refers an in-review case to a service of the district's directory; the status becomes referred. */
export function referCase(
  current: ComplaintCase,
  serviceId: string,
  directory: ServiceDirectory,
  by: Actor,
  note: string | undefined,
  at: string,
): ComplaintCase {
  const service = serviceFor(directory, serviceId, current.district);
  if (!service) {
    throw refuse(
      'serviceId',
      `layanan "${serviceId}" tidak ada di direktori kabupaten/kota ${current.district} (no such service for the district)`,
    );
  }
  if (!CASE_TRANSITIONS[current.status].includes('referred')) {
    throw refuse(
      'status',
      `kasus berstatus ${current.status}; rujukan hanya dari in_review (status change out of order)`,
    );
  }
  const referral: Referral = {
    serviceId: service.id,
    serviceName: service.name,
    status: 'sent',
    at,
    ...(note !== undefined && note.trim() !== '' && { note: note.trim() }),
  };
  return {
    ...current,
    status: 'referred',
    referral,
    history: [
      ...current.history,
      {
        at,
        by,
        action: 'referred',
        from: current.status,
        to: service.id,
        ...(referral.note && { reason: referral.note }),
      },
    ],
  };
}

/** What the service did with the referral: accepted, declined, completed. */
export function updateReferral(
  current: ComplaintCase,
  to: string,
  by: Actor,
  reason: string | undefined,
  at: string,
): ComplaintCase {
  if (!current.referral) throw refuse('referral', 'kasus ini belum dirujuk (the case has no referral)');
  const target = oneOf(REFERRAL_STATUSES, to, 'status', 'status rujukan');
  if (!REFERRAL_TRANSITIONS[current.referral.status].includes(target)) {
    throw refuse(
      'status',
      `status rujukan dari ${current.referral.status} ke ${target} tidak diizinkan (referral status change out of order)`,
    );
  }
  return {
    ...current,
    referral: { ...current.referral, status: target },
    history: [
      ...current.history,
      {
        at,
        by,
        action: 'referral_status',
        from: current.referral.status,
        to: target,
        reason: needReason(reason),
      },
    ],
  };
}

export function isOverdue(c: ComplaintCase, now: string): boolean {
  return (c.status === 'open' || c.status === 'in_review') && now > c.dueBy;
}

export function isOpenCase(c: ComplaintCase): boolean {
  return c.status !== 'resolved' && c.status !== 'closed';
}

export interface CaseCounts {
  total: number;
  open: number;
  overdue: number;
  referred: number;
  bySeverity: Record<CaseSeverity, number>;
  byCategory: Record<CaseCategory, number>;
  /** Cases about an opportunity in a district outside `served` (employers beyond the pilot). */
  aboutEmployersOutside: number;
}

/** Counts for a manager's summary: aggregates, naming no youth. */
export function countCases(
  cases: readonly ComplaintCase[],
  now: string,
  served: readonly string[],
): CaseCounts {
  const zero = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const counts: CaseCounts = {
    total: cases.length,
    open: 0,
    overdue: 0,
    referred: 0,
    bySeverity: zero(CASE_SEVERITIES),
    byCategory: zero(CASE_CATEGORIES),
    aboutEmployersOutside: 0,
  };
  for (const c of cases) {
    if (isOpenCase(c)) counts.open++;
    if (isOverdue(c, now)) counts.overdue++;
    if (c.referral) counts.referred++;
    counts.bySeverity[c.severity]++;
    counts.byCategory[c.category]++;
    if (c.opportunity && !served.includes(c.opportunity.district)) counts.aboutEmployersOutside++;
  }
  return counts;
}
