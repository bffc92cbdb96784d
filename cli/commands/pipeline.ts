/**
 * Score and match in-process, from files to recommendations: the steps `score`, `match` and `demo`
 * share. Every problem found after parsing (an assessment that cannot be scored, an unknown
 * occupation, a gender requirement) is tied back to the file and row it came from, by the same
 * row rules the upload pipeline applies (core/usecases/intake.ts).
 */
import type { IsoDate } from '#core/domain/calendar';
import type { Issue } from '#core/domain/errors';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import type { AssessmentRecord, TrainingOffer, Vacancy } from '#core/domain/records';
import {
  type MatchConfig,
  matchAll,
  type OpportunityProfileContext,
  type YouthRecommendations,
} from '#core/matching/index';
import { byRow } from '#core/records/parse';
import { districtDistance } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext, type ScoringContext } from '#core/scoring/index';
import type { SkillVocabulary } from '#core/skills/vocabulary';
import {
  genderReviewWarning,
  opportunityProfileContext,
  profileTrainingRow,
  profileVacancyRow,
  scoreRow,
} from '#core/usecases/intake';
import { checkInputFiles, type LoadedFile, loadRecords } from './inputs.ts';

export interface ScoringOutcome {
  profiles: YouthProfile[];
  rejected: Issue[];
  warnings: Issue[];
}

/** Scores parsed assessments; an assessment scoring refuses is reported at its row. */
export function scoreLoaded(assessments: LoadedFile<AssessmentRecord>, ctx: ScoringContext): ScoringOutcome {
  const outcome: ScoringOutcome = { profiles: [], rejected: [], warnings: [] };
  for (const { record, row } of assessments.records) {
    const scored = scoreRow(record, { file: assessments.file, row }, ctx);
    if (!scored.ok) {
      outcome.rejected.push(...scored.rejected);
      continue;
    }
    outcome.profiles.push(scored.profile);
    outcome.warnings.push(...scored.warnings);
  }
  outcome.rejected.sort(byRow);
  return outcome;
}

export interface OpportunityOutcome {
  jobs: OpportunityProfile[];
  trainings: OpportunityProfile[];
  warnings: Issue[];
}

/** Profiles vacancies and training offers; a gender requirement becomes a warning for review. */
export function profileOpportunities(
  vacancies: LoadedFile<Vacancy>,
  trainings: LoadedFile<TrainingOffer>,
  ctx: OpportunityProfileContext,
): OpportunityOutcome {
  const outcome: OpportunityOutcome = { jobs: [], trainings: [], warnings: [] };
  for (const { record, row } of vacancies.records) {
    const at = { file: vacancies.file, row };
    const { profile, warnings, review } = profileVacancyRow(record, at, ctx);
    outcome.jobs.push(profile);
    outcome.warnings.push(...warnings, ...(review ? [genderReviewWarning(review, at)] : []));
  }
  for (const { record, row } of trainings.records) {
    const { profile, warnings } = profileTrainingRow(record, { file: trainings.file, row }, ctx);
    outcome.trainings.push(profile);
    outcome.warnings.push(...warnings);
  }
  return outcome;
}

export interface MatchSettings {
  asOf: IsoDate;
  config: MatchConfig;
  limitJobs: number;
  limitTrainings: number;
  /** Capacity-aware allocation of recommendation slots (docs/matching.md). */
  allocate: boolean;
}

export interface MatchFiles {
  youth: string;
  vacancies: string;
  trainings: string;
}

/** One youth's scored profile next to what the matcher recommends. */
export interface YouthResult {
  profile: YouthProfile;
  recommendations: YouthRecommendations;
}

export interface FileSummary {
  file: string;
  /** Rows that became records. */
  accepted: number;
  /** Distinct rows refused, plus one per file-level issue. */
  rejectedRows: number;
}

export interface PipelineResult {
  results: YouthResult[];
  /** Every rejected row or file, in file order: assessments, vacancies, trainings. */
  rejected: Issue[];
  warnings: Issue[];
  files: { youth: FileSummary; vacancies: FileSummary; trainings: FileSummary };
  skills: SkillVocabulary;
}

export function countRejectedRows(rejected: readonly Issue[]): number {
  const rows = new Set<string>();
  let fileLevel = 0;
  for (const issue of rejected) {
    if (issue.row === undefined) fileLevel++;
    else rows.add(`${issue.file ?? ''}\u0000${issue.row}`);
  }
  return rows.size + fileLevel;
}

function summary(file: string, accepted: number, rejected: readonly Issue[]): FileSummary {
  return { file, accepted, rejectedRows: countRejectedRows(rejected) };
}

/** Reads the three files, scores the youth, profiles the opportunities and matches them. */
export async function runMatchPipeline(paths: MatchFiles, settings: MatchSettings): Promise<PipelineResult> {
  const [youthFile, vacancyFile, trainingFile] = await checkInputFiles([
    paths.youth,
    paths.vacancies,
    paths.trainings,
  ]);
  const assessments = await loadRecords('assessments', youthFile!);
  const vacancies = await loadRecords('vacancies', vacancyFile!);
  const trainings = await loadRecords('trainings', trainingFile!);

  const scoring = createScoringContext();
  const scored = scoreLoaded(assessments, scoring);
  const opportunities = profileOpportunities(
    vacancies,
    trainings,
    opportunityProfileContext(scoring, occupationReference.lookup, settings.config),
  );
  const recommendations = matchAll(scored.profiles, [...opportunities.jobs, ...opportunities.trainings], {
    asOf: settings.asOf,
    config: settings.config,
    distance: districtDistance,
    skillLabel: (id, lang) => scoring.skills.label(id, lang),
    limitJobs: settings.limitJobs,
    limitTrainings: settings.limitTrainings,
    allocate: settings.allocate,
  });

  const youthRejected = [...assessments.rejected, ...scored.rejected].sort(byRow);
  return {
    results: scored.profiles.map((profile, i) => ({ profile, recommendations: recommendations[i]! })),
    rejected: [...youthRejected, ...vacancies.rejected, ...trainings.rejected],
    warnings: [
      ...assessments.warnings,
      ...scored.warnings,
      ...vacancies.warnings,
      ...trainings.warnings,
      ...opportunities.warnings,
    ],
    files: {
      youth: summary(assessments.file, scored.profiles.length, youthRejected),
      vacancies: summary(vacancies.file, vacancies.records.length, vacancies.rejected),
      trainings: summary(trainings.file, trainings.records.length, trainings.rejected),
    },
    skills: scoring.skills,
  };
}
