/**
 * The programme's review state of one opportunity: its holds (intake and case holds, with their
 * releases). The storage port and the read-modify-write rules over it; the adapter is
 * functions/adapters/dynamodb/reviews.ts. Writes are conditional on the version read, so an intake
 * check, a case and a manager's release of the same vacancy never lose each other's change.
 */
import { ConflictError } from '../domain/errors.ts';
import type { OpportunityKind, OpportunityProfile } from '../domain/profiles.ts';
import type { Hold } from './holds.ts';
import { isHeld } from './holds.ts';

export interface OpportunityReview {
  kind: OpportunityKind;
  opportunityId: string;
  /** Employer (jobs) or provider (trainings). */
  ownerId: string;
  district: string;
  title: string;
  holds: Hold[];
  /** Starts at 1; every save increments it. */
  version: number;
  updatedAt: string;
}

export interface OpportunityReviewRepository {
  get(kind: OpportunityKind, opportunityId: string): Promise<OpportunityReview | undefined>;
  /**
   * Stores `review` if the stored version is `review.version - 1` (absent for version 1);
   * throws ConflictError otherwise.
   */
  save(review: OpportunityReview): Promise<void>;
  /** Every review of opportunities in the district, held or not. */
  listByDistrict(district: string): Promise<OpportunityReview[]>;
}

export type ReviewSubject = Pick<
  OpportunityReview,
  'kind' | 'opportunityId' | 'ownerId' | 'district' | 'title'
>;

export function reviewSubject(profile: OpportunityProfile): ReviewSubject {
  return {
    kind: profile.kind,
    opportunityId: profile.id,
    ownerId: profile.ownerId,
    district: profile.district,
    title: profile.title,
  };
}

const ATTEMPTS = 5;

/**
 * Reads, changes and saves one review, again from a fresh read when another writer won. `change`
 * returns the new holds, or undefined to leave the review as it is.
 */
export async function updateReview(
  reviews: OpportunityReviewRepository,
  subject: ReviewSubject,
  at: string,
  change: (holds: readonly Hold[], current: OpportunityReview | undefined) => Hold[] | undefined,
): Promise<OpportunityReview | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await reviews.get(subject.kind, subject.opportunityId);
    const holds = change(current?.holds ?? [], current);
    if (holds === undefined) return current;
    const next: OpportunityReview = {
      ...(current ?? subject),
      ...subject,
      holds,
      version: (current?.version ?? 0) + 1,
      updatedAt: at,
    };
    try {
      await reviews.save(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** `kind:id` of every held opportunity in the districts. */
export async function heldOpportunities(
  reviews: OpportunityReviewRepository,
  districts: readonly string[],
): Promise<Set<string>> {
  const held = new Set<string>();
  const lists = await Promise.all([...new Set(districts)].map((d) => reviews.listByDistrict(d)));
  for (const review of lists.flat()) {
    if (isHeld(review.holds)) held.add(opportunityRef(review.kind, review.opportunityId));
  }
  return held;
}

export function opportunityRef(kind: OpportunityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The open opportunities without those held for review. */
export function withoutHeld<T extends Pick<OpportunityProfile, 'kind' | 'id'>>(
  open: readonly T[],
  held: ReadonlySet<string>,
): T[] {
  if (held.size === 0) return [...open];
  return open.filter((o) => !held.has(opportunityRef(o.kind, o.id)));
}

/** A release with nothing held: the state is not what the caller thought, said plainly. */
export function nothingToRelease(kind: OpportunityKind, id: string): ConflictError {
  return new ConflictError(`${kind} ${id} tidak sedang ditahan (is not held for review)`);
}
