/**
 * The file format is taken from the object key's extension, because uploads arrive as S3 objects
 * whose content type is whatever the browser guessed.
 */
import { DomainError } from '#core/domain/errors';

const FILE_FORMATS = ['csv', 'json', 'jsonl', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export class UnsupportedFileFormatError extends DomainError {
  override name = 'UnsupportedFileFormatError';
}

const EXTENSIONS: Record<string, FileFormat> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  xlsx: 'xlsx',
};

/** Extensions people try that are close to a supported one: say exactly what to do instead. */
const ADVICE: Record<string, string> = {
  xls: 'an Excel 97-2003 workbook (.xls); save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
  xlsm: 'a macro-enabled workbook (.xlsm); save it as "Excel Workbook (.xlsx)"',
  ods: 'an OpenDocument spreadsheet (.ods); save it as .xlsx or "CSV UTF-8"',
  tsv: 'tab-separated text; save it as "CSV UTF-8" with , or ; between cells',
  txt: 'plain text; save it as "CSV UTF-8" (.csv) or JSON Lines (.jsonl)',
};

export function detectFormat(key: string): FileFormat {
  const name = key.split('/').pop() ?? key;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const format = EXTENSIONS[extension];
  if (format !== undefined) return format;
  const supported = '.csv, .json, .jsonl (.ndjson) or .xlsx';
  const advice = ADVICE[extension];
  if (advice !== undefined)
    throw new UnsupportedFileFormatError(`"${name}" is ${advice}; supported: ${supported}`);
  const what = extension === '' ? 'has no file extension' : `has the extension .${extension}`;
  throw new UnsupportedFileFormatError(`"${name}" ${what}; supported: ${supported}`);
}
