/**
 * What the file readers hand to the record parsers: one row of cells keyed by the header as
 * written in the file, with the row number a person would look for in the file.
 */
import type { Issue } from '../domain/errors.ts';
import type { AssessmentRecord, TrainingOffer, Vacancy } from '../domain/records.ts';

export interface RawRow {
  /** Spreadsheet row (header = row 1), JSONL line number, or JSON array index + 1. */
  row: number;
  /** Cells keyed by the header as written; strings, numbers, booleans, Dates, or nested JSON values. */
  values: Record<string, unknown>;
}

/** Rows as a file reader streams them; its own issues are complete once iteration ends. */
export interface RawRowSource extends AsyncIterable<RawRow> {
  readonly issues: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export interface RecordOf {
  vacancies: Vacancy;
  trainings: TrainingOffer;
  assessments: AssessmentRecord;
}

export interface ParseContext {
  /** Named in every issue. */
  file: string;
  /** Exact check of a BPS district code; without it any 33xx code of Central Java passes. */
  isKnownDistrict?: (code: string) => boolean;
}

export interface ParseResult<R> {
  records: R[];
  /** Rows that produced no record (one issue per problem), and file-level issues (no row). */
  rejected: Issue[];
  /** Nothing was lost, but a person should look: e.g. unknown columns, ignored once per file. */
  warnings: Issue[];
}
