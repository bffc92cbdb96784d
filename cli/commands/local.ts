/**
 * `sinergi local` (what `npm start` runs): the embedded local stack. On the first start in a data
 * directory it uploads the seeded demo dataset as files through the S3 API, shows the pipeline
 * processing them, prints a summary, and then serves until Ctrl-C.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import type { Issue } from '#core/domain/errors';
import type { RecordKind } from '#core/domain/records';
import { incomingPrefix } from '#core/domain/uploads';
import type { ProcessingReport } from '#core/usecases/report';
import { reportKeyFor } from '#functions/shared/report-key';
import { startLocalApi } from '#infra/local/api';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_LOCAL_PORTS,
  type LocalApiStarter,
  type LocalStack,
  LocalStackRunningError,
  startLocalStack,
} from '#infra/local/stack';
import { putUploadFile } from '#infra/local/uploads';
import { ASSESSMENT_APP_PATH } from '#infra/stacks/config';
import {
  DEFAULT_SEED,
  DEMO_FILES,
  type DemoManifest,
  type DemoSize,
  demoManifest,
  generateDemoData,
  writeDemoFiles,
} from '../demo/index.ts';
import { wholeNumber } from './options.ts';
import {
  type CliIo,
  type CliRuntime,
  EXIT,
  jakartaDate,
  type RegisterCommand,
  raiseExitCode,
} from './runtime.ts';
import { countByField, formatReportSummary, localObjectPath } from './upload.ts';

export const DEMO_MARKER = 'demo-seeded.json';
/** The demo files sit in their own folder of the programme staff layout: `incoming/<kind>/demo/<file>`. */
export const DEMO_FOLDER = 'demo';

/**
 * Opportunities go first: an assessment upload matches its youth against the opportunities stored
 * by then, once each. Were assessments first, every later vacancy or training file would rematch
 * all 16,000 stored youth again.
 */
export const DEMO_UPLOAD_PHASES: readonly (readonly RecordKind[])[] = [
  ['trainings', 'vacancies'],
  ['assessments'],
];

export interface LocalCommandOptions {
  dataDir: string;
  portS3: number;
  portDynamodb: number;
  portApi: number;
  demo: boolean;
  demoSize: DemoSize;
}

export interface LocalControl {
  /** Resolves when the stack should stop; default: SIGINT or SIGTERM. */
  stopped?: Promise<unknown>;
  /** A terminal to draw progress bars on; without one, progress is a line per file. */
  progressTerminal?: NodeJS.WritableStream;
  /** Called once the stack is up and the demo (if any) is processed. */
  onReady?: (stack: LocalStack, seeded: DemoSeedResult | undefined) => void;
  /** Where an HTTP API joins the stack (functions/api); none is started without it. */
  api?: LocalApiStarter;
}

export interface SeededFile {
  kind: RecordKind;
  file: string;
  key: string;
  reportKey: string;
  report: ProcessingReport;
}

export interface DemoSeedResult {
  manifest: DemoManifest;
  files: SeededFile[];
  seconds: number;
  /** Rejected rows the manifest does not plant, and planted rows that were not rejected. */
  unexpected: Issue[];
  missed: { kind: RecordKind; line: number; id: string }[];
  deadLetters: number;
}

/** Progress of the demo upload, drawn as bars on a terminal or written as lines. */
export interface SeedProgress {
  start(files: readonly { kind: RecordKind; file: string; size: number }[]): void;
  read(kind: RecordKind, bytes: number): void;
  done(kind: RecordKind, report: ProcessingReport): void;
  writes(items: number): void;
  stop(): void;
}

function lineProgress(io: CliIo): SeedProgress {
  return {
    start: (files) => {
      const list = files.map((f) => `${f.file} (${(f.size / 1024).toFixed(0)} KB)`).join(', ');
      io.stdout(`  files: ${list}\n`);
    },
    read: () => undefined,
    done: (kind, report) => {
      const { counts } = report;
      io.stdout(
        `  processed ${kind}: ${counts.accepted} accepted, ${counts.rejected} rejected ` +
          `(${(report.timings.totalMs / 1000).toFixed(1)} s)\n`,
      );
    },
    writes: () => undefined,
    stop: () => undefined,
  };
}

function barProgress(terminal: NodeJS.WritableStream, totalFiles: number): SeedProgress {
  const multibar = new MultiBar(
    {
      stream: terminal,
      clearOnComplete: false,
      hideCursor: true,
      format: ' {file} |{bar}| {percentage}% {phase}',
      fps: 5,
    },
    Presets.shades_classic,
  );
  const overall = multibar.create(totalFiles, 0, { file: 'all files'.padEnd(18), phase: '' });
  const bars = new Map<RecordKind, { bar: SingleBar; size: number }>();
  let filesDone = 0;
  return {
    start: (files) => {
      for (const f of files) {
        const bar = multibar.create(f.size, 0, { file: f.file.padEnd(18), phase: 'waiting' });
        bars.set(f.kind, { bar, size: f.size });
      }
    },
    read: (kind, bytes) => {
      const entry = bars.get(kind);
      if (!entry) return;
      const phase = bytes >= entry.size ? 'stored and matched...' : 'reading';
      entry.bar.update(Math.min(bytes, entry.size), { phase });
    },
    done: (kind, report) => {
      const entry = bars.get(kind);
      const { counts } = report;
      entry?.bar.update(entry.size, {
        phase: `done: ${counts.accepted} accepted, ${counts.rejected} rejected`,
      });
      filesDone += 1;
      overall.update(filesDone);
    },
    writes: (items) => overall.update(filesDone, { phase: `${items} table writes` }),
    stop: () => multibar.stop(),
  };
}

/** Rejections against the manifest: each planted row must be rejected, and nothing else. */
export function compareWithManifest(
  manifest: DemoManifest,
  files: readonly SeededFile[],
): Pick<DemoSeedResult, 'unexpected' | 'missed'> {
  const unexpected: Issue[] = [];
  const missed: DemoSeedResult['missed'] = [];
  for (const { kind, report } of files) {
    const planted = manifest.files[kind].invalid;
    const plantedRows = new Set(planted.map((p) => `${p.line}\u0000${p.id}`));
    const rejectedRows = new Set(report.rejected.map((issue) => `${issue.row}\u0000${issue.record}`));
    unexpected.push(
      ...report.rejected.filter((issue) => !plantedRows.has(`${issue.row}\u0000${issue.record}`)),
    );
    for (const p of planted) {
      if (!rejectedRows.has(`${p.line}\u0000${p.id}`)) missed.push({ kind, line: p.line, id: p.id });
    }
  }
  return { unexpected, missed };
}

/** Waits for the reports of the given keys; a dead-lettered notification ends the wait with an error. */
async function reportsOf(stack: LocalStack, keys: readonly string[], upload: () => Promise<void>) {
  const reports = new Map<string, ProcessingReport>();
  const unsubscribe = stack.observe((event) => {
    if (event.type === 'report' && keys.includes(event.key)) reports.set(event.key, event.report);
  });
  const deadBefore = stack.deadLetters().length;
  try {
    await upload();
    while (reports.size < keys.length) {
      if (stack.deadLetters().length > deadBefore) {
        throw new Error('a demo upload notification ended in the dead-letter list; see the log above');
      }
      await sleep(100);
    }
    return reports;
  } finally {
    unsubscribe();
  }
}

export async function seedDemo(
  stack: LocalStack,
  options: { size: DemoSize; asOf: string; seed?: number },
  progress: SeedProgress,
): Promise<DemoSeedResult> {
  const started = performance.now();
  const dir = join(stack.info.dataDir, 'seed');
  // Youth live in the districts the stack matches, so every seeded youth is in the reverse rematch.
  const data = generateDemoData({
    asOf: options.asOf,
    size: options.size,
    seed: options.seed ?? DEFAULT_SEED,
    districts: stack.info.pilotDistricts,
  });
  await writeDemoFiles(dir, data);
  const manifest = demoManifest(data);
  const keyOf = (kind: RecordKind) => `${incomingPrefix(kind)}${DEMO_FOLDER}/${DEMO_FILES[kind]}`;
  const kindByKey = new Map(DEMO_UPLOAD_PHASES.flat().map((kind) => [keyOf(kind), kind]));

  const unsubscribe = stack.observe((event) => {
    if (event.type === 'invocation') return;
    const kind = kindByKey.get(event.key);
    if (kind === undefined) return;
    if (event.type === 'read') progress.read(kind, event.bytes);
    else progress.done(kind, event.report);
  });
  const ticker = setInterval(() => progress.writes(stack.writes.counts().items), 1_000);
  const files: SeededFile[] = [];
  try {
    const sizes = DEMO_UPLOAD_PHASES.flat().map((kind) => ({
      kind,
      file: DEMO_FILES[kind],
      size: readFileSync(join(dir, DEMO_FILES[kind])).byteLength,
    }));
    progress.start(sizes);
    for (const phase of DEMO_UPLOAD_PHASES) {
      const keys = phase.map(keyOf);
      const reports = await reportsOf(stack, keys, async () => {
        for (const kind of phase) {
          await putUploadFile(stack.s3, stack.info.bucket, keyOf(kind), join(dir, DEMO_FILES[kind]));
        }
      });
      for (const kind of phase) {
        const key = keyOf(kind);
        files.push({
          kind,
          file: DEMO_FILES[kind],
          key,
          reportKey: reportKeyFor(key),
          report: reports.get(key)!,
        });
      }
    }
  } finally {
    clearInterval(ticker);
    unsubscribe();
    progress.stop();
  }
  return {
    manifest,
    files,
    seconds: (performance.now() - started) / 1000,
    ...compareWithManifest(manifest, files),
    deadLetters: stack.deadLetters().length,
  };
}

export function formatSeedSummary(stack: LocalStack, result: DemoSeedResult): string[] {
  const { manifest } = result;
  const lines = [
    `Demo data processed in ${result.seconds.toFixed(1)} s (size ${manifest.size}, seed ${manifest.seed}, ` +
      `as of ${manifest.asOf}; synthetic, no real person):`,
  ];
  for (const { report } of result.files)
    lines.push(...formatReportSummary(report, { listed: 3 }).map((l) => `  ${l}`));
  const reports = result.files.map((f) => f.report);
  const warnings = reports.flatMap((r) => r.warnings);
  if (warnings.length > 0) lines.push(`Warnings by field: ${countByField(warnings)}`);
  const written = reports.reduce((n, r) => n + r.matching.setsWritten, 0);
  const matched = reports.reduce((n, r) => n + r.matching.youthRematched, 0);
  lines.push(`Recommendation sets written: ${written} (youth matched: ${matched})`);
  const planted = result.files.reduce((n, f) => n + manifest.files[f.kind].invalid.length, 0);
  if (result.unexpected.length === 0 && result.missed.length === 0) {
    lines.push(`Rejected rows match the demo manifest: all ${planted} planted rows rejected, nothing else`);
  } else {
    lines.push(
      `Rejected rows do NOT match the demo manifest: ${result.unexpected.length} unexpected, ` +
        `${result.missed.length} planted rows accepted`,
    );
  }
  lines.push(
    `Reports: s3://${stack.info.bucket}/reports/incoming/<kind>/${DEMO_FOLDER}/<file>.report.json`,
    ...result.files.map((f) => `  ${localObjectPath(stack.info, f.reportKey)}`),
    `Demo files and manifest: ${join(stack.info.dataDir, 'seed')}`,
  );
  return lines;
}

function bannerLines(stack: LocalStack): string[] {
  const { info } = stack;
  return [
    `sinergi local stack: data in ${info.dataDir} (pid ${info.pid})`,
    `  S3        ${info.endpoints.s3}  bucket ${info.bucket}`,
    `  DynamoDB  ${info.endpoints.dynamodb}  table ${info.tableName}`,
    `  API       ${info.endpoints.api ?? 'not started'}`,
    `  Web       ${info.endpoints.web ?? 'not built (npm run build:web)'}`,
    ...(info.endpoints.web
      ? [
          `  Assessment app (youth, with an invitation code): ${new URL(ASSESSMENT_APP_PATH, info.endpoints.web).href}`,
          '  invite a demo youth:  npm run sinergi -- invite   (prints the code and the link to open)',
        ]
      : []),
    '  upload a file:   npm run sinergi -- upload vacancies my-vacancies.csv',
    '  nightly rematch: npm run sinergi -- rematch',
  ];
}

function signalled(): { promise: Promise<string>; dispose: () => void } {
  let dispose: () => void = () => undefined;
  const promise = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => resolve(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  });
  return { promise, dispose };
}

interface DemoMarker {
  seededAt: string;
  size: DemoSize;
  seed: number;
  asOf: string;
  files: { kind: RecordKind; key: string; reportKey: string }[];
}

function readMarker(dataDir: string): DemoMarker | undefined {
  const path = join(dataDir, DEMO_MARKER);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DemoMarker) : undefined;
}

function writeMarker(dataDir: string, result: DemoSeedResult, now: Date): void {
  const marker: DemoMarker = {
    seededAt: now.toISOString(),
    size: result.manifest.size,
    seed: result.manifest.seed,
    asOf: result.manifest.asOf,
    files: result.files.map(({ kind, key, reportKey }) => ({ kind, key, reportKey })),
  };
  writeFileSync(join(dataDir, DEMO_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

function defaultTerminal(io: CliIo): NodeJS.WritableStream | undefined {
  return process.stderr.isTTY && io.env['CI'] === undefined ? process.stderr : undefined;
}

export async function runLocal(
  runtime: CliRuntime,
  options: LocalCommandOptions,
  control: LocalControl = {},
): Promise<void> {
  const { io } = runtime;
  const signals = control.stopped ? undefined : signalled();
  const stopped = control.stopped ?? signals!.promise;
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      dataDir: options.dataDir,
      ports: { s3: options.portS3, dynamodb: options.portDynamodb, api: options.portApi },
      ...(control.api && { api: control.api }),
    });
  } catch (error) {
    signals?.dispose();
    if (!(error instanceof LocalStackRunningError)) throw error;
    io.stderr(`sinergi: ${error.message}\n`);
    raiseExitCode(runtime, EXIT.unexpected);
    return;
  }
  try {
    for (const line of bannerLines(stack)) io.stdout(`${line}\n`);
    let seeded: DemoSeedResult | undefined;
    const marker = readMarker(stack.info.dataDir);
    if (marker) {
      io.stdout(`Demo data already loaded (size ${marker.size}, ${marker.seededAt}); not seeded again.\n`);
    } else if (options.demo) {
      io.stdout(
        `Seeding the ${options.demoSize} demo dataset (trainings and vacancies first, then assessments):\n`,
      );
      const terminal = control.progressTerminal ?? defaultTerminal(io);
      const progress = terminal ? barProgress(terminal, 3) : lineProgress(io);
      const seeding = seedDemo(stack, { size: options.demoSize, asOf: jakartaDate(io.now()) }, progress);
      const first = await Promise.race([seeding, stopped.then(() => undefined)]);
      if (first === undefined) {
        seeding.catch(() => undefined);
        io.stdout('Stopped before the demo data was processed; it is seeded again on the next start.\n');
        return;
      }
      seeded = first;
      for (const line of formatSeedSummary(stack, seeded)) io.stdout(`${line}\n`);
      writeMarker(stack.info.dataDir, seeded, io.now());
    }
    const dead = stack.deadLetters().length;
    io.stdout(`Dead letters: ${dead}\n`);
    if (stack.info.endpoints.web) {
      io.stdout(`Web workspace: ${stack.info.endpoints.web} (development sign-in: any role and district)\n`);
    }
    io.stdout('Ready. Press Ctrl-C to stop.\n');
    control.onReady?.(stack, seeded);
    await stopped;
    io.stdout('Stopping the local stack...\n');
  } finally {
    signals?.dispose();
    await stack.close();
  }
}

export const registerLocal: RegisterCommand = (program: Command, runtime: CliRuntime) => {
  const port = (name: string, fallback: number) =>
    new Option(
      `--port-${name} <port>`,
      `loopback port of ${name === 'api' ? 'the HTTP API' : name}; 0 = any free port`,
    )
      .argParser(wholeNumber(0, 65_535))
      .default(fallback);
  program
    .command('local')
    .description(
      'run the embedded local stack (S3, DynamoDB, queue, handlers); seeds demo data on first start',
    )
    .option('--data-dir <dir>', 'where the stack keeps its data across restarts', DEFAULT_DATA_DIR)
    .addOption(port('s3', DEFAULT_LOCAL_PORTS.s3))
    .addOption(port('dynamodb', DEFAULT_LOCAL_PORTS.dynamodb))
    .addOption(port('api', DEFAULT_LOCAL_PORTS.api))
    .option('--no-demo', 'do not seed the demo dataset on first start')
    .addOption(
      new Option(
        '--demo-size <size>',
        'full: 16,000 youth, 5,000 vacancies, 1,000 trainings; small: 300 / 120 / 40',
      )
        .choices(['small', 'full'])
        .default('full'),
    )
    .action((options: LocalCommandOptions) => runLocal(runtime, options, { ...localApi() }));
};

function localApi(): Pick<LocalControl, 'api'> {
  return { api: startLocalApi };
}
