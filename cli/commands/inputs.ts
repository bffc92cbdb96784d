/**
 * Input files to records with their row numbers, through the same readers and record parsers the
 * upload pipeline uses, so the CLI and the pipeline accept and reject exactly the same rows. The row
 * is kept with each record because scoring and profiling find problems later that must still name it.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Issue } from '#core/domain/errors';
import type { RecordKind } from '#core/domain/records';
import { parseRowStream } from '#core/records/parse';
import type { RecordOf } from '#core/records/types';
import { isKnownDistrict } from '#core/reference/districts';
import { detectFormat, type FileFormat, UnsupportedFileFormatError } from '#functions/shared/files/format';
import { readRawRows } from '#functions/shared/files/read';
import { CliInputError } from './runtime.ts';

export interface RowRecord<R> {
  row: number;
  record: R;
}

export interface LoadedFile<R> {
  /** The path as the user typed it: named in every issue. */
  file: string;
  records: RowRecord<R>[];
  /** Rejected rows (one issue per problem) and file-level issues. */
  rejected: Issue[];
  warnings: Issue[];
}

export interface InputFile {
  path: string;
  format: FileFormat;
}

async function fileProblem(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? undefined : 'is not a file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'unknown error'})`;
  }
}

/**
 * Checks every input before any is read: a typo in one path should not cost a long run on the
 * others. Throws CliInputError naming each file that is missing or has an unsupported extension.
 */
export async function checkInputFiles(paths: readonly string[]): Promise<InputFile[]> {
  const issues: Issue[] = [];
  const inputs: InputFile[] = [];
  for (const path of paths) {
    const problem = await fileProblem(path);
    if (problem !== undefined) {
      issues.push({ file: path, field: 'file', reason: problem });
      continue;
    }
    try {
      inputs.push({ path, format: detectFormat(path) });
    } catch (error) {
      if (!(error instanceof UnsupportedFileFormatError)) throw error;
      issues.push({ file: path, field: 'file', reason: error.message });
    }
  }
  if (issues.length > 0) throw new CliInputError(issues);
  return inputs;
}

export async function loadRecords<K extends RecordKind>(
  kind: K,
  input: InputFile,
): Promise<LoadedFile<RecordOf[K]>> {
  const file = input.path;
  const records: RowRecord<RecordOf[K]>[] = [];
  const { rejected, warnings } = await parseRowStream(
    kind,
    readRawRows(createReadStream(file), { format: input.format, file }),
    { file, isKnownDistrict },
    (record, row) => records.push({ row, record }),
  );
  return { file, records, rejected, warnings };
}

/** A JSON file read whole (small configuration files only); problems name the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  const problem = await fileProblem(path);
  if (problem !== undefined) throw new CliInputError([{ file: path, field: 'file', reason: problem }]);
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CliInputError([{ file: path, field: 'file', reason: 'is not valid JSON' }]);
  }
}
