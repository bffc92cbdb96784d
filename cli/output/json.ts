/**
 * The CLI's JSON output: snake_case like the canonical input files, one object per youth. Only
 * what a counsellor needs to read a result is copied; NIK, gender, disability and welfare decile
 * never leave the profile.
 */

import {
  type PathwayFields,
  type PathwayTrainingView,
  pathwayFields,
  type RecommendationFields,
  recommendationFields,
} from '#core/access/projections';
import type { Bilingual } from '#core/domain/language';
import type { YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '#core/domain/records';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';
import type { Pathway, Recommendation, YouthRecommendations } from '#core/matching/index';

export type RiasecScores = Record<RiasecLetter, number | null>;

export interface ScoreOutput {
  youth_id: string;
  holland_code: string | null;
  /** Scale scores (sum of answers, prorated); null for an incomplete scale. */
  interests: RiasecScores;
  /** Each scale as a fraction of its maximum; null when there is no usable profile. */
  interest_profile: Record<RiasecLetter, number> | null;
  /** Percentile per assessed subtest. */
  aptitudes: Partial<Record<AptitudeSubtest, number>>;
  flags: string[];
}

/** The API's field names in snake_case: `missingSkills` becomes `missing_skills`. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;
type SnakeCased<T> = { [K in keyof T as SnakeCase<K & string>]: T[K] };

/** The same fields the API shows (core/access/projections), named as in the input files. */
function snakeCased<T extends object>(fields: T): SnakeCased<T> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      value,
    ]),
  ) as SnakeCased<T>;
}

type RecommendationOutput = SnakeCased<
  Omit<RecommendationFields, 'opportunityId' | 'kind' | 'title' | 'ownerName'>
> & {
  explanation: Bilingual;
};

export type JobOutput = { vacancy_id: string; title: string; employer_name: string } & RecommendationOutput;

export type TrainingOutput = {
  training_id: string;
  title: string;
  provider_name: string;
} & RecommendationOutput;

type PathwayTrainingOutput = { training_id: string; title: string; provider_name: string } & SnakeCased<
  Omit<PathwayTrainingView, 'opportunityId' | 'title' | 'ownerName'>
>;

export type PathwayOutput = { vacancy_id: string; title: string; employer_name: string } & SnakeCased<
  Omit<PathwayFields, 'jobId' | 'jobTitle' | 'ownerName' | 'trainings'>
> & { trainings: PathwayTrainingOutput[]; explanation: Bilingual };

export interface MatchOutput {
  youth_id: string;
  holland_code: string | null;
  interests: RiasecScores;
  flags: string[];
  jobs: JobOutput[];
  trainings: TrainingOutput[];
  pathways: PathwayOutput[];
}

function interestScores(profile: YouthProfile): RiasecScores {
  return Object.fromEntries(
    RIASEC.map((letter) => [letter, profile.interests[letter].score]),
  ) as RiasecScores;
}

function interestProfile(profile: YouthProfile): Record<RiasecLetter, number> | null {
  const vector = profile.interestProfile;
  if (vector === null) return null;
  return Object.fromEntries(RIASEC.map((letter, i) => [letter, vector[i]!])) as Record<RiasecLetter, number>;
}

export function aptitudePercentiles(profile: YouthProfile): Partial<Record<AptitudeSubtest, number>> {
  const out: Partial<Record<AptitudeSubtest, number>> = {};
  for (const subtest of APTITUDE_SUBTESTS) {
    const score = profile.aptitudes[subtest];
    if (score !== undefined) out[subtest] = score.percentile;
  }
  return out;
}

export function toScoreOutput(profile: YouthProfile): ScoreOutput {
  return {
    youth_id: profile.youthId,
    holland_code: profile.hollandCode,
    interests: interestScores(profile),
    interest_profile: interestProfile(profile),
    aptitudes: aptitudePercentiles(profile),
    flags: [...profile.flags],
  };
}

function toJobOutput(r: Recommendation): JobOutput {
  const { opportunityId, kind: _, title, ownerName, ...fields } = recommendationFields(r);
  const explanation = { ...r.explanation };
  return { vacancy_id: opportunityId, title, employer_name: ownerName, ...snakeCased(fields), explanation };
}

function toTrainingOutput(r: Recommendation): TrainingOutput {
  const { opportunityId, kind: _, title, ownerName, ...fields } = recommendationFields(r);
  const explanation = { ...r.explanation };
  return { training_id: opportunityId, title, provider_name: ownerName, ...snakeCased(fields), explanation };
}

function toPathwayOutput(p: Pathway): PathwayOutput {
  const { jobId, jobTitle, ownerName, trainings, ...fields } = pathwayFields(p);
  return {
    vacancy_id: jobId,
    title: jobTitle,
    employer_name: ownerName,
    ...snakeCased(fields),
    trainings: trainings.map(({ opportunityId, title, ownerName: providerName, ...training }) => ({
      training_id: opportunityId,
      title,
      provider_name: providerName,
      ...snakeCased(training),
    })),
    explanation: { ...p.explanation },
  };
}

/** Scoring flags first, then what the matcher noticed about the youth's data, without repeats. */
export function youthFlags(profile: YouthProfile, recommendations: YouthRecommendations): string[] {
  return [...new Set([...profile.flags, ...recommendations.flags])];
}

export function toMatchOutput(profile: YouthProfile, recommendations: YouthRecommendations): MatchOutput {
  return {
    youth_id: profile.youthId,
    holland_code: profile.hollandCode,
    interests: interestScores(profile),
    flags: youthFlags(profile, recommendations),
    jobs: recommendations.jobs.map(toJobOutput),
    trainings: recommendations.trainings.map(toTrainingOutput),
    pathways: recommendations.pathways.map(toPathwayOutput),
  };
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
