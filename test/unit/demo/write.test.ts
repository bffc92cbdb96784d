import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_JAVA_DISTRICTS } from '#cli/demo/catalogue';
import { type DemoData, type DemoManifest, generateDemoData } from '#cli/demo/generate';
import { csvField, TRAINING_COLUMNS, trainingRow, VACANCY_COLUMNS, vacancyRow } from '#cli/demo/rows';
import { writeDemoFiles } from '#cli/demo/write';
import { isIsoDate } from '#core/domain/calendar';
import { EDUCATION_LEVELS } from '#core/domain/education';

const AS_OF = '2026-12-01';
const root = mkdtempSync(join(tmpdir(), 'sinergi-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** RFC 4180 reader, written here so the test does not trust the writer's own quoting code. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

function sheetObjects(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = VACANCY_COLUMNS;
  const objects: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const o: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const value = row.getCell(i + 1).value;
      if (value !== null && value !== undefined) o[column] = value;
    });
    objects.push(o);
  });
  return objects;
}

const known = (d: unknown) => typeof d === 'string' && d in CENTRAL_JAVA_DISTRICTS;
const isCode = (c: unknown) => typeof c === 'string' && /^\d{4}$/.test(c);
const atLeastOne = (n: unknown) => Number.isInteger(Number(n)) && Number(n) >= 1 && String(n) !== '';

/** The canonical rules the deliberately invalid rows break, checked independently of the generator. */
function assessmentProblems(r: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (r['nik'] !== undefined && !(typeof r['nik'] === 'string' && /^\d{16}$/.test(r['nik'])))
    problems.push('nik');
  if (!known(r['district'])) problems.push('district');
  if (!isIsoDate(String(r['birth_date']))) problems.push('birth_date');
  if (!isIsoDate(String(r['assessed_at']))) problems.push('assessed_at');
  if (r['gender'] !== 'F' && r['gender'] !== 'M') problems.push('gender');
  if (!(EDUCATION_LEVELS as readonly unknown[]).includes(r['education'])) problems.push('education');
  for (const [item, a] of Object.entries(r['interests'] as Record<string, unknown>)) {
    if (a !== null && !(Number.isInteger(a) && (a as number) >= 0 && (a as number) <= 4)) {
      problems.push(`interests.${item}`);
    }
  }
  return problems;
}

function vacancyProblems(r: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!isCode(r['occupation_code'])) problems.push('occupation_code');
  if (!known(r['district'])) problems.push('district');
  if (!atLeastOne(r['openings'])) problems.push('openings');
  if (!(EDUCATION_LEVELS as readonly unknown[]).includes(r['min_education'])) problems.push('min_education');
  if (!isIsoDate(String(r['closing_date'] ?? ''))) problems.push('closing_date');
  return problems;
}

function trainingProblems(r: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!r['target_occupations']!.split('|').every(isCode)) problems.push('target_occupations');
  if (!known(r['district'])) problems.push('district');
  if (!atLeastOne(r['seats'])) problems.push('seats');
  if (!isIsoDate(r['start_date']!)) problems.push('start_date');
  if (!atLeastOne(r['duration_days'])) problems.push('duration_days');
  if (!(Number(r['cost_idr']) >= 0) || r['cost_idr'] === '') problems.push('cost_idr');
  return problems;
}

function found(rows: Record<string, unknown>[], check: (r: never) => string[]) {
  return rows.flatMap((r, i) => check(r as never).map((field) => ({ row: i + 1, field })));
}

function listed(manifest: DemoManifest, kind: keyof DemoManifest['files']) {
  return manifest.files[kind].invalid.map(({ row, field }) => ({ row, field }));
}

describe('writeDemoFiles', () => {
  let data: DemoData;
  let dir: string;
  let manifest: DemoManifest;

  beforeAll(async () => {
    data = generateDemoData({ asOf: AS_OF });
    dir = join(root, 'full');
    const names = await writeDemoFiles(dir, data);
    expect(names).toEqual({
      assessments: 'assessments.jsonl',
      vacancies: 'vacancies.xlsx',
      trainings: 'trainings.csv',
      manifest: 'manifest.json',
    });
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  });

  it('writes one JSON object per line, valid records unchanged and the broken ones exactly where listed', async () => {
    const lines = (await readFile(join(dir, 'assessments.jsonl'), 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(manifest.files.assessments.rows);
    expect(manifest.files.assessments.rows).toBe(16_004);
    expect(found(rows, assessmentProblems)).toEqual(listed(manifest, 'assessments'));
    const invalidRows = new Set(manifest.files.assessments.invalid.map((r) => r.row));
    expect(rows.filter((_, i) => !invalidRows.has(i + 1))).toEqual(data.assessments);
    expect(lines[manifest.files.assessments.invalid[0]!.line - 1]).toMatch(/"nik":\d{16},/);
  });

  it('writes vacancies as XLSX whose ID and code columns are text cells and whose rows round-trip', async () => {
    const sheet = await readSheet(join(dir, 'vacancies.xlsx'));
    expect(sheet.getRow(1).values).toEqual([undefined, ...VACANCY_COLUMNS]);
    for (const column of ['vacancy_id', 'employer_id', 'occupation_code', 'district', 'closing_date']) {
      const cell = sheet.getRow(2).getCell(VACANCY_COLUMNS.indexOf(column as never) + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    expect(sheet.getRow(2).getCell(VACANCY_COLUMNS.indexOf('openings') + 1).type).toBe(
      ExcelJS.ValueType.Number,
    );
    const rows = sheetObjects(sheet);
    expect(rows).toHaveLength(5_005);
    expect(found(rows, vacancyProblems)).toEqual(listed(manifest, 'vacancies'));
    const invalidRows = new Set(manifest.files.vacancies.invalid.map((r) => r.row));
    const expected = data.vacancies.map((v) =>
      Object.fromEntries(Object.entries(vacancyRow(v)).filter(([, cell]) => cell !== undefined)),
    );
    expect(rows.filter((_, i) => !invalidRows.has(i + 1))).toEqual(expected);
    expect(manifest.files.vacancies.invalid.map((r) => sheet.getRow(r.line).getCell(1).value)).toEqual(
      manifest.files.vacancies.invalid.map((r) => r.id),
    );
  });

  it('writes training offers as RFC 4180 CSV that survives names with commas and quotes', async () => {
    const text = await readFile(join(dir, 'trainings.csv'), 'utf8');
    const [header, ...body] = parseCsv(text);
    expect(header).toEqual([...TRAINING_COLUMNS]);
    expect(body).toHaveLength(1_004);
    expect(body.every((cells) => cells.length === TRAINING_COLUMNS.length)).toBe(true);
    const rows = body.map((cells) => Object.fromEntries(TRAINING_COLUMNS.map((c, i) => [c, cells[i]!])));
    expect(found(rows, trainingProblems)).toEqual(listed(manifest, 'trainings'));
    const invalidRows = new Set(manifest.files.trainings.invalid.map((r) => r.row));
    const asText = (t: (typeof data.trainings)[number]) =>
      Object.fromEntries(
        Object.entries(trainingRow(t)).map(([c, cell]) => [c, cell === undefined ? '' : String(cell)]),
      );
    expect(rows.filter((_, i) => !invalidRows.has(i + 1))).toEqual(data.trainings.map(asText));
    expect(data.trainings.some((t) => t.provider_name.includes(','))).toBe(true);
    expect(data.trainings.some((t) => t.provider_name.includes('"'))).toBe(true);
  });

  it('keeps personal data out of the manifest', async () => {
    const text = await readFile(join(dir, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/\d{16}/);
    expect(manifest.synthetic).toBe(true);
    expect(manifest.notice).toMatch(/[Ss]ynthetic/);
  });
});

describe('reproducibility', () => {
  const files = ['assessments.jsonl', 'vacancies.xlsx', 'trainings.csv', 'manifest.json'];

  async function bytes(name: string, seed: number): Promise<Buffer[]> {
    const dir = join(root, name);
    await writeDemoFiles(dir, generateDemoData({ asOf: AS_OF, size: 'small', seed }));
    return Promise.all(files.map((f) => readFile(join(dir, f))));
  }

  it('writes identical bytes for the same seed, at different times, and different bytes for another seed', async () => {
    const first = await bytes('a', 7);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await bytes('b', 7);
    const other = await bytes('c', 8);
    files.forEach((_, i) => {
      expect(second[i]!.equals(first[i]!)).toBe(true);
      expect(other[i]!.equals(first[i]!)).toBe(false);
    });
  });
});

describe('csvField', () => {
  it('quotes only what needs quoting and doubles inner quotes', () => {
    expect(csvField('UPTD BLK Kota Semarang')).toBe('UPTD BLK Kota Semarang');
    expect(csvField('LPK Melati, Kebumen')).toBe('"LPK Melati, Kebumen"');
    expect(csvField('LPK "Surya" Busana')).toBe('"LPK ""Surya"" Busana"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(0)).toBe('0');
    expect(csvField(undefined)).toBe('');
  });
});
