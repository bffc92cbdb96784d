/**
 * Streams the demo dataset into its canonical files: assessments as JSON Lines, vacancies as XLSX
 * (exceljs streaming writer, IDs and codes as text cells), training offers as RFC 4180 CSV, and the
 * manifest. Output is byte-for-byte reproducible from the seed.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { IsoDate } from '#core/domain/calendar';
import { DEMO_FILES, type DemoData, demoManifest, type InvalidRow } from './generate.ts';
import {
  type Cell,
  csvLine,
  TRAINING_COLUMNS,
  trainingRow,
  VACANCY_COLUMNS,
  VACANCY_NUMBER_COLUMNS,
  vacancyRow,
} from './rows.ts';

/** Valid records and invalid rows merged in file order (invalid rows sit at their manifest row). */
function* rowsInFileOrder<T>(
  valid: readonly T[],
  invalid: readonly InvalidRow[],
  toRow: (record: T) => Record<string, unknown>,
): Generator<Record<string, unknown>> {
  const total = valid.length + invalid.length;
  let next = 0;
  let k = 0;
  for (let row = 1; row <= total; row++) {
    const injected = invalid[k];
    if (injected && injected.row === row) {
      k += 1;
      yield injected.record;
    } else {
      yield toRow(valid[next++]!);
    }
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  try {
    for (const line of lines) {
      if (!out.write(line)) await once(out, 'drain');
    }
  } finally {
    out.end();
  }
  await once(out, 'close');
}

function* jsonLines(rows: Iterable<Record<string, unknown>>): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

function* csvLines(columns: readonly string[], rows: Iterable<Record<string, unknown>>): Generator<string> {
  yield csvLine(columns);
  for (const row of rows) yield csvLine(columns.map((c) => row[c] as Cell));
}

/** A zip entry's DOS date and time fields for midnight of `date`. */
function dosDateTime(date: IsoDate): { date: number; time: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { date: ((Math.max(y, 1980) - 1980) << 9) | (m << 5) | d, time: 0 };
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The zip library stamps every entry with the wall-clock time. Rewriting the stamps in place (local
 * headers and central directory) makes the XLSX a function of the data alone.
 */
async function stampZipEntries(path: string, date: IsoDate): Promise<void> {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${path}: no zip end-of-central-directory record`);
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(dosTime, 0);
    stamp.writeUInt16LE(dosDate, 2);
    const header = Buffer.alloc(4);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`${path}: bad central directory`);
      stamp.copy(directory, at + 12);
      const localOffset = directory.readUInt32LE(at + 42);
      await file.read(header, 0, 4, localOffset);
      if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`${path}: bad local header`);
      await file.write(stamp, 0, 4, localOffset + 10);
      at +=
        46 +
        directory.readUInt16LE(at + 28) +
        directory.readUInt16LE(at + 30) +
        directory.readUInt16LE(at + 32);
    }
    await file.write(directory, 0, directorySize, directoryOffset);
  } finally {
    await file.close();
  }
}

async function writeVacancyWorkbook(path: string, data: DemoData): Promise<void> {
  const created = new Date(`${data.settings.asOf}T00:00:00Z`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = created;
  workbook.modified = created;
  workbook.creator = 'sinergi-match demo';
  workbook.lastModifiedBy = 'sinergi-match demo';
  const sheet = workbook.addWorksheet('vacancies');
  // Text format on ID, code and date columns, so Excel never turns a code into a number.
  sheet.columns = VACANCY_COLUMNS.map((key) => ({
    key,
    width: Math.max(12, key.length + 2),
    style: VACANCY_NUMBER_COLUMNS.has(key) ? {} : { numFmt: '@' },
  }));
  sheet.addRow([...VACANCY_COLUMNS]).commit();
  const rows = rowsInFileOrder(data.vacancies, data.invalid.vacancies, vacancyRow);
  for (const row of rows) {
    sheet.addRow(VACANCY_COLUMNS.map((c) => (row[c] as Cell) ?? null)).commit();
  }
  sheet.commit();
  await workbook.commit();
  await stampZipEntries(path, data.settings.asOf);
}

export interface DemoFileNames {
  assessments: 'assessments.jsonl';
  vacancies: 'vacancies.xlsx';
  trainings: 'trainings.csv';
  manifest: 'manifest.json';
}

/** Writes the four demo files into `dir` (created if missing) and returns their names in it. */
export async function writeDemoFiles(dir: string, data: DemoData): Promise<DemoFileNames> {
  await mkdir(dir, { recursive: true });
  await writeLines(
    join(dir, DEMO_FILES.assessments),
    jsonLines(rowsInFileOrder(data.assessments, data.invalid.assessments, (r) => ({ ...r }))),
  );
  await writeVacancyWorkbook(join(dir, DEMO_FILES.vacancies), data);
  await writeLines(
    join(dir, DEMO_FILES.trainings),
    csvLines(TRAINING_COLUMNS, rowsInFileOrder(data.trainings, data.invalid.trainings, trainingRow)),
  );
  await writeFile(join(dir, DEMO_FILES.manifest), `${JSON.stringify(demoManifest(data), null, 2)}\n`);
  return { ...DEMO_FILES };
}
