import { describe, expect, it } from 'vitest';
import {
  gini,
  groupSummaries,
  loadMetrics,
  quantile,
  rankingMetrics,
  scoreSpread,
} from '#core/evaluation/metrics';

describe('rankingMetrics', () => {
  it('counts recall, reciprocal rank and DCG of one relevant item per ranking', () => {
    // Ranks 1, 3, 7, 12 and one miss.
    const m = rankingMetrics([1, 3, 7, 12, null]);
    expect(m.count).toBe(5);
    expect(m.recallAt1).toBeCloseTo(1 / 5, 12);
    expect(m.recallAt5).toBeCloseTo(2 / 5, 12);
    expect(m.recallAt10).toBeCloseTo(3 / 5, 12);
    expect(m.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 7 + 1 / 12) / 5, 12);
    expect(m.ndcgAt10).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 5, 12); // log2(2)=1, log2(4)=2, log2(8)=3
  });

  it('is all zero for no rankings and refuses a rank below 1', () => {
    expect(rankingMetrics([]).recallAt10).toBe(0);
    expect(() => rankingMetrics([0])).toThrow(RangeError);
  });
});

describe('quantile and gini', () => {
  it('takes the nearest-rank quantile', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.95)).toBe(10);
    expect(quantile(values, 0)).toBe(1);
    expect(quantile([], 0.5)).toBe(0);
  });

  it('is 0 for equal loads and (n-1)/n when one opportunity takes everything', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4, 12);
    // 1,2,3: 2*(1+4+9)/(3*6) - 4/3 = 28/18 - 24/18 = 2/9
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
  });
});

describe('loadMetrics', () => {
  it('reports youth per opening, the even load and the share recommended', () => {
    const m = loadMetrics([
      { capacity: 2, recommendedTo: 8 }, // 4 per opening
      { capacity: 1, recommendedTo: 0 },
      { capacity: 5, recommendedTo: 5 }, // 1
      { capacity: 2, recommendedTo: 3 }, // 1.5
    ]);
    expect(m.openings).toBe(10);
    expect(m.slots).toBe(16);
    expect(m.meanLoad).toBeCloseTo(1.6, 12);
    expect(m.p50).toBe(1);
    expect(m.max).toBe(4);
    expect(m.p95).toBe(4);
    expect(m.shareRecommended).toBe(0.75);
  });
});

describe('groupSummaries and scoreSpread', () => {
  it('gives coverage and mean top score per group', () => {
    const summaries = groupSummaries(
      [
        { groups: { gender: 'F' }, jobs: 3, topScore: 0.8 },
        { groups: { gender: 'F' }, jobs: 0, topScore: null },
        { groups: { gender: 'M' }, jobs: 1, topScore: 0.6 },
        { groups: { gender: 'M' }, jobs: 2, topScore: 0.7 },
      ],
      ['gender'],
    );
    expect(summaries).toEqual([
      { dimension: 'gender', group: 'F', youth: 2, coverage: 0.5, meanTopScore: 0.8 },
      { dimension: 'gender', group: 'M', youth: 2, coverage: 1, meanTopScore: expect.closeTo(0.65, 12) },
    ]);
  });

  it('measures best minus lowest within each top k', () => {
    expect(scoreSpread([[0.9, 0.8, 0.5], [0.7], []], 2)).toEqual({
      meanSpread: expect.closeTo(0.05, 12),
      lists: 2,
    });
  });
});
