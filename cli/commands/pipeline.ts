/**
 * Score and match in-process, from files to recommendations: the steps `score`, `match` and `demo`
 * share. Every problem found after parsing (an assessment that cannot be scored, an unknown
 * occupation, a gender requirement) is tied back to the file and row it came from.
 */
import type { IsoDate } from '#core/domain/calendar';
import type { Issue } from '#core/domain/errors';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import type { AssessmentRecord, TrainingOffer, Vacancy } from '#core/domain/records';
import {
  type MatchConfig,
  matchAll,
  type OpportunityProfileContext,
  trainingToProfile,
  vacancyToProfile,
  type YouthRecommendations,
} from '#core/matching/index';
import { byRow } from '#core/records/parse';
import { districtDistance } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext, type ScoringContext, scoreAssessments } from '#core/scoring/index';
import type { SkillVocabulary } from '#core/skills/vocabulary';
import { checkInputFiles, type LoadedFile, loadRecords, type RowRecord } from './inputs.ts';

export interface ScoringOutcome {
  profiles: YouthProfile[];
  rejected: Issue[];
  warnings: Issue[];
}

function rowOf<R>(file: LoadedFile<R>, index: number): number | undefined {
  return file.records[index]?.row;
}

function at(file: string, row: number | undefined, record: string | undefined) {
  return {
    file,
    ...(row !== undefined && { row }),
    ...(record !== undefined && { record }),
  };
}

function unknownSkillWarnings(file: string, row: number | undefined, profile: YouthProfile): Issue[] {
  return profile.unknownSkills.map((skill) => ({
    ...at(file, row, profile.youthId),
    field: 'skills',
    reason: `unknown skill "${skill}": not in the skills vocabulary; kept and flagged, but it cannot be matched`,
  }));
}

/** Scores parsed assessments; an assessment scoring refuses is reported at its row. */
export function scoreLoaded(assessments: LoadedFile<AssessmentRecord>, ctx: ScoringContext): ScoringOutcome {
  const { file } = assessments;
  const batch = scoreAssessments(
    assessments.records.map((r) => r.record),
    ctx,
  );
  const rejected = batch.rejected.flatMap(({ index, youthId, issues }) =>
    issues.map((issue) => ({ ...issue, ...at(file, rowOf(assessments, index), issue.record ?? youthId) })),
  );
  const rowById = new Map(assessments.records.map((r) => [r.record.youth_id, r.row]));
  const warnings = batch.profiles.flatMap((profile) =>
    unknownSkillWarnings(file, rowById.get(profile.youthId), profile),
  );
  rejected.sort(byRow);
  return { profiles: batch.profiles, rejected, warnings };
}

export interface OpportunityOutcome {
  jobs: OpportunityProfile[];
  trainings: OpportunityProfile[];
  warnings: Issue[];
}

function genderReviewWarning(file: string, row: number, vacancy: Vacancy): Issue[] {
  const requirement = vacancy.gender_requirement;
  if (requirement === undefined || requirement === 'any') return [];
  return [
    {
      ...at(file, row, vacancy.vacancy_id),
      field: 'gender_requirement',
      reason: `"${requirement}" is recorded and flagged for programme review; it never excludes anyone`,
    },
  ];
}

function profiled<R>(
  loaded: LoadedFile<R>,
  toProfile: (record: R) => { profile: OpportunityProfile; warnings: Issue[] },
  extraWarnings: (row: RowRecord<R>) => Issue[],
): { profiles: OpportunityProfile[]; warnings: Issue[] } {
  const profiles: OpportunityProfile[] = [];
  const warnings: Issue[] = [];
  for (const entry of loaded.records) {
    const result = toProfile(entry.record);
    profiles.push(result.profile);
    for (const warning of result.warnings) {
      warnings.push({ ...warning, ...at(loaded.file, entry.row, warning.record) });
    }
    warnings.push(...extraWarnings(entry));
  }
  return { profiles, warnings };
}

export function profileOpportunities(
  vacancies: LoadedFile<Vacancy>,
  trainings: LoadedFile<TrainingOffer>,
  ctx: OpportunityProfileContext,
): OpportunityOutcome {
  const jobs = profiled(
    vacancies,
    (v) => vacancyToProfile(v, ctx),
    (entry) => genderReviewWarning(vacancies.file, entry.row, entry.record),
  );
  const offers = profiled(
    trainings,
    (t) => trainingToProfile(t, ctx),
    () => [],
  );
  return {
    jobs: jobs.profiles,
    trainings: offers.profiles,
    warnings: [...jobs.warnings, ...offers.warnings],
  };
}

export function opportunityContext(skills: SkillVocabulary, config: MatchConfig): OpportunityProfileContext {
  return {
    occupations: occupationReference.lookup,
    normaliseSkills: (values) => skills.normalise(values),
    unknownJobZone: config.unknownJobZone,
  };
}

export interface MatchSettings {
  asOf: IsoDate;
  config: MatchConfig;
  limitJobs: number;
  limitTrainings: number;
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
    opportunityContext(scoring.skills, settings.config),
  );
  const recommendations = matchAll(scored.profiles, [...opportunities.jobs, ...opportunities.trainings], {
    asOf: settings.asOf,
    config: settings.config,
    distance: districtDistance,
    skillLabel: (id, lang) => scoring.skills.label(id, lang),
    limitJobs: settings.limitJobs,
    limitTrainings: settings.limitTrainings,
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
