/** The matching engine's public surface. */
export { type FairnessAudit, fairnessAudit, type GenderReviewItem, type GroupStats } from './audit.ts';
export {
  aptitudeFit,
  aptitudeWeights,
  centredUnit,
  characteristicLetters,
  congruenceFromCosine,
  interestCongruence,
  jobSkillsOverlap,
  reachScore,
  subtestStrength,
  topLetters,
  trainingSkillsNovelty,
} from './components.ts';
export {
  DEFAULT_MATCH_CONFIG,
  MATCH_CONFIG_VERSION,
  type MatchConfig,
  type MatchWeights,
  matchConfigSchema,
  parseMatchConfig,
} from './config.ts';
export { DEFAULT_RESULT_BLOCK, matchAll, matchInBlocks, topCandidates } from './match.ts';
export {
  type OpportunityProfileContext,
  type ProfileResult,
  trainingToProfile,
  vacancyToProfile,
} from './opportunity-profile.ts';
export type * from './types.ts';
