import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext } from '#core/scoring/index';
import type { LedgerSummary, ProcessingReport } from '#core/usecases/report';
import { createMatchingSetup } from '#core/usecases/setup';
import { DynamoUploadLedger } from '#functions/adapters/dynamodb/uploads';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { createReportWriter, type TableReport } from '#functions/adapters/s3/reports';
import { type IngestHandlerDeps, makeIngestHandler } from '#functions/ingest/ingest';
import { nikPseudonymiser } from '#functions/shared/nik';
import { assessment, csv, jsonl, NIK, VACANCY_HEADER, vacancyLine } from './data.ts';
import {
  MemoryLedger,
  MemoryOpportunities,
  MemoryRecommendations,
  MemoryReports,
  MemoryYouth,
} from './fakes.ts';

const s3Mock = mockClient(S3Client);
const documentMock = mockClient(DynamoDBDocumentClient);
const scoring = createScoringContext();
const context = {
  functionName: 'ingest',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:111122223333:function:ingest',
  memoryLimitInMB: '1769',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../events/${path}`, import.meta.url), 'utf8'));

function sqsEvent(bodies: Record<string, unknown>[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}`,
      receiptHandle: 'r',
      body: JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 's',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-southeast-3:111122223333:uploads',
      awsRegion: 'ap-southeast-3',
    })),
  };
}

function notification(key: string, size: number, sequencer = '0065A1B2C3D4E5F601') {
  const encoded = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'ap-southeast-3',
        eventTime: '2026-11-20T02:14:07.512Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:X' },
        requestParameters: { sourceIPAddress: '203.0.113.24' },
        responseElements: { 'x-amz-request-id': 'R', 'x-amz-id-2': 'I' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'c',
          bucket: { name: 'uploads', ownerIdentity: { principalId: 'O' }, arn: 'arn:aws:s3:::uploads' },
          object: { key: encoded, size, sequencer },
        },
      },
    ],
  };
}

async function vacanciesXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lowongan');
  for (const line of [VACANCY_HEADER, vacancyLine('V-1'), vacancyLine('V-2', { district: '3372' })]) {
    sheet.addRow(line.split(','));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function serve(objects: Record<string, Uint8Array>) {
  s3Mock.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    const bytes = objects[input.Key];
    if (!bytes) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    return { Body: Readable.from([Buffer.from(bytes)]) };
  });
  s3Mock.on(PutObjectCommand).resolves({});
}

function writtenReports(): Map<string, ProcessingReport> {
  return new Map(
    s3Mock
      .commandCalls(PutObjectCommand)
      .map((call) => [
        call.args[0].input.Key!,
        JSON.parse(String(call.args[0].input.Body)) as ProcessingReport,
      ]),
  );
}

function makeDeps(overrides: Partial<IngestHandlerDeps> = {}) {
  let clock = Date.parse('2026-11-20T03:00:00Z');
  const ledger = new MemoryLedger<LedgerSummary>();
  const reports = new MemoryReports<TableReport>();
  const youth = new MemoryYouth();
  const s3 = new S3Client({ region: 'ap-southeast-3' });
  const deps: IngestHandlerDeps = {
    s3,
    logger: new Logger({ serviceName: 'sinergi-ingest', logLevel: 'INFO' }),
    ledger,
    reports: createReportWriter({ s3, bucket: 'uploads', reports }),
    maxUploadBytes: 1024 * 1024,
    ledgerLeaseMs: 60_000,
    pipeline: {
      youth,
      opportunities: new MemoryOpportunities(),
      recommendations: new MemoryRecommendations(),
      scoring,
      occupations: occupationReference.lookup,
      matching: createMatchingSetup({ pilotDistricts: ['3374', '3372'] }),
      pseudonymiseNik: nikPseudonymiser('k'.repeat(32)),
      now: () => clock,
    },
    ...overrides,
  };
  return { deps, ledger, reports, youth, advance: (ms: number) => (clock += ms) };
}

let output: string[] = [];

beforeEach(() => {
  s3Mock.reset();
  documentMock.reset();
  output = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ingest handler on AWS event fixtures', () => {
  it('processes S3 notifications from SQS and writes each report beside its upload, never on it', async () => {
    serve({
      'incoming/vacancies/lowongan-semarang-2026.xlsx': await vacanciesXlsx(),
      'incoming/assessments/my file.csv': csv([
        'youth_id,nik,instrument,assessed_at,gender,birth_date,district,education',
        `Y-1,${NIK},sinergi-minat-bakat-v1,2026-11-01,F,2003-04-10,3374,SMK`,
      ]),
    });
    const { deps, ledger, reports } = makeDeps();
    const response = await makeIngestHandler(deps)(fixture('sqs/s3-notification.json'), context);
    expect(response).toEqual({ batchItemFailures: [] });
    const written = writtenReports();
    expect([...written.keys()].sort()).toEqual([
      'reports/incoming/assessments/my file.csv.report.json',
      'reports/incoming/vacancies/lowongan-semarang-2026.xlsx.report.json',
    ]);
    const vacancies = written.get('reports/incoming/vacancies/lowongan-semarang-2026.xlsx.report.json')!;
    expect(vacancies).toMatchObject({
      status: 'processed',
      counts: { rows: 2, accepted: 2, stored: 2 },
      upload: { versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko', sequencer: '0065A1B2C3D4E5F601' },
    });
    expect(s3Mock.commandCalls(GetObjectCommand)[0]!.args[0].input).toMatchObject({
      VersionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
    });
    expect((await ledger.get('sinergi-uploads-example', 'incoming/assessments/my file.csv'))?.status).toBe(
      'done',
    );
    expect(reports.records.get('assessments/my file.csv')?.ownerId).toBe('PROGRAMME');
    const logs = output.join('');
    expect(logs).toContain('upload handled');
    expect(logs).not.toContain(NIK);
    expect(logs).not.toContain('my file');
  });

  it('accepts the EventBridge form, through SQS and delivered directly', async () => {
    serve({ 'incoming/vacancies/Lowongan (Semarang) 2026.xlsx': await vacanciesXlsx() });
    const { deps } = makeDeps();
    const handler = makeIngestHandler(deps);
    expect(await handler(fixture('sqs/eventbridge-object-created.json'), context)).toEqual({
      batchItemFailures: [],
    });
    const direct = fixture('eventbridge/object-created.json');
    direct.detail.object.sequencer = 'ffffffffffffffff';
    await expect(handler(direct, context)).resolves.toBeUndefined();
    expect(
      writtenReports().get('reports/incoming/vacancies/Lowongan (Semarang) 2026.xlsx.report.json')?.status,
    ).toBe('processed');
  });

  it('acknowledges the s3:TestEvent without reading anything', async () => {
    const { deps } = makeDeps();
    expect(await makeIngestHandler(deps)(fixture('sqs/s3-test-event.json'), context)).toEqual({
      batchItemFailures: [],
    });
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it('fails only the malformed message of a batch', async () => {
    serve({});
    const { deps } = makeDeps();
    const response = await makeIngestHandler(deps)(fixture('sqs/mixed-batch-malformed.json'), context);
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: '4b7c2e91-65d8-4a3f-b0e2-7f3a9c1d2e58' }],
    });
  });

  it('rejects an over-size file from the event alone and an unsupported format, each with a report', async () => {
    serve({});
    const { deps } = makeDeps({ maxUploadBytes: 1000 });
    const event = sqsEvent([
      notification('incoming/vacancies/besar.csv', 50 * 1024 * 1024),
      notification('incoming/vacancies/lama.xls', 10),
    ]);
    expect(await makeIngestHandler(deps)(event, context)).toEqual({ batchItemFailures: [] });
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    const written = writtenReports();
    expect(written.get('reports/incoming/vacancies/besar.csv.report.json')).toMatchObject({
      status: 'rejected_file',
      rejected: [{ field: 'size', file: 'besar.csv' }],
    });
    expect(written.get('reports/incoming/vacancies/lama.xls.report.json')?.rejected[0]?.field).toBe('format');
  });

  it('reports a file deleted before it was read (NoSuchKey) instead of retrying it', async () => {
    serve({});
    const { deps, ledger } = makeDeps();
    const event = sqsEvent([notification('incoming/vacancies/hilang.csv', 10)]);
    expect(await makeIngestHandler(deps)(event, context)).toEqual({ batchItemFailures: [] });
    expect(writtenReports().get('reports/incoming/vacancies/hilang.csv.report.json')).toMatchObject({
      status: 'rejected_file',
      rejected: [{ field: 'file' }],
    });
    expect((await ledger.get('uploads', 'incoming/vacancies/hilang.csv'))?.status).toBe('done');
  });

  it('skips duplicates and older uploads, and retries an upload another run holds', async () => {
    const bytes = csv([VACANCY_HEADER, vacancyLine('V-1')]);
    serve({ 'incoming/vacancies/v.csv': bytes });
    const { deps, ledger, advance } = makeDeps();
    const handler = makeIngestHandler(deps);
    const newer = notification('incoming/vacancies/v.csv', bytes.byteLength, '0B');
    await handler(sqsEvent([newer]), context);
    expect(
      await handler(sqsEvent([newer, notification('incoming/vacancies/v.csv', 10, '0A')]), context),
    ).toEqual({
      batchItemFailures: [],
    });
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(1);
    await ledger.claim(
      { bucket: 'uploads', key: 'incoming/vacancies/v.csv', sequencer: '0C' },
      { now: 0, leaseMs: 1e15 },
    );
    const held = await handler(sqsEvent([notification('incoming/vacancies/v.csv', 10, '0C')]), context);
    expect(held).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }] });
    advance(1);
  });
});

describe('ingest handler with injected AWS failures', () => {
  const slowDown = () =>
    Object.assign(new Error('Please reduce your request rate.'), {
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });

  it('S3 throttling on every attempt fails that record only; a later delivery finishes it', async () => {
    const good = csv([VACANCY_HEADER, vacancyLine('V-1')]);
    s3Mock.on(PutObjectCommand).resolves({});
    s3Mock.on(GetObjectCommand, { Key: 'incoming/vacancies/a.csv' }).rejects(slowDown());
    s3Mock
      .on(GetObjectCommand, { Key: 'incoming/vacancies/b.csv' })
      .callsFake(() => ({ Body: Readable.from([Buffer.from(good)]) }));
    const { deps, ledger, advance } = makeDeps();
    const handler = makeIngestHandler(deps);
    const event = sqsEvent([
      notification('incoming/vacancies/a.csv', 10),
      notification('incoming/vacancies/b.csv', 10),
    ]);
    expect(await handler(event, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }] });
    expect((await ledger.get('uploads', 'incoming/vacancies/a.csv'))?.status).toBe('processing');
    expect((await ledger.get('uploads', 'incoming/vacancies/b.csv'))?.status).toBe('done');
    s3Mock
      .on(GetObjectCommand, { Key: 'incoming/vacancies/a.csv' })
      .callsFake(() => ({ Body: Readable.from([Buffer.from(good)]) }));
    expect(await handler(sqsEvent([notification('incoming/vacancies/a.csv', 10)]), context)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-0' }],
    });
    advance(60_001);
    expect(await handler(sqsEvent([notification('incoming/vacancies/a.csv', 10)]), context)).toEqual({
      batchItemFailures: [],
    });
    expect((await ledger.get('uploads', 'incoming/vacancies/a.csv'))?.status).toBe('done');
  });

  it('DynamoDB throttling on every attempt fails that record only', async () => {
    serve({ 'incoming/vacancies/b.csv': csv([VACANCY_HEADER, vacancyLine('V-1')]) });
    const throttled = new ProvisionedThroughputExceededException({ message: 'throttled', $metadata: {} });
    documentMock.on(PutCommand).resolves({});
    documentMock.on(PutCommand, { Item: { pk: 'OBJ#uploads/incoming/vacancies/a.csv' } }).rejects(throttled);
    documentMock.on(UpdateCommand).resolves({});
    const ledger = new DynamoUploadLedger<LedgerSummary>({ client: new DynamoDBClient({}), tableName: 't' });
    const { deps } = makeDeps({ ledger });
    const event = sqsEvent([
      notification('incoming/vacancies/a.csv', 10),
      notification('incoming/vacancies/b.csv', 10),
    ]);
    expect(await makeIngestHandler(deps)(event, context)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-0' }],
    });
    expect(writtenReports().has('reports/incoming/vacancies/b.csv.report.json')).toBe(true);
    expect(writtenReports().has('reports/incoming/vacancies/a.csv.report.json')).toBe(false);
  });

  it('loses nothing when DynamoDB leaves items unprocessed', async () => {
    const records = Array.from({ length: 30 }, (_, i) => assessment(`Y-${String(i).padStart(2, '0')}`));
    serve({ 'incoming/assessments/a.jsonl': jsonl(records) });
    documentMock.on(BatchGetCommand).resolves({ Responses: { t: [] } });
    let calls = 0;
    const stored = new Set<string>();
    documentMock
      .on(BatchWriteCommand)
      .callsFake((input: { RequestItems: Record<string, { PutRequest: { Item: { pk: string } } }[]> }) => {
        const requests = input.RequestItems['t']!;
        calls++;
        const [kept, left] = calls % 2 === 1 ? [requests.slice(0, 3), requests.slice(3)] : [requests, []];
        for (const r of kept) stored.add(r.PutRequest.Item.pk);
        return left.length > 0 ? { UnprocessedItems: { t: left } } : {};
      });
    const { deps } = makeDeps();
    deps.pipeline.youth = new DynamoYouthRepository({
      client: new DynamoDBClient({}),
      tableName: 't',
      retry: { sleep: async () => {} },
    });
    const event = sqsEvent([notification('incoming/assessments/a.jsonl', 10)]);
    expect(await makeIngestHandler(deps)(event, context)).toEqual({ batchItemFailures: [] });
    expect(stored.size).toBe(30);
    expect(writtenReports().get('reports/incoming/assessments/a.jsonl.report.json')?.counts).toMatchObject({
      accepted: 30,
      stored: 30,
    });
  });
});
