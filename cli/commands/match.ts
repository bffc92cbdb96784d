/** `sinergi match`: youth, vacancies and training offers in; ranked, explained recommendations out. */
import type { Command } from 'commander';
import type { IsoDate } from '#core/domain/calendar';
import { ValidationError } from '#core/domain/errors';
import type { Language } from '#core/domain/language';
import { DEFAULT_MATCH_CONFIG, type MatchConfig, parseMatchConfig } from '#core/matching/index';
import { formatJson, toMatchOutput } from '../output/json.ts';
import { formatMatchTable } from '../output/table.ts';
import { readJsonFile } from './inputs.ts';
import {
  allocationOption,
  asOfOption,
  formatOption,
  langOption,
  type OutputFormat,
  outOption,
  wholeNumber,
} from './options.ts';
import { type PipelineResult, runMatchPipeline } from './pipeline.ts';
import {
  CliInputError,
  type CliRuntime,
  EXIT,
  emit,
  jakartaDate,
  type RegisterCommand,
  raiseExitCode,
  reportIssues,
  reportWarnings,
} from './runtime.ts';

export interface MatchCommandOptions {
  youth: string;
  vacancies: string;
  trainings: string;
  top?: number;
  topTrainings?: number;
  asOf?: IsoDate;
  format: OutputFormat;
  lang: Language;
  config?: string;
  out?: string;
  /** false with --no-allocation. */
  allocation: boolean;
}

/** The matching configuration from `--config`, or the shipped default; problems name the file. */
export async function loadMatchConfig(path: string | undefined): Promise<MatchConfig> {
  if (path === undefined) return DEFAULT_MATCH_CONFIG;
  const raw = await readJsonFile(path);
  try {
    return parseMatchConfig(raw);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new CliInputError(error.issues.map((issue) => ({ ...issue, file: path })));
  }
}

export function formatMatchResult(result: PipelineResult, format: OutputFormat, lang: Language): string {
  if (format === 'table') {
    return formatMatchTable(result.results, lang, (id, l) => result.skills.label(id, l));
  }
  return formatJson(result.results.map((r) => toMatchOutput(r.profile, r.recommendations)));
}

export async function runMatch(runtime: CliRuntime, options: MatchCommandOptions): Promise<void> {
  const { io } = runtime;
  const config = await loadMatchConfig(options.config);
  const result = await runMatchPipeline(
    { youth: options.youth, vacancies: options.vacancies, trainings: options.trainings },
    {
      asOf: options.asOf ?? jakartaDate(io.now()),
      config,
      limitJobs: options.top ?? config.topJobs,
      limitTrainings: options.topTrainings ?? config.topTrainings,
      allocate: options.allocation,
    },
  );
  reportIssues(io, result.rejected);
  reportWarnings(io, result.warnings);
  await emit(io, formatMatchResult(result, options.format, options.lang), options.out);
  raiseExitCode(runtime, result.rejected.length > 0 ? EXIT.rejected : EXIT.ok);
}

export const registerMatch: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('match')
    .description('recommend vacancies and training offers to each assessed youth')
    .requiredOption('--youth <file>', 'assessment file (JSON, JSONL, CSV or XLSX)')
    .requiredOption('--vacancies <file>', 'vacancy file (JSON, JSONL, CSV or XLSX)')
    .requiredOption('--trainings <file>', 'training offer file (JSON, JSONL, CSV or XLSX)')
    .option('--top <n>', 'jobs per youth (default 10, or topJobs of --config)', wholeNumber(0, 100))
    .option(
      '--top-trainings <n>',
      'training offers per youth (default 5, or topTrainings of --config)',
      wholeNumber(0, 100),
    )
    .addOption(asOfOption('reference date for ages and closing dates (default: today in Asia/Jakarta)'))
    .addOption(formatOption())
    .addOption(langOption())
    .option(
      '--config <file>',
      'matching configuration (JSON, version "match-v2"); omitted fields take defaults',
    )
    .addOption(allocationOption())
    .addOption(outOption())
    .action((options: MatchCommandOptions) => runMatch(runtime, options));
};
