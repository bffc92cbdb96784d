/**
 * The upload pipeline end to end on the embedded local stack: files put into s3rver, S3 events
 * through the local queue to the ingest handler, storage in dynalite. With 1,000 training offers
 * stored: a 16,000-assessment JSONL file, then a 5,000-row vacancy XLSX whose upload rematches all
 * 16,000 stored youth. The baseline reads, scores and matches the same files in-process with no
 * storage (`runMatchPipeline`), so the difference is the cost of storage and eventing. Each upload
 * reports what it would cost on AWS: DynamoDB read and write units (the table's own figures, every
 * call sent with ReturnConsumedCapacity), items written and Lambda compute time, beside the local
 * wall time.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMatchPipeline } from '#cli/commands/pipeline';
import { generateDemoData, writeDemoFiles } from '#cli/demo/index';
import type { RecordKind } from '#core/domain/records';
import { DEFAULT_MATCH_CONFIG } from '#core/matching/index';
import { DEFAULT_PILOT_DISTRICTS } from '#core/reference/pilot';
import type { ProcessingReport } from '#core/usecases/report';
import type { DynamoWriteCounts } from '#infra/local/observe';
import { type LocalStack, startLocalStack } from '#infra/local/stack';
import { putUploadFile } from '#infra/local/uploads';
import type { BenchmarkModule, MeasuredOutcome, WorkloadOutcome } from './types.ts';

const AS_OF = '2026-11-28';
const SEED = 20_261_128;
const SIZES = { assessments: 16_000, vacancies: 5_000, trainings: 1_000 };
const TARGET_VACANCY_SECONDS = 15;
const FILES: Record<RecordKind, string> = {
  assessments: 'assessments.jsonl',
  vacancies: 'vacancies.xlsx',
  trainings: 'trainings.csv',
};

async function writeFiles(dir: string): Promise<void> {
  const data = generateDemoData({
    asOf: AS_OF,
    seed: SEED,
    size: 'full',
    ...SIZES,
    // Every youth in a district the stack matches, so the reverse rematch covers all 16,000.
    districts: [...DEFAULT_PILOT_DISTRICTS],
    invalidRows: false,
  });
  await writeDemoFiles(dir, data);
}

interface Phase {
  seconds: number;
  /** Time the stack's main thread (handlers, SDK, s3rver; dynalite has its own thread) was busy. */
  mainBusySeconds: number;
  /** CPU time of the whole process (every thread), user and system; two cores give 2 s a second. */
  cpuSeconds: number;
  rows: number;
  writes: DynamoWriteCounts;
  /** Summed duration of the ingest handler's invocations: what Lambda bills, at 1,769 MB. */
  computeMs: number;
  report: ProcessingReport;
}

/** Uploads one file and waits for its report; the clock runs from PutObject to the report. */
async function uploadPhase(stack: LocalStack, dir: string, kind: RecordKind): Promise<Phase> {
  const key = `incoming/${kind}/bench/${FILES[kind]}`;
  stack.writes.reset();
  let computeMs = 0;
  const stopTiming = stack.observe((event) => {
    if (event.type === 'invocation') computeMs += event.ms;
  });
  const reported = new Promise<ProcessingReport>((resolve) => {
    const stop = stack.observe((event) => {
      if (event.type === 'report' && event.key === key) {
        stop();
        resolve(event.report);
      }
    });
  });
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  await putUploadFile(stack.s3, stack.info.bucket, key, join(dir, FILES[kind]));
  const report = await reported;
  const seconds = (performance.now() - started) / 1000;
  const mainBusySeconds = performance.eventLoopUtilization(loop).active / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  await stack.drain();
  stopTiming();
  if (stack.deadLetters().length > 0) throw new Error(`${kind}: the upload ended in the dead-letter list`);
  return {
    computeMs,
    seconds,
    mainBusySeconds,
    cpuSeconds,
    rows: report.counts.rows,
    writes: stack.writes.counts(),
    report,
  };
}

function tableMs(writes: DynamoWriteCounts): number {
  return Object.values(writes.byCommand).reduce((sum, c) => sum + c.ms, 0);
}

function phaseMetrics(name: string, phase: Phase): Record<string, number> {
  const { timings, matching } = phase.report;
  return {
    [`${name}Seconds`]: phase.seconds,
    [`${name}MainBusySeconds`]: phase.mainBusySeconds,
    [`${name}CpuSeconds`]: phase.cpuSeconds,
    [`${name}RowsPerSecond`]: phase.rows / phase.seconds,
    [`${name}WriteItems`]: phase.writes.items,
    [`${name}ReadUnits`]: phase.writes.readUnits,
    [`${name}WriteUnits`]: phase.writes.writeUnits,
    [`${name}LambdaMs`]: phase.computeMs,
    [`${name}WriteRequests`]: phase.writes.requests,
    [`${name}TableSeconds`]: tableMs(phase.writes) / 1000,
    [`${name}ParseSeconds`]: timings.parseMs / 1000,
    [`${name}StoreSeconds`]: timings.storeMs / 1000,
    [`${name}MatchSeconds`]: timings.matchMs / 1000,
    [`${name}SetsWritten`]: matching.setsWritten,
    [`${name}YouthRematched`]: matching.youthRematched,
  };
}

function describePhase(name: string, phase: Phase): string {
  const { timings, matching } = phase.report;
  const byCommand = Object.entries(phase.writes.byCommand)
    .map(
      ([command, c]) => `${command.replace('Command', '')} ${c.requests} calls/${(c.ms / 1000).toFixed(1)} s`,
    )
    .join(', ');
  const cost =
    `cost: ${phase.writes.writeUnits.toFixed(0)} write units, ${phase.writes.readUnits.toFixed(0)} read units, ` +
    `${phase.writes.items} items written, Lambda ${(phase.computeMs / 1000).toFixed(1)} s at 1,769 MB`;
  return (
    `${name}: ${cost}; local wall ${phase.seconds.toFixed(1)} s (main thread busy ${phase.mainBusySeconds.toFixed(1)} s, ` +
    `process CPU ${phase.cpuSeconds.toFixed(1)} s), ` +
    `${(phase.rows / phase.seconds).toFixed(0)} rows/s, ` +
    `${phase.writes.items} items written in ${phase.writes.requests} write requests ` +
    `(parse ${(timings.parseMs / 1000).toFixed(1)} s, store ${(timings.storeMs / 1000).toFixed(1)} s, ` +
    `match+write sets ${(timings.matchMs / 1000).toFixed(1)} s; ${matching.youthRematched} youth, ` +
    `${matching.setsWritten} sets written; table calls: ${byCommand})`
  );
}

async function throughStack(inMemoryTable: boolean): Promise<WorkloadOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-pipeline-'));
  try {
    await writeFiles(join(dir, 'files'));
    const stack = await startLocalStack({
      dataDir: join(dir, 'stack'),
      ports: { s3: 0, dynamodb: 0 },
      logLevel: 'ERROR',
      inMemoryTable,
    });
    try {
      await uploadPhase(stack, join(dir, 'files'), 'trainings');
      const assessments = await uploadPhase(stack, join(dir, 'files'), 'assessments');
      const vacancies = await uploadPhase(stack, join(dir, 'files'), 'vacancies');
      return {
        summary: `${describePhase('assessments', assessments)}\n   ${describePhase('vacancies', vacancies)}`,
        metrics: {
          ...phaseMetrics('assessments', assessments),
          ...phaseMetrics('vacancies', vacancies),
          totalSeconds: assessments.seconds + vacancies.seconds,
        },
      };
    } finally {
      await stack.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inProcess(): Promise<WorkloadOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-pipeline-'));
  try {
    await writeFiles(dir);
    const started = performance.now();
    const result = await runMatchPipeline(
      {
        youth: join(dir, FILES.assessments),
        vacancies: join(dir, FILES.vacancies),
        trainings: join(dir, FILES.trainings),
      },
      {
        asOf: AS_OF,
        config: DEFAULT_MATCH_CONFIG,
        limitJobs: DEFAULT_MATCH_CONFIG.topJobs,
        limitTrainings: DEFAULT_MATCH_CONFIG.topTrainings,
        allocate: true,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const rows =
      result.files.youth.accepted + result.files.vacancies.accepted + result.files.trainings.accepted;
    const bytes = Object.values(FILES).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
    return {
      summary: `${seconds.toFixed(1)} s for ${rows} rows (${(bytes / 1e6).toFixed(1)} MB), ${result.results.length} youth matched, no storage`,
      metrics: { totalSeconds: seconds, rows, youth: result.results.length },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pipelineBenchmark: BenchmarkModule = {
  description:
    'upload pipeline on the local stack: 16,000 assessments (JSONL), then 5,000 vacancies (XLSX) rematching 16,000 stored youth',
  workloads: [
    {
      name: 'stack',
      description: 's3rver -> queue -> ingest handler -> dynalite on disk (as `npm start`)',
    },
    { name: 'stack-memory', description: 'the same with dynalite in memory' },
    { name: 'in-process', description: 'baseline: read, score and match the same files, no storage' },
  ],
  run(workload) {
    if (workload === 'stack') return throughStack(false);
    if (workload === 'stack-memory') return throughStack(true);
    if (workload === 'in-process') return inProcess();
    throw new Error(`unknown workload ${workload}`);
  },
  compare(results: Record<string, MeasuredOutcome>): string[] {
    const lines: string[] = [];
    const baseline = results['in-process']?.metrics['totalSeconds'];
    for (const name of ['stack', 'stack-memory']) {
      const run = results[name];
      if (!run) continue;
      const vacancySeconds = run.metrics['vacanciesSeconds']!;
      const verdict = vacancySeconds <= TARGET_VACANCY_SECONDS ? 'met' : 'MISSED';
      lines.push(
        `${name}: vacancy file with the rematch of 16,000 youth ${vacancySeconds.toFixed(1)} s ` +
          `(target <= ${TARGET_VACANCY_SECONDS} s: ${verdict})`,
      );
      if (baseline !== undefined) {
        const ratio = run.metrics['totalSeconds']! / baseline;
        lines.push(
          `${name}: both files ${run.metrics['totalSeconds']!.toFixed(1)} s vs ${baseline.toFixed(1)} s in-process: ` +
            `storage and eventing cost ${ratio.toFixed(1)}x`,
        );
      }
    }
    return lines;
  },
};
