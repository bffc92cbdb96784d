/** What the matcher returns: plain data, ready to store, show to a counsellor or audit. */
import type { IsoDate } from '../domain/calendar.ts';
import type { EducationLevel } from '../domain/education.ts';
import type { Bilingual, SkillLabel } from '../domain/language.ts';
import type { OpportunityKind } from '../domain/profiles.ts';
import type { AptitudeSubtest } from '../domain/records.ts';
import type { DistanceLookup } from '../domain/reference.ts';
import type { MatchConfig } from './config.ts';

/** Weighted contributions; they add up to the score (4 decimals). */
export interface ScoreComponents {
  interest: number;
  aptitude: number;
  skills: number;
  reach: number;
}

export interface AptitudeGap {
  subtest: AptitudeSubtest;
  percentile: number;
  expected: number;
}

/**
 * What an explanation is written from beyond the fields a recommendation shows: interest congruence
 * before weighting (4 decimals) and the skills counted against the opportunity's list.
 */
export interface ExplanationBasis {
  interestCongruence: number;
  skillsRequired: number;
  skillsShared: number;
}

/**
 * A recommendation as the matcher decides it and storage keeps it: everything but the text, which
 * `explainSet` writes from these fields when a counsellor reads them.
 */
export interface RecommendationFacts {
  opportunityId: string;
  kind: OpportunityKind;
  title: string;
  ownerName: string;
  score: number;
  components: ScoreComponents;
  /** Letters of the youth's Holland code that also characterise the opportunity (its top three above its mean). */
  sharedHolland: string[];
  /** Skills the opportunity requires (jobs) or teaches (trainings) that the youth does not have. */
  missingSkills: string[];
  aptitudeGaps: AptitudeGap[];
  /** Estimated road distance from the youth's district, km, one decimal; null when unknown. */
  distanceKm: number | null;
  flags: string[];
  basis: ExplanationBasis;
}

export interface Recommendation extends RecommendationFacts {
  explanation: Bilingual;
}

export type PathwayGap = 'skills' | 'education';

export interface PathwayTraining {
  opportunityId: string;
  title: string;
  ownerName: string;
  /** The training's own match score for this youth. */
  score: number;
  /** Missing skills of the job that this training teaches. */
  closesSkills: string[];
  /** Certified training towards the job's occupation, offered for an education gap. */
  closesEducation: boolean;
  distanceKm: number | null;
}

/** A job the youth would want but cannot yet take, and the trainings that lead to it; no text. */
export interface PathwayFacts {
  jobId: string;
  jobTitle: string;
  ownerName: string;
  /** Interest congruence, 0..1, before weighting (4 decimals). */
  interestCongruence: number;
  gaps: PathwayGap[];
  missingSkills: string[];
  requiredEducation: string;
  trainings: PathwayTraining[];
  basis: ExplanationBasis;
}

export interface Pathway extends PathwayFacts {
  explanation: Bilingual;
}

/** About the youth, as the explanations need it. */
export interface YouthBasis {
  education: EducationLevel;
  /** The youth's own daily commute limit, or the configured default. */
  maxCommuteKm: number;
}

/** A youth's recommendations as the pipeline stores them: facts only (see `explainSet`). */
export interface YouthRecommendationFacts {
  youthId: string;
  asOf: IsoDate;
  configVersion: string;
  hollandCode: string | null;
  jobs: RecommendationFacts[];
  trainings: RecommendationFacts[];
  pathways: PathwayFacts[];
  /** About the youth's data as the matcher saw it, e.g. `interest_profile_unusable`. */
  flags: string[];
  basis: YouthBasis;
}

/** A youth's recommendations with their explanations in both languages. */
export interface YouthRecommendations extends YouthRecommendationFacts {
  jobs: Recommendation[];
  trainings: Recommendation[];
  pathways: Pathway[];
}

/** Distances between district capitals, straight line, km; row-major `km[i * n + j]` or rows. */
export interface DistanceMatrix {
  codes: readonly string[];
  km: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
}

export interface MatchOptions {
  asOf: IsoDate;
  config: MatchConfig;
  distance: DistanceLookup | DistanceMatrix;
  skillLabel?: SkillLabel;
  limitJobs?: number;
  limitTrainings?: number;
  /**
   * Allocate recommendation slots within each opportunity's display capacity (allocation.ts), so a
   * few popular openings are not shown to everyone. Off unless asked for.
   */
  allocate?: boolean;
}

export interface Candidate {
  youthId: string;
  score: number;
  components: ScoreComponents;
  sharedHolland: string[];
  missingSkills: string[];
  aptitudeGaps: AptitudeGap[];
  distanceKm: number | null;
  flags: string[];
  explanation: Bilingual;
}

export interface CandidateOptions {
  asOf: IsoDate;
  config: MatchConfig;
  distance: DistanceLookup | DistanceMatrix;
  skillLabel?: SkillLabel;
  /** Candidates returned; all feasible youth when omitted. */
  limit?: number;
}
