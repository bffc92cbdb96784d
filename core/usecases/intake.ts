/**
 * What one parsed row becomes, the same for an upload in the pipeline and for the CLI's files: an
 * assessment is scored, a vacancy or training offer is profiled, a vacancy stating a gender
 * requirement is put up for programme review, and every problem names the file and row.
 */
import { type Issue, ValidationError } from '../domain/errors.ts';
import type { OpportunityProfile, YouthProfile } from '../domain/profiles.ts';
import type { AssessmentRecord, TrainingOffer, Vacancy } from '../domain/records.ts';
import type { OccupationLookup } from '../domain/reference.ts';
import type { MatchConfig } from '../matching/config.ts';
import {
  type OpportunityProfileContext,
  trainingToProfile,
  vacancyToProfile,
} from '../matching/opportunity-profile.ts';
import { type ScoringContext, scoreAssessment } from '../scoring/score.ts';
import type { GenderRequirementReviewItem } from './report.ts';

/** Where a row is: the file as named to the user and the row a person would look for. */
export interface RowAt {
  file: string;
  row: number;
}

export function issueAt(at: RowAt, record?: string): Pick<Issue, 'file' | 'row' | 'record'> {
  return { file: at.file, row: at.row, ...(record !== undefined && { record }) };
}

export type ScoredRow =
  | { ok: true; profile: YouthProfile; warnings: Issue[] }
  | { ok: false; rejected: Issue[] };

/** Scores one assessment; a refusal names the youth, unknown skills are kept and warned about. */
export function scoreRow(record: AssessmentRecord, at: RowAt, scoring: ScoringContext): ScoredRow {
  let profile: YouthProfile;
  try {
    profile = scoreAssessment(record, scoring);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const youthId = typeof record.youth_id === 'string' ? record.youth_id : undefined;
    return {
      ok: false,
      rejected: error.issues.map((issue) => ({ ...issue, ...issueAt(at, issue.record ?? youthId) })),
    };
  }
  const warnings = profile.unknownSkills.map((skill) => ({
    ...issueAt(at, profile.youthId),
    field: 'skills',
    reason: `unknown skill "${skill}": not in the skills vocabulary; kept and flagged, but it cannot be matched`,
  }));
  return { ok: true, profile, warnings };
}

/** How vacancies and training offers are profiled: the occupation reference, skills and config. */
export function opportunityProfileContext(
  scoring: ScoringContext,
  occupations: OccupationLookup,
  config: Pick<MatchConfig, 'unknownJobZone'>,
): OpportunityProfileContext {
  return {
    occupations,
    normaliseSkills: (skills) => scoring.skills.normalise(skills),
    unknownJobZone: config.unknownJobZone,
  };
}

export interface ProfiledRow {
  profile: OpportunityProfile;
  warnings: Issue[];
  /** Set for a vacancy that states a gender requirement: recorded for review, never a filter. */
  review?: GenderRequirementReviewItem;
}

function located(warnings: readonly Issue[], at: RowAt): Issue[] {
  return warnings.map((warning) => ({ ...warning, ...issueAt(at, warning.record) }));
}

export function profileVacancyRow(vacancy: Vacancy, at: RowAt, ctx: OpportunityProfileContext): ProfiledRow {
  const { profile, warnings } = vacancyToProfile(vacancy, ctx);
  const requirement = vacancy.gender_requirement;
  const review =
    requirement === undefined || requirement === 'any'
      ? undefined
      : { vacancy_id: vacancy.vacancy_id, employer_id: vacancy.employer_id, requirement };
  return { profile, warnings: located(warnings, at), ...(review && { review }) };
}

export function profileTrainingRow(
  training: TrainingOffer,
  at: RowAt,
  ctx: OpportunityProfileContext,
): ProfiledRow {
  const { profile, warnings } = trainingToProfile(training, ctx);
  return { profile, warnings: located(warnings, at) };
}

/** The review as a warning, for output that has no review list (the CLI's). */
export function genderReviewWarning(review: GenderRequirementReviewItem, at: RowAt): Issue {
  return {
    ...issueAt(at, review.vacancy_id),
    field: 'gender_requirement',
    reason: `"${review.requirement}" is recorded and flagged for programme review; it never excludes anyone`,
  };
}
