/**
 * The nightly rematch's three Lambda steps as factories: plan (`{asOf}` -> `{asOf, batches}`),
 * batch (`{asOf, batch}` -> counts and an audit tally) and audit (`{asOf, results}` -> the fairness
 * audit in S3). Inputs are validated; `asOf` may be the scheduler's date-time (read as a WIB date).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import type { MatchingPorts, ReportWriter } from '#core/ports';
import {
  auditRematch,
  planRematch,
  type RematchBatchResult,
  type RematchPlan,
  rematchBatch,
} from '#core/usecases/nightly-rematch';
import type { MatchingSetup } from '#core/usecases/rematch';
import { programmeDateOf } from '#functions/shared/programme-date';

export interface RematchDeps {
  ports: MatchingPorts;
  setup: MatchingSetup;
  logger: Logger;
  now: () => number;
}

export interface RematchAuditDeps extends RematchDeps {
  reports: Pick<ReportWriter, 'writeAudit'>;
}

const asOf = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    try {
      return programmeDateOf(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD) or an ISO date-time' });
      return z.NEVER;
    }
  });
const planInput = z.object({ asOf });
const batchInput = z.object({
  asOf,
  batch: z.object({ batchId: z.string().min(1), districts: z.array(z.string().regex(/^\d{4}$/)).min(1) }),
});
const tallySchema = z.object({
  youthCount: z.number().int().min(0),
  groups: z.array(
    z.object({
      group: z.string(),
      value: z.string(),
      count: z.number().int().min(0),
      withJob: z.number().int().min(0),
      topJobScoreUnits: z.number().int(),
      jobs: z.number().int().min(0),
      trainings: z.number().int().min(0),
    }),
  ),
});
const auditInput = z.object({
  asOf,
  results: z.array(z.object({ batchId: z.string(), asOf: z.string(), audit: tallySchema }).loose()),
});

function parse<S extends z.ZodType>(schema: S, event: unknown): z.output<S> {
  const result = schema.safeParse(event);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`,
  );
  throw new TypeError(`invalid rematch input: ${problems.join('; ')}`);
}

function withLogger<E, R>(logger: Logger, run: (event: E) => Promise<R>) {
  return middy(run).use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }));
}

export function makeRematchPlanHandler(deps: Pick<RematchDeps, 'setup' | 'logger'>) {
  return withLogger(deps.logger, async (event: unknown): Promise<RematchPlan> => {
    const plan = planRematch(parse(planInput, event).asOf, deps.setup);
    deps.logger.info('rematch planned', { asOf: plan.asOf, batches: plan.batches.length });
    return plan;
  });
}

export function makeRematchBatchHandler(deps: RematchDeps) {
  return withLogger(deps.logger, async (event: unknown): Promise<RematchBatchResult> => {
    const input = parse(batchInput, event);
    const started = deps.now();
    const result = await rematchBatch(input.batch, input.asOf, deps.ports, deps.setup);
    deps.logger.info('rematch batch done', {
      asOf: result.asOf,
      batchId: result.batchId,
      opportunities: result.opportunities,
      ...result.counts,
      listsRepaired: result.repaired.candidateListsUpdated,
      entriesRepaired:
        result.repaired.candidateEntriesAdded +
        result.repaired.candidateEntriesRemoved +
        result.repaired.candidateEntriesUpdated,
      durationMs: deps.now() - started,
    });
    return result;
  });
}

export function makeRematchAuditHandler(deps: RematchAuditDeps) {
  return withLogger(deps.logger, async (event: unknown) => {
    const input = parse(auditInput, event);
    const audit = await auditRematch(
      input.asOf,
      input.results as unknown as RematchBatchResult[],
      deps.ports,
      deps.setup,
    );
    const key = await deps.reports.writeAudit(audit);
    deps.logger.info('fairness audit stored', {
      asOf: audit.asOf,
      batches: audit.batches,
      youth: audit.youthCount,
    });
    return { asOf: audit.asOf, key, youthCount: audit.youthCount };
  });
}
