/**
 * The processing report every upload gets. It names rows, fields and reasons, never a cell value
 * that could be personal (no NIK, name, birth date or disability field is copied into it).
 */
import type { Issue } from '../domain/errors.ts';
import type { GenderRequirement, RecordKind } from '../domain/records.ts';

export interface UploadDescriptor {
  bucket: string;
  key: string;
  versionId?: string;
  sequencer: string;
  size: number;
  kind: RecordKind;
}

export type ReportStatus = 'processed' | 'rejected_file';

export interface ReportCounts {
  /** Data rows found in the file, including rows the reader could not turn into cells. */
  rows: number;
  /** Rows that became a record and passed every check (scoring, owner scope, NIK). */
  accepted: number;
  /** Rows refused; one row may have several issues in `rejected`. */
  rejected: number;
  warnings: number;
  /** Records written; an accepted record is not written when a newer version is stored (`stale`). */
  stored: number;
  stale: number;
}

export interface GenderRequirementReviewItem {
  vacancy_id: string;
  employer_id: string;
  requirement: Exclude<GenderRequirement, 'any'>;
}

export interface MatchingCounts {
  youthRematched: number;
  setsWritten: number;
  setsUnchanged: number;
}

export interface ReportTimings {
  /** Reading, parsing, scoring and profile building (they are streamed together). */
  parseMs: number;
  storeMs: number;
  matchMs: number;
  totalMs: number;
}

export interface ProcessingReport {
  uploadId: string;
  /** `EMPLOYER#<id>`, `PROVIDER#<id>` or `PROGRAMME`. */
  ownerId: string;
  upload: UploadDescriptor;
  status: ReportStatus;
  /** Programme date the opportunities were judged open on. */
  asOf: string;
  /** ISO date-time the report was made. */
  processedAt: string;
  counts: ReportCounts;
  rejected: Issue[];
  warnings: Issue[];
  review: { genderRequirement: GenderRequirementReviewItem[] };
  matching: MatchingCounts;
  timings: ReportTimings;
}

/** What the upload ledger keeps about a finished upload: enough to answer "was it done, how". */
export interface LedgerSummary {
  uploadId: string;
  status: ReportStatus;
  counts: ReportCounts;
  matching: MatchingCounts;
  reportKey: string;
}

export const NO_MATCHING: MatchingCounts = { youthRematched: 0, setsWritten: 0, setsUnchanged: 0 };

export function emptyCounts(): ReportCounts {
  return { rows: 0, accepted: 0, rejected: 0, warnings: 0, stored: 0, stale: 0 };
}

export interface FileRejection {
  upload: UploadDescriptor;
  uploadId: string;
  ownerId: string;
  asOf: string;
  processedAt: string;
  issues: Issue[];
}

/** A report for a file that was not read at all (too large, unsupported format, gone, bad key). */
export function fileRejectedReport(input: FileRejection): ProcessingReport {
  return {
    uploadId: input.uploadId,
    ownerId: input.ownerId,
    upload: input.upload,
    status: 'rejected_file',
    asOf: input.asOf,
    processedAt: input.processedAt,
    counts: emptyCounts(),
    rejected: input.issues,
    warnings: [],
    review: { genderRequirement: [] },
    matching: { ...NO_MATCHING },
    timings: { parseMs: 0, storeMs: 0, matchMs: 0, totalMs: 0 },
  };
}

export function ledgerSummary(report: ProcessingReport, reportKey: string): LedgerSummary {
  return {
    uploadId: report.uploadId,
    status: report.status,
    counts: report.counts,
    matching: report.matching,
    reportKey,
  };
}
