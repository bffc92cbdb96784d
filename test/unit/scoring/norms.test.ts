import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  buildCohortNorms,
  cohortProportions,
  createAptitudeNorms,
  defaultAptitudeNorms,
  midRankBreakpoints,
  percentileFor,
} from '#core/scoring/norms';
import { assessment } from './fixtures.ts';

describe('default norms', () => {
  it('are marked as default and cover proportion 0 to 1 for every subtest', () => {
    for (const norm of Object.values(defaultAptitudeNorms.subtests)) {
      expect(norm.source).toBe('default');
      expect(norm.breakpoints[0]?.proportion).toBe(0);
      expect(norm.breakpoints.at(-1)?.proportion).toBe(1);
    }
  });

  it('give the tabled percentile at a breakpoint', () => {
    expect(percentileFor(defaultAptitudeNorms, 'verbal', 0.5)).toEqual({ percentile: 38, norm: 'default' });
    expect(percentileFor(defaultAptitudeNorms, 'clerical', 0.8).percentile).toBe(71);
    expect(percentileFor(defaultAptitudeNorms, 'numerical', 0).percentile).toBe(1);
    expect(percentileFor(defaultAptitudeNorms, 'numerical', 1).percentile).toBe(99);
  });

  it('interpolate linearly between breakpoints', () => {
    // spatial: 0.2 -> 5, 0.35 -> 18; 0.3 is two thirds of the way: 5 + 13 * 2/3 = 13.67
    expect(percentileFor(defaultAptitudeNorms, 'spatial', 0.3).percentile).toBe(13.7);
    // verbal: 0.6 -> 55, 0.7 -> 71; halfway is 63
    expect(percentileFor(defaultAptitudeNorms, 'verbal', 0.65).percentile).toBe(63);
  });

  it('reject a table whose percentiles fall or whose proportions do not span 0..1', () => {
    const bad = {
      id: 'bad',
      subtests: {
        ...Object.fromEntries(
          Object.entries(defaultAptitudeNorms.subtests).map(([s, n]) => [
            s,
            n.breakpoints.map((b) => [b.proportion, b.percentile]),
          ]),
        ),
        verbal: [
          [0, 10],
          [0.5, 5],
          [1, 90],
        ],
        mechanical: [
          [0.1, 1],
          [1, 99],
        ],
      },
    };
    try {
      createAptitudeNorms(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).issues.map((i) => i.field);
      expect(fields).toContain('norms.subtests.verbal.1.1');
      expect(fields).toContain('norms.subtests.mechanical');
    }
  });
});

describe('cohort norms', () => {
  it('compute mid-rank percentiles, ties in the middle of their band', () => {
    expect(midRankBreakpoints([0.9, 0.5, 0.7, 0.5])).toEqual([
      { proportion: 0, percentile: 0 },
      { proportion: 0.5, percentile: 25 },
      { proportion: 0.7, percentile: 62.5 },
      { proportion: 0.9, percentile: 87.5 },
      { proportion: 1, percentile: 100 },
    ]);
    expect(midRankBreakpoints([0, 1])).toEqual([
      { proportion: 0, percentile: 25 },
      { proportion: 1, percentile: 75 },
    ]);
  });

  it('stay on the default norms below the threshold', () => {
    const cohort = Array.from({ length: 199 }, (_, i) => ({ verbal: (i % 20) / 20 }));
    expect(buildCohortNorms(cohort)).toBe(defaultAptitudeNorms);
  });

  it('switch a subtest to cohort norms at the threshold', () => {
    const cohort = Array.from({ length: 200 }, (_, i) => ({
      verbal: (i % 20) / 20,
      ...(i < 150 && { mechanical: 0.5 }),
    }));
    const norms = buildCohortNorms(cohort);
    expect(norms.subtests.verbal.source).toBe('cohort');
    expect(norms.subtests.verbal.sampleSize).toBe(200);
    // 150 observations are below the threshold of 200: the default table stays.
    expect(norms.subtests.mechanical).toBe(defaultAptitudeNorms.subtests.mechanical);
    // 0.5 is the 11th of 20 equally common values: 10 below, 1 equal -> (10 + 0.5) / 20 = 52.5
    expect(percentileFor(norms, 'verbal', 0.5)).toEqual({ percentile: 52.5, norm: 'cohort' });
    expect(percentileFor(norms, 'mechanical', 0.5).norm).toBe('default');
  });

  it('honour a configured threshold and interpolate between observed values', () => {
    const norms = buildCohortNorms(
      [{ numerical: 0.5 }, { numerical: 0.5 }, { numerical: 0.7 }, { numerical: 0.9 }],
      {
        threshold: 4,
      },
    );
    expect(percentileFor(norms, 'numerical', 0.6).percentile).toBe(43.8);
    expect(percentileFor(norms, 'numerical', 0.95).percentile).toBe(93.8);
  });

  it('reject a proportion outside 0..1 and a threshold below 1', () => {
    expect(() => buildCohortNorms([{ verbal: 1.2 }], { threshold: 1 })).toThrow(/cohort\[0\]\.verbal/);
    expect(() => buildCohortNorms([], { threshold: 0 })).toThrow(ValidationError);
  });

  it('take proportions from valid subtest results only', () => {
    const records = [
      assessment(),
      assessment({ aptitudes: { verbal: { correct: 31, total: 30 }, spatial: { correct: 3, total: 12 } } }),
    ];
    const proportions = cohortProportions(records);
    expect(proportions[0]?.numerical).toBe(0.8);
    expect(proportions[1]).toEqual({ spatial: 0.25 });
  });
});
