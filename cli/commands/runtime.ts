/**
 * What every command shares: where text goes, the clock, the environment and the exit code. The
 * process is reached only through `CliIo`, so commands run in-process in tests exactly as from a shell.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { IsoDate } from '#core/domain/calendar';
import { formatIssue, type Issue } from '#core/domain/errors';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** The only clock the CLI reads: the default reference date comes from it. */
  now(): Date;
}

/** 0: everything was processed; 2: some record, file or argument was rejected; 1: anything unexpected. */
export const EXIT = { ok: 0, unexpected: 1, rejected: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliRuntime {
  io: CliIo;
  /** The worst outcome so far; commands raise it, never lower it. */
  exitCode: ExitCode;
}

/** How a command joins the program: one line per command in cli/main.ts. */
export type RegisterCommand = (program: Command, runtime: CliRuntime) => void;

export function raiseExitCode(runtime: CliRuntime, code: ExitCode): void {
  if (code === EXIT.unexpected || (code === EXIT.rejected && runtime.exitCode === EXIT.ok)) {
    runtime.exitCode = code;
  }
}

/** Input that stops a command before any record is processed (missing file, bad config); exit 2. */
export class CliInputError extends Error {
  override name = 'CliInputError';
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('; '));
  }
}

export function processIo(): CliIo {
  let stdoutClosed = false;
  // A reader that stops early (`sinergi demo | head`) closes the pipe: the rest has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    now: () => new Date(),
  };
}

/** Western Indonesia Time is UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export function jakartaDate(now: Date): IsoDate {
  return new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

export function reportIssues(io: CliIo, issues: readonly Issue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
}

export function reportWarnings(io: CliIo, warnings: readonly Issue[]): void {
  for (const warning of warnings) io.stderr(`warning: ${formatIssue(warning)}\n`);
}

/** Output goes to `--out` when given (directories created), otherwise to stdout. */
export async function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text, 'utf8');
}
