/**
 * Raw rows in, records and issues out. Nothing is lost: a valid row becomes a record, an invalid
 * row is reported with every problem it has, and a column nobody asked for is reported once.
 */
import type { z } from 'zod';
import type { Issue } from '../domain/errors.ts';
import type { RecordKind } from '../domain/records.ts';
import { assessmentSchema, nestFlatAssessment } from './assessment.ts';
import { identifier } from './cells.ts';
import { withoutAbsent } from './fields.ts';
import { type ColumnMap, normalizeHeader, resolveColumns } from './headers.ts';
import { trainingSchema } from './training.ts';
import type { ParseContext, ParseResult, RawRow, RawRowSource, RecordOf } from './types.ts';
import { vacancySchema } from './vacancy.ts';

const ID_FIELD: Record<RecordKind, string> = {
  vacancies: 'vacancy_id',
  trainings: 'training_id',
  assessments: 'youth_id',
};

function schemaFor<K extends RecordKind>(kind: K, ctx: ParseContext): z.ZodType<RecordOf[K]> {
  const schemas: { [Kind in RecordKind]: () => z.ZodType<RecordOf[Kind]> } = {
    vacancies: () => vacancySchema(ctx),
    trainings: () => trainingSchema(ctx),
    assessments: () => assessmentSchema(ctx),
  };
  return schemas[kind]();
}

export interface RowResult<R> {
  record?: R;
  /** This row's issues, or the file-level issue that made the file unreadable. */
  rejected: Issue[];
  /** Newly found warnings (each unknown column once per file). */
  warnings: Issue[];
}

export interface RecordParser<R> {
  parseRow(raw: RawRow): RowResult<R>;
  /** Set once a file-level issue (duplicate headers) means no further row can be read safely. */
  readonly unreadable: boolean;
}

/** JSON rows may differ in their keys; a small cache covers files where they do without growing. */
const COLUMN_CACHE_LIMIT = 64;

/**
 * A parser that keeps the state a file needs across rows (ids seen, columns reported), so rows can
 * be streamed through it without holding the file in memory.
 */
export function createRecordParser<K extends RecordKind>(
  kind: K,
  ctx: ParseContext,
): RecordParser<RecordOf[K]> {
  const schema = schemaFor(kind, ctx);
  const idField = ID_FIELD[kind];
  const columnCache = new Map<string, ColumnMap>();
  const reportedColumns = new Set<string>();
  const firstRowOfId = new Map<string, number>();
  let unreadable = false;

  function columnsOf(headers: string[]): ColumnMap {
    const signature = headers.join('\u0000');
    let map = columnCache.get(signature);
    if (map === undefined) {
      if (columnCache.size >= COLUMN_CACHE_LIMIT) columnCache.clear();
      map = resolveColumns(kind, headers);
      columnCache.set(signature, map);
    }
    return map;
  }

  function unknownColumnWarnings(map: ColumnMap): Issue[] {
    const warnings: Issue[] = [];
    for (const header of map.unknown) {
      const name = normalizeHeader(header);
      if (reportedColumns.has(name)) continue;
      reportedColumns.add(name);
      warnings.push({
        file: ctx.file,
        field: header,
        reason: `unknown column for ${kind}; its values are not read (see docs/formats.md for the columns and aliases)`,
      });
    }
    return warnings;
  }

  function parseRow(raw: RawRow): RowResult<RecordOf[K]> {
    if (unreadable) return { rejected: [], warnings: [] };
    const map = columnsOf(Object.keys(raw.values));
    if (map.duplicates.length > 0) {
      unreadable = true;
      return {
        rejected: map.duplicates.map(({ headers: [first, second], field }) => ({
          file: ctx.file,
          field,
          reason: `columns "${first}" and "${second}" both mean ${field}; remove or rename one, the file cannot be read until then`,
        })),
        warnings: [],
      };
    }
    const warnings = unknownColumnWarnings(map);
    let fields: Record<string, unknown> = {};
    for (const [header, field] of map.columns) fields[field] = raw.values[header];
    const conflicts: string[] = [];
    if (kind === 'assessments') {
      const nested = nestFlatAssessment(fields);
      fields = nested.nested;
      conflicts.push(...nested.conflicts);
    }
    const id = identifier(fields[idField]);
    const recordId = id.ok ? id.value : undefined;
    const at = { file: ctx.file, row: raw.row, ...(recordId !== undefined && { record: recordId }) };
    const rejected: Issue[] = conflicts.map((field) => ({
      ...at,
      field,
      reason: `given both as ${field} and as separate columns; use one of the two`,
    }));
    const result = schema.safeParse(fields);
    if (!result.success) {
      for (const issue of result.error.issues) {
        rejected.push({ ...at, field: issue.path.map(String).join('.') || idField, reason: issue.message });
      }
    }
    if (recordId !== undefined) {
      const firstRow = firstRowOfId.get(recordId);
      if (firstRow !== undefined) {
        rejected.push({
          ...at,
          field: idField,
          reason: `duplicate ${idField} ${recordId}, first at row ${firstRow}`,
        });
      } else firstRowOfId.set(recordId, raw.row);
    }
    if (rejected.length > 0 || !result.success) return { rejected, warnings };
    return { record: withoutAbsent(result.data), rejected, warnings };
  }

  return {
    parseRow,
    get unreadable() {
      return unreadable;
    },
  };
}

/** Parses a whole file's rows; stops at a file-level issue, since no later row could be trusted. */
export function parseRecords<K extends RecordKind>(
  kind: K,
  rows: Iterable<RawRow>,
  ctx: ParseContext,
): ParseResult<RecordOf[K]> {
  const parser = createRecordParser(kind, ctx);
  const result: ParseResult<RecordOf[K]> = { records: [], rejected: [], warnings: [] };
  for (const raw of rows) {
    const { record, rejected, warnings } = parser.parseRow(raw);
    if (record !== undefined) result.records.push(record);
    result.rejected.push(...rejected);
    result.warnings.push(...warnings);
    if (parser.unreadable) break;
  }
  return result;
}

/** What a streamed file leaves behind besides its records. */
export interface StreamParseResult {
  /** Data rows the reader handed over (rows it could not split are in `readerIssues`). */
  rowsRead: number;
  /** Parser and reader issues: file-level first, then by row. */
  rejected: Issue[];
  /** The reader's warnings first, then the parser's. */
  warnings: Issue[];
  readerIssues: readonly Issue[];
}

/**
 * Parses rows as the reader streams them, handing each record to `onRecord` with its row, so no
 * caller holds the rows; stops at a file-level issue, since no later row could be trusted.
 */
export async function parseRowStream<K extends RecordKind>(
  kind: K,
  rows: RawRowSource,
  ctx: ParseContext,
  onRecord: (record: RecordOf[K], row: number) => void,
): Promise<StreamParseResult> {
  const parser = createRecordParser(kind, ctx);
  const rejected: Issue[] = [];
  const warnings: Issue[] = [];
  let rowsRead = 0;
  for await (const raw of rows) {
    rowsRead++;
    const parsed = parser.parseRow(raw);
    rejected.push(...parsed.rejected);
    warnings.push(...parsed.warnings);
    if (parsed.record !== undefined) onRecord(parsed.record, raw.row);
    if (parser.unreadable) break;
  }
  rejected.push(...rows.issues);
  rejected.sort(byRow);
  return { rowsRead, rejected, warnings: [...rows.warnings, ...warnings], readerIssues: rows.issues };
}

/** File-level issues (no row) first, then by row; the sort is stable, so a row keeps its order. */
export function byRow(a: { row?: number }, b: { row?: number }): number {
  return (a.row ?? 0) - (b.row ?? 0);
}
