/**
 * Writing reports: the full processing report as JSON next to the upload in S3
 * (`reports/<key>.report.json`), a size-bounded copy in the table for the API, and the nightly
 * fairness audit (`reports/audits/<asOf>.json`). Uploads themselves are never written or deleted.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Issue } from '#core/domain/errors';
import { REPORTS_PREFIX } from '#core/domain/uploads';
import type { ReportRepository, ReportWriter } from '#core/ports';
import type { ProcessingReport } from '#core/usecases/report';
import { auditReportKey } from '#core/usecases/upload-key';
import { reportKeyFor } from '#functions/shared/report-key';

/** The table copy stays well under the 350 KB item budget of the storage adapters. */
export const TABLE_REPORT_BYTES = 300 * 1024;
/** docs/data-model.md: at most the first 1,000 rejected rows in the table copy. */
export const TABLE_REJECTED_LIMIT = 1_000;

export interface TableReport extends ProcessingReport {
  /** Issues left out of the table copy; the S3 report has them all. */
  truncated?: { rejected: number; warnings: number };
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** The first issues that fit, halving the lists until the whole report fits the budget. */
export function reportTableCopy(report: ProcessingReport, budget = TABLE_REPORT_BYTES): TableReport {
  let rejectedLimit = Math.min(report.rejected.length, TABLE_REJECTED_LIMIT);
  let warningsLimit = Math.min(report.warnings.length, TABLE_REJECTED_LIMIT);
  for (;;) {
    const copy = trimmed(report, rejectedLimit, warningsLimit);
    if (bytes(copy) <= budget || (rejectedLimit === 0 && warningsLimit === 0)) return copy;
    rejectedLimit = Math.floor(rejectedLimit / 2);
    warningsLimit = Math.floor(warningsLimit / 2);
  }
}

function trimmed(report: ProcessingReport, rejectedLimit: number, warningsLimit: number): TableReport {
  const left = {
    rejected: report.rejected.length - rejectedLimit,
    warnings: report.warnings.length - warningsLimit,
  };
  const keep = (issues: Issue[], limit: number) => (limit >= issues.length ? issues : issues.slice(0, limit));
  return {
    ...report,
    rejected: keep(report.rejected, rejectedLimit),
    warnings: keep(report.warnings, warningsLimit),
    ...((left.rejected > 0 || left.warnings > 0) && { truncated: left }),
  };
}

async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  if (!key.startsWith(REPORTS_PREFIX)) throw new RangeError('reports are written under reports/ only');
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value, null, 2),
      ContentType: 'application/json; charset=utf-8',
    }),
  );
}

export function createReportWriter(deps: {
  s3: S3Client;
  bucket: string;
  reports?: ReportRepository<TableReport>;
}): ReportWriter {
  return {
    async writeUploadReport(report) {
      const key = reportKeyFor(report.upload.key);
      await putJson(deps.s3, deps.bucket, key, report);
      await deps.reports?.put({
        uploadId: report.uploadId,
        ownerId: report.ownerId,
        kind: report.upload.kind,
        bucket: report.upload.bucket,
        key: report.upload.key,
        createdAt: report.processedAt,
        report: reportTableCopy(report),
      });
      return key;
    },
    async writeAudit(audit) {
      const key = auditReportKey(audit.asOf);
      await putJson(deps.s3, deps.bucket, key, audit);
      return key;
    },
  };
}
