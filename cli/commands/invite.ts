/**
 * `sinergi invite`: a counsellor's invitation to the assessment app, through the running local
 * stack's API with a development token, as the workspace would send it. Prints the code and the
 * link a youth opens (docs/assessment-app.md).
 */
import { type Command, Option } from 'commander';
import { defaultInstruments } from '#core/instruments/registry';
import { loadOrCreateDevSigningKey, signDevToken } from '#infra/local/auth/dev-tokens';
import { readLocalStackInfo } from '#infra/local/stack';
import { type CliRuntime, EXIT, type RegisterCommand, raiseExitCode } from './runtime.ts';
import { DEFAULT_DATA_DIR } from './token.ts';
import { notRunningMessage } from './upload.ts';

export interface InviteCommandOptions {
  youthId?: string;
  existing: boolean;
  district?: string;
  birthDate: string;
  gender: 'F' | 'M';
  education: string;
  instrument: string;
  counsellor: string;
  phone?: string;
  dataDir: string;
}

export async function runInvite(options: InviteCommandOptions, runtime: CliRuntime): Promise<void> {
  const { io } = runtime;
  const info = readLocalStackInfo(options.dataDir);
  if (!info?.endpoints.api) {
    io.stderr(notRunningMessage(options.dataDir));
    raiseExitCode(runtime, EXIT.unexpected);
    return;
  }
  const district = options.district ?? info.pilotDistricts[0]!;
  const now = io.now().getTime();
  const key = await loadOrCreateDevSigningKey(options.dataDir);
  const token = signDevToken(key, { role: 'counsellor', districts: [district], now });
  const youthId = options.youthId ?? `DEMO-${now.toString(36).toUpperCase()}`;
  const body = {
    youthId,
    ...(!options.existing && {
      youth: { district, gender: options.gender, birthDate: options.birthDate, education: options.education },
    }),
    instrument: options.instrument,
    counsellor: { name: options.counsellor, ...(options.phone !== undefined && { phone: options.phone }) },
  };
  const response = await fetch(`${info.endpoints.api}/v1/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as {
    code?: string;
    link?: string;
    expiresAt?: string;
    message?: string;
    fields?: { field: string; reason: string }[];
  };
  if (!response.ok) {
    const reasons = answer.fields?.map((f) => `${f.field}: ${f.reason}`).join('; ') ?? answer.message;
    io.stderr(`sinergi: the API refused the invitation (${response.status}): ${reasons}\n`);
    raiseExitCode(runtime, EXIT.rejected);
    return;
  }
  io.stdout(`youth ${youthId} (district ${district}) invited to ${options.instrument}\n`);
  io.stdout(`code:    ${answer.code}\nexpires: ${answer.expiresAt}\n`);
  if (answer.link) io.stdout(`open:    ${answer.link}\n`);
}

export const registerInvite: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('invite')
    .description(
      'invite a youth to the assessment app through the running local stack (prints code and link)',
    )
    .option('--youth-id <id>', 'the youth; a new DEMO-... id when absent')
    .option('--existing', 'the youth is already stored: no registry fields are sent', false)
    .option('--district <code>', "the youth's district; the stack's first pilot district when absent")
    .option(
      '--birth-date <date>',
      'registry birth date (YYYY-MM-DD); under 18 needs a guardian',
      '2005-06-15',
    )
    .addOption(new Option('--gender <F|M>', 'registry gender').choices(['F', 'M']).default('F'))
    .option('--education <level>', 'registry education level', 'SMK')
    .addOption(
      new Option('--instrument <id>', 'the 30-item mini form or the 60-item form')
        .choices(defaultInstruments.map((i) => i.id))
        .default('sinergi-minat-bakat-mini-v1'),
    )
    .option('--counsellor <name>', 'the contact the youth sees as next step', 'Konselor SINERGI')
    .option('--phone <number>', "the counsellor's phone")
    .option('--data-dir <dir>', 'the local stack data directory', DEFAULT_DATA_DIR)
    .action((options: InviteCommandOptions) => runInvite(options, runtime));
};
