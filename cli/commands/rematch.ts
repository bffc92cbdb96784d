/**
 * `sinergi rematch`: the nightly rematch (plan, one batch per district, fairness audit) run in this
 * process against the running local stack's emulators, as the state machine runs it on AWS.
 * Exit codes: 0 done; 1 no stack running.
 */
import type { Command } from 'commander';
import type { IsoDate } from '#core/domain/calendar';
import type { FairnessAuditReport } from '#core/usecases/audit';
import { type NightlyRematchResult, runNightlyRematch } from '#core/usecases/nightly-rematch';
import { createRematchAuditDeps } from '#functions/rematch/deps';
import { readRematchConfig } from '#functions/shared/config';
import { connectLocalStack, DEFAULT_DATA_DIR, readLocalStackInfo } from '#infra/local/stack';
import { asOfOption } from './options.ts';
import { type CliRuntime, EXIT, jakartaDate, type RegisterCommand, raiseExitCode } from './runtime.ts';
import { localObjectPath, notRunningMessage } from './upload.ts';

export interface RematchCommandOptions {
  asOf?: IsoDate;
  dataDir: string;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One line per audit group: the share of each value's youth with a job recommendation. */
export function formatAuditSummary(audit: FairnessAuditReport): string[] {
  const byGroup = new Map<string, string[]>();
  for (const stats of audit.groups) {
    const values = byGroup.get(stats.group) ?? [];
    values.push(`${stats.value} ${percent(stats.shareWithJob)} of ${stats.count}`);
    byGroup.set(stats.group, values);
  }
  return [
    `Fairness audit (${audit.youthCount} youth; share with at least one job recommendation):`,
    ...[...byGroup.entries()].map(([group, values]) => `  ${group}: ${values.join(', ')}`),
    `  vacancies stating a gender requirement, for programme review: ${audit.genderRequirementReview.length}`,
  ];
}

export function formatRematchSummary(result: NightlyRematchResult, seconds: number): string[] {
  const { counts } = result;
  return [
    `Nightly rematch as of ${result.asOf}: ${result.batches} district batches, ${counts.youthRematched} youth, ` +
      `${counts.setsWritten} recommendation sets written, ${counts.setsUnchanged} unchanged (${seconds.toFixed(1)} s)`,
    `Candidate lists repaired: ${result.repaired.candidateListsUpdated} lists, ` +
      `${result.repaired.candidateEntriesAdded} entries added, ${result.repaired.candidateEntriesRemoved} removed, ` +
      `${result.repaired.candidateEntriesUpdated} corrected`,
    ...formatAuditSummary(result.audit),
  ];
}

export async function runRematch(runtime: CliRuntime, options: RematchCommandOptions): Promise<void> {
  const { io } = runtime;
  const info = readLocalStackInfo(options.dataDir);
  if (!info) {
    io.stderr(notRunningMessage(options.dataDir));
    raiseExitCode(runtime, EXIT.unexpected);
    return;
  }
  const asOf = options.asOf ?? jakartaDate(io.now());
  const clients = connectLocalStack(info);
  try {
    const config = readRematchConfig({
      TABLE_NAME: info.tableName,
      UPLOADS_BUCKET: info.bucket,
      STAGE: info.stage,
      POWERTOOLS_SERVICE_NAME: 'sinergi-rematch',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      PILOT_DISTRICTS: info.pilotDistricts.join(','),
    });
    const deps = createRematchAuditDeps(config, { dynamodb: clients.dynamodb, s3: clients.s3 });
    const started = performance.now();
    let auditKey = '';
    const result = await runNightlyRematch(asOf, deps.ports, deps.setup, async (audit) => {
      auditKey = await deps.reports.writeAudit(audit);
    });
    for (const line of formatRematchSummary(result, (performance.now() - started) / 1000)) {
      io.stdout(`${line}\n`);
    }
    io.stdout(`Audit: s3://${info.bucket}/${auditKey}\n       ${localObjectPath(info, auditKey)}\n`);
  } finally {
    clients.close();
  }
}

export const registerRematch: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  program
    .command('rematch')
    .description('run the nightly rematch and fairness audit against the running local stack')
    .addOption(asOfOption('programme date opportunities must be open on (default: today in Asia/Jakarta)'))
    .option('--data-dir <dir>', 'data directory of the running local stack', DEFAULT_DATA_DIR)
    .action((options: RematchCommandOptions) => runRematch(runtime, options));
};
