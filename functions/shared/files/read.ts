/**
 * Uploaded files to raw rows, streamed: a row is handed on as soon as it is read, so memory stays
 * bounded by the longest row, not the file. Problems the reader finds are collected as issues:
 * file-level ones (no row) mean the file, or the rest of it, could not be read; row-level ones
 * name a row that could not be turned into cells.
 */
import type { Issue } from '#core/domain/errors';
import type { RawRow } from '#core/records/types';
import { CsvParser, CsvSyntaxError } from './csv.ts';
import type { FileFormat } from './format.ts';
import { type JsonChunk, JsonShapeError, jsonArrayElements, jsonLines } from './json.ts';
import { type ByteSource, decodeUtf8, NotUtf8Error } from './text.ts';
import { columnLetter, type FlatCell, WorkbookUnreadableError, worksheetRows } from './xlsx.ts';

/** Above the programme's largest expected file (16,000 assessments) with room; a cap, not a target. */
const DEFAULT_MAX_ROWS = 200_000;

export interface ReadOptions {
  format: FileFormat;
  /** Named in every issue. */
  file: string;
  /** Rows after this many data rows are not read; the file gets a file-level issue. */
  maxRows?: number;
}

/** Rows of one file. Iterate once; `issues` and `warnings` are complete when iteration ends. */
export interface RawRowStream extends AsyncIterable<RawRow> {
  readonly issues: Issue[];
  readonly warnings: Issue[];
}

interface Report {
  file: string;
  issue(field: string, reason: string, row?: number): void;
  warn(field: string, reason: string, row?: number): void;
}

type Reader = (source: ByteSource, report: Report) => AsyncGenerator<RawRow>;

function isBlankCell(cell: FlatCell): boolean {
  return typeof cell === 'string' && cell.trim() === '';
}

/**
 * Header cells to keys. Exact repeats cannot both live in one row object, so they stop the read
 * here; headers that differ only in spelling are left to the record parser, which knows aliases.
 */
function headerKeys(
  cells: readonly FlatCell[],
  columnName: (i: number) => string,
  report: Report,
): string[] | undefined {
  const keys = cells.map((cell) =>
    cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim(),
  );
  const firstAt = new Map<string, number>();
  let duplicated = false;
  keys.forEach((key, i) => {
    if (key === '') return;
    const first = firstAt.get(key);
    if (first === undefined) {
      firstAt.set(key, i);
      return;
    }
    duplicated = true;
    report.issue(
      'header',
      `columns ${columnName(first)} and ${columnName(i)} are both named "${key}"; remove or rename one, the file cannot be read until then`,
    );
  });
  return duplicated ? undefined : keys;
}

/** Own properties for every header, "__proto__" included (an assignment would set the prototype). */
function rowValues(keys: readonly string[], cells: readonly FlatCell[]): Record<string, unknown> {
  return Object.fromEntries(keys.flatMap((key, i) => (key === '' ? [] : [[key, cells[i] ?? ''] as const])));
}

/** Cells under a blank header are not read; say so once, the first time one holds a value. */
function unnamedColumnCheck(keys: readonly string[], columnName: (i: number) => string, report: Report) {
  const reported = new Set<number>();
  return (cells: readonly FlatCell[], row: number) => {
    keys.forEach((key, i) => {
      const cell = cells[i];
      if (key !== '' || reported.has(i) || cell === undefined || isBlankCell(cell)) return;
      reported.add(i);
      report.warn(`column ${columnName(i)}`, 'has values but no header; its values are not read', row);
    });
  };
}

const SAVE_AS_CSV_UTF8 =
  '; Excel\'s plain "CSV" uses the Windows code page: save it as "CSV UTF-8 (Comma delimited)" and upload it again';

const csvColumn = (i: number) => `${i + 1}`;

async function* readCsv(source: ByteSource, report: Report): AsyncGenerator<RawRow> {
  const parser = new CsvParser();
  let keys: string[] | undefined;
  let checkUnnamed: ReturnType<typeof unnamedColumnCheck> | undefined;
  let sawHeader = false;
  let dataRows = 0;
  const handle = function* (records: ReturnType<CsvParser['feed']>): Generator<RawRow> {
    for (const { row, cells } of records) {
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (!sawHeader) {
        sawHeader = true;
        keys = headerKeys(cells, csvColumn, report);
        if (keys !== undefined) checkUnnamed = unnamedColumnCheck(keys, csvColumn, report);
        continue;
      }
      if (keys === undefined) return;
      if (cells.length > keys.length && cells.slice(keys.length).some((cell) => cell.trim() !== '')) {
        report.issue(
          'row',
          `has ${cells.length} cells but the header has ${keys.length} columns; a value probably contains the delimiter "${parser.delimiterChar}" without quotes`,
          row,
        );
        continue;
      }
      checkUnnamed?.(cells, row);
      dataRows++;
      yield { row, values: rowValues(keys, cells) };
    }
  };
  try {
    for await (const chunk of decodeUtf8(source)) {
      yield* handle(parser.feed(chunk));
      if (sawHeader && keys === undefined) return;
    }
    yield* handle(parser.end());
  } catch (error) {
    if (error instanceof NotUtf8Error) {
      const where = dataRows > 0 ? `; reading stopped after ${dataRows} rows` : '';
      report.issue('encoding', `${error.message}${SAVE_AS_CSV_UTF8}${where}`);
      return;
    }
    if (error instanceof CsvSyntaxError) {
      report.issue('row', `${error.message}; the rest of the file could not be read`, error.row);
      return;
    }
    throw error;
  }
  if (!sawHeader) report.issue('file', 'the file is empty');
  else if (keys !== undefined && dataRows === 0)
    report.issue('file', 'the file has a header row but no data rows');
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one element or line; a parser's message may quote the text (a NIK), so it is not repeated. */
function jsonRecord(chunk: JsonChunk, report: Report, what: string): RawRow | undefined {
  let value: unknown;
  try {
    value = JSON.parse(chunk.text);
  } catch {
    report.issue('row', `${what} is not valid JSON`, chunk.row);
    return undefined;
  }
  if (!isRecordObject(value)) {
    report.issue('row', `${what} must be a JSON object with the record's fields`, chunk.row);
    return undefined;
  }
  return { row: chunk.row, values: value };
}

async function* readJson(source: ByteSource, report: Report): AsyncGenerator<RawRow> {
  let elements = 0;
  try {
    for await (const chunk of jsonArrayElements(decodeUtf8(source))) {
      elements++;
      const record = jsonRecord(chunk, report, `record ${chunk.row}`);
      if (record !== undefined) yield record;
    }
  } catch (error) {
    if (error instanceof NotUtf8Error)
      return report.issue('encoding', `${error.message}; save it with UTF-8 encoding`);
    if (error instanceof JsonShapeError) return report.issue('file', error.message);
    throw error;
  }
  if (elements === 0) report.issue('file', 'the file has no records (an empty array)');
}

async function* readJsonLines(source: ByteSource, report: Report): AsyncGenerator<RawRow> {
  let lines = 0;
  try {
    for await (const line of jsonLines(decodeUtf8(source))) {
      lines++;
      if ('tooLong' in line) {
        report.issue('row', 'the line is too long to be one record', line.row);
        continue;
      }
      const record = jsonRecord(line, report, 'the line');
      if (record !== undefined) yield record;
    }
  } catch (error) {
    if (error instanceof NotUtf8Error)
      return report.issue('encoding', `${error.message}; save it with UTF-8 encoding`);
    throw error;
  }
  if (lines === 0) report.issue('file', 'the file is empty');
}

async function* readXlsx(source: ByteSource, report: Report): AsyncGenerator<RawRow> {
  let keys: string[] | undefined;
  let checkUnnamed: ReturnType<typeof unnamedColumnCheck> | undefined;
  let sawRow = false;
  let dataRows = 0;
  const reportedOverflow = new Set<number>();
  const columnName = (i: number) => columnLetter(i + 1);
  try {
    for await (const { row, cells, overflow } of worksheetRows(source)) {
      if (!sawRow) {
        sawRow = true;
        if (row !== 1 || cells.every(isBlankCell)) {
          report.issue('header', 'row 1 of the first worksheet must hold the column headers');
          return;
        }
        keys = headerKeys(cells, columnName, report);
        if (keys === undefined) return;
        checkUnnamed = unnamedColumnCheck(keys, columnName, report);
        continue;
      }
      if (keys === undefined || cells.every(isBlankCell)) continue;
      for (const column of overflow) {
        if (reportedOverflow.has(column)) continue;
        reportedOverflow.add(column);
        report.warn(
          `column ${columnLetter(column)}`,
          'has values but no header; its values are not read',
          row,
        );
      }
      checkUnnamed?.(cells, row);
      dataRows++;
      yield { row, values: rowValues(keys, cells) };
    }
  } catch (error) {
    if (error instanceof WorkbookUnreadableError) return report.issue('file', error.message);
    throw error;
  }
  if (!sawRow) report.issue('file', 'the first worksheet is empty');
  else if (keys !== undefined && dataRows === 0) {
    report.issue('file', 'the first worksheet has a header row but no data rows');
  }
}

const READERS: Record<FileFormat, Reader> = {
  csv: readCsv,
  json: readJson,
  jsonl: readJsonLines,
  xlsx: readXlsx,
};

async function* limited(
  rows: AsyncGenerator<RawRow>,
  maxRows: number,
  report: Report,
): AsyncGenerator<RawRow> {
  let count = 0;
  for await (const row of rows) {
    if (count === maxRows) {
      report.issue(
        'file',
        `the file has more than ${maxRows} rows; rows from row ${row.row} on were not read`,
      );
      return;
    }
    count++;
    yield row;
  }
}

export function readRawRows(source: ByteSource, options: ReadOptions): RawRowStream {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const { file } = options;
  const at = (field: string, reason: string, row?: number): Issue =>
    row === undefined ? { file, field, reason } : { file, row, field, reason };
  const report: Report = {
    file,
    issue: (field, reason, row) => void issues.push(at(field, reason, row)),
    warn: (field, reason, row) => void warnings.push(at(field, reason, row)),
  };
  let started = false;
  return {
    issues,
    warnings,
    [Symbol.asyncIterator]() {
      if (started) throw new Error('a RawRowStream can be iterated only once');
      started = true;
      const rows = READERS[options.format](source, report);
      return limited(rows, options.maxRows ?? DEFAULT_MAX_ROWS, report);
    },
  };
}
