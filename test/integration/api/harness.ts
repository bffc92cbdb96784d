/**
 * The API against the emulators over real HTTP: dynalite for the table, s3rver for the bucket, the
 * production composition root (`createApiDeps`) with the emulators' clients, and events built by
 * the local API server's own event builder, so tests see exactly what the function sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import type { Principal } from '#core/access/principal';
import { auditReportKey } from '#core/usecases/upload-key';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { DynamoRecommendationRepository } from '#functions/adapters/dynamodb/recommendations';
import { DynamoReportRepository } from '#functions/adapters/dynamodb/reports';
import { DynamoYouthRepository } from '#functions/adapters/dynamodb/youth';
import { type ApiHandler, makeApiHandler } from '#functions/api/app';
import { readApiConfig } from '#functions/api/config';
import { createApiDeps } from '#functions/api/deps';
import type { ApiDeps } from '#functions/api/route';
import { buildEvent } from '#infra/local/api-server';
import { authorizerClaims } from '#infra/local/auth/jwt';
import {
  ensureTable,
  type RunningDynamo,
  type RunningS3,
  startDynamo,
  startS3,
} from '#infra/local/emulators';
import {
  KENDAL,
  NOW,
  PRINCIPALS,
  type PrincipalName,
  processedReport,
  recommendationSet,
  SEMARANG,
  storedTraining,
  storedVacancy,
  storedYouth,
} from './fixtures.ts';

export const BUCKET = 'sinergi-uploads';
export const TEST_ENV = {
  TABLE_NAME: 'sinergi-api',
  UPLOADS_BUCKET: BUCKET,
  STAGE: 'test',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  NIK_KEY: 'a-local-nik-key-of-at-least-32-characters',
  PILOT_DISTRICTS: `${SEMARANG},${KENDAL}`,
  MAX_UPLOAD_BYTES: '1048576',
};

/** Response bodies as tests read them; the assertions that read a field are its type check. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are JSON of many shapes, checked by the assertions
export type JsonBody = any;

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: JsonBody;
  text: string;
  /** The body as sent: base64 bodies (files) decoded. */
  bytes: Buffer;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The caller's network address as API Gateway reports it. */
  sourceIp?: string;
}

export interface ApiStack {
  deps: ApiDeps;
  handler: ApiHandler;
  dynamo: RunningDynamo;
  s3: RunningS3;
  tableName: string;
  clock: { now: number };
  call(
    who: PrincipalName | Principal | undefined,
    method: string,
    target: string,
    options?: CallOptions,
  ): Promise<ApiResponse>;
}

export function claimsOf(principal: Principal): Record<string, string> {
  return authorizerClaims({
    sub: principal.subject,
    iss: 'sinergi-local',
    aud: 'sinergi-local-api',
    token_use: 'id',
    'cognito:groups': [principal.role],
    ...(principal.districts.length > 0 && { 'custom:districts': principal.districts.join(',') }),
    ...(principal.employerId && { 'custom:employer_id': principal.employerId }),
    ...(principal.providerId && { 'custom:provider_id': principal.providerId }),
  });
}

/** The seeded programme: see fixtures.ts for the records. */
export async function seedProgramme(deps: {
  client: RunningDynamo['client'];
  tableName: string;
}): Promise<void> {
  const table = { client: deps.client, tableName: deps.tableName };
  const youth = new DynamoYouthRepository(table);
  await youth.putMany([
    storedYouth('Y-S1', SEMARANG),
    storedYouth('Y-S2', SEMARANG, ['welding']),
    storedYouth('Y-S3', SEMARANG),
    storedYouth('Y-K1', KENDAL),
  ]);
  await new DynamoOpportunityRepository(table).putMany([
    storedVacancy('V-1', 'E1', SEMARANG),
    storedVacancy('V-2', 'E2', KENDAL),
    storedTraining('T-1', 'P1', SEMARANG),
  ]);
  await new DynamoRecommendationRepository(table).writeSets([
    recommendationSet(
      'Y-S1',
      [
        ['V-1', 0.9],
        ['V-2', 0.5],
      ],
      [['T-1', 0.7]],
    ),
    recommendationSet('Y-S2', [['V-1', 0.8]]),
    recommendationSet('Y-K1', [
      ['V-1', 0.85],
      ['V-2', 0.6],
    ]),
  ]);
  const reports = new DynamoReportRepository(table);
  await reports.put(processedReport('U-E1', 'EMPLOYER#E1', 'vacancies'));
  await reports.put(processedReport('U-P1', 'PROVIDER#P1', 'trainings'));
}

/** A fairness audit where the nightly audit step stores it. */
export async function storeAudit(
  stack: ApiStack,
  audit: { asOf: string; [field: string]: unknown },
): Promise<void> {
  await stack.s3.client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: auditReportKey(audit.asOf),
      Body: JSON.stringify(audit),
      ContentType: 'application/json',
    }),
  );
}

export function useApiStack(options: { seed?: boolean; env?: Record<string, string> } = {}): () => ApiStack {
  let stack: ApiStack | undefined;
  let directory: string | undefined;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sinergi-api-'));
    const dynamo = await startDynamo();
    const s3 = await startS3({ directory, buckets: [BUCKET] });
    const env = { ...TEST_ENV, ...options.env };
    await ensureTable(dynamo.client, env.TABLE_NAME);
    const clock = { now: NOW };
    let ids = 0;
    const deps = await createApiDeps(readApiConfig(env), {
      dynamodb: dynamo.client,
      s3: s3.client,
      now: () => clock.now,
      newId: () => `id-${String(++ids).padStart(4, '0')}`,
    });
    if (options.seed !== false) await seedProgramme({ client: dynamo.client, tableName: env.TABLE_NAME });
    const handler = makeApiHandler(deps);
    const call: ApiStack['call'] = async (who, method, target, callOptions = {}) => {
      const principal = typeof who === 'string' ? PRINCIPALS[who] : who;
      const q = target.indexOf('?');
      const rawBody =
        callOptions.rawBody ??
        (callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body));
      const headers: Record<string, string> = {
        host: 'api.local',
        ...(rawBody !== undefined && { 'content-type': 'application/json' }),
        ...callOptions.headers,
      };
      const event = buildEvent({
        request: {
          method,
          rawPath: q < 0 ? target : target.slice(0, q),
          rawQueryString: q < 0 ? '' : target.slice(q + 1),
          headers,
          cookies: [],
          body: Buffer.from(rawBody ?? '', 'utf8'),
          sourceIp: callOptions.sourceIp ?? '127.0.0.1',
        },
        routeKey: target.startsWith('/v1/health') ? 'GET /v1/health' : 'ANY /v1/{proxy+}',
        ...(principal && { claims: claimsOf(principal) }),
        now: clock.now,
        requestId: 'req-test',
      });
      const result = await handler(event, {
        awsRequestId: 'lambda-req',
        functionName: 'sinergi-api-test',
        getRemainingTimeInMillis: () => 15_000,
      } as never);
      const raw = result.body ?? '';
      const responseHeaders = (result.headers ?? {}) as Record<string, string>;
      const bytes = Buffer.from(raw, result.isBase64Encoded ? 'base64' : 'utf8');
      const text = bytes.toString('utf8');
      const isJson = String(responseHeaders['content-type'] ?? '').startsWith('application/json');
      return {
        status: result.statusCode ?? 200,
        headers: responseHeaders,
        text,
        bytes,
        body: text === '' || !isJson ? undefined : JSON.parse(text),
      };
    };
    stack = { deps, handler, dynamo, s3, tableName: env.TABLE_NAME, clock, call };
  });
  afterAll(async () => {
    await stack?.s3.close();
    await stack?.dynamo.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  return () => {
    if (!stack) throw new Error('the API stack is not running');
    return stack;
  };
}
