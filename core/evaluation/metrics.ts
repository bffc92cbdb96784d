/**
 * Quality metrics of a matching run: how well a ranking recovers a known answer, how evenly
 * recommendations load the openings, and how coverage and scores differ between groups of youth.
 * Pure functions over plain numbers, so each one is checked against hand-counted answers.
 */

/** 1-based rank of the relevant item in a ranking, or null when it is not in the ranking at all. */
export type Rank = number | null;

export interface RankingMetrics {
  /** Rankings evaluated. */
  count: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank; a missing item counts 0. */
  mrr: number;
  /** nDCG@10 with one relevant item: 1 / log2(rank + 1) within the top 10, else 0. */
  ndcgAt10: number;
}

/** Recall@k, MRR and nDCG@10 of one relevant item per ranking. */
export function rankingMetrics(ranks: readonly Rank[]): RankingMetrics {
  const n = ranks.length;
  if (n === 0) return { count: 0, recallAt1: 0, recallAt5: 0, recallAt10: 0, mrr: 0, ndcgAt10: 0 };
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  let rr = 0;
  let dcg = 0;
  for (const rank of ranks) {
    if (rank === null) continue;
    if (!Number.isInteger(rank) || rank < 1) throw new RangeError(`a rank is a whole number >= 1: ${rank}`);
    if (rank <= 1) at1++;
    if (rank <= 5) at5++;
    if (rank <= 10) {
      at10++;
      dcg += 1 / Math.log2(rank + 1);
    }
    rr += 1 / rank;
  }
  return {
    count: n,
    recallAt1: at1 / n,
    recallAt5: at5 / n,
    recallAt10: at10 / n,
    mrr: rr / n,
    ndcgAt10: dcg / n,
  };
}

/** Nearest-rank quantile (q in 0..1) of the values; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/** Gini coefficient of non-negative values: 0 when all are equal, towards 1 when one holds all. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    if (v < 0) throw new RangeError(`Gini needs non-negative values: ${v}`);
    total += v;
    weighted += (i + 1) * v;
  });
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export interface LoadInput {
  /** Openings (jobs) or seats (trainings) of each opportunity. */
  capacity: number;
  /** Youth to whom it was recommended. */
  recommendedTo: number;
}

export interface LoadMetrics {
  opportunities: number;
  openings: number;
  /** Recommendation slots used (sum of recommendedTo). */
  slots: number;
  /** slots / openings: the load every opening would carry if spread evenly. */
  meanLoad: number;
  /** Youth per opening over opportunities (recommendedTo / capacity). */
  p50: number;
  p95: number;
  max: number;
  /** Share of opportunities recommended to at least one youth. */
  shareRecommended: number;
  /** Gini of youth per opening across opportunities. */
  gini: number;
}

/** How recommendations load openings: youth per opening, its spread and concentration. */
export function loadMetrics(items: readonly LoadInput[]): LoadMetrics {
  const perOpening = items.map((i) => i.recommendedTo / i.capacity);
  const openings = items.reduce((s, i) => s + i.capacity, 0);
  const slots = items.reduce((s, i) => s + i.recommendedTo, 0);
  return {
    opportunities: items.length,
    openings,
    slots,
    meanLoad: openings === 0 ? 0 : slots / openings,
    p50: quantile(perOpening, 0.5),
    p95: quantile(perOpening, 0.95),
    max: perOpening.length === 0 ? 0 : Math.max(...perOpening),
    shareRecommended: items.length === 0 ? 0 : items.filter((i) => i.recommendedTo > 0).length / items.length,
    gini: gini(perOpening),
  };
}

/** One youth's outcome as the group metrics see it. */
export interface YouthOutcome {
  /** Group keys, e.g. { gender: 'F', disability: 'yes', district: '3374' }. */
  groups: Record<string, string>;
  /** Jobs recommended. */
  jobs: number;
  /** Score of the best job, null when none. */
  topScore: number | null;
}

export interface GroupSummary {
  dimension: string;
  group: string;
  youth: number;
  /** Share with at least one job. */
  coverage: number;
  /** Mean best job score over youth with a job; null when none has one. */
  meanTopScore: number | null;
}

/** Coverage and mean top score per group of every dimension, groups in key order. */
export function groupSummaries(
  outcomes: readonly YouthOutcome[],
  dimensions: readonly string[],
): GroupSummary[] {
  const out: GroupSummary[] = [];
  for (const dimension of dimensions) {
    const byGroup = new Map<string, YouthOutcome[]>();
    for (const o of outcomes) {
      const key = o.groups[dimension];
      if (key === undefined) continue;
      const list = byGroup.get(key);
      if (list) list.push(o);
      else byGroup.set(key, [o]);
    }
    for (const group of [...byGroup.keys()].sort()) {
      const members = byGroup.get(group)!;
      const tops = members.flatMap((m) => (m.topScore === null ? [] : [m.topScore]));
      out.push({
        dimension,
        group,
        youth: members.length,
        coverage: members.filter((m) => m.jobs > 0).length / members.length,
        meanTopScore: tops.length === 0 ? null : tops.reduce((s, v) => s + v, 0) / tops.length,
      });
    }
  }
  return out;
}

/** Mean over non-empty lists of (best - lowest) score within each list's first k: how far apart a top 10 is. */
export function scoreSpread(
  lists: readonly (readonly number[])[],
  k = 10,
): { meanSpread: number; lists: number } {
  let total = 0;
  let count = 0;
  for (const scores of lists) {
    if (scores.length === 0) continue;
    const top = scores.slice(0, k);
    total += Math.max(...top) - Math.min(...top);
    count++;
  }
  return { meanSpread: count === 0 ? 0 : total / count, lists: count };
}
