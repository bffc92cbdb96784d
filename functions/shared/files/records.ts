/**
 * A whole file to records: the reader's issues and the parser's issues in one result, in the
 * shape the processing report and the CLI use.
 */
import { createRecordParser } from '#core/records/parse';
import type { ParseContext, ParseResult, RecordKind, RecordOf } from '#core/records/types';
import { type ReadOptions, readRawRows } from './read.ts';
import type { ByteSource } from './text.ts';

export type ReadRecordsOptions = ReadOptions & Pick<ParseContext, 'isKnownDistrict'>;

/**
 * Reads and parses every row, keeping only records and issues; the rows themselves are not held.
 * Reader issues come first for file-level problems, then row issues in file order.
 */
export async function readRecordFile<K extends RecordKind>(
  kind: K,
  source: ByteSource,
  options: ReadRecordsOptions,
): Promise<ParseResult<RecordOf[K]>> {
  const rows = readRawRows(source, options);
  const parser = createRecordParser(kind, {
    file: options.file,
    ...(options.isKnownDistrict !== undefined && { isKnownDistrict: options.isKnownDistrict }),
  });
  const result: ParseResult<RecordOf[K]> = { records: [], rejected: [], warnings: [] };
  for await (const raw of rows) {
    const { record, rejected, warnings } = parser.parseRow(raw);
    if (record !== undefined) result.records.push(record);
    result.rejected.push(...rejected);
    result.warnings.push(...warnings);
    if (parser.unreadable) break;
  }
  result.rejected.push(...rows.issues);
  result.warnings.unshift(...rows.warnings);
  result.rejected.sort(byRow);
  return result;
}

/** File-level issues (no row) first, then by row; the sort is stable, so a row keeps its order. */
function byRow(a: { row?: number }, b: { row?: number }): number {
  return (a.row ?? 0) - (b.row ?? 0);
}
