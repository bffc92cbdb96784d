/**
 * `sinergi upload <kind> <file>`: puts a file into the running local stack's bucket, where the
 * upload pipeline picks it up exactly as on AWS, waits for its processing report and prints it.
 * Exit codes: 0 every row accepted; 2 rows or the file were rejected; 1 no stack running or no report.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatIssue, type Issue } from '#core/domain/errors';
import { RECORD_KINDS, type RecordKind } from '#core/domain/records';
import type { ProcessingReport } from '#core/usecases/report';
import {
  connectLocalStack,
  DEFAULT_DATA_DIR,
  type LocalStackInfo,
  readLocalStackInfo,
} from '#infra/local/stack';
import { localUploadKey, putUploadFile, ReportTimeoutError, waitForReport } from '#infra/local/uploads';
import { type CliIo, type CliRuntime, EXIT, type RegisterCommand, raiseExitCode } from './runtime.ts';

export interface UploadCommandOptions {
  owner?: string;
  dataDir: string;
  timeout: number;
}

/** How many rejected rows a summary lists before pointing at the full report. */
const LISTED_ISSUES = 5;

/** Issues counted by the field they are about, largest first: `skills 18, gender_requirement 3`. */
export function countByField(issues: readonly Issue[]): string {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.field, (counts.get(issue.field) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([field, n]) => `${field} ${n}`)
    .join(', ');
}

/** A processing report in a few lines: counts, the first rejected rows, warnings by field, matching. */
export function formatReportSummary(report: ProcessingReport, options: { listed?: number } = {}): string[] {
  const listed = options.listed ?? LISTED_ISSUES;
  const { counts, matching } = report;
  const lines = [
    report.status === 'rejected_file'
      ? `${report.upload.kind}: file rejected as a whole`
      : `${report.upload.kind}: ${counts.rows} rows, ${counts.accepted} accepted, ${counts.rejected} rejected, ` +
        `${counts.stored} stored${counts.stale > 0 ? `, ${counts.stale} stale (a newer version is stored)` : ''}`,
  ];
  for (const issue of report.rejected.slice(0, listed)) lines.push(`  rejected: ${formatIssue(issue)}`);
  if (report.rejected.length > listed) {
    lines.push(`  ... and ${report.rejected.length - listed} more rejected in the report`);
  }
  if (report.warnings.length > 0) {
    lines.push(`  warnings: ${report.warnings.length} (${countByField(report.warnings)})`);
  }
  const review = report.review.genderRequirement.length;
  if (review > 0) lines.push(`  gender requirements for programme review: ${review} (never used to exclude)`);
  if (report.status === 'processed') {
    lines.push(
      `  matching: ${matching.youthRematched} youth matched, ${matching.setsWritten} recommendation sets written, ` +
        `${matching.setsUnchanged} unchanged (${(report.timings.totalMs / 1000).toFixed(1)} s)`,
    );
  }
  return lines;
}

function isRejected(report: ProcessingReport): boolean {
  return report.status === 'rejected_file' || report.counts.rejected > 0;
}

/** Where s3rver keeps an object's bytes, for people who want to open a report in an editor. */
export function localObjectPath(info: Pick<LocalStackInfo, 's3Directory' | 'bucket'>, key: string): string {
  return join(info.s3Directory, info.bucket, `${key}._S3rver_object`);
}

export function notRunningMessage(dataDir: string): string {
  return `sinergi: no local stack is running on ${dataDir}; start it with \`npm start\` (or \`sinergi local --data-dir ${dataDir}\`)\n`;
}

/** Ids the key layout accepts; the API uses the same rule. */
function ownerId(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(value)) {
    throw new InvalidArgumentError('expected an employer or provider id (letters, digits, ".", "_", "-").');
  }
  return value;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 3600) {
    throw new InvalidArgumentError('expected a whole number of seconds from 1 to 3600.');
  }
  return n;
}

function printReport(io: CliIo, info: LocalStackInfo, report: ProcessingReport, reportKey: string): void {
  for (const line of formatReportSummary(report)) io.stdout(`${line}\n`);
  io.stdout(`report: s3://${info.bucket}/${reportKey}\n        ${localObjectPath(info, reportKey)}\n`);
}

async function runUpload(
  runtime: CliRuntime,
  kind: RecordKind,
  file: string,
  options: UploadCommandOptions,
): Promise<void> {
  const { io } = runtime;
  const info = readLocalStackInfo(options.dataDir);
  if (!info) {
    io.stderr(notRunningMessage(options.dataDir));
    raiseExitCode(runtime, EXIT.unexpected);
    return;
  }
  try {
    await access(file);
  } catch {
    io.stderr(`sinergi: cannot read ${file}\n`);
    raiseExitCode(runtime, EXIT.rejected);
    return;
  }
  const started = io.now().getTime();
  const key = localUploadKey(kind, file, {
    ...(options.owner !== undefined && { ownerId: options.owner, uploadId: `cli-${started.toString(36)}` }),
  });
  const clients = connectLocalStack(info);
  try {
    const { size } = await putUploadFile(clients.s3, info.bucket, key, file);
    io.stdout(`uploaded ${file} (${size} bytes) to s3://${info.bucket}/${key}; waiting for its report\n`);
    const report = await waitForReport(clients.s3, info.bucket, key, {
      timeoutMs: options.timeout * 1000,
      notBefore: started,
      now: () => io.now().getTime(),
    });
    printReport(io, info, report, `reports/${key}.report.json`);
    raiseExitCode(runtime, isRejected(report) ? EXIT.rejected : EXIT.ok);
  } catch (error) {
    if (!(error instanceof ReportTimeoutError)) throw error;
    io.stderr(
      `sinergi: ${error.message}; is the local stack still running? (dead letters are listed in its output)\n`,
    );
    raiseExitCode(runtime, EXIT.unexpected);
  } finally {
    clients.close();
  }
}

export const registerUpload: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('upload')
    .description('put a file into the running local stack (`npm start`) and print its processing report')
    .addArgument(
      program.createArgument('<kind>', 'what the file holds').choices(RECORD_KINDS as unknown as string[]),
    )
    .argument('<file>', 'JSON, JSONL, CSV or XLSX (XLSX for vacancies and trainings)')
    .addOption(
      new Option(
        '--owner <id>',
        'employer id (vacancies) or provider id (trainings): the upload is scoped to that owner, as through the API',
      ).argParser(ownerId),
    )
    .option('--data-dir <dir>', 'data directory of the running local stack', DEFAULT_DATA_DIR)
    .addOption(
      new Option('--timeout <seconds>', 'how long to wait for the report').argParser(seconds).default(300),
    )
    .action((kind: RecordKind, file: string, options: UploadCommandOptions) =>
      runUpload(runtime, kind, file, options),
    );
};
