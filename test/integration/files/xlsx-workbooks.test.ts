import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRawRows } from '#functions/shared/files/read';
import { readRecordFile } from '#functions/shared/files/records';
import { worksheetRows, XLSX_LIMITS } from '#functions/shared/files/xlsx';
import {
  buildWorkbook,
  type Cell,
  type PartOrder,
  VACANCY_COLUMNS,
  type WorkbookSpec,
  zipBomb,
} from './workbooks.ts';

/** Every temp file a reader might spool lands here, so "empty after every read" is checkable. */
let temp: string;
let previousTmp: string | undefined;

beforeAll(() => {
  previousTmp = process.env.TMPDIR;
  temp = mkdtempSync(join(tmpdir(), 'sinergi-xlsx-temp-'));
  process.env.TMPDIR = temp;
});

afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(temp, { recursive: true, force: true });
});

afterEach(() => {
  expect(tmpdir()).toBe(temp);
  expect(readdirSync(temp)).toEqual([]);
});

const HEADER = VACANCY_COLUMNS;
/** 31 December 2025 in the 1900 date system; the 1904 system counts 1,462 days fewer. */
const CLOSING_1900 = 46_022;
const CLOSING_1904 = CLOSING_1900 - 1_462;

function vacancy(n: number, closing: Cell): Cell[] {
  return [`V-${n}`, 'E-1', 'PT Garmen Sejahtera', 'Operator Jahit', '7533', '3322', 2, 'SMP', closing];
}

/** Streamed in small chunks, as an S3 body arrives. */
function streamed(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 1024) chunks.push(bytes.subarray(at, at + 1024));
  return Readable.from(chunks);
}

function readVacancies(bytes: Buffer) {
  return readRecordFile('vacancies', streamed(bytes), { format: 'xlsx', file: 'lowongan.xlsx' });
}

function spec(overrides: Partial<WorkbookSpec>): WorkbookSpec {
  return {
    order: 'excel',
    strings: 'shared',
    dateFormat: 14,
    rows: [HEADER, vacancy(1, { serial: CLOSING_1900 }), vacancy(2, { serial: CLOSING_1900 + 0.5 })],
    ...overrides,
  };
}

describe('XLSX dates whatever the saving program', () => {
  const orders: PartOrder[] = ['excel', 'libreoffice'];
  const cases = orders.flatMap((order) =>
    (['shared', 'inline'] as const).flatMap((strings) =>
      ([14, 'dd/mm/yyyy'] as const).map((dateFormat) => ({ order, strings, dateFormat })),
    ),
  );

  it.each(cases)(
    '$order order, $strings strings, format $dateFormat: the closing date is a date',
    async (c) => {
      const result = await readVacancies(buildWorkbook(spec(c)));
      expect(result.rejected).toEqual([]);
      expect(result.records.map((record) => [record.vacancy_id, record.closing_date])).toEqual([
        ['V-1', '2025-12-31'],
        ['V-2', '2025-12-31'],
      ]);
    },
  );

  it.each(['1', 'true'] as const)('honours date1904="%s"', async (date1904) => {
    const rows = [HEADER, vacancy(1, { serial: CLOSING_1904 })];
    const result = await readVacancies(buildWorkbook(spec({ date1904, rows, order: 'libreoffice' })));
    expect(result.rejected).toEqual([]);
    expect(result.records[0]?.closing_date).toBe('2025-12-31');
  });

  it('reads a plain number in the serial range of a date column as a date, and refuses a year', async () => {
    const rows = [HEADER, vacancy(1, CLOSING_1900), vacancy(2, 2025)];
    const result = await readVacancies(buildWorkbook(spec({ rows })));
    expect(result.records.map((record) => record.closing_date)).toEqual(['2025-12-31']);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'closing_date',
        reason: expect.stringMatching(/got a number/),
      }),
    ]);
  });

  it('reads the header from shared strings on every one of 30 reads of an Excel-ordered file', async () => {
    const bytes = buildWorkbook(spec({}));
    for (let i = 0; i < 30; i++) {
      const rows = [];
      for await (const row of worksheetRows(streamed(bytes))) rows.push(row);
      expect(rows[0]?.cells).toEqual(HEADER);
    }
  });

  it('reads formula strings and OOXML escapes, and only the first worksheet', async () => {
    const rows = [
      HEADER,
      vacancy(1, { serial: CLOSING_1900 }).map((cell, i) =>
        i === 3 ? { formula: 'A1', cached: 'Operator_x000D_Jahit' } : cell,
      ),
    ];
    const read = [];
    for await (const row of worksheetRows(buildWorkbook(spec({ rows, order: 'libreoffice' }))))
      read.push(row);
    expect(read).toHaveLength(2);
    expect(read[1]?.cells[3]).toBe('Operator\rJahit');
  });
});

describe('XLSX limits and clean-up', () => {
  it('refuses a zip bomb by its declared size before inflating it, with an Indonesian reason', async () => {
    const bomb = await zipBomb(XLSX_LIMITS.worksheetBytes + 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rows = readRawRows(streamed(bomb), { format: 'xlsx', file: 'bom.xlsx' });
    const read = [];
    for await (const row of rows) read.push(row);
    expect(read).toEqual([]);
    expect(rows.issues).toEqual([
      {
        file: 'bom.xlsx',
        field: 'file',
        reason: expect.stringMatching(/^berkas \.xlsx terlalu besar setelah dibuka: .*256 MB; bagi datanya/),
      },
    ]);
  });

  it('stops a bomb that lies about its size once the inflated bytes pass the limit', async () => {
    const limits = { ...XLSX_LIMITS, worksheetBytes: 4 * 1024 * 1024 };
    const bomb = await zipBomb(16 * 1024 * 1024, 1000);
    const read = async () => {
      for await (const _ of worksheetRows(bomb, limits));
    };
    await expect(read()).rejects.toThrow(/terlalu besar.*4 MB/);
  });

  it('leaves nothing behind when the reader stops after the first row', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => vacancy(i + 1, { serial: CLOSING_1900 }));
    const bytes = buildWorkbook(spec({ rows: [HEADER, ...rows] }));
    for await (const row of worksheetRows(streamed(bytes))) {
      expect(row.row).toBe(1);
      break;
    }
    const limited = readRawRows(streamed(bytes), { format: 'xlsx', file: 'a.xlsx', maxRows: 10 });
    let count = 0;
    for await (const _ of limited) count++;
    expect(count).toBe(10);
    expect(limited.issues).toEqual([
      expect.objectContaining({ field: 'file', reason: expect.stringMatching(/more than 10 rows/) }),
    ]);
  });

  it('reports a damaged or encrypted-looking file as unreadable', async () => {
    const bytes = buildWorkbook(spec({}));
    const rows = readRawRows(bytes.subarray(0, bytes.length - 30), { format: 'xlsx', file: 'rusak.xlsx' });
    for await (const _ of rows);
    expect(rows.issues).toEqual([
      expect.objectContaining({ field: 'file', reason: expect.stringMatching(/not a readable \.xlsx/) }),
    ]);
  });
});
