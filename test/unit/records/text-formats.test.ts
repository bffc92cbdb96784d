import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, MAX_CELL_CHARS, sniffDelimiter } from '#functions/shared/files/csv';
import { detectFormat, UnsupportedFileFormatError } from '#functions/shared/files/format';
import { JsonArrayScanner, JsonShapeError } from '#functions/shared/files/json';
import { columnLetter, excelSerialToDate, isDateFormatCode } from '#functions/shared/files/xlsx';

function parseCsv(chunks: string[]) {
  const parser = new CsvParser();
  const records = chunks.flatMap((chunk) => parser.feed(chunk));
  return [...records, ...parser.end()];
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** Writes cells the way a careful exporter would: quoted when they hold a delimiter, quote or line break. */
function toCsv(rows: string[][], delimiter: string, newline: string): string {
  const quote = (cell: string) =>
    /[",;\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

describe('CSV parser', () => {
  it('handles quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const records = parseCsv(['a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",3\r\n']);
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { row: 3, cells: ['2', 'two\nlines', '3'] },
    ]);
  });

  it('sniffs ; from the header line and ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(';');
    expect(sniffDelimiter('a,b;c,d')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
    expect(parseCsv(['id;gaji\n1;"2.500,00"\n'])[1]?.cells).toEqual(['1', '2.500,00']);
  });

  it('accepts LF, CRLF and lone CR, and counts blank lines as rows', () => {
    expect(parseCsv(['a\n1\r\n\r\n2\r3']).map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'a'],
      [2, '1'],
      [3, ''],
      [4, '2'],
      [5, '3'],
    ]);
  });

  it('reads the last record without a final line break', () => {
    expect(parseCsv(['a,b\n1,2'])).toHaveLength(2);
    expect(parseCsv(['a,b\n1,""'])[1]?.cells).toEqual(['1', '']);
  });

  it('reports a quote that is never closed, at the row where it opened', () => {
    expect(() => parseCsv(['a,b\n1,2\n3,"open\n4,5\n'])).toThrow(CsvSyntaxError);
    try {
      parseCsv(['a,b\n1,2\n3,"open\n4,5\n']);
    } catch (error) {
      expect((error as CsvSyntaxError).row).toBe(3);
    }
  });

  it('stops a cell from growing past the spreadsheet limit', () => {
    const parser = new CsvParser();
    parser.feed('a,b\n1,"');
    expect(() => parser.feed('x'.repeat(MAX_CELL_CHARS + 1))).toThrow(/longer than/);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r\n', '1') });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
          ),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, delimiter, newline, cuts) => {
          const all = [rows[0]!.map((_, i) => `h${i}`), ...rows];
          const text = toCsv(all, delimiter, newline);
          const whole = parseCsv([text]).map((r) => r.cells);
          expect(whole).toEqual(all);
          expect(parseCsv(splitAt(text, cuts)).map((r) => r.cells)).toEqual(all);
        },
      ),
    );
  });
});

function scanJson(chunks: string[]) {
  const scanner = new JsonArrayScanner();
  const elements = chunks.flatMap((chunk) => scanner.feed(chunk));
  scanner.end();
  return elements.map((e) => ({ row: e.row, value: JSON.parse(e.text) as unknown }));
}

describe('JSON array scanner', () => {
  it('cuts a top-level array into its elements', () => {
    expect(scanJson(['[{"a":"x]},{"}, {"b":[1,{"c":2}]}, 3]'])).toEqual([
      { row: 1, value: { a: 'x]},{' } },
      { row: 2, value: { b: [1, { c: 2 }] } },
      { row: 3, value: 3 },
    ]);
  });

  it('reads the records of { "records": [...] } and skips other keys', () => {
    expect(
      scanJson(['{"meta":{"records":"no"},"note":"[x]","records":[{"a":1},{"a":"\\"records\\""}]}']),
    ).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 2, value: { a: '"records"' } },
    ]);
  });

  it.each([
    ['{"a":1}', /expected a JSON array/],
    ['"text"', /expected a JSON array/],
    ['{"records":{"a":1}}', /"records" must be an array/],
    ['[{"a":1},', /ends before it is closed/],
    ['[{"a":1}] []', /more text after/],
    ['[{"a":1},,{"a":2}]', /record 2 is missing/],
    ['', /empty/],
  ])('%j is a file-level problem', (text, reason) => {
    expect(() => scanJson([text])).toThrow(JsonShapeError);
    expect(() => scanJson([text])).toThrow(reason);
  });

  it('gives the same elements however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (records, wrapped, cuts) => {
          const text = JSON.stringify(wrapped ? { version: 1, records } : records, null, wrapped ? 2 : 0);
          const values = scanJson(splitAt(text, cuts)).map((e) => e.value);
          expect(values).toEqual(JSON.parse(JSON.stringify(records)));
        },
      ),
    );
  });
});

describe('file formats', () => {
  it.each([
    ['incoming/vacancies/Lowongan Mei.CSV', 'csv'],
    ['a.json', 'json'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson', 'jsonl'],
    ['dir.v2/a.xlsx', 'xlsx'],
  ])('%s is %s', (key, format) => {
    expect(detectFormat(key)).toBe(format);
  });

  it.each([
    ['lowongan.xls', /Excel 97-2003.*\.xlsx/],
    ['lowongan.txt', /plain text/],
    ['lowongan', /no file extension/],
    ['lowongan.pdf', /\.pdf; supported: \.csv/],
  ])('%s gets a clear error', (key, message) => {
    expect(() => detectFormat(key)).toThrow(UnsupportedFileFormatError);
    expect(() => detectFormat(key)).toThrow(message);
  });
});

describe('spreadsheet dates', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-421]dd mmmm yyyy;@', true],
    ['yyyy-mm-dd hh:mm', true],
    ['"Tanggal: "0', false],
    ['0.00', false],
    ['#,##0 "hari"', false],
    ['[Red]0;[Blue]-0', false],
    ['[h]:mm', false],
    ['General', false],
    ['@', false],
  ])('format %j shows a date: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it.each([
    [45_658, false, '2025-01-01T00:00:00.000Z'],
    [44_196, true, '2025-01-01T00:00:00.000Z'],
    [61, false, '1900-03-01T00:00:00.000Z'],
    [1, false, '1900-01-01T00:00:00.000Z'],
    [45_658.5, false, '2025-01-01T12:00:00.000Z'],
  ])('serial %d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(excelSerialToDate(serial, date1904).toISOString()).toBe(iso);
  });
});

describe('spreadsheet columns', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [16_384, 'XFD'],
  ])('column %i is %s', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });
});
