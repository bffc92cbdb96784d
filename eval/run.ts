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
import {
  groupSummaries,
  loadMetrics,
  type Rank,
  rankingMetrics,
  scoreSpread,
  type YouthOutcome,
} from '#core/evaluation/metrics';
import { DEFAULT_MATCH_CONFIG, type MatchConfig, parseMatchConfig } from '#core/matching/config';
import { matchFactsInBlocks } from '#core/matching/match';
import { trainingToProfile, vacancyToProfile } from '#core/matching/opportunity-profile';
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

function demoSection(seed: number, asOf: IsoDate, config: MatchConfig): string[] {
  const data = generateDemoData({ asOf, size: 'full', seed, invalidRows: false });
  const scored = scoreAssessments(data.assessments, createScoringContext());
  const skills = createScoringContext().skills;
  const ctx = {
    occupations: occupationReference.lookup,
    normaliseSkills: (values: string[]) => skills.normalise(values),
    unknownJobZone: config.unknownJobZone,
  };
  const jobs = data.vacancies.map((v) => vacancyToProfile(v, ctx).profile);
  const trainings = data.trainings.map((t) => trainingToProfile(t, ctx).profile);
  const opportunities = [...jobs, ...trainings];
  const options = { asOf, config, distance: districtDistance };
  const recommendedTo = new Map<string, number>();
  const spreads: number[][] = [];
  const outcomes: YouthOutcome[] = [];
  const profiles = new Map(scored.profiles.map((p) => [p.youthId, p]));
  for (const block of matchFactsInBlocks(scored.profiles, opportunities, options)) {
    for (const r of block) {
      for (const j of [...r.jobs, ...r.trainings])
        recommendedTo.set(j.opportunityId, (recommendedTo.get(j.opportunityId) ?? 0) + 1);
      spreads.push(r.jobs.map((j) => j.score));
      const p = profiles.get(r.youthId)!;
      outcomes.push({
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
  const open = (list: typeof jobs) => list.filter((o) => o.capacity > 0 && o.deadline >= asOf);
  const load = (list: typeof jobs) =>
    loadMetrics(
      open(list).map((o) => ({ capacity: o.capacity, recommendedTo: recommendedTo.get(o.id) ?? 0 })),
    );
  const spread = scoreSpread(spreads);
  const lines = [
    `## Full demo (${scored.profiles.length} youth, ${jobs.length} vacancies, ${trainings.length} trainings, seed ${seed}, as of ${asOf})`,
    '',
    `Score spread in the top 10 (best - 10th, mean over ${spread.lists} youth): ${f3(spread.meanSpread)}`,
    '',
    '| opportunities | open | openings | slots | mean load | youth/opening p50 | p95 | max | share recommended | Gini |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, list] of [
    ['jobs', jobs],
    ['trainings', trainings],
  ] as const) {
    const m = load(list);
    lines.push(
      `| ${name} | ${m.opportunities} | ${m.openings} | ${m.slots} | ${m.meanLoad.toFixed(2)} | ${m.p50.toFixed(2)} | ${m.p95.toFixed(2)} | ${m.max.toFixed(2)} | ${pct(m.shareRecommended)} | ${f3(m.gini)} |`,
    );
  }
  lines.push(
    '',
    '| dimension | group | youth | coverage (>= 1 job) | mean top score |',
    '|---|---|---|---|---|',
  );
  for (const g of groupSummaries(outcomes, ['gender', 'disability', 'welfare', 'district'])) {
    lines.push(
      `| ${g.dimension} | ${g.group} | ${g.youth} | ${pct(g.coverage)} | ${g.meanTopScore === null ? '-' : f3(g.meanTopScore)} |`,
    );
  }
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
