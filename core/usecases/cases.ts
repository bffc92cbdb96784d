/**
 * What a complaint case does besides being recorded: a serious case suspends the opportunity it is
 * about (a hold until a manager releases it), and repeated cases against one employer hold every
 * vacancy of that employer. Cases change only by the rules of core/protection/cases.ts, saved with
 * a version condition and retried from a fresh read when two people act at once.
 */
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { OpportunityRepository, StoredOpportunity } from '../ports.ts';
import type { CaseRepository } from '../protection/case-store.ts';
import {
  type CaseRules,
  type ComplaintCase,
  DEFAULT_CASE_RULES,
  type NewCase,
  openCase,
} from '../protection/cases.ts';
import { addHold } from '../protection/holds.ts';
import { type OpportunityReviewRepository, reviewSubject, updateReview } from '../protection/review.ts';

export interface CaseDeps {
  cases: CaseRepository;
  reviews: OpportunityReviewRepository;
  opportunities: OpportunityRepository;
  rules?: CaseRules;
}

export interface RaisedCase {
  complaint: ComplaintCase;
  /** The opportunity is held from recommendations because of this case. */
  suspended: boolean;
  /** Vacancies of the employer held because of repeated cases (0 when below the threshold). */
  employerVacanciesHeld: number;
}

async function allOfEmployer(
  opportunities: OpportunityRepository,
  employerId: string,
): Promise<StoredOpportunity[]> {
  const all: StoredOpportunity[] = [];
  let cursor: string | undefined;
  do {
    const page = await opportunities.listByOwner('job', employerId, {
      limit: 100,
      ...(cursor && { cursor }),
    });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

export async function raiseCase(deps: CaseDeps, input: NewCase, at: string): Promise<RaisedCase> {
  const rules = deps.rules ?? DEFAULT_CASE_RULES;
  const complaint = openCase(input, at, rules);
  await deps.cases.save(complaint);
  const result: RaisedCase = { complaint, suspended: false, employerVacanciesHeld: 0 };
  const about = complaint.opportunity;
  if (!about) return result;
  const stored = await deps.opportunities.get(about.kind, about.id);
  if (stored && rules.suspendingSeverities.includes(complaint.severity)) {
    await updateReview(deps.reviews, reviewSubject(stored.profile), at, (holds) =>
      addHold(
        holds,
        {
          code: 'serious_complaint',
          key: complaint.caseId,
          reason: `pengaduan serius terbuka (${complaint.category}, kasus ${complaint.caseId})`,
        },
        at,
      ),
    );
    result.suspended = true;
  }
  if (about.kind !== 'job') return result;
  const count = await deps.cases.countAgainstEmployer(about.ownerId);
  if (count < rules.repeatedCasesThreshold) return result;
  for (const vacancy of await allOfEmployer(deps.opportunities, about.ownerId)) {
    await updateReview(deps.reviews, reviewSubject(vacancy.profile), at, (holds) =>
      addHold(
        holds,
        {
          code: 'employer_repeated_complaints',
          key: String(count),
          reason: `${count} pengaduan terhadap pemberi kerja ${about.ownerName}`,
        },
        at,
      ),
    );
    result.employerVacanciesHeld++;
  }
  return result;
}

const ATTEMPTS = 5;

/** Loads a case, applies a rule, saves it; a concurrent change is re-read and the rule applied again. */
export async function changeCase(
  cases: CaseRepository,
  caseId: string,
  change: (current: ComplaintCase) => ComplaintCase,
): Promise<ComplaintCase> {
  for (let attempt = 1; ; attempt++) {
    const current = await cases.get(caseId);
    if (!current) throw new NotFoundError(`case ${caseId} not found`);
    const next = { ...change(current), version: current.version + 1 };
    try {
      await cases.save(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
