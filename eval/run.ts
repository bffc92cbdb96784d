/**
 * `npm run eval`: the matching-quality report (docs/quality.md). Not a timed test: it prints
 * figures. Sections:
 * - recovery: synthetic youth drawn from O*NET occupations (eval/recovery.ts); recall@1/5/10, MRR
 *   and nDCG@10 of the source occupation, the engine against the interest-only ranking;
 * - demo: the full demo (`sinergi demo --size full` data, generated in-process): score spread in the
 *   top 10, congestion of openings, coverage and mean top score by group.
 *
 *   npm run eval [-- --data ../shared/data] [--youth 2000] [--seed 20261201] [--as-of 2026-12-01]
 *   (the demo uses the demo's own default seed, as `sinergi demo --size full` does)
 *     [--only recovery|demo]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { IsoDate } from '#core/domain/calendar';
import { accommodationNeeds } from '#core/domain/disability';
import type { OpportunityProfile, YouthProfile } from '#core/domain/profiles';
import {
  groupSummaries,
  loadMetrics,
  type Rank,
  rankingMetrics,
  scoreSpread,
  type YouthOutcome,
} from '#core/evaluation/metrics';
import { DEFAULT_MATCH_CONFIG, type MatchConfig, parseMatchConfig } from '#core/matching/config';
import { feasibleYouthCounts, matchFactsInBlocks } from '#core/matching/match';
import { trainingToProfile, vacancyToProfile } from '#core/matching/opportunity-profile';
import type { MatchOptions } from '#core/matching/types';
import { districtDistance } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext, scoreAssessments } from '#core/scoring/index';
import { DEFAULT_SEED, generateDemoData } from '../cli/demo/generate.ts';
import { type AptitudeVariant, buildRecoverySet, loadSources, type RecoverySet } from './recovery.ts';

const RANK_DEPTH = 200;

function interestOnly(config: MatchConfig): MatchConfig {
  return parseMatchConfig({ ...config, weights: { interest: 1, aptitude: 0, skills: 0, reach: 0 } });
}

/** Rank of the source occupation among the distinct occupations of each youth's job list. */
export function recoveryRanks(set: RecoverySet, config: MatchConfig, asOf: IsoDate): Rank[] {
  const options = {
    asOf,
    config: parseMatchConfig({ ...config, pathways: { ...config.pathways, maxJobs: 0 } }),
    distance: districtDistance,
    limitJobs: RANK_DEPTH,
    limitTrainings: 0,
  };
  const ranks: Rank[] = [];
  for (const block of matchFactsInBlocks(set.youth, set.opportunities, options)) {
    for (const r of block) {
      const target = set.source.get(r.youthId)!;
      const seen = new Set<string>();
      let rank: Rank = null;
      for (const job of r.jobs) {
        const code = set.occupationOf.get(job.opportunityId)!;
        if (seen.has(code)) continue;
        seen.add(code);
        if (code === target) {
          rank = seen.size;
          break;
        }
      }
      ranks.push(rank);
    }
  }
  return ranks;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

function recoverySection(
  dataDir: string,
  youth: number,
  seed: number,
  asOf: IsoDate,
  config: MatchConfig,
): string[] {
  const sources = loadSources(dataDir);
  const lines = [
    `## Recovery (${youth} youth per variant, ${sources.length} unit groups x 3 districts, seed ${seed})`,
    '',
    '| aptitudes | ranking | recall@1 | recall@5 | recall@10 | MRR | nDCG@10 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const variant of ['median', 'informative', 'noise'] as AptitudeVariant[]) {
    const set = buildRecoverySet(sources, { variant, youth, seed, asOf, config });
    for (const [name, c] of [
      ['interest only', interestOnly(config)],
      ['engine', config],
    ] as const) {
      const m = rankingMetrics(recoveryRanks(set, c, asOf));
      lines.push(
        `| ${variant} | ${name} | ${pct(m.recallAt1)} | ${pct(m.recallAt5)} | ${pct(m.recallAt10)} | ${f3(m.mrr)} | ${f3(m.ndcgAt10)} |`,
      );
    }
  }
  return lines;
}

function welfareBand(decile: number | undefined): string {
  return decile === undefined ? 'unknown' : `D${String(decile).padStart(2, '0')}`;
}

interface DemoRun {
  recommendedTo: Map<string, number>;
  topScores: Map<string, number | null>;
  spreads: number[][];
  outcomes: YouthOutcome[];
}

function runDemo(
  profiles: readonly YouthProfile[],
  opportunities: readonly OpportunityProfile[],
  options: MatchOptions,
): DemoRun {
  const byId = new Map(profiles.map((p) => [p.youthId, p]));
  const run: DemoRun = { recommendedTo: new Map(), topScores: new Map(), spreads: [], outcomes: [] };
  for (const block of matchFactsInBlocks(profiles, opportunities, options)) {
    for (const r of block) {
      for (const j of [...r.jobs, ...r.trainings]) {
        const key = `${j.kind}:${j.opportunityId}`;
        run.recommendedTo.set(key, (run.recommendedTo.get(key) ?? 0) + 1);
      }
      run.spreads.push(r.jobs.map((j) => j.score));
      run.topScores.set(r.youthId, r.jobs[0]?.score ?? null);
      const p = byId.get(r.youthId)!;
      run.outcomes.push({
        groups: {
          gender: p.gender,
          disability: accommodationNeeds(p.disability).length > 0 ? 'need' : 'none',
          welfare: welfareBand(p.welfareDecile),
          district: p.district,
        },
        jobs: r.jobs.length,
        topScore: r.jobs[0]?.score ?? null,
      });
    }
  }
  return run;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

function demoSection(seed: number, asOf: IsoDate, config: MatchConfig): string[] {
  const data = generateDemoData({ asOf, size: 'full', seed, invalidRows: false });
  const scoring = createScoringContext();
  const profiles = scoreAssessments(data.assessments, scoring).profiles;
  const ctx = {
    occupations: occupationReference.lookup,
    normaliseSkills: (values: string[]) => scoring.skills.normalise(values),
    unknownJobZone: config.unknownJobZone,
  };
  const jobs = data.vacancies.map((v) => vacancyToProfile(v, ctx).profile);
  const trainings = data.trainings.map((t) => trainingToProfile(t, ctx).profile);
  const opportunities = [...jobs, ...trainings];
  const options = { asOf, config, distance: districtDistance };
  const feasible = feasibleYouthCounts(profiles, opportunities, options);
  const runs = {
    off: runDemo(profiles, opportunities, options),
    on: runDemo(profiles, opportunities, { ...options, allocate: true }),
  };
  const open = (list: readonly OpportunityProfile[]) => list.filter((o) => feasible.has(`${o.kind}:${o.id}`));
  const lines = [
    `## Full demo (${profiles.length} youth, ${jobs.length} vacancies, ${trainings.length} trainings, seed ${seed}, as of ${asOf})`,
    '',
    "Allocation off = the engine's own top lists; on = capacity-aware allocation (docs/matching.md).",
    '',
    '| metric | allocation off | on |',
    '|---|---|---|',
  ];
  const row = (name: string, f: (run: DemoRun) => string) =>
    lines.push(`| ${name} | ${f(runs.off)} | ${f(runs.on)} |`);
  row('score spread in the top 10 (best - 10th, mean)', (r) => f3(scoreSpread(r.spreads).meanSpread));
  for (const [name, list] of [
    ['jobs', open(jobs)],
    ['trainings', open(trainings)],
  ] as const) {
    const load = (r: DemoRun) =>
      loadMetrics(
        list.map((o) => ({
          capacity: o.capacity,
          recommendedTo: r.recommendedTo.get(`${o.kind}:${o.id}`) ?? 0,
        })),
      );
    row(`${name}: open / openings`, () => `${list.length} / ${list.reduce((s, o) => s + o.capacity, 0)}`);
    row(`${name}: slots, mean load`, (r) => `${load(r).slots}, ${load(r).meanLoad.toFixed(2)}`);
    row(`${name}: youth per opening p50 / p95 / max`, (r) => {
      const m = load(r);
      return `${m.p50.toFixed(2)} / ${m.p95.toFixed(2)} / ${m.max.toFixed(2)}`;
    });
    row(
      `${name}: share recommended / Gini of load`,
      (r) => `${pct(load(r).shareRecommended)} / ${f3(load(r).gini)}`,
    );
    row(`${name}: below floor min(openings, feasible youth)`, (r) => {
      const below = list.filter(
        (o) =>
          (r.recommendedTo.get(`${o.kind}:${o.id}`) ?? 0) <
          Math.min(o.capacity, feasible.get(`${o.kind}:${o.id}`)!),
      ).length;
      return `${below} of ${list.filter((o) => feasible.get(`${o.kind}:${o.id}`)! > 0).length} with feasible youth`;
    });
  }
  const tops = (r: DemoRun) => [...r.topScores.values()].filter((v): v is number => v !== null);
  row('mean top-1 job score', (r) => f3(mean(tops(r))));
  row('youth with a feasible job left with none', (r) => {
    let lost = 0;
    for (const [id, top] of r.topScores) if (top === null && runs.off.topScores.get(id) !== null) lost++;
    return String(lost);
  });
  lines.push(
    '',
    '| dimension | group | youth | coverage off | on | mean top score off | on |',
    '|---|---|---|---|---|---|---|',
  );
  const on = groupSummaries(runs.on.outcomes, ['gender', 'disability', 'welfare', 'district']);
  groupSummaries(runs.off.outcomes, ['gender', 'disability', 'welfare', 'district']).forEach((g, i) => {
    const a = on[i]!;
    const top = (x: number | null) => (x === null ? '-' : f3(x));
    lines.push(
      `| ${g.dimension} | ${g.group} | ${g.youth} | ${pct(g.coverage)} | ${pct(a.coverage)} | ${top(g.meanTopScore)} | ${top(a.meanTopScore)} |`,
    );
  });
  return lines;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data' },
      youth: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '20261201' },
      'as-of': { type: 'string', default: '2026-12-01' },
      only: { type: 'string' },
    },
  });
  const asOf = values['as-of'] as IsoDate;
  const seed = Number(values.seed);
  const config = DEFAULT_MATCH_CONFIG;
  const lines = [`# sinergi-match quality report (config ${config.version}, as of ${asOf})`, ''];
  if (values.only !== 'demo') {
    const dataDir = resolve(values.data);
    if (!existsSync(dataDir)) throw new Error(`--data ${dataDir}: not found (O*NET and Nesta source files)`);
    lines.push(...recoverySection(dataDir, Number(values.youth), seed, asOf, config), '');
  }
  if (values.only !== 'recovery') lines.push(...demoSection(DEFAULT_SEED, asOf, config));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
