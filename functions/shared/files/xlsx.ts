/**
 * XLSX through exceljs's streaming reader: rows arrive one at a time from the first worksheet, so
 * a sheet whose declared dimension claims a million rows costs only the rows it really has.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ByteSource, bytesOf } from './text.ts';

/** A cell as the record parsers take it: string, number, boolean or Date; '' when empty. */
export type FlatCell = string | number | boolean | Date;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Rich text, formulas, hyperlinks and shared strings reduced to the value a person sees. */
export function flattenCellValue(value: unknown): FlatCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (!isObject(value)) return String(value);
  if (Array.isArray(value['richText'])) {
    return value['richText'].map((run: unknown) => (isObject(run) ? String(run['text'] ?? '') : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return flattenCellValue(value['result']);
  if ('hyperlink' in value || 'text' in value) return flattenCellValue(value['text']);
  if ('error' in value) return String(value['error']);
  return '';
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export interface SheetRow {
  /** The worksheet's own row number. */
  row: number;
  /** Cells 1..width (index 0 = column A); '' for empty cells. */
  cells: FlatCell[];
  /** Columns beyond `width` that hold a value (1-based). */
  overflow: number[];
}

export class WorkbookUnreadableError extends Error {
  override name = 'WorkbookUnreadableError';
}

/**
 * Rows of the first worksheet. The header row fixes the width; cells to the right of it are
 * only reported, never read, so a stray cell in column XFD cannot widen every row.
 */
export async function* worksheetRows(source: ByteSource): AsyncGenerator<SheetRow> {
  const input = Readable.from(bytesOf(source));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Dates are numbers with a date format; without the styles every Date cell reads as a serial number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width: number | undefined;
  let sawWorksheet = false;
  try {
    for await (const worksheet of workbook) {
      sawWorksheet = true;
      for await (const row of worksheet) {
        const cells: FlatCell[] = [];
        const overflow: number[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = flattenCellValue(cell.value);
          if (width !== undefined && column > width) {
            if (value !== '') overflow.push(column);
            return;
          }
          cells[column - 1] = value;
        });
        if (width === undefined) width = cells.length;
        for (let i = 0; i < width; i++) cells[i] ??= '';
        yield { row: row.number, cells, overflow };
      }
      break;
    }
  } catch (error) {
    if (error instanceof WorkbookUnreadableError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookUnreadableError(`the file is not a readable .xlsx workbook (${detail})`);
  } finally {
    input.destroy();
  }
  if (!sawWorksheet) throw new WorkbookUnreadableError('the workbook has no worksheet');
}
