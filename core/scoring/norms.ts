/**
 * Aptitude norms: proportion correct -> percentile, piecewise linear between breakpoints.
 * The shipped table is provisional; cohort norms replace it subtest by subtest once the programme
 * has enough assessments of that subtest.
 */

import { z } from 'zod';
import { type Issue, ValidationError } from '#core/domain/errors';
import { APTITUDE_SUBTESTS, type AptitudeSubtest, type AssessmentRecord } from '#core/domain/records';
import { zodIssues } from '#core/instruments/zod-issues';
import defaultNormData from './data/aptitude-norms-default-v1.json' with { type: 'json' };

export interface NormBreakpoint {
  proportion: number;
  percentile: number;
}

export interface SubtestNorm {
  source: 'default' | 'cohort';
  /** Proportions strictly increasing from 0 to 1; percentiles non-decreasing within 0..100. */
  breakpoints: readonly NormBreakpoint[];
  /** Cohort norms only: how many assessments the table was built from. */
  sampleSize?: number;
}

export interface AptitudeNorms {
  id: string;
  subtests: Readonly<Record<AptitudeSubtest, SubtestNorm>>;
}

/** One assessment's proportions correct, per subtest it contains. */
export type AptitudeProportions = Partial<Record<AptitudeSubtest, number>>;

export const DEFAULT_COHORT_THRESHOLD = 200;

const breakpointsSchema = z
  .array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(100)]))
  .min(2)
  .superRefine((points, ctx) => {
    if (points[0]?.[0] !== 0 || points.at(-1)?.[0] !== 1) {
      ctx.addIssue({ code: 'custom', message: 'breakpoints must start at proportion 0 and end at 1' });
    }
    for (let i = 1; i < points.length; i++) {
      const [p0, q0] = points[i - 1]!;
      const [p1, q1] = points[i]!;
      if (p1 <= p0) ctx.addIssue({ code: 'custom', path: [i, 0], message: 'proportions must increase' });
      if (q1 < q0) ctx.addIssue({ code: 'custom', path: [i, 1], message: 'percentiles must not decrease' });
    }
  });

const normTableSchema = z.object({
  id: z.string().min(1),
  provisional: z.boolean().optional(),
  description: z.string().optional(),
  subtests: z.strictObject(
    Object.fromEntries(APTITUDE_SUBTESTS.map((s) => [s, breakpointsSchema])) as Record<
      AptitudeSubtest,
      typeof breakpointsSchema
    >,
  ),
});

/** Validates a norm table (`{id, subtests: {verbal: [[proportion, percentile], ...], ...}}`). */
export function createAptitudeNorms(data: unknown = defaultNormData): AptitudeNorms {
  const parsed = normTableSchema.safeParse(data);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, 'norms'));
  const table = parsed.data;
  const subtests = Object.fromEntries(
    APTITUDE_SUBTESTS.map((s) => [
      s,
      {
        source: 'default',
        breakpoints: table.subtests[s].map(([proportion, percentile]) => ({ proportion, percentile })),
      } as SubtestNorm,
    ]),
  ) as Record<AptitudeSubtest, SubtestNorm>;
  return { id: table.id, subtests };
}

export const defaultAptitudeNorms: AptitudeNorms = createAptitudeNorms();

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Linear interpolation between the two breakpoints around `proportion` (clamped to 0..1). */
export function interpolatePercentile(breakpoints: readonly NormBreakpoint[], proportion: number): number {
  const x = Math.min(1, Math.max(0, proportion));
  const first = breakpoints[0]!;
  if (x <= first.proportion) return first.percentile;
  for (let i = 1; i < breakpoints.length; i++) {
    const hi = breakpoints[i]!;
    if (x <= hi.proportion) {
      const lo = breakpoints[i - 1]!;
      const t = (x - lo.proportion) / (hi.proportion - lo.proportion);
      return lo.percentile + t * (hi.percentile - lo.percentile);
    }
  }
  return breakpoints.at(-1)!.percentile;
}

/** Percentile (0..100, one decimal) of a proportion correct, and which norm produced it. */
export function percentileFor(
  norms: AptitudeNorms,
  subtest: AptitudeSubtest,
  proportion: number,
): { percentile: number; norm: SubtestNorm['source'] } {
  const norm = norms.subtests[subtest];
  return { percentile: round1(interpolatePercentile(norm.breakpoints, proportion)), norm: norm.source };
}

/**
 * Empirical mid-rank percentiles: a value's percentile is the share of the cohort below it plus
 * half the share equal to it, so ties sit in the middle of their band. Between observed values
 * the table interpolates; below the lowest it falls to 0 at proportion 0, above the highest it
 * rises to 100 at proportion 1.
 */
export function midRankBreakpoints(sample: readonly number[]): NormBreakpoint[] {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  const points: NormBreakpoint[] = [];
  let i = 0;
  while (i < n) {
    const value = sorted[i]!;
    let j = i;
    while (j < n && sorted[j] === value) j++;
    points.push({ proportion: value, percentile: (100 * (i + (j - i) / 2)) / n });
    i = j;
  }
  if (points.length === 0 || points[0]!.proportion > 0) points.unshift({ proportion: 0, percentile: 0 });
  if (points.at(-1)!.proportion < 1) points.push({ proportion: 1, percentile: 100 });
  return points;
}

function cohortSampleIssues(cohort: readonly AptitudeProportions[]): Issue[] {
  const issues: Issue[] = [];
  cohort.forEach((entry, i) => {
    for (const [subtest, value] of Object.entries(entry)) {
      if (!(APTITUDE_SUBTESTS as readonly string[]).includes(subtest)) {
        issues.push({ field: `cohort[${i}].${subtest}`, reason: 'unknown aptitude subtest' });
      } else if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
        issues.push({
          field: `cohort[${i}].${subtest}`,
          reason: `proportion must be within 0..1, got ${value}`,
        });
      }
    }
  });
  return issues;
}

/**
 * Norms for a cohort: each subtest with at least `threshold` observations gets its empirical
 * mid-rank table; the others keep the default table. Below the threshold a cohort is too small for
 * its percentiles to mean more than the provisional ones.
 */
export function buildCohortNorms(
  cohort: readonly AptitudeProportions[],
  options: { threshold?: number; defaults?: AptitudeNorms; id?: string } = {},
): AptitudeNorms {
  const threshold = options.threshold ?? DEFAULT_COHORT_THRESHOLD;
  const defaults = options.defaults ?? defaultAptitudeNorms;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new ValidationError([{ field: 'threshold', reason: `must be an integer >= 1, got ${threshold}` }]);
  }
  const issues = cohortSampleIssues(cohort);
  if (issues.length > 0) throw new ValidationError(issues);

  let usedCohort = false;
  const subtests = Object.fromEntries(
    APTITUDE_SUBTESTS.map((s) => {
      const sample = cohort.map((entry) => entry[s]).filter((v): v is number => v !== undefined);
      if (sample.length < threshold) return [s, defaults.subtests[s]];
      usedCohort = true;
      const norm: SubtestNorm = {
        source: 'cohort',
        breakpoints: midRankBreakpoints(sample),
        sampleSize: sample.length,
      };
      return [s, norm];
    }),
  ) as Record<AptitudeSubtest, SubtestNorm>;
  return usedCohort ? { id: options.id ?? `cohort-n${cohort.length}`, subtests } : defaults;
}

/** A subtest result that scoring would accept: integers, total >= 1, 0 <= correct <= total. */
export function isValidAptitudeResult(result: unknown): result is { correct: number; total: number } {
  if (typeof result !== 'object' || result === null) return false;
  const { correct, total } = result as { correct?: unknown; total?: unknown };
  return (
    Number.isInteger(correct) &&
    Number.isInteger(total) &&
    (total as number) >= 1 &&
    (correct as number) >= 0 &&
    (correct as number) <= (total as number)
  );
}

/** Proportions correct of each assessment's valid subtest results, ready for `buildCohortNorms`. */
export function cohortProportions(records: readonly AssessmentRecord[]): AptitudeProportions[] {
  return records.map((record) => {
    const entry: AptitudeProportions = {};
    for (const subtest of APTITUDE_SUBTESTS) {
      const result = record.aptitudes?.[subtest];
      if (isValidAptitudeResult(result)) entry[subtest] = result.correct / result.total;
    }
    return entry;
  });
}
