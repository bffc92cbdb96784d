/** Plain-text layout for terminal tables: columns padded to their widest cell. */

export type Align = 'left' | 'right';

/** Width as a terminal shows it for the Latin text we print: one column per code point. */
export function displayWidth(text: string): number {
  return [...text].length;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Rows to lines with every column as wide as its widest cell. Columns are left-aligned unless
 * `align` says otherwise; trailing spaces are dropped so the last column never pads a line.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  gap = '  ',
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i] ?? 0, align[i] ?? 'left'))
      .join(gap)
      .trimEnd(),
  );
}

/** A number as a table shows it: fixed decimals, a dash for a missing value. */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? '-' : value.toFixed(digits);
}

/** Scale scores are whole unless prorated; show decimals only when there are some. */
export function compactNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
