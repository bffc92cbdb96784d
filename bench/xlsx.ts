/**
 * Reading the 5,000-row vacancy XLSX of the pipeline benchmark: the project's reader (central
 * directory, bounded inflation, streamed worksheet) against exceljs's streaming reader, the one it
 * replaced, on the same file. Rows and closing dates are digested so both must read the same values.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { generateDemoData, writeDemoFiles } from '#cli/demo/index';
import { DEFAULT_PILOT_DISTRICTS } from '#core/reference/pilot';
import { worksheetRows } from '#functions/shared/files/xlsx';
import type { BenchmarkModule, MeasuredOutcome, WorkloadOutcome } from './types.ts';

const ROUNDS = 5;

async function vacancyWorkbook(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-xlsx-'));
  try {
    const data = generateDemoData({
      asOf: '2026-11-28',
      seed: 20_261_128,
      size: 'full',
      assessments: 10,
      vacancies: 5_000,
      trainings: 10,
      districts: [...DEFAULT_PILOT_DISTRICTS],
      invalidRows: false,
    });
    const names = await writeDemoFiles(dir, data);
    const path = join(dir, names.vacancies);
    console.error(`   file: ${Math.round(statSync(path).size / 1024)} KB`);
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const shown = (cell: unknown) => (cell instanceof Date ? cell.toISOString() : String(cell ?? ''));

async function readOwn(bytes: Buffer, digest: (cells: unknown[]) => void): Promise<number> {
  let rows = 0;
  for await (const row of worksheetRows(Readable.from([bytes]))) {
    digest(row.cells);
    rows++;
  }
  return rows;
}

async function readExcelJs(bytes: Buffer, digest: (cells: unknown[]) => void): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const cells: unknown[] = [];
      row.eachCell((cell, column) => {
        const value = cell.value as unknown;
        cells[column - 1] =
          typeof value === 'object' && value !== null && !(value instanceof Date) ? '' : value;
      });
      digest(cells);
      rows++;
    }
    break;
  }
  return rows;
}

async function run(workload: string): Promise<WorkloadOutcome> {
  const bytes = await vacancyWorkbook();
  const read = workload === 'exceljs' ? readExcelJs : readOwn;
  const hash = createHash('sha256');
  let rows = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const roundHash = createHash('sha256');
    rows = await read(bytes, (cells) => roundHash.update(cells.map(shown).join('\t')));
    if (round === 0) hash.update(roundHash.digest());
  }
  const seconds = (performance.now() - started) / 1000 / ROUNDS;
  return {
    summary: `${rows} rows in ${seconds.toFixed(2)} s a read (mean of ${ROUNDS})`,
    metrics: { rows, seconds },
    digest: hash.digest('hex').slice(0, 16),
  };
}

export const xlsxBenchmark: BenchmarkModule = {
  description: 'reading the 5,000-row vacancy XLSX: the project reader against exceljs streaming',
  workloads: [
    { name: 'reader', description: 'central directory + bounded inflate + saxes' },
    { name: 'exceljs', description: 'exceljs WorkbookReader (the replaced reader)' },
  ],
  run,
  compare(results: Record<string, MeasuredOutcome>): string[] {
    const own = results.reader;
    const baseline = results.exceljs;
    if (!own || !baseline) return [];
    const speed = (baseline.metrics.seconds ?? 0) / (own.metrics.seconds ?? 1);
    return [
      `   reader is ${speed.toFixed(1)}x exceljs's speed; peak RSS ${own.peakRssMb} MB vs ${baseline.peakRssMb} MB`,
      `   same cells read: ${own.digest === baseline.digest ? 'yes' : 'no (dates or strings differ)'}`,
    ];
  },
};
