import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordKind } from '#core/domain/records';
import { createRecordParser } from '#core/records/parse';
import { detectFormat } from '#functions/shared/files/format';
import { readRawRows } from '#functions/shared/files/read';
import { readRecordFile } from '#functions/shared/files/records';
import { VACANCY_COLUMNS } from './workbooks.ts';

/**
 * heapUsed alone counts garbage the collector has not reached yet, which depends on its mood; a
 * full collection before each sample measures what the reader really keeps.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

let peak = 0;
function sample(): void {
  collectGarbage();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}

async function peakHeapGrowth(run: () => Promise<void>): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  peak = before;
  await run();
  sample();
  return peak - before;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinergi-files-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Reads a file from disk as a stream, the way an S3 GetObject body arrives. */
function readFileRecords<K extends RecordKind>(kind: K, path: string, maxRows?: number) {
  const file = path.split('/').pop()!;
  return readRecordFile(kind, createReadStream(path, { highWaterMark: 16 * 1024 }), {
    format: detectFormat(path),
    file,
    ...(maxRows !== undefined && { maxRows }),
  });
}

const VACANCY_HEADER_ID =
  'ID Lowongan;ID Perusahaan;Nama Perusahaan;Jabatan;Kode KBJI;Kab/Kota;Jumlah Lowongan;Pendidikan Minimal;Gaji;BPJS TK;Batas Lamaran';

describe('CSV files', () => {
  it('reads UTF-8 with a BOM, CRLF, ; and a quoted line break', async () => {
    const path = await write(
      'lowongan-excel.csv',
      '\uFEFF' +
        [
          VACANCY_HEADER_ID,
          'V-1;E-1;"PT Kopi; Teh & Co";"Barista\r\nshift pagi";5132;3374;2;SMK;"Rp 2.650.000";ya;31/12/2025',
          '',
          'V-2;E-1;PT Kopi;Kasir;5230;3374;1;SMA;2.400.000;tidak;2025-12-31',
        ].join('\r\n') +
        '\r\n',
    );
    const result = await readFileRecords('vacancies', path);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toMatchObject([
      {
        vacancy_id: 'V-1',
        employer_name: 'PT Kopi; Teh & Co',
        title: 'Barista\r\nshift pagi',
        wage_monthly_idr: 2_650_000,
        bpjs_ketenagakerjaan: true,
        closing_date: '2025-12-31',
      },
      { vacancy_id: 'V-2', wage_monthly_idr: 2_400_000, bpjs_ketenagakerjaan: false },
    ]);
  });

  it('numbers rows as a spreadsheet does, so an issue points at the right row', async () => {
    const path = await write(
      'baris.csv',
      [
        VACANCY_HEADER_ID,
        'V-1;E-1;PT A;Kasir;5230;3374;1;SMA;;;2025-12-31',
        '',
        'V-2;E-1;PT A;Kasir;5230;3374;nol;SMA;;false;',
      ].join('\n'),
    );
    const result = await readFileRecords('vacancies', path);
    expect(result.records.map((r) => r.vacancy_id)).toEqual(['V-1']);
    expect(result.rejected).toEqual([
      {
        file: 'baris.csv',
        row: 4,
        record: 'V-2',
        field: 'openings',
        reason: 'must be a whole number from 1 to 10000, got "nol"',
      },
      {
        file: 'baris.csv',
        row: 4,
        record: 'V-2',
        field: 'closing_date',
        reason: 'is required; the cell is empty',
      },
    ]);
  });

  it('reports a Latin-1 file as not UTF-8 and says how to save it', async () => {
    const latin1 = Buffer.from('vacancy_id,employer_name\nV-1,Caf\xe9 Semarang\n', 'latin1');
    const path = await write('windows.csv', latin1);
    const result = await readFileRecords('vacancies', path);
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        file: 'windows.csv',
        field: 'encoding',
        reason: expect.stringMatching(/not UTF-8.*"CSV UTF-8/),
      }),
    ]);
    expect(result.rejected[0]).not.toHaveProperty('row');
  });

  it.each([
    ['kosong.csv', '', /the file is empty/],
    ['bom-saja.csv', '\uFEFF\r\n\r\n', /the file is empty/],
    ['header-saja.csv', `${VACANCY_HEADER_ID}\r\n`, /header row but no data rows/],
  ])('%s is a file-level issue', async (name, content, reason) => {
    const result = await readFileRecords('vacancies', await write(name, content));
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([{ file: name, field: 'file', reason: expect.stringMatching(reason) }]);
  });

  it('refuses exact duplicate headers, naming both columns', async () => {
    const path = await write('dobel.csv', 'vacancy_id,title,openings,title\nV-1,A,1,B\n');
    const result = await readFileRecords('vacancies', path);
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      {
        file: 'dobel.csv',
        field: 'header',
        reason: expect.stringMatching(/columns 2 and 4 are both named "title"/),
      },
    ]);
  });

  it('refuses headers that mean the same field after normalisation', async () => {
    const path = await write('alias.csv', 'vacancy_id,Title,Jabatan\nV-1,A,B\n');
    const result = await readFileRecords('vacancies', path);
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      {
        file: 'alias.csv',
        field: 'title',
        reason: expect.stringMatching(/"Title" and "Jabatan" both mean title/),
      },
    ]);
  });

  it('keeps unknown columns out and warns once; rejects a row with more cells than headers', async () => {
    const header =
      'vacancy_id,employer_id,employer_name,title,occupation_code,district,openings,min_education,closing_date,catatan';
    const row = (id: string) => `${id},E-1,PT A,Kasir,5230,3374,1,SMA,2025-12-31,hubungi pak Budi`;
    const path = await write(
      'ekstra.csv',
      [header, row('V-1'), row('V-2'), `${row('V-3')},Semarang, Jawa Tengah`, `${row('V-4')},,`].join('\n'),
    );
    const result = await readFileRecords('vacancies', path);
    expect(result.records.map((r) => r.vacancy_id)).toEqual(['V-1', 'V-2', 'V-4']);
    expect(result.records[0]).not.toHaveProperty('catatan');
    expect(result.warnings).toEqual([expect.objectContaining({ field: 'catatan' })]);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'row',
        reason: expect.stringMatching(/12 cells.*10 columns/),
      }),
    ]);
  });

  it('warns about __proto__ and constructor columns instead of dropping them silently', async () => {
    const [header, line] = (await readFile('test/fixtures/files/vacancies.csv', 'utf8')).split('\n');
    const path = await write('proto.csv', `${header},__proto__,constructor\n${line},a,b\n`);
    const result = await readFileRecords('vacancies', path);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).not.toHaveProperty('constructor', 'b');
    expect(result.warnings.map((warning) => warning.field)).toEqual(['__proto__', 'constructor']);
  });

  it('reads "false" as false and an empty cell as absent, never as true or 0', async () => {
    const path = await write(
      'pelatihan.csv',
      [
        'training_id,provider_id,provider_name,title,target_occupations,skills_taught,district,seats,start_date,duration_days,cost_idr,min_education,certified,min_age',
        'T-1,P,BLK,Las,7212,las listrik,3374,10,2026-01-05,20,0,SD,false,',
        'T-2,P,BLK,Las,7212,las listrik,3374,,2026-01-05,20,,SD,,',
      ].join('\n'),
    );
    const result = await readFileRecords('trainings', path);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ certified: false, cost_idr: 0 });
    expect(result.records[0]).not.toHaveProperty('min_age');
    expect(result.rejected.map((i) => [i.row, i.field])).toEqual([
      [3, 'seats'],
      [3, 'cost_idr'],
    ]);
  });

  it('rejects a NIK that Excel saved in scientific notation', async () => {
    const fixture = JSON.parse(
      (await readFile('test/fixtures/files/assessments.jsonl', 'utf8')).split('\n')[0]!,
    );
    const items = Object.keys(fixture.interests as object);
    const header = [
      'youth_id',
      'nik',
      'instrument',
      'assessed_at',
      'gender',
      'birth_date',
      'district',
      'education',
      ...items,
    ];
    const cells = [
      'Y-1',
      '3.37402E+15',
      'sinergi-minat-bakat-v1',
      '2025-03-01',
      'L',
      '01/02/2000',
      '3374',
      'SMA',
    ];
    const path = await write(
      'asesmen.csv',
      `${header.join(',')}\n${[...cells, ...items.map(() => '2')].join(',')}\n`,
    );
    const result = await readFileRecords('assessments', path);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        record: 'Y-1',
        field: 'nik',
        reason: expect.stringMatching(/15 significant digits/),
      }),
    ]);
  });
});

describe('JSON and JSONL files', () => {
  it('reads a JSONL file with one broken line, and the rest', async () => {
    const lines = (await readFile('test/fixtures/files/assessments.jsonl', 'utf8')).trim().split('\n');
    const path = await write(
      'asesmen.jsonl',
      [lines[0], '{"youth_id": "Y-9", "nik": "33740', '', lines[1]].join('\r\n'),
    );
    const result = await readFileRecords('assessments', path);
    expect(result.records.map((r) => r.youth_id)).toEqual(['Y-3374-00001', 'Y-3322-00002']);
    expect(result.rejected).toEqual([
      { file: 'asesmen.jsonl', row: 2, field: 'row', reason: 'the line is not valid JSON' },
    ]);
  });

  it('reads { "records": [...] } and reports a non-object element by its position', async () => {
    const trainings = JSON.parse(await readFile('test/fixtures/files/trainings.json', 'utf8'));
    const path = await write(
      'pelatihan.json',
      JSON.stringify({ generated: '2025-10-01', records: [trainings[0], 'x', trainings[1]] }),
    );
    const result = await readFileRecords('trainings', path);
    expect(result.records).toHaveLength(2);
    expect(result.rejected).toEqual([
      {
        file: 'pelatihan.json',
        row: 2,
        field: 'row',
        reason: "record 2 must be a JSON object with the record's fields",
      },
    ]);
  });

  it('reports a cut-off JSON file after keeping the complete records', async () => {
    const text = await readFile('test/fixtures/files/trainings.json', 'utf8');
    const path = await write('terpotong.json', text.slice(0, text.lastIndexOf('"training_id"')));
    const result = await readFileRecords('trainings', path);
    expect(result.records).toHaveLength(1);
    expect(result.rejected).toEqual([
      expect.objectContaining({ field: 'file', reason: expect.stringMatching(/ends before/) }),
    ]);
  });
});

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Data'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function vacancyRow(n: number): unknown[] {
  return [`V-${n}`, 'E-1', 'PT A', 'Operator', 7533, 3322, 2, 'SMP', new Date(Date.UTC(2025, 11, 31))];
}

describe('XLSX files', () => {
  it('reads Date cells, numeric codes, rich text, formulas and hyperlinks', async () => {
    const path = await write(
      'lowongan.xlsx',
      await xlsx((sheet) => {
        sheet.addRow([...VACANCY_COLUMNS, 'wage_monthly_idr', 'skills']);
        sheet.addRow(vacancyRow(1).concat({ formula: '2500*1000', result: 2_500_000 }, 'menjahit'));
        const row = sheet.addRow(
          vacancyRow(2).concat(2_400_000, { text: 'obras', hyperlink: 'https://example.org' }),
        );
        row.getCell(4).value = { richText: [{ text: 'Operator ' }, { text: 'Obras', font: { bold: true } }] };
      }),
    );
    const result = await readFileRecords('vacancies', path);
    expect(result.rejected).toEqual([]);
    expect(result.records).toMatchObject([
      {
        vacancy_id: 'V-1',
        occupation_code: '7533',
        district: '3322',
        closing_date: '2025-12-31',
        wage_monthly_idr: 2_500_000,
      },
      { vacancy_id: 'V-2', title: 'Operator Obras', skills: ['obras'] },
    ]);
  });

  it('rejects a NIK typed into a numeric cell, without repeating it', async () => {
    const lines = (await readFile('test/fixtures/files/assessments.jsonl', 'utf8')).trim().split('\n');
    const record = JSON.parse(lines[0]!);
    const items = Object.keys(record.interests);
    const path = await write(
      'asesmen.xlsx',
      await xlsx((sheet) => {
        sheet.addRow([
          'youth_id',
          'nik',
          'instrument',
          'assessed_at',
          'gender',
          'birth_date',
          'district',
          'education',
          ...items,
        ]);
        const fixed = [
          'sinergi-minat-bakat-v1',
          new Date(Date.UTC(2025, 2, 1)),
          'P',
          new Date(Date.UTC(2001, 4, 15)),
          '3374',
          'SMK',
        ];
        sheet.addRow(['Y-1', 3374015505010001, ...fixed, ...items.map(() => 3)]);
        sheet.addRow(['Y-2', '3374015505010002', ...fixed, ...items.map(() => 3)]);
      }),
    );
    const result = await readFileRecords('assessments', path);
    expect(result.records.map((r) => [r.youth_id, r.nik, r.assessed_at, r.birth_date])).toEqual([
      ['Y-2', '3374015505010002', '2025-03-01', '2001-05-15'],
    ]);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        record: 'Y-1',
        field: 'nik',
        reason: expect.stringMatching(/Excel keeps only 15/),
      }),
    ]);
    expect(JSON.stringify(result.rejected)).not.toMatch(/337401550501000/);
  });

  it('reads a sheet whose dimension claims a million rows without allocating them', async () => {
    const path = await write(
      'dimensi.xlsx',
      await xlsx((sheet) => {
        sheet.addRow(VACANCY_COLUMNS);
        sheet.addRow(vacancyRow(1));
        sheet.getCell('A1048576').value = 'V-last';
        sheet.getCell('XFD2').value = 'catatan';
      }),
    );
    const seen: number[] = [];
    const rows = readRawRows(createReadStream(path), { format: 'xlsx', file: 'dimensi.xlsx' });
    const growth = await peakHeapGrowth(async () => {
      for await (const row of rows) {
        seen.push(row.row);
        sample();
      }
    });
    expect(growth).toBeLessThan(10 * 1024 * 1024);
    expect(seen).toEqual([2, 1_048_576]);
    expect(rows.warnings).toEqual([expect.objectContaining({ field: 'column XFD', row: 2 })]);
  });

  it('stops after maxRows with a file-level issue', async () => {
    const path = await write(
      'banyak.xlsx',
      await xlsx((sheet) => {
        sheet.addRow(VACANCY_COLUMNS);
        for (let n = 1; n <= 30; n++) sheet.addRow(vacancyRow(n));
      }),
    );
    const result = await readFileRecords('vacancies', path, 25);
    expect(result.records).toHaveLength(25);
    expect(result.rejected).toEqual([
      {
        file: 'banyak.xlsx',
        field: 'file',
        reason: 'the file has more than 25 rows; rows from row 27 on were not read',
      },
    ]);
  });

  it.each([
    ['kosong.xlsx', (_: ExcelJS.Worksheet) => {}, /the first worksheet is empty/],
    [
      'header.xlsx',
      (sheet: ExcelJS.Worksheet) => void sheet.addRow(VACANCY_COLUMNS),
      /header row but no data rows/,
    ],
    [
      'judul.xlsx',
      (sheet: ExcelJS.Worksheet) => {
        sheet.getCell('A3').value = 'vacancy_id';
        sheet.getCell('A4').value = 'V-1';
      },
      /row 1 of the first worksheet must hold the column headers/,
    ],
  ])('%s is a file-level issue', async (name, build, reason) => {
    const result = await readFileRecords('vacancies', await write(name, await xlsx(build)));
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ file: name, reason: expect.stringMatching(reason) }),
    ]);
  });

  it('reports a file that is not a workbook', async () => {
    const result = await readFileRecords('vacancies', await write('palsu.xlsx', 'vacancy_id,title\nV-1,A\n'));
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ field: 'file', reason: expect.stringMatching(/xlsx|worksheet/) }),
    ]);
  });
});

describe('a 50 MB CSV', () => {
  it('is read row by row with memory far below the file size', async () => {
    const path = join(dir, 'besar.csv');
    const out = createWriteStream(path);
    out.write(`${VACANCY_COLUMNS.join(',')},skills\n`);
    let bytes = 0;
    let written = 0;
    const padding = 'menjahit|obras|membaca pola|quality control|'.repeat(3);
    while (bytes < 50 * 1024 * 1024) {
      written++;
      const line = `V-${written},E-${written % 97},"PT Garmen ${written % 13}, Tbk",Operator Jahit,7533,3322,3,SMP,31/12/2025,${padding}\n`;
      bytes += line.length;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);

    const fileSize = 50 * 1024 * 1024;

    // The reader alone holds one chunk and one row at a time.
    const readerOnly = await peakHeapGrowth(async () => {
      const rows = readRawRows(createReadStream(path), {
        format: 'csv',
        file: 'besar.csv',
        maxRows: 1_000_000,
      });
      let count = 0;
      for await (const _ of rows) {
        count++;
        if (count % 20_000 === 0) sample();
      }
      expect(rows.issues).toEqual([]);
      expect(count).toBe(written);
    });
    expect(readerOnly).toBeLessThan(fileSize / 10);

    // With the record parser, the ids kept for the duplicate check grow with the row count (270,000 here).
    const withParser = await peakHeapGrowth(async () => {
      const rows = readRawRows(createReadStream(path), {
        format: 'csv',
        file: 'besar.csv',
        maxRows: 1_000_000,
      });
      const parser = createRecordParser('vacancies', { file: 'besar.csv' });
      let records = 0;
      let rejected = 0;
      for await (const raw of rows) {
        const result = parser.parseRow(raw);
        if (result.record) records++;
        rejected += result.rejected.length;
        if (records % 20_000 === 0) sample();
      }
      expect(rejected).toBe(0);
      expect(records).toBe(written);
    });
    expect(withParser).toBeLessThan(fileSize / 2);
  }, 120_000);
});

describe('the example files in test/fixtures/files', () => {
  it.each([
    ['vacancies', 'vacancies.csv', 3],
    ['trainings', 'trainings.json', 2],
    ['assessments', 'assessments.jsonl', 2],
  ] as const)('%s: %s parses without any issue', async (kind, name, count) => {
    const result = await readFileRecords(kind, join('test/fixtures/files', name));
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(count);
  });
});
