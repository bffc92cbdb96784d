/**
 * The ingest pipeline against dynalite and s3rver over real HTTP: s3rver events are turned into
 * real S3 notifications and delivered through the local queue to the very handler Lambda runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingReport } from '#core/usecases/report';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoReportRepository } from '#functions/adapters/dynamodb/reports';
import { DynamoUploadLedger } from '#functions/adapters/dynamodb/uploads';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
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
import { assessment, csv, jsonl, NIK, VACANCY_HEADER, vacancyLine } from '../../unit/ingest/data.ts';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const BUCKET = 'sinergi-uploads';
const TABLE = 'sinergi-ingest';
const dir = mkdtempSync(join(tmpdir(), 'sinergi-ingest-'));
let dynamo: RunningDynamo;
let s3: RunningS3;
let queue: LocalQueue;
let notifications: S3Notifications;
let handler: (event: SQSEvent, context: never) => Promise<SQSBatchResponse | undefined>;
const bodies: { key: string; body: string }[] = [];
let writeSetsCalls = 0;
let setsWritten = 0;
let putManyCalls = 0;

const config = (maxUploadBytes: number) =>
  readIngestConfig({
    TABLE_NAME: TABLE,
    UPLOADS_BUCKET: BUCKET,
    STAGE: 'test',
    NIK_KEY: 'a-local-test-key-of-at-least-32-bytes!',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    PILOT_DISTRICTS: '3374,3372',
    MAX_UPLOAD_BYTES: String(maxUploadBytes),
    LEDGER_LEASE_MS: '60000',
  });

const table = () => ({ client: dynamo.client, tableName: TABLE });
const context = {
  functionName: 'ingest',
  awsRequestId: 'r',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:ingest',
  memoryLimitInMB: '1769',
  // The ingest function's timeout (five minutes): middy ends an invocation this close to it, and a
  // loaded test machine must not turn that into a failure of what these tests check.
  getRemainingTimeInMillis: () => 5 * 60_000,
} as never;

async function makeHandler(maxUploadBytes = 40 * 1024 * 1024) {
  const deps = await createIngestDeps(config(maxUploadBytes), { dynamodb: dynamo.client, s3: s3.client });
  const recommendations = deps.pipeline.recommendations;
  deps.pipeline.recommendations = {
    ...recommendations,
    get: recommendations.get.bind(recommendations),
    headlines: recommendations.headlines.bind(recommendations),
    listCandidates: recommendations.listCandidates.bind(recommendations),
    writeSets: recommendations.writeSets.bind(recommendations),
    openWriter: () => {
      const writer = recommendations.openWriter();
      return {
        write: async (sets, districts) => {
          const result = await writer.write(sets, districts);
          writeSetsCalls++;
          setsWritten += result.written;
          return result;
        },
        close: () => writer.close(),
      };
    },
  };
  const opportunities = deps.pipeline.opportunities;
  const putMany = opportunities.putMany.bind(opportunities);
  opportunities.putMany = async (items) => {
    putManyCalls++;
    return putMany(items);
  };
  return makeIngestHandler(deps);
}

beforeAll(async () => {
  dynamo = await startDynamo();
  await ensureTable(dynamo.client, TABLE);
  s3 = await startS3({ directory: join(dir, 's3'), buckets: [BUCKET] });
  const ingest = await makeHandler();
  handler = ingest as never;
  queue = createLocalQueue({ consumer: (event) => ingest(event, context), retryDelayMs: () => 20 });
  notifications = startS3Notifications({
    server: s3.server,
    region: LOCAL_REGION,
    buckets: [BUCKET],
    queue: {
      send: (body) => {
        const parsed = JSON.parse(body) as { Records?: { s3: { object: { key: string } } }[] };
        const key = parsed.Records?.[0]?.s3.object.key;
        if (key) bodies.push({ key: decodeURIComponent(key.replace(/\+/g, ' ')), body });
        return queue.send(body);
      },
    },
  });
});

afterAll(async () => {
  notifications?.stop();
  await queue?.close();
  await s3?.close();
  await dynamo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(key: string, body: Uint8Array | string): Promise<ProcessingReport> {
  await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  await queue.drain();
  return readReport(key);
}

async function readReport(key: string): Promise<ProcessingReport> {
  const out = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: reportKeyFor(key) }));
  return JSON.parse(await out.Body!.transformToString()) as ProcessingReport;
}

function sqs(body: string, id: string): SQSEvent {
  return {
    Records: [
      {
        messageId: id,
        receiptHandle: 'r',
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '0',
          SenderId: 's',
          ApproximateFirstReceiveTimestamp: '0',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-southeast-3:000000000000:uploads',
        awsRegion: LOCAL_REGION,
      },
    ],
  };
}

async function xlsxOf(lines: string[], claimRows?: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lowongan');
  for (const line of lines) sheet.addRow(line.split(','));
  if (claimRows) sheet.getCell(`A${claimRows}`).value = '';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('ingest pipeline on the embedded emulators', () => {
  it('processes one file of each kind: reports in S3 and the table, recommendations stored', async () => {
    const vacancies = await upload(
      'incoming/vacancies/E-017/up-1/lowongan.xlsx',
      await xlsxOf([
        VACANCY_HEADER,
        vacancyLine('V-1'),
        vacancyLine('V-2', { district: '3372', gender: 'male' }),
      ]),
    );
    expect(vacancies).toMatchObject({
      status: 'processed',
      counts: { accepted: 2, stored: 2 },
      ownerId: 'EMPLOYER#E-017',
    });
    expect(vacancies.review.genderRequirement).toEqual([
      { vacancy_id: 'V-2', employer_id: 'E-017', requirement: 'male' },
    ]);
    const trainings = await upload(
      'incoming/trainings/pelatihan.json',
      JSON.stringify([
        {
          training_id: 'T-1',
          provider_id: 'BLK-SMG',
          provider_name: 'BLK Kota Semarang',
          title: 'Menjahit',
          target_occupations: ['7533'],
          skills_taught: ['menjahit', 'obras'],
          district: '3374',
          seats: 16,
          start_date: '2027-01-12',
          duration_days: 30,
          cost_idr: 0,
          min_education: 'SD',
        },
      ]),
    );
    expect(trainings.counts).toMatchObject({ accepted: 1, stored: 1 });
    const youth = await upload(
      'incoming/assessments/penilaian maret.jsonl',
      jsonl([assessment('Y-1', { nik: NIK }), assessment('Y-2', { district: '3372' })]),
    );
    expect(youth).toMatchObject({
      status: 'processed',
      counts: { accepted: 2, stored: 2 },
      matching: { setsWritten: 2 },
    });
    const stored = await new DynamoRecommendationRepository(table()).get('Y-1');
    expect(stored?.set.jobs.map((j) => j.opportunityId)).toContain('V-1');
    expect(stored?.set.trainings.map((t) => t.opportunityId)).toEqual(['T-1']);
    const tableCopy = await new DynamoReportRepository(table()).get('up-1');
    expect(tableCopy?.ownerId).toBe('EMPLOYER#E-017');
    const profile = await new DynamoYouthRepository(table()).get('Y-1');
    expect(profile?.nikHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(profile)).not.toContain(NIK);
  });

  it('delivers the same S3 event ten times in a row and ten at once: one processing, one write of sets', async () => {
    await upload(
      'incoming/assessments/dupe.jsonl',
      jsonl([assessment('Y-10'), assessment('Y-11', { district: '3372' })]),
    );
    const { body } = bodies.find((b) => b.key === 'incoming/assessments/dupe.jsonl')!;
    const [calls, written] = [writeSetsCalls, setsWritten];
    for (let i = 0; i < 10; i++)
      expect(await handler(sqs(body, `seq-${i}`), context)).toEqual({ batchItemFailures: [] });
    const parallel = await Promise.all(
      Array.from({ length: 10 }, (_, i) => handler(sqs(body, `par-${i}`), context)),
    );
    expect(parallel.every((r) => r?.batchItemFailures.length === 0)).toBe(true);
    expect([writeSetsCalls, setsWritten]).toEqual([calls, written]);
    const entry = await new DynamoUploadLedger(table()).get(BUCKET, 'incoming/assessments/dupe.jsonl');
    expect(entry).toMatchObject({ status: 'done', summary: { counts: { stored: 2 } } });
  });

  it('runs exactly one of ten parallel first deliveries; the rest retry and then find a duplicate', async () => {
    const key = 'incoming/vacancies/race.csv';
    await upload(key, csv([VACANCY_HEADER, vacancyLine('V-R')]));
    const { body } = bodies.find((b) => b.key === key)!;
    // The same object delivered as a newer event nobody has processed yet.
    const newer = body.replace(/"sequencer":"([0-9A-F]+)"/, (_m, s: string) => `"sequencer":"${s}F"`);
    const before = putManyCalls;
    const raced = await Promise.all(
      Array.from({ length: 10 }, (_, i) => handler(sqs(newer, `race-${i}`), context)),
    );
    const failed = raced.flatMap((r) => r?.batchItemFailures ?? []);
    expect(putManyCalls - before).toBe(1);
    for (const { itemIdentifier } of failed) {
      expect(await handler(sqs(newer, itemIdentifier), context)).toEqual({ batchItemFailures: [] });
    }
    expect(putManyCalls - before).toBe(1);
    expect((await new DynamoUploadLedger(table()).get(BUCKET, key))?.status).toBe('done');
  });

  it('never lets an older upload of a key overwrite a newer one', async () => {
    const key = 'incoming/vacancies/urut.csv';
    await upload(key, csv([VACANCY_HEADER, vacancyLine('V-O', { title: 'Versi Lama' })]));
    const older = bodies.filter((b) => b.key === key).at(-1)!.body;
    await upload(key, csv([VACANCY_HEADER, vacancyLine('V-O', { title: 'Versi Baru' })]));
    expect(await handler(sqs(older, 'late'), context)).toEqual({ batchItemFailures: [] });
    const vacancy = await new DynamoOpportunityRepository(table()).get('job', 'V-O');
    expect(vacancy?.record.title).toBe('Versi Baru');
    expect((await readReport(key)).upload.sequencer).toBe(
      JSON.parse(bodies.filter((b) => b.key === key).at(-1)!.body).Records[0].s3.object.sequencer,
    );
  });

  it('updates the records a corrected re-upload names', async () => {
    const key = 'incoming/vacancies/E-017/up-9/koreksi.csv';
    await upload(key, csv([VACANCY_HEADER, vacancyLine('V-C', { openings: '2' }), vacancyLine('V-D')]));
    const corrected = await upload(key, csv([VACANCY_HEADER, vacancyLine('V-C', { openings: '7' })]));
    expect(corrected.counts).toMatchObject({ accepted: 1, stored: 1 });
    const repo = new DynamoOpportunityRepository(table());
    expect((await repo.get('job', 'V-C'))?.profile.capacity).toBe(7);
    expect((await repo.get('job', 'V-D'))?.profile.capacity).toBe(4);
  });
});

describe('bad files end with a report each, never a crash', () => {
  const bad: [string, () => Promise<Uint8Array | string>, (r: ProcessingReport) => void][] = [
    ['empty.csv', async () => '', (r) => expect(r.status).toBe('rejected_file')],
    [
      'header-only.csv',
      async () => csv([VACANCY_HEADER]),
      (r) => expect(r).toMatchObject({ status: 'rejected_file', counts: { rows: 0 } }),
    ],
    [
      'unknown-columns.csv',
      async () => csv([`${VACANCY_HEADER},warna_favorit`, `${vacancyLine('V-U')},biru`]),
      (r) => {
        expect(r.counts.accepted).toBe(1);
        expect(r.warnings).toEqual([expect.objectContaining({ field: 'warna_favorit' })]);
      },
    ],
    [
      'duplicate-headers.csv',
      async () => csv([`${VACANCY_HEADER},title`, `${vacancyLine('V-H')},x`]),
      (r) => expect(r.status).toBe('rejected_file'),
    ],
    [
      'not-utf8.csv',
      async () =>
        new Uint8Array([
          ...new TextEncoder().encode(`${VACANCY_HEADER}\r\n`),
          0x50,
          0x54,
          0x20,
          0xc7,
          0x61,
          0x0d,
          0x0a,
        ]),
      (r) => expect(r.rejected).toEqual([expect.objectContaining({ field: 'encoding' })]),
    ],
    [
      'false-and-empty.csv',
      async () =>
        csv([VACANCY_HEADER, vacancyLine('V-F', { bpjs: 'false' }), vacancyLine('V-E', { openings: '' })]),
      (r) => {
        expect(r.rejected).toEqual([expect.objectContaining({ row: 3, field: 'openings' })]);
      },
    ],
    [
      'million-rows.xlsx',
      async () => xlsxOf([VACANCY_HEADER, vacancyLine('V-M')], 1_048_576),
      (r) => expect(r.counts).toMatchObject({ accepted: 1 }),
    ],
  ];

  it.each(bad)('%s', async (name, make, check) => {
    const report = await upload(`incoming/vacancies/${name}`, await make());
    check(report);
  });

  it('a file name of 230 bytes (117 characters) gets its report under a hashed key the ledger names', async () => {
    const key = `incoming/vacancies/${'é'.repeat(113)}.csv`;
    const report = await upload(key, csv([VACANCY_HEADER, vacancyLine('V-LONG')]));
    expect(report).toMatchObject({ status: 'processed', counts: { accepted: 1 }, upload: { key } });
    const entry = await new DynamoUploadLedger<{ reportKey: string }>(table()).get(BUCKET, key);
    expect(entry?.summary?.reportKey).toMatch(/^reports\/by-hash\/[0-9a-f]{64}\.report\.json$/);
    expect(entry?.summary?.reportKey).toBe(reportKeyFor(key));
    // The emulator is still up and the next upload is processed as usual.
    expect(
      (await upload('incoming/vacancies/after-long.csv', csv([VACANCY_HEADER, vacancyLine('V-AL')]))).status,
    ).toBe('processed');
  });

  it('a NIK typed as a number is refused without being repeated', async () => {
    const report = await upload(
      'incoming/assessments/nik-number.jsonl',
      jsonl([assessment('Y-N', { nik: Number(NIK) })]),
    );
    expect(report.rejected).toEqual([expect.objectContaining({ field: 'nik', row: 1 })]);
    expect(JSON.stringify(report)).not.toMatch(/33740155050100/);
  });

  it('a 50 MB file over the cap gets a report without being read; under the cap it streams in bounded memory', async () => {
    // Cells stay under Excel's 32,767-character limit; most rows are refused so storage stays small.
    const note = 'x'.repeat(30_000);
    const lines = [`${VACANCY_HEADER},catatan`];
    for (let i = 0; i < 1_700; i++) {
      const line = vacancyLine(`V-BIG-${i}`, i < 20 ? {} : { openings: 'banyak' });
      lines.push(`${line},${note}`);
    }
    let big: Uint8Array | undefined = csv(lines);
    expect(big.byteLength).toBeGreaterThan(50_000_000);
    await s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'incoming/vacancies/besar.csv', Body: big }),
    );
    await s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'incoming/vacancies/besar-2.csv', Body: big }),
    );
    big = undefined;
    await queue.drain();
    const over = await readReport('incoming/vacancies/besar.csv');
    expect(over).toMatchObject({
      status: 'rejected_file',
      counts: { rows: 0 },
      rejected: [{ field: 'size' }],
    });

    const roomy = (await makeHandler(60 * 1024 * 1024)) as unknown as typeof handler;
    const { body } = bodies.find((b) => b.key === 'incoming/vacancies/besar-2.csv')!;
    await new DynamoUploadLedger(table()).get(BUCKET, 'incoming/vacancies/besar-2.csv');
    const fresh = body.replace(/"sequencer":"([0-9A-F]+)"/, (_m, s: string) => `"sequencer":"${s}F"`);
    // A collection before each sample measures what is kept, not garbage not yet collected;
    // buffers count too, since a reader that held the file would hold it as one.
    const retained = () => {
      collectGarbage();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const baseline = retained();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, retained());
    }, 100);
    expect(await roomy(sqs(fresh, 'big'), context)).toEqual({ batchItemFailures: [] });
    clearInterval(sampler);
    const report = await readReport('incoming/vacancies/besar-2.csv');
    expect(report).toMatchObject({
      status: 'processed',
      counts: { rows: 1_700, accepted: 20, rejected: 1_680 },
    });
    expect(peak - baseline).toBeLessThan(25 * 1024 * 1024);
  }, 600_000);
});
