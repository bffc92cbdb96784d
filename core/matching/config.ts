/**
 * The matching configuration: weights, expectations and thresholds as versioned, validated data,
 * so a recommendation can always be traced to the exact rules that produced it.
 */
import { z } from 'zod';
import { type Issue, ValidationError } from '../domain/errors.ts';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '../domain/records.ts';
import type { RiasecLetter } from '../domain/riasec.ts';

export const MATCH_CONFIG_VERSION = 'match-v2';

const share = z.number().min(0).max(1);
const percentile = z.number().min(0).max(100);
const subtests = z.array(z.enum(APTITUDE_SUBTESTS)).min(1);

/**
 * Interest leads because it is what the assessment measures best and what predicts whether a young
 * person stays in a job; aptitude and skills share the next place (both can be built); reach is a
 * smaller term because the hard constraint already removes what is too far.
 */
const DEFAULT_WEIGHTS = { interest: 0.45, aptitude: 0.2, skills: 0.2, reach: 0.15 } as const;

const weightsSchema = z
  .object({ interest: share, aptitude: share, skills: share, reach: share })
  .refine((w) => Math.abs(w.interest + w.aptitude + w.skills + w.reach - 1) < 1e-9, {
    message: 'weights must sum to 1 (interest + aptitude + skills + reach)',
  });

const expectedPercentileSchema = z.object({
  '1': percentile,
  '2': percentile,
  '3': percentile,
  '4': percentile,
  '5': percentile,
});

const relevanceSchema = z.object({
  R: subtests,
  I: subtests,
  A: subtests,
  S: subtests,
  E: subtests,
  C: subtests,
});

const reachSchema = z
  .object({
    /** Used when the youth stated no maximum commute. */
    defaultMaxCommuteKm: z.number().min(0).max(500).default(25),
    /** Straight-line distance between district capitals times this factor approximates road km. */
    roadFactor: z.number().min(1).max(3).default(1.3),
    /** Reach score at exactly the youth's maximum commute; it decays linearly from 1 at home. */
    floorAtLimit: share.default(0.3),
    /** Reach score of an opportunity beyond commuting range for a youth willing to relocate. */
    relocationScore: share.default(0.1),
  })
  .prefault({});

const pathwaySchema = z
  .object({
    /** Minimum interest congruence (0..1, before weighting) for a job to be worth a pathway: 0.63 is
     * an angle of 67 degrees between the shapes (cosine 0.4). */
    minInterest: share.default(0.63),
    /** A job whose skills overlap is below this is a skills-gap pathway candidate. */
    maxSkillsOverlap: share.default(0.5),
    /** Pathway jobs per youth, best interest first. */
    maxJobs: z.number().int().min(0).max(20).default(3),
    /** Trainings listed per pathway. */
    maxTrainings: z.number().int().min(1).max(10).default(3),
  })
  .prefault({});

const allocationSchema = z
  .object({
    /** Display capacity per opening as a multiple of the run's mean load (slots / openings). */
    loadFactor: z.number().min(1).max(20).default(1.8),
    /** With the first-choice reserve: the most youth per opening, as a multiple of the mean load. */
    maxLoadFactor: z.number().min(1).max(50).default(5),
    /** Candidates considered per youth, as a multiple of the recommendations shown. */
    candidateDepth: z.number().int().min(1).max(20).default(8),
  })
  .refine((a) => a.maxLoadFactor >= a.loadFactor, { message: 'maxLoadFactor must be at least loadFactor' })
  .prefault({});

const accessibilitySchema = z
  .object({
    /**
     * Share of the reach component an opportunity loses when its accessibility for one of the
     * youth's needs is not stated: a small rank cost, never an exclusion.
     */
    unconfirmedCost: share.default(0.2),
  })
  .prefault({});

export const matchConfigSchema = z.object({
  version: z.literal(MATCH_CONFIG_VERSION),
  weights: weightsSchema.default(DEFAULT_WEIGHTS),
  /**
   * What percentile the occupation's preparation level (O*NET job zone 1..5) expects: a subtest the
   * work demands below this is an aptitude gap the explanation names. It does not enter the score.
   */
  expectedPercentileByJobZone: expectedPercentileSchema.default({ 1: 20, 2: 35, 3: 50, 4: 65, 5: 80 }),
  /** Which aptitude subtests matter for work of each Holland type. */
  aptitudeRelevance: relevanceSchema.default({
    R: ['mechanical', 'spatial'],
    I: ['numerical', 'abstract'],
    A: ['spatial', 'verbal'],
    S: ['verbal'],
    E: ['verbal', 'numerical'],
    C: ['clerical', 'numerical'],
  }),
  /** Job zone assumed when the occupation is unknown: the middle of the scale. */
  unknownJobZone: z.number().int().min(1).max(5).default(3),
  reach: reachSchema,
  topJobs: z.number().int().min(0).max(100).default(10),
  topTrainings: z.number().int().min(0).max(100).default(5),
  pathways: pathwaySchema,
  allocation: allocationSchema,
  accessibility: accessibilitySchema,
});

export type MatchConfig = z.infer<typeof matchConfigSchema>;
export type MatchWeights = MatchConfig['weights'];
export type AptitudeRelevance = Record<RiasecLetter, AptitudeSubtest[]>;

function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    record: 'match config',
    field: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    reason: issue.message,
  }));
}

/** Validates a configuration; every omitted field takes its documented default. */
export function parseMatchConfig(input: unknown): MatchConfig {
  const result = matchConfigSchema.safeParse(input);
  if (!result.success) throw new ValidationError(toIssues(result.error));
  return result.data;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = parseMatchConfig({ version: MATCH_CONFIG_VERSION });
