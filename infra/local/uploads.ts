/**
 * Putting files into the local stack's bucket as people and the API do, and waiting for the
 * processing report the pipeline writes next to each upload.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RecordKind } from '#core/domain/records';
import { incomingPrefix } from '#core/domain/uploads';
import type { ProcessingReport } from '#core/usecases/report';
import { uploadKey } from '#core/usecases/upload-key';
import { reportKeyFor } from '#functions/shared/report-key';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Where a file goes (docs/operations.md, upload key layout): with an owner, the API layout
 * `incoming/<kind>/<ownerId>/<uploadId>/<file>`; without, the programme staff layout
 * `incoming/<kind>/<file>`, where a later file of the same name replaces the earlier one.
 */
export function localUploadKey(
  kind: RecordKind,
  filePath: string,
  options: { ownerId?: string; uploadId?: string } = {},
): string {
  const fileName = basename(filePath);
  if (options.ownerId === undefined) return `${incomingPrefix(kind)}${fileName}`;
  return uploadKey(kind, options.ownerId, options.uploadId ?? 'local-upload', fileName);
}

export async function putUploadFile(
  s3: S3Client,
  bucket: string,
  key: string,
  filePath: string,
): Promise<{ size: number }> {
  const { size } = await stat(filePath);
  const extension = filePath.slice(filePath.lastIndexOf('.') + 1).toLowerCase();
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(filePath),
      ContentLength: size,
      ContentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    }),
  );
  return { size };
}

export class ReportTimeoutError extends Error {
  override name = 'ReportTimeoutError';
}

export interface WaitOptions {
  timeoutMs: number;
  pollMs?: number;
  /** Reports made before this instant (ms) belong to an earlier upload of the same key. */
  notBefore: number;
  now?: () => number;
}

async function readReport(s3: S3Client, bucket: string, key: string): Promise<ProcessingReport | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const text = await out.Body?.transformToString('utf-8');
    return text === undefined ? undefined : (JSON.parse(text) as ProcessingReport);
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    // A report read while another writer replaces it may be cut short: read it again next round.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Polls `reports/<key>.report.json` until a report of this upload is there. */
export async function waitForReport(
  s3: S3Client,
  bucket: string,
  uploadKeyValue: string,
  options: WaitOptions,
): Promise<ProcessingReport> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const key = reportKeyFor(uploadKeyValue);
  for (;;) {
    const report = await readReport(s3, bucket, key);
    if (report && Date.parse(report.processedAt) >= options.notBefore) return report;
    if (now() >= deadline) {
      throw new ReportTimeoutError(
        `no report at s3://${bucket}/${key} after ${Math.round(options.timeoutMs / 1000)} s`,
      );
    }
    await sleep(options.pollMs ?? 250);
  }
}
