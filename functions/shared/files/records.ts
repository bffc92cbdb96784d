/**
 * A whole file to records: the reader's issues and the parser's issues in one result, in the
 * shape the processing report and the CLI use.
 */

import type { RecordKind } from '#core/domain/records';
import { parseRowStream } from '#core/records/parse';
import type { ParseContext, ParseResult, RecordOf } from '#core/records/types';
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
  const records: RecordOf[K][] = [];
  const { rejected, warnings } = await parseRowStream(
    kind,
    readRawRows(source, options),
    {
      file: options.file,
      ...(options.isKnownDistrict !== undefined && { isKnownDistrict: options.isKnownDistrict }),
    },
    (record) => records.push(record),
  );
  return { records, rejected, warnings };
}
