/**
 * Tables people download (CSV, XLSX) from the web workspace. A spreadsheet treats a cell that
 * begins with `=`, `+`, `-` or `@` (and tab or carriage return, which some programs skip before
 * reading such a sign) as a formula, so a vacancy title such as `=HYPERLINK(...)` typed into an
 * upload could run in a manager's spreadsheet. Every text cell that begins with one of them is
 * written with a leading apostrophe, which spreadsheets show as text; numbers stay numbers.
 */

export type TableCell = string | number | boolean | null | undefined;

export interface ExportColumn {
  key: string;
  header: string;
}

export interface ExportTable {
  /** Sheet name in XLSX, file name stem in CSV. */
  name: string;
  columns: readonly ExportColumn[];
  /** Cells are read by the columns' keys; other fields of a row are ignored. */
  rows: ReadonlyArray<object>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as written into a file: text neutralised, finite numbers kept, empty for absent values. */
export function exportCell(value: TableCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  return neutraliseText(value);
}

/** The exported cell of a row's field; anything but text, numbers and booleans is empty. */
export function cellOf(row: object, key: string): string | number {
  const value = (row as Record<string, unknown>)[key];
  const cell = ['string', 'number', 'boolean'].includes(typeof value) ? (value as TableCell) : undefined;
  return exportCell(cell);
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a byte-order mark, so Excel opens UTF-8 (Indonesian names,
 * "—") correctly. Headers are neutralised like any other text.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvField(neutraliseText(c.header))).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => csvField(cellOf(row, c.key))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
