/**
 * The embedded local stack: dynalite and s3rver on loopback ports, the uploads bucket's notifications
 * rewritten into real S3 events and delivered through a local SQS-like queue to the very ingest
 * handler the Lambda runs (middy, Powertools, the production adapters), built with local clients.
 * Data lives in one directory and survives restarts; `local.json` there tells other commands
 * (`sinergi upload`, `sinergi rematch`) where the running stack listens.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { ProcessingReport } from '#core/usecases/report';
import { createIngestDeps } from '#functions/ingest/deps';
import { makeIngestHandler } from '#functions/ingest/ingest';
import { type IngestConfig, readIngestConfig } from '#functions/shared/config';
import {
  ensureTable,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type RunningDynamo,
  type RunningS3,
  startDynamo,
  startS3,
} from './emulators.ts';
import { lambdaContext } from './lambda-context.ts';
import {
  type BytesReadListener,
  countDynamoWrites,
  type DynamoWriteCounter,
  observeObjectReads,
} from './observe.ts';
import { createLocalQueue, type DeadLetter, type LocalQueue, type QueueStats } from './queue.ts';
import { type S3Notifications, startS3Notifications } from './s3-notifications.ts';

export const DEFAULT_DATA_DIR = '.sinergi';
/** Next to each other and clear of LocalStack's 4566, so both can run on one laptop. */
export const DEFAULT_LOCAL_PORTS = { dynamodb: 4567, s3: 4568, api: 4569 } as const;
export const LOCAL_BUCKET = 'sinergi-local-uploads';
export const LOCAL_TABLE = 'sinergi-local';
export const LOCAL_STAGE = 'local';
export const STACK_FILE = 'local.json';
export const NIK_KEY_FILE = 'nik.key';

/**
 * The deployed event source mapping and redrive policy (`LIMITS` in infra/stacks/stateless-stack.ts,
 * kept equal by a test): read here as values so the local stack does not load the CDK library.
 */
export const LOCAL_INGEST_LIMITS = {
  ingestBatchSize: 4,
  ingestMaxConcurrency: 4,
  ingestMaxReceiveCount: 5,
  ingestTimeoutMs: 5 * 60 * 1000,
} as const;

/**
 * On AWS a claim outlives the function timeout because SQS may redeliver a message whose run is
 * still alive. The local queue redelivers only after a run has failed, so a short lease lets the
 * retries (first one after 0.5 s, then 1, 2 and 4 s) take a failed run's claim over instead of
 * finding it in progress until they reach the dead-letter list.
 */
export const LOCAL_LEDGER_LEASE_MS = 1_000;

export function localRetryDelayMs(receiveCount: number): number {
  return Math.min(500 * 2 ** (receiveCount - 1), 8_000);
}

/** What `local.json` holds: enough for another process to reach the running stack's emulators. */
export interface LocalStackInfo {
  pid: number;
  startedAt: string;
  dataDir: string;
  region: string;
  bucket: string;
  tableName: string;
  stage: string;
  endpoints: { s3: string; dynamodb: string; api?: string; web?: string };
  /** Where s3rver keeps the bucket's objects: `<s3Directory>/<bucket>/<key>._S3rver_object`. */
  s3Directory: string;
  pilotDistricts: string[];
}

/** What an HTTP API started next to the stack gets from it. */
export interface LocalApiContext {
  dataDir: string;
  pilotDistricts: string[];
  dynamodb: DynamoDBClient;
  s3: S3Client;
  s3Endpoint: string;
  bucket: string;
  tableName: string;
  nikKey: string;
  region: string;
  port: number;
}

export interface RunningLocalApi {
  endpoint: string;
  /** The web workspace's URL when the API serves it (same origin). */
  web?: string;
  close(): Promise<void>;
}

/** The single place an HTTP API joins the local stack. */
export type LocalApiStarter = (context: LocalApiContext) => Promise<RunningLocalApi>;

export interface LocalStackOptions {
  /** Default `.sinergi`; created when missing. */
  dataDir?: string;
  /** Keep the table in memory instead of the data directory (benchmarks compare the two). */
  inMemoryTable?: boolean;
  /** Loopback ports; 0 picks a free one. Defaults: `DEFAULT_LOCAL_PORTS`. */
  ports?: { s3?: number; dynamodb?: number; api?: number };
  /** Started after the emulators when given; its endpoint goes into `local.json`. */
  api?: LocalApiStarter;
  /** Powertools log level of the handlers; `POWERTOOLS_LOG_LEVEL` style. Default WARN. */
  logLevel?: IngestConfig['logLevel'];
  /** Comma-separated BPS codes; default: the programme's pilot districts. */
  pilotDistricts?: string;
  queue?: { batchSize?: number; concurrency?: number; maxReceiveCount?: number };
  ledgerLeaseMs?: number;
  now?: () => number;
}

export type LocalStackEvent =
  | { type: 'read'; key: string; bytes: number }
  | { type: 'report'; key: string; reportKey: string; report: ProcessingReport }
  /** One handler invocation and how long it ran: what Lambda would bill as duration. */
  | { type: 'invocation'; functionName: string; ms: number };

export interface LocalStack {
  readonly info: LocalStackInfo;
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly config: IngestConfig;
  /** Items written to the table since start (or the last `reset`). */
  readonly writes: DynamoWriteCounter;
  /** Listen to uploads being read and reports being written; returns the unsubscribe. */
  observe(listener: (event: LocalStackEvent) => void): () => void;
  /** Resolves when no notification is waiting, in flight or due for a retry. */
  drain(): Promise<void>;
  queueStats(): QueueStats;
  deadLetters(): DeadLetter[];
  close(): Promise<void>;
}

export class LocalStackRunningError extends Error {
  override name = 'LocalStackRunningError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stack described in `<dataDir>/local.json`, if its process is still alive. */
export function readLocalStackInfo(dataDir: string = DEFAULT_DATA_DIR): LocalStackInfo | undefined {
  const path = join(dataDir, STACK_FILE);
  if (!existsSync(path)) return undefined;
  let info: LocalStackInfo;
  try {
    info = JSON.parse(readFileSync(path, 'utf8')) as LocalStackInfo;
  } catch {
    return undefined;
  }
  return typeof info.pid === 'number' && isAlive(info.pid) ? info : undefined;
}

/**
 * The NIK HMAC key, generated once per data directory and readable by its owner only. Losing it
 * makes stored youth unreachable by NIK, so it is never rotated silently.
 */
export function loadOrCreateNikKey(dataDir: string): string {
  const path = join(dataDir, NIK_KEY_FILE);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < 32) throw new Error(`${path} holds a key shorter than 32 characters`);
  return key;
}

export interface LocalStackClients {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  close(): void;
}

/** Clients for another process (the `upload` and `rematch` commands) to reach a running stack. */
export function connectLocalStack(info: Pick<LocalStackInfo, 'endpoints' | 'region'>): LocalStackClients {
  const dynamodb = new DynamoDBClient({
    endpoint: info.endpoints.dynamodb,
    region: info.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const s3 = new S3Client({
    endpoint: info.endpoints.s3,
    region: info.region,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    dynamodb,
    s3,
    close: () => {
      dynamodb.destroy();
      s3.destroy();
    },
  };
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const running = readLocalStackInfo(dataDir);
  if (running) {
    throw new LocalStackRunningError(
      `a local stack is already running on ${dataDir} (pid ${running.pid}); stop it first or use another --data-dir`,
    );
  }
  const now = options.now ?? Date.now;
  const ports = { ...DEFAULT_LOCAL_PORTS, ...options.ports };
  const nikKey = loadOrCreateNikKey(dataDir);
  const config = readIngestConfig({
    TABLE_NAME: LOCAL_TABLE,
    UPLOADS_BUCKET: LOCAL_BUCKET,
    STAGE: LOCAL_STAGE,
    POWERTOOLS_SERVICE_NAME: 'sinergi-ingest',
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'WARN',
    PILOT_DISTRICTS: options.pilotDistricts,
    NIK_KEY: nikKey,
    LEDGER_LEASE_MS: String(options.ledgerLeaseMs ?? LOCAL_LEDGER_LEASE_MS),
  });

  const listeners = new Set<(event: LocalStackEvent) => void>();
  const emit = (event: LocalStackEvent) => {
    for (const listener of listeners) listener(event);
  };
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };

  try {
    const dynamo: RunningDynamo = await startDynamo({
      port: ports.dynamodb,
      ...(options.inMemoryTable !== true && { dataDir }),
    });
    closers.push(dynamo.close);
    await ensureTable(dynamo.client, config.tableName);
    const s3Directory = join(dataDir, 's3');
    const s3: RunningS3 = await startS3({
      port: ports.s3,
      directory: s3Directory,
      buckets: [config.uploadsBucket],
    });
    closers.push(s3.close);

    const writes = countDynamoWrites(dynamo.client);
    const onRead: BytesReadListener = (key, bytes) => emit({ type: 'read', key, bytes });
    observeObjectReads(s3.client, onRead);

    const deps = await createIngestDeps(config, { dynamodb: dynamo.client, s3: s3.client, now });
    const reports = deps.reports;
    deps.reports = {
      ...reports,
      writeUploadReport: async (report) => {
        const reportKey = await reports.writeUploadReport(report);
        emit({ type: 'report', key: report.upload.key, reportKey, report });
        return reportKey;
      },
    };
    const queue: LocalQueue = createLocalQueue({
      // One handler per execution environment, as Lambda runs concurrent batches.
      environment: () => {
        const handler = makeIngestHandler(deps);
        const functionName = 'sinergi-local-ingest';
        return async (event) => {
          const context = lambdaContext({
            functionName,
            timeoutMs: LOCAL_INGEST_LIMITS.ingestTimeoutMs,
            memoryMb: 1769,
            now,
          });
          const started = performance.now();
          try {
            return await handler(event, context);
          } finally {
            emit({ type: 'invocation', functionName, ms: performance.now() - started });
          }
        };
      },
      queueName: 'sinergi-local-ingest',
      batchSize: options.queue?.batchSize ?? LOCAL_INGEST_LIMITS.ingestBatchSize,
      concurrency: options.queue?.concurrency ?? LOCAL_INGEST_LIMITS.ingestMaxConcurrency,
      maxReceiveCount: options.queue?.maxReceiveCount ?? LOCAL_INGEST_LIMITS.ingestMaxReceiveCount,
      retryDelayMs: localRetryDelayMs,
      now,
    });
    closers.push(queue.close);
    const notifications: S3Notifications = startS3Notifications({
      server: s3.server,
      queue,
      buckets: [config.uploadsBucket],
      region: LOCAL_REGION,
      now,
    });
    // Stop listening before the queue closes, so no event is sent to a closed queue.
    closers.push(async () => notifications.stop());

    const api = options.api
      ? await options.api({
          dataDir,
          pilotDistricts: config.pilotDistricts,
          dynamodb: dynamo.client,
          s3: s3.client,
          s3Endpoint: s3.endpoint,
          bucket: config.uploadsBucket,
          tableName: config.tableName,
          nikKey,
          region: LOCAL_REGION,
          port: ports.api,
        })
      : undefined;
    if (api) closers.push(api.close);

    const info: LocalStackInfo = {
      pid: process.pid,
      startedAt: new Date(now()).toISOString(),
      dataDir,
      region: LOCAL_REGION,
      bucket: config.uploadsBucket,
      tableName: config.tableName,
      stage: config.stage,
      endpoints: {
        s3: s3.endpoint,
        dynamodb: dynamo.endpoint,
        ...(api && { api: api.endpoint }),
        ...(api?.web && { web: api.web }),
      },
      s3Directory,
      pilotDistricts: config.pilotDistricts,
    };
    const infoPath = join(dataDir, STACK_FILE);
    writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
    closers.push(async () => rmSync(infoPath, { force: true }));

    let closed: Promise<void> | undefined;
    return {
      info,
      dynamodb: dynamo.client,
      s3: s3.client,
      config,
      writes,
      observe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      drain: () => queue.drain(),
      queueStats: () => queue.stats(),
      deadLetters: () => queue.deadLetters(),
      close() {
        closed ??= closeAll().finally(() => listeners.clear());
        return closed;
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
