/**
 * The CLI's JSON output: snake_case like the canonical input files, one object per youth. Only
 * what a counsellor needs to read a result is copied; NIK, gender, disability and welfare decile
 * never leave the profile.
 */
import type { YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '#core/domain/records';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';
import type {
  AptitudeGap,
  Bilingual,
  Pathway,
  Recommendation,
  ScoreComponents,
  YouthRecommendations,
} from '#core/matching/index';

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

export interface AptitudeGapOutput {
  subtest: AptitudeSubtest;
  percentile: number;
  expected: number;
}

interface RecommendationOutput {
  score: number;
  components: ScoreComponents;
  shared_holland: string[];
  missing_skills: string[];
  aptitude_gaps: AptitudeGapOutput[];
  distance_km: number | null;
  flags: string[];
  explanation: Bilingual;
}

export interface JobOutput extends RecommendationOutput {
  vacancy_id: string;
  title: string;
  employer_name: string;
}

export interface TrainingOutput extends RecommendationOutput {
  training_id: string;
  title: string;
  provider_name: string;
}

export interface PathwayOutput {
  vacancy_id: string;
  title: string;
  employer_name: string;
  interest_congruence: number;
  gaps: string[];
  missing_skills: string[];
  required_education: string;
  trainings: {
    training_id: string;
    title: string;
    provider_name: string;
    score: number;
    closes_skills: string[];
    closes_education: boolean;
    distance_km: number | null;
  }[];
  explanation: Bilingual;
}

export interface MatchOutput {
  youth_id: string;
  holland_code: string | null;
  interests: RiasecScores;
  flags: string[];
  jobs: JobOutput[];
  trainings: TrainingOutput[];
  pathways: PathwayOutput[];
}

export function interestScores(profile: YouthProfile): RiasecScores {
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

function gaps(list: readonly AptitudeGap[]): AptitudeGapOutput[] {
  return list.map(({ subtest, percentile, expected }) => ({ subtest, percentile, expected }));
}

function details(r: Recommendation): RecommendationOutput {
  return {
    score: r.score,
    components: { ...r.components },
    shared_holland: [...r.sharedHolland],
    missing_skills: [...r.missingSkills],
    aptitude_gaps: gaps(r.aptitudeGaps),
    distance_km: r.distanceKm,
    flags: [...r.flags],
    explanation: { ...r.explanation },
  };
}

function toJobOutput(r: Recommendation): JobOutput {
  return { vacancy_id: r.opportunityId, title: r.title, employer_name: r.ownerName, ...details(r) };
}

function toTrainingOutput(r: Recommendation): TrainingOutput {
  return { training_id: r.opportunityId, title: r.title, provider_name: r.ownerName, ...details(r) };
}

function toPathwayOutput(p: Pathway): PathwayOutput {
  return {
    vacancy_id: p.jobId,
    title: p.jobTitle,
    employer_name: p.ownerName,
    interest_congruence: p.interestCongruence,
    gaps: [...p.gaps],
    missing_skills: [...p.missingSkills],
    required_education: p.requiredEducation,
    trainings: p.trainings.map((t) => ({
      training_id: t.opportunityId,
      title: t.title,
      provider_name: t.ownerName,
      score: t.score,
      closes_skills: [...t.closesSkills],
      closes_education: t.closesEducation,
      distance_km: t.distanceKm,
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
