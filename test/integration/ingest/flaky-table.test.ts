/**
 * The ingest pipeline over a table that fails 30% of its requests (a throttled or degraded
 * DynamoDB): failed requests are retried one by one, so every upload finishes within the queue's
 * receives and none reaches the dead-letter list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '#core/domain/seeded-random';
import type { ProcessingReport } from '#core/usecases/report';
import { createIngestDeps } from '#functions/ingest/deps';
import { makeIngestHandler } from '#functions/ingest/ingest';
import { readIngestConfig } from '#functions/shared/config';
import { reportKeyFor } from '#functions/shared/report-key';
import {
  ensureTable,
  LOCAL_REGION,
  type RunningDynamo,
  type RunningS3,
  startDynamo,
  startS3,
} from '#infra/local/emulators';
import { createLocalQueue, type LocalQueue } from '#infra/local/queue';
import { type S3Notifications, startS3Notifications } from '#infra/local/s3-notifications';
import { assessment, csv, jsonl, VACANCY_HEADER, vacancyLine } from '../../unit/ingest/data.ts';

const BUCKET = 'sinergi-flaky';
const TABLE = 'sinergi-flaky';
const FAILURE_RATE = 0.3;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-flaky-'));
let dynamo: RunningDynamo;
let s3: RunningS3;
let queue: LocalQueue;
let notifications: S3Notifications;
let requests = 0;
let injected = 0;

const context = {
  functionName: 'ingest',
  awsRequestId: 'r',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:ingest',
  memoryLimitInMB: '1769',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

beforeAll(async () => {
  dynamo = await startDynamo();
  await ensureTable(dynamo.client, TABLE);
  s3 = await startS3({ directory: join(dir, 's3'), buckets: [BUCKET] });
  // Seeded, so the same requests fail on every run.
  const random = new SeededRandom(20_261_202);
  // Below the SDK's own retries: every attempt of every request may fail, as under throttling.
  dynamo.client.middlewareStack.add(
    (next) => async (args) => {
      requests++;
      if (random.chance(FAILURE_RATE)) {
        injected++;
        throw Object.assign(new Error('injected: throughput exceeded'), {
          name: 'ProvisionedThroughputExceededException',
          $metadata: { httpStatusCode: 400 },
        });
      }
      return next(args);
    },
    { step: 'build', name: 'injectFailures' },
  );
  const config = readIngestConfig({
    TABLE_NAME: TABLE,
    UPLOADS_BUCKET: BUCKET,
    STAGE: 'test',
    NIK_KEY: 'a-local-test-key-of-at-least-32-bytes!',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    PILOT_DISTRICTS: '3374,3372',
    LEDGER_LEASE_MS: '1',
  });
  const deps = await createIngestDeps(config, { dynamodb: dynamo.client, s3: s3.client });
  queue = createLocalQueue({
    environment: () => {
      const handler = makeIngestHandler(deps);
      return (event) => handler(event, context);
    },
    batchSize: 4,
    concurrency: 2,
    maxReceiveCount: 5,
    retryDelayMs: () => 10,
  });
  notifications = startS3Notifications({ server: s3.server, region: LOCAL_REGION, buckets: [BUCKET], queue });
});

afterAll(async () => {
  notifications?.stop();
  await queue?.close();
  await s3?.close();
  await dynamo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function report(key: string): Promise<ProcessingReport> {
  const out = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: reportKeyFor(key) }));
  return JSON.parse(await out.Body!.transformToString()) as ProcessingReport;
}

describe('a table failing 30% of its requests', () => {
  it('still processes every upload, retrying requests rather than whole files', async () => {
    const uploads: [string, Uint8Array][] = [
      [
        'incoming/assessments/flaky.jsonl',
        jsonl(
          Array.from({ length: 30 }, (_, i) => assessment(`Y-F${i}`, { district: i % 2 ? '3374' : '3372' })),
        ),
      ],
      ...Array.from({ length: 5 }, (_, f): [string, Uint8Array] => [
        `incoming/vacancies/flaky-${f}.csv`,
        csv([VACANCY_HEADER, ...Array.from({ length: 4 }, (_, i) => vacancyLine(`V-F${f}-${i}`))]),
      ]),
    ];
    for (const [Key, Body] of uploads) {
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
      await queue.drain();
    }

    expect(queue.deadLetters()).toEqual([]);
    for (const [key] of uploads) {
      expect(await report(key)).toMatchObject({ status: 'processed', counts: { rejected: 0 } });
    }
    expect(injected / requests).toBeGreaterThan(0.2);
  }, 240_000);
});
