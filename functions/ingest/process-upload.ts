/**
 * One uploaded object, exactly once in effect: claim it in the upload ledger, check it before
 * reading (key layout, size, format), stream it through the ingest use case, write its report and
 * mark the claim done. A file that can never be read ends with a report; failures that a retry can
 * fix (throttling, network, 5xx, a claim held by a live run) are thrown so the message is retried.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { ConflictError, type Issue, ValidationError } from '#core/domain/errors';
import type { ReportWriter, S3ObjectRef, UploadLedger } from '#core/ports';
import { type IngestDeps, ingestUpload, uploadIdentity } from '#core/usecases/ingest-upload';
import {
  fileRejectedReport,
  type LedgerSummary,
  ledgerSummary,
  type ProcessingReport,
  type UploadDescriptor,
} from '#core/usecases/report';
import { ObjectGoneError, openObject } from '#functions/adapters/s3/objects';
import { detectFormat, type FileFormat, UnsupportedFileFormatError } from '#functions/shared/files/format';
import { readRawRows } from '#functions/shared/files/read';
import { programmeDate } from '#functions/shared/programme-date';
import { type UploadedObject, uploadKind } from '#functions/shared/s3-events';

export interface UploadProcessingDeps {
  s3: S3Client;
  ledger: UploadLedger<LedgerSummary>;
  reports: ReportWriter;
  pipeline: IngestDeps;
  maxUploadBytes: number;
  ledgerLeaseMs: number;
}

/** Another run holds a live claim on this upload; the message comes back after the visibility timeout. */
class UploadInProgressError extends Error {
  override name = 'UploadInProgressError';
}

export type UploadOutcome =
  | { outcome: 'not-an-upload' | 'duplicate' | 'stale' }
  | { outcome: 'done' | 'superseded'; report: ProcessingReport };

/**
 * S3 puts a sequencer on every object-created event; should one ever lack it, the event time in
 * milliseconds (as hex) still orders uploads of a key, only less finely.
 */
function sequencerOf(upload: UploadedObject): string {
  return upload.sequencer ?? Date.parse(upload.eventTime).toString(16).toUpperCase();
}

function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

function megabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1);
}

async function buildReport(
  upload: UploadedObject,
  descriptor: UploadDescriptor,
  deps: UploadProcessingDeps,
): Promise<ProcessingReport> {
  const now = deps.pipeline.now();
  const asOf = programmeDate(now);
  const processedAt = new Date(now).toISOString();
  const file = fileNameOf(upload.key);
  const identity = uploadIdentity(upload.key);
  const rejectFile = (issues: readonly Issue[]) =>
    fileRejectedReport({
      upload: descriptor,
      uploadId: identity.uploadId,
      ownerId: identity.ownerId,
      asOf,
      processedAt,
      issues: issues.map((issue) => ({ file, ...issue })),
    });
  if (identity.issues.length > 0) return rejectFile(identity.issues);
  if (upload.size > deps.maxUploadBytes) {
    return rejectFile([
      {
        field: 'size',
        reason: `the file is ${megabytes(upload.size)} MB, over the ${megabytes(deps.maxUploadBytes)} MB limit; split it into smaller files`,
      },
    ]);
  }
  let format: FileFormat;
  try {
    format = detectFormat(upload.key);
  } catch (error) {
    if (error instanceof UnsupportedFileFormatError)
      return rejectFile([{ field: 'format', reason: error.message }]);
    throw error;
  }
  let body: Awaited<ReturnType<typeof openObject>>;
  try {
    body = await openObject(deps.s3, descriptor);
  } catch (error) {
    if (error instanceof ObjectGoneError) {
      return rejectFile([
        { field: 'file', reason: 'the file was deleted before it could be read; upload it again' },
      ]);
    }
    throw error;
  }
  try {
    return await ingestUpload(
      {
        upload: descriptor,
        openRows: () => readRawRows(body, { format, file }),
        file,
        version: Date.parse(upload.eventTime),
        asOf,
        processedAt,
      },
      deps.pipeline,
    );
  } catch (error) {
    // Storage refusing a record for good (e.g. over the item budget) will refuse it on every retry.
    if (error instanceof ValidationError) return rejectFile(error.issues);
    throw error;
  } finally {
    body.close();
  }
}

export async function processUpload(
  upload: UploadedObject,
  deps: UploadProcessingDeps,
): Promise<UploadOutcome> {
  const kind = uploadKind(upload.key);
  if (kind === undefined) return { outcome: 'not-an-upload' };
  const sequencer = sequencerOf(upload);
  const ref: S3ObjectRef = {
    bucket: upload.bucket,
    key: upload.key,
    sequencer,
    ...(upload.versionId !== undefined && { versionId: upload.versionId }),
    ...(upload.eTag !== undefined && { eTag: upload.eTag }),
  };
  const claim = await deps.ledger.claim(ref, { now: deps.pipeline.now(), leaseMs: deps.ledgerLeaseMs });
  if (claim === 'duplicate' || claim === 'stale') return { outcome: claim };
  if (claim === 'in_progress') throw new UploadInProgressError('another run is processing this upload');
  const descriptor: UploadDescriptor = { ...ref, size: upload.size, kind };
  const report = await buildReport(upload, descriptor, deps);
  const reportKey = await deps.reports.writeUploadReport(report);
  try {
    await deps.ledger.complete(ref, ledgerSummary(report, reportKey), deps.pipeline.now());
  } catch (error) {
    // A newer upload of the key took over meanwhile; its own run writes the final state.
    if (error instanceof ConflictError) return { outcome: 'superseded', report };
    throw error;
  }
  return { outcome: 'done', report };
}
