/**
 * Work protection in the pipeline: every stored vacancy is checked on intake (wage against the
 * district UMK, fees asked of applicants) and a vacancy that fails is held for programme review
 * before any youth is matched against it. Matching leaves held opportunities out.
 */
import type { IsoDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/errors.ts';
import type { Vacancy } from '../domain/records.ts';
import type { StoredOpportunity } from '../ports.ts';
import {
  activeHolds,
  INTAKE_HOLD_CODES,
  intakeHolds,
  isHeld,
  mergeIntakeHolds,
} from '../protection/holds.ts';
import {
  type OpportunityReview,
  type OpportunityReviewRepository,
  opportunityRef,
  reviewSubject,
  updateReview,
} from '../protection/review.ts';

export interface IntakeReviewResult {
  /** `kind:id` of the checked opportunities now held (intake or case holds). */
  held: Set<string>;
  /** One per vacancy newly held on intake, for the upload report: the employer sees why. */
  notices: { vacancyId: string; reasons: string[] }[];
}

const hasIntakeHold = (review: OpportunityReview) =>
  review.holds.some((h) => (INTAKE_HOLD_CODES as readonly string[]).includes(h.code));

/**
 * Checks freshly stored vacancies and writes their holds. Only vacancies with a reason to hold, or
 * whose stored review still carries intake holds (now perhaps fixed), are written.
 */
export async function reviewIntake(
  reviews: OpportunityReviewRepository,
  fresh: readonly StoredOpportunity[],
  asOf: IsoDate,
  at: string,
): Promise<IntakeReviewResult> {
  const jobs = fresh.filter((o): o is Extract<StoredOpportunity, { kind: 'job' }> => o.kind === 'job');
  const result: IntakeReviewResult = { held: new Set(), notices: [] };
  if (jobs.length === 0) return result;
  const districts = [...new Set(jobs.map((j) => j.profile.district))];
  const existing = new Map<string, OpportunityReview>();
  for (const list of await Promise.all(districts.map((d) => reviews.listByDistrict(d)))) {
    for (const review of list) existing.set(opportunityRef(review.kind, review.opportunityId), review);
  }
  for (const job of jobs) {
    const ref = opportunityRef('job', job.profile.id);
    const candidates = intakeHolds(job.record as Vacancy, asOf);
    const stored = existing.get(ref);
    if (candidates.length === 0 && !(stored && hasIntakeHold(stored))) {
      if (stored && isHeld(stored.holds)) result.held.add(ref);
      continue;
    }
    const updated = await updateReview(reviews, reviewSubject(job.profile), at, (holds) =>
      mergeIntakeHolds(holds, candidates, at),
    );
    if (updated && isHeld(updated.holds)) {
      result.held.add(ref);
      const reasons = activeHolds(updated.holds).map((h) => h.reason);
      result.notices.push({ vacancyId: job.profile.id, reasons });
    }
  }
  return result;
}

/** Report warnings for held vacancies: the upload's rows are stored, but not recommended yet. */
export function holdWarnings(
  notices: IntakeReviewResult['notices'],
  rowOf: (vacancyId: string) => number | undefined,
  file: string,
): Issue[] {
  return notices.map(({ vacancyId, reasons }) => {
    const row = rowOf(vacancyId);
    return {
      file,
      ...(row !== undefined && { row }),
      record: vacancyId,
      field: 'review',
      reason: `ditahan untuk peninjauan program, belum direkomendasikan (held for programme review): ${reasons.join('; ')}`,
    };
  });
}
