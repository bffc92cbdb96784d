import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCell, neutraliseText, toCsv } from '#core/domain/export-table';

describe('exported table cells', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+62 812', `'+62 812`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Operator Jahit', 'Operator Jahit'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j', (text, written) => {
    expect(neutraliseText(text)).toBe(written);
    expect(exportCell(text)).toBe(written);
  });

  it('keeps numbers as numbers (a negative number is not a formula) and writes absent values empty', () => {
    expect(exportCell(-3)).toBe(-3);
    expect(exportCell(0.25)).toBe(0.25);
    expect(exportCell(Number.NaN)).toBe('');
    expect(exportCell(null)).toBe('');
    expect(exportCell(undefined)).toBe('');
    expect(exportCell(true)).toBe('ya');
  });

  it('never leaves a text cell that begins with a formula sign', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const written = exportCell(text) as string;
        expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
        expect(written.endsWith(text)).toBe(true);
      }),
    );
  });

  it('writes RFC 4180 CSV with a byte-order mark, quoting and neutralised cells', () => {
    const csv = toCsv({
      name: 'kabupaten',
      columns: [
        { key: 'district', header: 'Kab/Kota' },
        { key: 'title', header: 'Jabatan' },
        { key: 'youth', header: 'Pemuda' },
      ],
      rows: [
        { district: '3374', title: 'Kasir, "senior"', youth: 12 },
        { district: '3324', title: '=1+1', youth: null },
      ],
    });
    expect(csv).toBe('\uFEFFKab/Kota,Jabatan,Pemuda\r\n3374,"Kasir, ""senior""",12\r\n3324,\'=1+1,\r\n');
  });
});
