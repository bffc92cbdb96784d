/** `sinergi score <file>`: assessments in, scored interest and aptitude profiles out. */
import type { Command } from 'commander';
import { byRow } from '#core/records/parse';
import { createScoringContext } from '#core/scoring/index';
import { formatJson, toScoreOutput } from '../output/json.ts';
import { formatScoreTable } from '../output/table.ts';
import { checkInputFiles, loadRecords } from './inputs.ts';
import { formatOption, type OutputFormat, outOption } from './options.ts';
import { scoreLoaded } from './pipeline.ts';
import {
  type CliRuntime,
  EXIT,
  emit,
  type RegisterCommand,
  raiseExitCode,
  reportIssues,
  reportWarnings,
} from './runtime.ts';

export interface ScoreOptions {
  format: OutputFormat;
  out?: string;
}

async function runScore(runtime: CliRuntime, file: string, options: ScoreOptions): Promise<void> {
  const { io } = runtime;
  const [input] = await checkInputFiles([file]);
  const assessments = await loadRecords('assessments', input!);
  const scored = scoreLoaded(assessments, createScoringContext());
  const rejected = [...assessments.rejected, ...scored.rejected].sort(byRow);
  reportIssues(io, rejected);
  reportWarnings(io, [...assessments.warnings, ...scored.warnings]);

  const text =
    options.format === 'table'
      ? formatScoreTable(scored.profiles)
      : formatJson(scored.profiles.map(toScoreOutput));
  await emit(io, text, options.out);
  raiseExitCode(runtime, rejected.length > 0 ? EXIT.rejected : EXIT.ok);
}

export const registerScore: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('score')
    .description('score interest-and-aptitude assessments (JSON, JSONL, CSV or XLSX)')
    .argument('<file>', 'assessment file')
    .addOption(formatOption())
    .addOption(outOption())
    .action((file: string, options: ScoreOptions) => runScore(runtime, file, options));
};
