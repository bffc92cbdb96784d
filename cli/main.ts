/**
 * The `sinergi` command line. `main` returns the exit code instead of exiting, so bin/sinergi.mjs
 * owns the process and tests can run any command in-process with their own `CliIo`.
 *
 * Exit codes: 0 everything processed; 2 a record, file or argument was rejected (valid records are
 * still processed and printed); 1 an unexpected error (stack trace only with SINERGI_DEBUG=1).
 */
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { registerDemo } from './commands/demo.ts';
import { registerInvite } from './commands/invite.ts';
import { registerLocal } from './commands/local.ts';
import { registerMatch } from './commands/match.ts';
import { registerRematch } from './commands/rematch.ts';
import {
  CliInputError,
  type CliIo,
  type CliRuntime,
  EXIT,
  type ExitCode,
  processIo,
  type RegisterCommand,
  reportIssues,
} from './commands/runtime.ts';
import { registerScore } from './commands/score.ts';
import { registerToken } from './commands/token.ts';
import { registerUpload } from './commands/upload.ts';

/** Every command of the CLI; adding one is one line here. */
const COMMANDS: readonly RegisterCommand[] = [
  registerScore,
  registerMatch,
  registerDemo,
  registerLocal,
  registerUpload,
  registerRematch,
  registerToken,
  registerInvite,
];

function createProgram(runtime: CliRuntime, commands: readonly RegisterCommand[] = COMMANDS): Command {
  const { io } = runtime;
  const program = new Command('sinergi')
    .description('sinergi-match: explained job and training recommendations for SINERGI youth')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showSuggestionAfterError();
  // Registered after the program is configured: subcommands copy its output and exit settings.
  for (const register of commands) register(program, runtime);
  return program;
}

function unexpected(io: CliIo, error: unknown): ExitCode {
  const debug = io.env['SINERGI_DEBUG'] === '1';
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`sinergi: unexpected error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('(set SINERGI_DEBUG=1 to see the stack trace)\n');
  return EXIT.unexpected;
}

export async function main(
  argv: readonly string[],
  io: CliIo = processIo(),
  commands: readonly RegisterCommand[] = COMMANDS,
): Promise<number> {
  const runtime: CliRuntime = { io, exitCode: EXIT.ok };
  try {
    await createProgram(runtime, commands).parseAsync([...argv]);
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with 0; a usage error is rejected input, like a bad row.
      return error.exitCode === 0 ? EXIT.ok : EXIT.rejected;
    }
    if (error instanceof CliInputError) {
      reportIssues(io, error.issues);
      return EXIT.rejected;
    }
    return unexpected(io, error);
  }
}
