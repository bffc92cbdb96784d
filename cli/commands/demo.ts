/**
 * `sinergi demo`: writes the seeded demo files, reads them back through the same path as `match`,
 * and prints a summary and the first youth's recommendations. The demo files carry rows that are
 * invalid on purpose (listed in manifest.json); those are expected, any other rejection is not.
 */
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { formatIssue, type Issue } from '#core/domain/errors';
import type { Language } from '#core/domain/language';
import { DEFAULT_MATCH_CONFIG } from '#core/matching/index';
import {
  DEFAULT_SEED,
  DEMO_FILES,
  type DemoManifest,
  type DemoSize,
  demoManifest,
  generateDemoData,
} from '../demo/generate.ts';
import { writeDemoFiles } from '../demo/write.ts';
import { formatJson, toMatchOutput } from '../output/json.ts';
import { formatYouthBlock } from '../output/table.ts';
import { alignColumns } from '../output/text.ts';
import { allocationOption, asOfOption, langOption, wholeNumber } from './options.ts';
import { type PipelineResult, runMatchPipeline } from './pipeline.ts';
import { type CliRuntime, EXIT, emit, jakartaDate, type RegisterCommand, raiseExitCode } from './runtime.ts';

export const DEFAULT_DEMO_DIR = '.sinergi/demo';
export const RECOMMENDATIONS_FILE = 'recommendations.json';

export interface DemoCommandOptions {
  dir: string;
  size: DemoSize;
  asOf?: string;
  seed: number;
  lang: Language;
  /** false with --no-allocation. */
  allocation: boolean;
}

/** Rejections the manifest does not announce: a defect in the generator or in the parsers. */
export function unexpectedRejections(result: PipelineResult, manifest: DemoManifest, dir: string): Issue[] {
  const planted = new Set<string>();
  for (const kind of ['assessments', 'vacancies', 'trainings'] as const) {
    for (const row of manifest.files[kind].invalid)
      planted.add(`${join(dir, DEMO_FILES[kind])}\u0000${row.line}`);
  }
  return result.rejected.filter(
    (issue) => issue.row === undefined || !planted.has(`${issue.file}\u0000${issue.row}`),
  );
}

/** Warnings counted by what they are about, e.g. `skills 18, gender_requirement 3`. */
function warningCounts(warnings: readonly Issue[]): string {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.field, (counts.get(w.field) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([field, n]) => `${field} ${n}`)
    .join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

interface Timings {
  generateMs: number;
  matchMs: number;
}

export function formatDemoSummary(
  result: PipelineResult,
  manifest: DemoManifest,
  options: { dir: string; timings: Timings; unexpected: readonly Issue[] },
): string {
  const { youth, vacancies, trainings } = result.files;
  const jobs = result.results.reduce((n, r) => n + r.recommendations.jobs.length, 0);
  const offers = result.results.reduce((n, r) => n + r.recommendations.trainings.length, 0);
  const pathways = result.results.reduce((n, r) => n + r.recommendations.pathways.length, 0);
  const withJobs = result.results.filter((r) => r.recommendations.jobs.length > 0).length;
  const lines = [
    `SINERGI demo: size ${manifest.size}, seed ${manifest.seed}, as of ${manifest.asOf}; synthetic data in ${options.dir}`,
    ...alignColumns(
      [
        [youth.file, `${youth.accepted} youth scored`, `${youth.rejectedRows} rows rejected`],
        [vacancies.file, `${vacancies.accepted} vacancies read`, `${vacancies.rejectedRows} rows rejected`],
        [
          trainings.file,
          `${trainings.accepted} training offers read`,
          `${trainings.rejectedRows} rows rejected`,
        ],
      ],
      ['left', 'right', 'right'],
    ).map((line) => `  ${line}`),
  ];
  if (result.rejected.length > 0) {
    lines.push(
      'Rejected rows (invalid on purpose, listed in manifest.json):',
      ...result.rejected.map((issue) => `  ${formatIssue(issue)}`),
    );
  }
  if (options.unexpected.length > 0) {
    lines.push(
      `NOT expected: ${options.unexpected.length} rejections are not in the manifest:`,
      ...options.unexpected.map((issue) => `  ${formatIssue(issue)}`),
    );
  }
  if (result.warnings.length > 0) {
    lines.push(`Warnings: ${result.warnings.length} (${warningCounts(result.warnings)})`);
  }
  lines.push(
    `Recommended: ${jobs} jobs and ${offers} training offers to ${result.results.length} youth ` +
      `(${withJobs} with at least one job), ${pathways} pathways`,
    `Time: ${seconds(options.timings.generateMs + options.timings.matchMs)} ` +
      `(generate and write ${seconds(options.timings.generateMs)}, read, score and match ${seconds(options.timings.matchMs)})`,
    `All recommendations: ${join(options.dir, RECOMMENDATIONS_FILE)}`,
  );
  return `${lines.join('\n')}\n`;
}

export async function runDemo(runtime: CliRuntime, options: DemoCommandOptions): Promise<void> {
  const { io } = runtime;
  const asOf = options.asOf ?? jakartaDate(io.now());
  const started = performance.now();
  const data = generateDemoData({ asOf, size: options.size, seed: options.seed });
  await writeDemoFiles(options.dir, data);
  const generated = performance.now();

  const config = DEFAULT_MATCH_CONFIG;
  const result = await runMatchPipeline(
    {
      youth: join(options.dir, DEMO_FILES.assessments),
      vacancies: join(options.dir, DEMO_FILES.vacancies),
      trainings: join(options.dir, DEMO_FILES.trainings),
    },
    {
      asOf,
      config,
      limitJobs: config.topJobs,
      limitTrainings: config.topTrainings,
      allocate: options.allocation,
    },
  );
  const matched = performance.now();
  await emit(
    io,
    formatJson(result.results.map((r) => toMatchOutput(r.profile, r.recommendations))),
    join(options.dir, RECOMMENDATIONS_FILE),
  );

  const manifest = demoManifest(data);
  const unexpected = unexpectedRejections(result, manifest, options.dir);
  io.stdout(
    formatDemoSummary(result, manifest, {
      dir: options.dir,
      timings: { generateMs: generated - started, matchMs: matched - generated },
      unexpected,
    }),
  );
  const first = result.results[0];
  if (first !== undefined) {
    io.stdout(`\n${formatYouthBlock(first, options.lang, (id, lang) => result.skills.label(id, lang))}`);
  }
  raiseExitCode(runtime, unexpected.length > 0 ? EXIT.rejected : EXIT.ok);
}

export const registerDemo: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('demo')
    .description('generate synthetic demo files, score and match them, and show a summary')
    .option('--dir <dir>', 'where the demo files are written', DEFAULT_DEMO_DIR)
    .addOption(
      new Option(
        '--size <size>',
        'small: 300 youth, 120 vacancies, 40 trainings; full: 16,000 / 5,000 / 1,000',
      )
        .choices(['small', 'full'])
        .default('small'),
    )
    .addOption(asOfOption('reference date of the generated data (default: today in Asia/Jakarta)'))
    .option(
      '--seed <n>',
      'random seed; the same seed and date give the same files',
      wholeNumber(0, 0xffff_ffff),
      DEFAULT_SEED,
    )
    .addOption(langOption())
    .addOption(allocationOption())
    .action((options: DemoCommandOptions) => runDemo(runtime, options));
};
