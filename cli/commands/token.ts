/**
 * `sinergi token`: a development ID token for the local API, signed with the local key pair under
 * `<data-dir>/auth/` (created on first use), carrying the claims a Cognito ID token of such an
 * account would. Only the local API accepts it.
 */
import { type Command, Option } from 'commander';
import { ForbiddenError } from '#core/access/errors';
import { ROLES, type Role } from '#core/access/principal';
import {
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_DEFAULT_TTL_SECONDS,
  DEV_TOKEN_MAX_TTL_SECONDS,
  loadOrCreateDevSigningKey,
  signDevToken,
} from '#infra/local/auth/dev-tokens';
import { wholeNumber } from './options.ts';
import { CliInputError, type CliRuntime, type RegisterCommand } from './runtime.ts';

export const DEFAULT_DATA_DIR = '.sinergi';

export interface TokenCommandOptions {
  role: Role;
  district: string[];
  employerId?: string;
  providerId?: string;
  subject?: string;
  ttl: number;
  audience: string;
  dataDir: string;
}

function collect(value: string, previous: string[]): string[] {
  // `--district 3374,3322` and `--district 3374 --district 3322` mean the same.
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

async function runToken(options: TokenCommandOptions, runtime: CliRuntime): Promise<void> {
  const key = await loadOrCreateDevSigningKey(options.dataDir);
  let token: string;
  try {
    token = signDevToken(key, {
      role: options.role,
      districts: options.district,
      ...(options.employerId !== undefined && { employerId: options.employerId }),
      ...(options.providerId !== undefined && { providerId: options.providerId }),
      ...(options.subject !== undefined && { subject: options.subject }),
      ttlSeconds: options.ttl,
      audience: options.audience,
      now: runtime.io.now().getTime(),
    });
  } catch (error) {
    // The account the options describe would be refused by the API (e.g. a counsellor without districts).
    if (error instanceof ForbiddenError) throw new CliInputError([{ field: 'token', reason: error.message }]);
    throw error;
  }
  runtime.io.stdout(`${token}\n`);
}

export const registerToken: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('token')
    .description('print a development ID token for the local API, signed with the local key')
    .addOption(
      new Option('--role <role>', "the account's programme role").choices(ROLES).makeOptionMandatory(),
    )
    .option('--district <code>', 'a BPS district code of the account (repeat or comma-separate)', collect, [])
    .option('--employer-id <id>', 'the employer id (role employer)')
    .option('--provider-id <id>', 'the training provider id (role provider)')
    .option('--subject <sub>', 'the user id; derived from role and scope when absent')
    .addOption(
      new Option('--ttl <seconds>', 'lifetime in seconds')
        .argParser(wholeNumber(1, DEV_TOKEN_MAX_TTL_SECONDS))
        .default(DEV_TOKEN_DEFAULT_TTL_SECONDS),
    )
    .option('--audience <aud>', 'the audience the local API expects', DEV_TOKEN_AUDIENCE)
    .option('--data-dir <dir>', 'local data directory holding the signing key', DEFAULT_DATA_DIR)
    .action((options: TokenCommandOptions) => runToken(options, runtime));
};

/** The command module's entry, as cli/main.ts registers commands. */
export const register = registerToken;
